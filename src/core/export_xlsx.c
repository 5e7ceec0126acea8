/*
 * export_xlsx.c - typed tables to an .xlsx workbook or to CSV files, and
 * the monthly receivables workbook (DESIGN.md section 7).
 *
 * The workbook is written with libxlsxwriter in constant-memory mode: each
 * row goes to the worksheet's temporary file as soon as the next row
 * starts, so memory stays flat whatever the size. What a table keeps is its
 * column widths and running totals. Money is int64 fen throughout; it
 * becomes a double only in the call that writes the cell.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <xlsxwriter.h>

#include "internal.h"

#define MAX_COLS 64
#define MAX_TABLES 16
#define MIN_WIDTH 6
#define MAX_WIDTH 60

struct credo_export {
	credo_db *db;
	credo_export_format fmt;
	char *path;			/* the workbook, or the CSV path the file names derive from */
	/* the workbook */
	lxw_workbook *wb;
	char *part;			/* path.part, renamed to path at the end */
	lxw_format *bold, *money, *date, *bold_money, *italic;
	lxw_worksheet *ws;
	/* CSV: one file per table, renamed into place at the end */
	FILE *csv;
	char *csv_part[MAX_TABLES], *csv_final[MAX_TABLES];
	int ntables;
	/* the current table */
	const credo_export_col *cols;
	int ncols;
	lxw_row_t row;			/* next row to write; 0 is the header */
	int width[MAX_COLS];		/* widest cell so far, in display cells */
	int64_t total[MAX_COLS];
	int overflow;			/* a total left int64 */
	char *note;
	int has_chart;			/* a chart waits for the table's end */
	credo_export_chart chart;
	char chart_title[128];
	char sheet[128];		/* up to 31 characters of UTF-8 */
};

/* ---- widths ---- */

/* Display cells of one code point: East Asian wide and fullwidth characters take two. */
static int cp_cells(unsigned cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
		       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
		       (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
		       (cp >= 0x20000 && cp <= 0x3FFFD)
		       ? 2 : 1;
}

/* Cells that UTF-8 text takes: the width a spreadsheet column needs, without the locale. */
static int text_cells(const char *s)
{
	int cells = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned cp = *p;
		int more = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : cp >= 0xC0 ? 1 : 0;
		if (more)
			cp &= 0x3Fu >> more;
		p++;
		for (; more > 0 && (*p & 0xC0) == 0x80; more--, p++)
			cp = (cp << 6) | (*p & 0x3Fu);
		cells += cp_cells(cp);
	}
	return cells;
}

static void widen(credo_export *x, int col, int cells)
{
	if (cells > x->width[col])
		x->width[col] = cells;
}

/* ---- beginning and end ---- */

static char *dup_cat(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	char *s = malloc(na + nb + 1);
	if (s) {
		memcpy(s, a, na);
		memcpy(s + na, b, nb + 1);
	}
	return s;
}

static void export_free(credo_export *x)
{
	for (int i = 0; i < x->ntables; i++) {
		free(x->csv_part[i]);
		free(x->csv_final[i]);
	}
	free(x->path);
	free(x->part);
	free(x->note);
	free(x);
}

credo_status credo_export_csv_path(const char *path, const char *name, char *buf, size_t len)
{
	size_t n = strlen(path);
	if (n > 4 && strcmp(path + n - 4, ".csv") == 0)
		n -= 4;
	else if (n > 5 && strcmp(path + n - 5, ".xlsx") == 0)
		n -= 5;
	size_t at = 0;
	int ok = n + 1 < len;
	if (ok) {
		memcpy(buf, path, n);
		at = n;
		buf[at++] = '-';
	}
	for (const char *p = name; ok && *p; p++) {
		ok = at + 1 < len;
		if (ok)
			buf[at++] = *p == ' ' ? '-' : (*p >= 'A' && *p <= 'Z') ? (char)(*p - 'A' + 'a') : *p;
	}
	ok = ok && at + 5 <= len;
	if (!ok)
		return CREDO_INVALID;
	memcpy(buf + at, ".csv", 5);
	return CREDO_OK;
}

credo_status credo_export_begin(credo_db *db, const char *path, credo_export_format fmt, credo_export **out)
{
	*out = NULL;
	if (!path || !*path)
		return credo__fail(db, CREDO_INVALID, "name the file to write");
	if (fmt != CREDO_EXPORT_XLSX && fmt != CREDO_EXPORT_CSV)
		return credo__fail(db, CREDO_INVALID, "unknown export format");
	credo_export *x = calloc(1, sizeof *x);
	if (!x || !(x->path = strdup(path))) {
		free(x);
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	}
	x->db = db;
	x->fmt = fmt;
	if (fmt == CREDO_EXPORT_CSV) {
		*out = x;
		return CREDO_OK;
	}
	if (!(x->part = dup_cat(path, ".part"))) {
		export_free(x);
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	}
	/* libxlsxwriter opens the file only when it closes the workbook: find out now whether it can. */
	FILE *probe = fopen(x->part, "wb");
	if (!probe) {
		credo_status rc = credo__fail(db, CREDO_IO, "cannot write %s: %s", path, strerror(errno));
		export_free(x);
		return rc;
	}
	fclose(probe);
	/* Each worksheet's rows wait in a temporary file until the workbook is closed. */
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = getenv("TMPDIR") };
	x->wb = workbook_new_opt(x->part, &opt);
	if (!x->wb) {
		remove(x->part);
		export_free(x);
		return credo__fail(db, CREDO_NOMEM, "cannot start a workbook");
	}
	x->bold = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	x->money = workbook_add_format(x->wb);
	format_set_num_format(x->money, "#,##0.00");
	x->date = workbook_add_format(x->wb);
	format_set_num_format(x->date, "yyyy-mm-dd");
	x->bold_money = workbook_add_format(x->wb);
	format_set_bold(x->bold_money);
	format_set_num_format(x->bold_money, "#,##0.00");
	x->italic = workbook_add_format(x->wb);
	format_set_italic(x->italic);
	*out = x;
	return CREDO_OK;
}

static credo_status lxw_fail(credo_export *x, lxw_error e, const char *what)
{
	return credo__fail(x->db, CREDO_IO, "writing %s: %s: %s", x->path, what, lxw_strerror(e));
}

/*
 * The table's chart, below its totals and note. It references the cells
 * (constant-memory mode keeps no data to copy into the chart), so it needs
 * data rows, and for by_totals the totals row.
 */
static lxw_error insert_chart(credo_export *x, int has_totals)
{
	const credo_export_chart *c = &x->chart;
	x->has_chart = 0;
	lxw_row_t last = x->row - 1;
	if (last < 1 || (c->by_totals && !has_totals))
		return LXW_NO_ERROR;
	lxw_chart *ch = workbook_add_chart(x->wb, c->bar ? LXW_CHART_BAR : LXW_CHART_COLUMN);
	if (!ch)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	if (x->chart_title[0])
		chart_title_set_name(ch, x->chart_title);
	if (c->by_totals) {
		/* One series: the totals row over the columns, which must be adjacent. */
		lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
		lxw_col_t a = (lxw_col_t)c->cols[0], b = (lxw_col_t)c->cols[c->ncols - 1];
		chart_series_set_categories(s, x->sheet, 0, a, 0, b);
		chart_series_set_values(s, x->sheet, x->row, a, x->row, b);
		chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
	} else {
		for (int i = 0; i < c->ncols; i++) {
			lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
			chart_series_set_categories(s, x->sheet, 1, (lxw_col_t)c->cat_col, last, (lxw_col_t)c->cat_col);
			chart_series_set_values(s, x->sheet, 1, (lxw_col_t)c->cols[i], last, (lxw_col_t)c->cols[i]);
			chart_series_set_name_range(s, x->sheet, 0, (lxw_col_t)c->cols[i]);
		}
		chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	}
	return worksheet_insert_chart(x->ws, x->row + 4, 1, ch);
}

credo_status credo_export_add_chart(credo_export *x, const credo_export_chart *c)
{
	if (!c || c->ncols < 1 || c->ncols > 8 || c->cat_col < 0 || c->cat_col >= x->ncols)
		return credo__fail(x->db, CREDO_INVALID, "a chart has 1 to 8 columns of its table");
	for (int i = 0; i < c->ncols; i++)
		if (c->cols[i] < 0 || c->cols[i] >= x->ncols)
			return credo__fail(x->db, CREDO_INVALID, "a chart's column is not in its table");
	if (!x->ws)
		return CREDO_OK;	/* CSV holds only rows */
	x->chart = *c;
	snprintf(x->chart_title, sizeof x->chart_title, "%s", c->title ? c->title : "");
	x->chart.title = x->chart_title;
	x->has_chart = 1;
	return CREDO_OK;
}

/* Totals, note, autofilter and widths of the current worksheet. */
static credo_status finish_sheet(credo_export *x)
{
	lxw_worksheet *ws = x->ws;
	lxw_error e = LXW_NO_ERROR;
	lxw_row_t last = x->row - 1;	/* the last data row; 0 when there is none */
	/* In constant-memory mode a range may not end above the row being written: filter before the totals. */
	e = worksheet_autofilter(ws, 0, 0, last, (lxw_col_t)(x->ncols - 1));
	int totals = 0;
	for (int c = 0; c < x->ncols; c++)
		totals |= x->cols[c].total;
	if (!e && totals && x->row > 1) {
		e = worksheet_write_string(ws, x->row, 0, _("Total"), x->bold);
		for (int c = 0; c < x->ncols && !e; c++) {
			if (!x->cols[c].total)
				continue;
			char range[LXW_MAX_CELL_RANGE_LENGTH], formula[64];
			lxw_rowcol_to_range(range, 1, (lxw_col_t)c, last, (lxw_col_t)c);
			snprintf(formula, sizeof formula, "=SUM(%s)", range);
			/* The cached value is what a reader shows before recalculating. */
			double v = x->cols[c].type == CREDO_CELL_MONEY ? (double)x->total[c] / 100.0 : (double)x->total[c];
			e = worksheet_write_formula_num(ws, x->row, (lxw_col_t)c, formula,
							x->cols[c].type == CREDO_CELL_MONEY ? x->bold_money : x->bold, v);
			char buf[CREDO_MONEY_BUFSZ];
			widen(x, c, (int)strlen(credo_money_format(x->total[c], 1, buf, sizeof buf)));
		}
	}
	if (!e && x->note)
		e = worksheet_write_string(ws, x->row + 2, 0, x->note, x->italic);
	if (!e && x->has_chart)
		e = insert_chart(x, totals && x->row > 1);
	for (int c = 0; c < x->ncols && !e; c++) {
		int w = x->width[c] + 2;
		e = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
					 w < MIN_WIDTH ? MIN_WIDTH : w > MAX_WIDTH ? MAX_WIDTH : w, NULL);
	}
	free(x->note);
	x->note = NULL;
	x->ws = NULL;
	if (x->overflow)
		return credo__fail(x->db, CREDO_INVALID, "a total of %s is too large", x->path);
	return e ? lxw_fail(x, e, "finishing a sheet") : CREDO_OK;
}

static credo_status finish_csv(credo_export *x)
{
	FILE *f = x->csv;
	x->csv = NULL;
	free(x->note);
	x->note = NULL;
	int bad = ferror(f);
	if (fclose(f) != 0 || bad)
		return credo__fail(x->db, CREDO_IO, "writing %s: %s", x->csv_part[x->ntables - 1], strerror(errno));
	return CREDO_OK;
}

static credo_status finish_table(credo_export *x)
{
	if (x->ws)
		return finish_sheet(x);
	if (x->csv)
		return finish_csv(x);
	return CREDO_OK;
}

static void csv_put(FILE *f, const char *s, int first)
{
	if (!first)
		fputc(',', f);
	csv_fwrite(f, s ? s : "", s ? strlen(s) : 0);
}

credo_status credo_export_table(credo_export *x, const char *name, const credo_export_col *cols, int ncols)
{
	credo_status rc = finish_table(x);
	if (rc)
		return rc;
	if (ncols < 1 || ncols > MAX_COLS || x->ntables == MAX_TABLES)
		return credo__fail(x->db, CREDO_INVALID, "a table has 1 to %d columns, an export at most %d tables",
				   MAX_COLS, MAX_TABLES);
	x->cols = cols;
	x->ncols = ncols;
	x->has_chart = 0;
	x->row = 1;
	x->overflow = 0;
	memset(x->width, 0, sizeof x->width);
	memset(x->total, 0, sizeof x->total);
	for (int c = 0; c < ncols; c++)
		widen(x, c, text_cells(_(cols[c].name)) + 1);	/* bold, and room for the filter button */
	if (x->fmt == CREDO_EXPORT_CSV) {
		char final[4096];
		if (credo_export_csv_path(x->path, name, final, sizeof final))
			return credo__fail(x->db, CREDO_INVALID, "the file name %s is too long", x->path);
		int t = x->ntables;
		x->csv_final[t] = strdup(final);
		x->csv_part[t] = dup_cat(final, ".part");
		x->ntables++;
		if (!x->csv_final[t] || !x->csv_part[t])
			return credo__fail(x->db, CREDO_NOMEM, "out of memory");
		if (!(x->csv = fopen(x->csv_part[t], "wb")))
			return credo__fail(x->db, CREDO_IO, "cannot write %s: %s", final, strerror(errno));
		/* A byte-order mark, so a spreadsheet opening the file reads the Chinese as UTF-8. */
		fputs("\xEF\xBB\xBF", x->csv);
		for (int c = 0; c < ncols; c++)
			csv_put(x->csv, _(cols[c].name), c == 0);
		fputs("\r\n", x->csv);
		return CREDO_OK;
	}
	/* The sheet is titled in the user's language; CSV file names stay English for scripts. */
	snprintf(x->sheet, sizeof x->sheet, "%s", _(name));	/* charts reference the sheet by this name */
	x->ws = workbook_add_worksheet(x->wb, x->sheet);
	if (!x->ws)
		return credo__fail(x->db, CREDO_INVALID, "cannot add a worksheet named \"%s\"", name);
	worksheet_freeze_panes(x->ws, 1, 0);
	lxw_error e = LXW_NO_ERROR;
	for (int c = 0; c < ncols && !e; c++)
		e = worksheet_write_string(x->ws, 0, (lxw_col_t)c, _(cols[c].name), x->bold);
	return e ? lxw_fail(x, e, "the header") : CREDO_OK;
}

/* YYYY-MM-DD into a workbook date; 0 when text is not one. */
static int to_datetime(const char *text, lxw_datetime *dt)
{
	credo_date d;
	if (!text || credo_date_parse(text, &d, NULL) != CREDO_OK)
		return 0;
	*dt = (lxw_datetime){ 0 };
	credo_date_to_ymd(d, &dt->year, &dt->month, &dt->day);
	return 1;
}

static credo_status xlsx_row(credo_export *x, const credo_export_cell *cells)
{
	if (x->row >= LXW_ROW_MAX - 3)
		return credo__fail(x->db, CREDO_RULE, "more rows than a worksheet holds: export as CSV instead");
	lxw_error e = LXW_NO_ERROR;
	for (int c = 0; c < x->ncols && !e; c++) {
		const credo_export_cell *v = &cells[c];
		lxw_col_t col = (lxw_col_t)c;
		char buf[CREDO_MONEY_BUFSZ];
		lxw_datetime dt;
		switch (x->cols[c].type) {
		case CREDO_CELL_TEXT:
			if (!v->blank && v->text && *v->text) {
				e = worksheet_write_string(x->ws, x->row, col, v->text, NULL);
				widen(x, c, text_cells(v->text));
			}
			break;
		case CREDO_CELL_DATE:
			if (!v->blank && to_datetime(v->text, &dt)) {
				e = worksheet_write_datetime(x->ws, x->row, col, &dt, x->date);
				widen(x, c, 10);
			}
			break;
		case CREDO_CELL_MONEY:
			if (!v->blank) {
				e = worksheet_write_number(x->ws, x->row, col, (double)v->num / 100.0, x->money);
				widen(x, c, (int)strlen(credo_money_format(v->num, 1, buf, sizeof buf)));
			}
			break;
		case CREDO_CELL_INT:
			if (!v->blank) {
				e = worksheet_write_number(x->ws, x->row, col, (double)v->num, NULL);
				widen(x, c, snprintf(buf, sizeof buf, "%lld", (long long)v->num));
			}
			break;
		}
	}
	return e ? lxw_fail(x, e, "a row") : CREDO_OK;
}

static credo_status csv_row(credo_export *x, const credo_export_cell *cells)
{
	for (int c = 0; c < x->ncols; c++) {
		const credo_export_cell *v = &cells[c];
		char buf[CREDO_MONEY_BUFSZ] = "";
		const char *s = "";
		if (v->blank)
			s = "";
		else if (x->cols[c].type == CREDO_CELL_MONEY)
			s = credo_money_format(v->num, 0, buf, sizeof buf);
		else if (x->cols[c].type == CREDO_CELL_INT)
			snprintf(buf, sizeof buf, "%lld", (long long)v->num), s = buf;
		else
			s = v->text ? v->text : "";
		csv_put(x->csv, s, c == 0);
	}
	fputs("\r\n", x->csv);
	return ferror(x->csv) ? credo__fail(x->db, CREDO_IO, "writing %s: %s", x->csv_final[x->ntables - 1],
					    strerror(errno))
			      : CREDO_OK;
}

credo_status credo_export_row(credo_export *x, const credo_export_cell *cells)
{
	if (!x->ws && !x->csv)
		return credo__fail(x->db, CREDO_INVALID, "a row before any table");
	for (int c = 0; c < x->ncols; c++)
		if (x->cols[c].total && !cells[c].blank)
			x->overflow |= __builtin_add_overflow(x->total[c], cells[c].num, &x->total[c]);
	credo_status rc = x->ws ? xlsx_row(x, cells) : csv_row(x, cells);
	if (rc == CREDO_OK)
		x->row++;
	return rc;
}

credo_status credo_export_note(credo_export *x, const char *text)
{
	free(x->note);
	x->note = text ? strdup(text) : NULL;
	return text && !x->note ? credo__fail(x->db, CREDO_NOMEM, "out of memory") : CREDO_OK;
}

credo_status credo_export_end(credo_export *x)
{
	credo_status rc = finish_table(x);
	if (x->wb) {
		lxw_error e = workbook_close(x->wb);
		x->wb = NULL;
		if (rc == CREDO_OK && e)
			rc = lxw_fail(x, e, "closing the workbook");
		if (rc == CREDO_OK && rename(x->part, x->path) != 0)
			rc = credo__fail(x->db, CREDO_IO, "cannot write %s: %s", x->path, strerror(errno));
		if (rc)
			remove(x->part);
	}
	for (int t = 0; t < x->ntables; t++) {
		if (rc == CREDO_OK && rename(x->csv_part[t], x->csv_final[t]) != 0)
			rc = credo__fail(x->db, CREDO_IO, "cannot write %s: %s", x->csv_final[t], strerror(errno));
		if (rc)
			remove(x->csv_part[t]);
	}
	export_free(x);
	return rc;
}

void credo_export_abort(credo_export *x)
{
	if (!x)
		return;
	if (x->csv)
		fclose(x->csv);
	for (int t = 0; t < x->ntables; t++)
		remove(x->csv_part[t]);
	if (x->wb) {
		/* Closing is the only way to free a workbook; what it writes goes away with the part file. */
		workbook_close(x->wb);
		remove(x->part);
	}
	export_free(x);
}

/* ---- the receivables workbook ---- */

static const char *const sheet_names[CREDO_SHEET_COUNT] = { N_("Summary"), N_("Open items"), N_("Received"), N_("Alerts") };

const char *credo_export_sheet_name(int sheet)
{
	return sheet >= 0 && sheet < CREDO_SHEET_COUNT ? sheet_names[sheet] : "";
}

#define T(s) { .text = (s) }
#define M(v) { .num = (v) }
#define I(v) { .num = (v) }

struct rx_walk {
	credo_export *x;
	const credo_month_info *info;
	int64_t rows;
	credo_status rc;
};

/* Summary: the fixed columns, one per aging bucket, then overdue and provision. */
enum { SUMMARY_FIXED = 9, SUMMARY_MAX = SUMMARY_FIXED + CREDO_AGING_MAX_BUCKETS + 2 };

static int summary_row(const credo_month_balance *b, void *ctx)
{
	struct rx_walk *w = ctx;
	credo_export_cell v[SUMMARY_MAX] = {
		T(b->code), T(b->name), T(b->salesperson), T(b->grade), { .num = b->limit, .blank = !b->has_limit },
		M(b->opening), M(b->invoiced), M(b->received), M(b->closing),
	};
	int n = SUMMARY_FIXED;
	for (int i = 0; i < w->info->buckets.n; i++)
		v[n++] = (credo_export_cell)M(b->bucket[i]);
	v[n++] = (credo_export_cell)M(b->overdue);
	v[n++] = (credo_export_cell)M(b->provision);
	w->rows++;
	return (w->rc = credo_export_row(w->x, v)) != CREDO_OK;
}

static const credo_export_col item_cols[] = {
	{ N_("Customer code"), CREDO_CELL_TEXT, 0 }, { N_("Customer"), CREDO_CELL_TEXT, 0 }, { N_("Invoice"), CREDO_CELL_TEXT, 0 },
	{ N_("Contract"), CREDO_CELL_TEXT, 0 }, { N_("Invoice date"), CREDO_CELL_DATE, 0 }, { N_("Due date"), CREDO_CELL_DATE, 0 },
	{ N_("Amount"), CREDO_CELL_MONEY, 1 }, { N_("Open amount"), CREDO_CELL_MONEY, 1 },
	{ N_("Days past due"), CREDO_CELL_INT, 0 }, { N_("Bucket"), CREDO_CELL_TEXT, 0 }, { N_("Collector"), CREDO_CELL_TEXT, 0 },
};

static int item_row(const credo_month_item *it, void *ctx)
{
	struct rx_walk *w = ctx;
	const char *bucket = it->bucket >= 0 && it->bucket < w->info->buckets.n ? w->info->buckets.label[it->bucket] : "";
	credo_export_cell v[] = {
		T(it->customer_code), T(it->customer_name), T(it->invoice_code), T(it->contract_code),
		T(it->invoice_date), T(it->due_date), M(it->amount), M(it->open),
		I(it->days_past_due > 0 ? it->days_past_due : 0), T(*bucket ? _(bucket) : ""), T(it->collector),
	};
	w->rows++;
	return (w->rc = credo_export_row(w->x, v)) != CREDO_OK;
}

static const credo_export_col receipt_cols[] = {
	{ N_("Date"), CREDO_CELL_DATE, 0 }, { N_("Kind"), CREDO_CELL_TEXT, 0 }, { N_("Payment"), CREDO_CELL_TEXT, 0 },
	{ N_("Customer code"), CREDO_CELL_TEXT, 0 }, { N_("Customer"), CREDO_CELL_TEXT, 0 }, { N_("Method"), CREDO_CELL_TEXT, 0 },
	{ N_("Reference"), CREDO_CELL_TEXT, 0 }, { N_("Amount"), CREDO_CELL_MONEY, 1 }, { N_("Applied"), CREDO_CELL_MONEY, 1 },
	{ N_("Unapplied"), CREDO_CELL_MONEY, 1 }, { N_("Applied to"), CREDO_CELL_TEXT, 0 },
};

static int receipt_row(const credo_month_receipt *p, void *ctx)
{
	struct rx_walk *w = ctx;
	credo_export_cell v[] = {
		T(p->date), T(p->kind), T(p->payment_code), T(p->customer_code), T(p->customer_name), T(p->method),
		T(p->reference), M(p->amount), M(p->applied), M(p->unapplied), T(p->applied_to),
	};
	w->rows++;
	return (w->rc = credo_export_row(w->x, v)) != CREDO_OK;
}

static const credo_export_col alert_cols[] = {
	{ N_("Severity"), CREDO_CELL_TEXT, 0 }, { N_("Alert"), CREDO_CELL_TEXT, 0 }, { N_("Level"), CREDO_CELL_INT, 0 },
	{ N_("Customer code"), CREDO_CELL_TEXT, 0 }, { N_("Customer"), CREDO_CELL_TEXT, 0 }, { N_("Kind"), CREDO_CELL_TEXT, 0 },
	{ N_("Item"), CREDO_CELL_TEXT, 0 }, { N_("Date"), CREDO_CELL_DATE, 0 }, { N_("Days"), CREDO_CELL_INT, 0 },
	/* No total: the amounts of different rules overlap (an overdue invoice is also in an exposure). */
	{ N_("Amount"), CREDO_CELL_MONEY, 0 }, { N_("Responsible"), CREDO_CELL_TEXT, 0 }, { N_("Message"), CREDO_CELL_TEXT, 0 },
};

static int alert_row(const credo_month_alert *a, void *ctx)
{
	struct rx_walk *w = ctx;
	credo_export_cell v[] = {
		T(*a->severity ? _(a->severity) : ""), T(a->rule), { .num = a->level, .blank = a->level == 0 }, T(a->customer_code),
		T(a->customer_name), T(a->item_kind), T(a->item), T(a->date), I(a->days), M(a->amount),
		T(a->responsible), T(a->message),
	};
	w->rows++;
	return (w->rc = credo_export_row(w->x, v)) != CREDO_OK;
}

/* A walk's outcome: the callback's failure, else the walk's own status. */
static credo_status walked(credo_status st, const struct rx_walk *w)
{
	return st == CREDO_STOP ? w->rc : st;
}

static credo_status write_workbook(credo_export *x, credo_month_report *r, credo_export_result *res)
{
	const credo_month_info *info = credo_month_report_info(r);
	struct rx_walk w = { .x = x, .info = info };

	credo_export_col sum_cols[SUMMARY_MAX] = {
		{ N_("Code"), CREDO_CELL_TEXT, 0 }, { N_("Customer"), CREDO_CELL_TEXT, 0 }, { N_("Salesperson"), CREDO_CELL_TEXT, 0 },
		{ N_("Grade"), CREDO_CELL_TEXT, 0 }, { N_("Credit limit"), CREDO_CELL_MONEY, 0 },
		{ N_("Opening"), CREDO_CELL_MONEY, 1 }, { N_("Invoiced"), CREDO_CELL_MONEY, 1 },
		{ N_("Received"), CREDO_CELL_MONEY, 1 }, { N_("Closing"), CREDO_CELL_MONEY, 1 },
	};
	int n = SUMMARY_FIXED;
	for (int i = 0; i < info->buckets.n; i++)
		sum_cols[n++] = (credo_export_col){ info->buckets.label[i], CREDO_CELL_MONEY, 1 };
	sum_cols[n++] = (credo_export_col){ N_("Overdue"), CREDO_CELL_MONEY, 1 };
	sum_cols[n++] = (credo_export_col){ N_("Provision"), CREDO_CELL_MONEY, 1 };

	char note[512];
	if (info->closed)
		snprintf(note, sizeof note, _("Month %s, closed %s by %s: the frozen figures as of %s."), info->month,
			 info->closed_at, info->closed_by, info->last);
	else
		snprintf(note, sizeof note, _("Month %s is not closed: live figures as of %s; they change until"
			 " finance closes the month."), info->month, info->last);

	credo_status rc = credo_export_table(x, credo_export_sheet_name(CREDO_SHEET_SUMMARY), sum_cols, n);
	/* The aging buckets of the totals row as a chart, for people who read pictures first. */
	credo_export_chart aging = { .title = _("Aging of receivables"), .by_totals = 1, .ncols = info->buckets.n };
	for (int i = 0; i < info->buckets.n; i++)
		aging.cols[i] = SUMMARY_FIXED + i;
	if (rc == CREDO_OK && info->buckets.n > 0)
		rc = credo_export_add_chart(x, &aging);
	if (rc == CREDO_OK)
		rc = walked(credo_month_balances(r, summary_row, &w), &w);
	if (rc == CREDO_OK)
		rc = credo_export_note(x, note);
	res->rows[CREDO_SHEET_SUMMARY] = w.rows;

	w.rows = 0;
	if (rc == CREDO_OK)
		rc = credo_export_table(x, credo_export_sheet_name(CREDO_SHEET_OPEN_ITEMS), item_cols,
					(int)(sizeof item_cols / sizeof item_cols[0]));
	if (rc == CREDO_OK)
		rc = walked(credo_month_items(r, item_row, &w), &w);
	res->rows[CREDO_SHEET_OPEN_ITEMS] = w.rows;

	w.rows = 0;
	if (rc == CREDO_OK)
		rc = credo_export_table(x, credo_export_sheet_name(CREDO_SHEET_RECEIVED), receipt_cols,
					(int)(sizeof receipt_cols / sizeof receipt_cols[0]));
	if (rc == CREDO_OK)
		rc = walked(credo_month_receipts(r, receipt_row, &w), &w);
	res->rows[CREDO_SHEET_RECEIVED] = w.rows;

	w.rows = 0;
	if (rc == CREDO_OK)
		rc = credo_export_table(x, credo_export_sheet_name(CREDO_SHEET_ALERTS), alert_cols,
					(int)(sizeof alert_cols / sizeof alert_cols[0]));
	if (rc == CREDO_OK)
		rc = walked(credo_month_alerts(r, alert_row, &w), &w);
	res->rows[CREDO_SHEET_ALERTS] = w.rows;
	return rc;
}

credo_status credo_export_receivables(credo_db *db, const char *month, const char *path, credo_export_format fmt,
				      credo_export_result *out)
{
	credo_export_result res = { 0 };
	credo_month_report *r = NULL;
	credo_status rc = credo_month_report_open(db, month, &r);
	if (rc)
		return rc;
	const credo_month_info *info = credo_month_report_info(r);
	res.closed = info->closed;
	snprintf(res.as_of, sizeof res.as_of, "%s", info->last);
	credo_export *x = NULL;
	rc = credo_export_begin(db, path, fmt, &x);
	if (rc == CREDO_OK)
		rc = write_workbook(x, r, &res);
	if (rc == CREDO_OK)
		rc = credo_export_end(x);
	else
		credo_export_abort(x);
	credo_month_report_close(r);
	if (rc == CREDO_OK && out)
		*out = res;
	return rc;
}
