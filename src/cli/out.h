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

struct out {
	enum out_format fmt;
	const struct out_col *cols;
	int ncols;
	FILE *f;
	long rows;
};

/* "table", "csv" or "json" -> fmt; -1 for anything else. */
int out_parse_format(const char *s, enum out_format *fmt);

/* Start a list on f (header row, or '['). */
void out_begin(struct out *o, enum out_format fmt, const struct out_col *cols, int ncols, FILE *f);

/* One row: ncols values as text ("" for empty; NULL becomes JSON null). */
void out_row(struct out *o, const char *const *values);

/* Finish the list (']' for JSON). */
void out_end(struct out *o);

#endif
