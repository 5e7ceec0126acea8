/*
 * out.h - list output for scripts and people: --format table|csv|json.
 *
 * Rows stream straight through: a table has fixed column widths in display
 * cells (Chinese counts two), CSV is quoted by libcsv, JSON is an array of
 * objects escaped by jansson.
 */
#ifndef CREDO_CLI_OUT_H
#define CREDO_CLI_OUT_H

#include <stdio.h>

#include "credo/credo.h"

enum out_format { OUT_TABLE, OUT_CSV, OUT_JSON };

enum out_type {
	OUT_TEXT,	/* a JSON string */
	OUT_INT,	/* a JSON integer (ids, counts, days) */
	OUT_MONEY,	/* value is fen as an integer ("123450"); shown "1,234.50" in a table,
			   "1234.50" in CSV and JSON (a string there: exact, no double) */
};

struct out_col {
	const char *name;	/* header and JSON key */
	int width;		/* table width in cells; the last column is not padded */
	enum out_type type;
};

#define OUT_MAX_COLS 64

struct out {
	enum out_format fmt;
	const struct out_col *cols;
	int ncols;
	FILE *f;
	long rows;
	int started;	/* the header is out */
	/* -o FILE.xlsx: rows go to a worksheet instead (out_xlsx.c) */
	credo_export *x;
	credo_export_col xcols[OUT_MAX_COLS];
	credo_status xst;
};

/* "table", "csv" or "json" -> fmt; -1 for anything else. */
int out_parse_format(const char *s, enum out_format *fmt);

/* Start a list on f (its header row, or '[', goes out with the first row or out_end). */
void out_begin(struct out *o, enum out_format fmt, const struct out_col *cols, int ncols, FILE *f);

/* One row: ncols values as text ("" for empty; NULL becomes JSON null). */
void out_row(struct out *o, const char *const *values);

/* Finish the list (']' for JSON). */
void out_end(struct out *o);

/*
 * The one workbook writer of the reports' -o FILE.xlsx: start a list like
 * out_begin whose rows go to a worksheet named sheet of path (written to
 * path.part and renamed at the end); money columns become numbers, the
 * totals row sums them. Returns 0, or the exit code after printing why.
 */
int out_xlsx_begin(struct out *o, credo_db *db, const char *path, const char *sheet,
		   const struct out_col *cols, int ncols);

/* A native chart of the worksheet (credo_export_add_chart); ignored when not writing a workbook. */
void out_xlsx_chart(struct out *o, const credo_export_chart *c);

/* Finish the workbook: 0, or the exit code after printing why (then no file is left). */
int out_xlsx_end(struct out *o, credo_db *db);

/*
 * A report's output: to stdout in fmt, or with xlsx (not NULL) to that
 * workbook's worksheet sheet. Returns 0 or the exit code after printing why.
 */
int out_open(struct out *o, credo_db *db, enum out_format fmt, const char *xlsx, const char *sheet,
	     const struct out_col *cols, int ncols);

/* End what out_open began: 0, or the exit code of a workbook that failed. */
int out_close(struct out *o, credo_db *db);

/*
 * End a report whose core call returned st: out_close when it is CREDO_OK;
 * otherwise no header and no workbook are left behind, the core's message is
 * printed and its exit code returned.
 */
int out_finish(struct out *o, credo_db *db, credo_status st);

/* Basis points as a percentage with two decimals ("85.25%"); "" for -1 (no basis). */
char *out_bp(int bp, char buf[24]);

/* out_row's path when o->x is set (out_xlsx.c). */
void out_xlsx_row(struct out *o, const char *const *raw);

/* "x.xlsx" ends in .xlsx (any case): -o takes only workbooks. */
int out_is_xlsx(const char *path);

#endif
