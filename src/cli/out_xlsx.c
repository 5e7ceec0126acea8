/*
 * out_xlsx.c - every report's -o FILE.xlsx: the rows a report would print
 * go to one worksheet through the core's export writer instead, typed
 * (money as numbers with a totals row, counts as numbers).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "out.h"

int out_is_xlsx(const char *path)
{
	size_t n = path ? strlen(path) : 0;
	return n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0;
}

int out_xlsx_begin(struct out *o, credo_db *db, const char *path, const char *sheet,
		   const struct out_col *cols, int ncols)
{
	*o = (struct out){ .fmt = OUT_CSV, .cols = cols, .ncols = ncols };
	if (!out_is_xlsx(path)) {
		fprintf(stderr, "credo: -o %s: %s\n", path, _("write the report to a file ending in .xlsx"));
		return CLI_USAGE;
	}
	if (ncols > OUT_MAX_COLS)
		ncols = o->ncols = OUT_MAX_COLS;
	for (int i = 0; i < ncols; i++)
		o->xcols[i] = (credo_export_col){
			.name = cols[i].name,
			.type = cols[i].type == OUT_MONEY ? CREDO_CELL_MONEY : cols[i].type == OUT_INT ? CREDO_CELL_INT
												 : CREDO_CELL_TEXT,
			.total = cols[i].type == OUT_MONEY,
		};
	credo_status st = credo_export_begin(db, path, CREDO_EXPORT_XLSX, &o->x);
	if (st == CREDO_OK && (st = credo_export_table(o->x, sheet, o->xcols, ncols)) != CREDO_OK) {
		credo_export_abort(o->x);
		o->x = NULL;
	}
	return st ? cli_fail(db, st) : 0;
}

void out_xlsx_row(struct out *o, const char *const *raw)
{
	if (o->xst)
		return;
	credo_export_cell cells[OUT_MAX_COLS];
	for (int i = 0; i < o->ncols; i++) {
		const char *v = raw[i];
		cells[i] = (credo_export_cell){ .text = v };
		if (o->xcols[i].type != CREDO_CELL_TEXT) {
			char *end;
			long long n = v && *v ? strtoll(v, &end, 10) : 0;
			/* A number column holding no number ("", "-") is left empty. */
			cells[i] = (credo_export_cell){ .num = n, .blank = !v || !*v || *end };
		}
	}
	o->xst = credo_export_row(o->x, cells);
	o->rows++;
}

void out_xlsx_chart(struct out *o, const credo_export_chart *c)
{
	if (o->x && !o->xst)
		o->xst = credo_export_add_chart(o->x, c);
}

int out_xlsx_end(struct out *o, credo_db *db)
{
	if (!o->x)
		return 0;
	credo_status st = o->xst;
	if (st)
		credo_export_abort(o->x);
	else
		st = credo_export_end(o->x);
	o->x = NULL;
	return st ? cli_fail(db, st) : 0;
}

int out_open(struct out *o, credo_db *db, enum out_format fmt, const char *xlsx, const char *sheet,
	     const struct out_col *cols, int ncols)
{
	if (xlsx)
		return out_xlsx_begin(o, db, xlsx, sheet, cols, ncols);
	out_begin(o, fmt, cols, ncols, stdout);
	return 0;
}

int out_close(struct out *o, credo_db *db)
{
	if (o->x)
		return out_xlsx_end(o, db);
	out_end(o);
	return 0;
}

int out_finish(struct out *o, credo_db *db, credo_status st)
{
	if (st == CREDO_OK)
		return out_close(o, db);
	if (o->x) {
		credo_export_abort(o->x);
		o->x = NULL;
	}
	return cli_fail(db, st);
}

char *out_bp(int bp, char buf[24])
{
	if (bp < 0) {
		buf[0] = '\0';
		return buf;
	}
	snprintf(buf, 24, "%d.%02d%%", bp / 100, bp % 100);
	return buf;
}
