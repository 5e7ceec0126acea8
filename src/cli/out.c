/* out.c - table, CSV and JSON output of lists. */
#include <csv.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "out.h"

int out_parse_format(const char *s, enum out_format *fmt)
{
	static const char *const names[] = { [OUT_TABLE] = "table", [OUT_CSV] = "csv", [OUT_JSON] = "json" };
	for (int i = 0; i < 3; i++) {
		if (s && strcmp(s, names[i]) == 0) {
			*fmt = (enum out_format)i;
			return 0;
		}
	}
	return -1;
}

static void csv_field(FILE *f, const char *s, int first)
{
	if (!first)
		fputc(',', f);
	csv_fwrite(f, s, strlen(s));
}

static void table_cell(struct out *o, int i, const char *s)
{
	if (i > 0)
		fputs("  ", o->f);
	if (o->cols[i].type != OUT_TEXT && o->cols[i].width > credo_text_width(s)) {
		fprintf(o->f, "%*s", o->cols[i].width - credo_text_width(s), "");	/* numbers align right */
		fputs(s, o->f);
	} else if (i == o->ncols - 1) {
		char buf[4096];
		credo_text_fit(s, (int)sizeof buf / 4, 0, buf, sizeof buf);	/* make control chars safe */
		fputs(buf, o->f);
	} else {
		cli_put_cell(o->f, s, o->cols[i].width);
	}
}

void out_begin(struct out *o, enum out_format fmt, const struct out_col *cols, int ncols, FILE *f)
{
	*o = (struct out){ .fmt = fmt, .cols = cols, .ncols = ncols, .f = f };
}

/*
 * The header row (or '[') goes out with the first row or at the end, not at
 * out_begin: a report refused by the core (exit 3) then prints nothing on
 * stdout, not a header over an error.
 */
static void out_header(struct out *o)
{
	if (o->started)
		return;
	o->started = 1;
	switch (o->fmt) {
	case OUT_TABLE:
		for (int i = 0; i < o->ncols; i++)
			table_cell(o, i, _(o->cols[i].name));
		fputc('\n', o->f);
		break;
	case OUT_CSV:
		for (int i = 0; i < o->ncols; i++)
			csv_field(o->f, o->cols[i].name, i == 0);
		fputs("\r\n", o->f);
		break;
	case OUT_JSON:
		fputc('[', o->f);
		break;
	}
}

static json_t *json_value(const struct out_col *c, const char *v)
{
	if (!v)
		return json_null();
	if (c->type == OUT_INT && *v) {
		char *end;
		long long n = strtoll(v, &end, 10);
		if (!*end)
			return json_integer(n);
	}
	/* Amounts stay exact decimal text ("1234.50"): no double round trip. */
	json_t *s = json_string(v);
	return s ? s : json_string("?");
}

/* Money columns arrive as fen; everything else as it is. */
static const char *cell_text(struct out *o, int i, const char *v, char *buf)
{
	if (!v || o->cols[i].type != OUT_MONEY || !*v)
		return v;
	char *end;
	long long fen = strtoll(v, &end, 10);
	if (*end)
		return v;
	return credo_money_format(fen, o->fmt == OUT_TABLE, buf, CREDO_MONEY_BUFSZ);
}

void out_row(struct out *o, const char *const *raw)
{
	if (o->x) {
		out_xlsx_row(o, raw);
		return;
	}
	out_header(o);
	char money[64][CREDO_MONEY_BUFSZ];
	const char *values[64];
	for (int i = 0; i < o->ncols && i < 64; i++)
		values[i] = cell_text(o, i, raw[i], money[i]);
	switch (o->fmt) {
	case OUT_TABLE:
		for (int i = 0; i < o->ncols; i++)
			table_cell(o, i, values[i] ? values[i] : "");
		fputc('\n', o->f);
		break;
	case OUT_CSV:
		for (int i = 0; i < o->ncols; i++)
			csv_field(o->f, values[i] ? values[i] : "", i == 0);
		fputs("\r\n", o->f);
		break;
	case OUT_JSON: {
		json_t *row = json_object();
		for (int i = 0; i < o->ncols; i++)
			json_object_set_new(row, o->cols[i].name, json_value(&o->cols[i], values[i]));
		fputs(o->rows ? ",\n " : "\n ", o->f);
		json_dumpf(row, o->f, JSON_COMPACT | JSON_PRESERVE_ORDER);
		json_decref(row);
		break;
	}
	}
	o->rows++;
}

void out_end(struct out *o)
{
	if (o->x)
		return;
	out_header(o);
	if (o->fmt == OUT_JSON)
		fputs(o->rows ? "\n]\n" : "]\n", o->f);
}
