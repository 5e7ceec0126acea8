/*
 * export.h - tables for spreadsheets: an .xlsx workbook (libxlsxwriter,
 * constant-memory mode) or the same tables as CSV files, and the monthly
 * receivables workbook for finance (DESIGN.md section 7).
 *
 * Rows stream through: nothing is kept but the current row, the column
 * widths and the running totals. The core writes files and never prints.
 */
#ifndef CREDO_EXPORT_H
#define CREDO_EXPORT_H

#include <stddef.h>
#include <stdint.h>

#include "credo/date.h"
#include "credo/db.h"

typedef enum credo_export_format {
	CREDO_EXPORT_XLSX,	/* one workbook, one worksheet per table */
	CREDO_EXPORT_CSV,	/* one CSV file per table (see credo_export_csv_path) */
} credo_export_format;

typedef enum credo_cell_type {
	CREDO_CELL_TEXT,	/* text */
	CREDO_CELL_MONEY,	/* num is fen: a number with the #,##0.00 format; "1234.50" in CSV */
	CREDO_CELL_DATE,	/* text is YYYY-MM-DD: a real date in a workbook */
	CREDO_CELL_INT,		/* num: a whole number */
} credo_cell_type;

typedef struct credo_export_col {
	const char *name;	/* header */
	credo_cell_type type;
	int total;		/* 1: the totals row sums this column (a =SUM() formula in a workbook) */
} credo_export_col;

typedef struct credo_export_cell {
	const char *text;	/* TEXT, DATE; NULL or "" leaves the cell empty */
	int64_t num;		/* MONEY, INT */
	int blank;		/* 1: leave the cell empty whatever its type */
} credo_export_cell;

typedef struct credo_export credo_export;

/*
 * Start writing tables to path. An .xlsx is written to "path.part" and
 * renamed into place by credo_export_end, so a failed export never leaves a
 * half-written file under the name. For CSV, path names the files (see
 * credo_export_csv_path). CREDO_IO when the file cannot be created.
 */
credo_status credo_export_begin(credo_db *db, const char *path, credo_export_format fmt, credo_export **out);

/*
 * Start a table (ends the previous one): a worksheet with a bold header row
 * that stays frozen, or a CSV file with a header line. At most 64 columns;
 * the cols array must live until the next table starts.
 */
credo_status credo_export_table(credo_export *x, const char *name, const credo_export_col *cols, int ncols);

/* One row of the current table: ncols cells. */
credo_status credo_export_row(credo_export *x, const credo_export_cell *cells);

/*
 * A sentence written under the current table's totals in a workbook (not in
 * CSV, which holds only the rows).
 */
credo_status credo_export_note(credo_export *x, const char *text);

/*
 * A native chart of the current table, drawn below it when the table ends.
 * by_totals = 1: one series, the totals row across cols (the headers name
 * the bars), as for aging buckets; 0: one series per column of cols over
 * the data rows, the rows named by cat_col. The chart references the cells,
 * so it shows what the sheet holds. One chart a table; nothing in CSV.
 */
typedef struct credo_export_chart {
	const char *title;
	int bar;		/* 1: horizontal bars; 0: columns */
	int by_totals;
	int cat_col;
	int ncols;
	int cols[8];
} credo_export_chart;

credo_status credo_export_add_chart(credo_export *x, const credo_export_chart *c);

/*
 * Finish: the last table's totals row, autofilter and column widths (wide
 * enough for Chinese, which takes two cells a character), then the files
 * are closed and renamed into place. Frees x, even on failure.
 */
credo_status credo_export_end(credo_export *x);

/* Give up: remove what was written and free x. NULL is a no-op. */
void credo_export_abort(credo_export *x);

/*
 * The CSV file of the table named name for path: path less a trailing
 * ".csv" or ".xlsx", a '-', the name in lower case with blanks as '-', and
 * ".csv": "out/2026-10.xlsx" + "Open items" -> "out/2026-10-open-items.csv".
 * CREDO_INVALID when it does not fit in len.
 */
credo_status credo_export_csv_path(const char *path, const char *name, char *buf, size_t len);

/* ---- the receivables workbook ---- */

enum {
	CREDO_SHEET_SUMMARY,	/* "Summary" */
	CREDO_SHEET_OPEN_ITEMS,	/* "Open items" */
	CREDO_SHEET_RECEIVED,	/* "Received" */
	CREDO_SHEET_ALERTS,	/* "Alerts" */
	CREDO_SHEET_COUNT
};

/* The name of a sheet of the receivables workbook; "" when out of range. */
const char *credo_export_sheet_name(int sheet);

typedef struct credo_export_result {
	int closed;			/* 1: read from the month's frozen snapshot */
	char as_of[CREDO_DATE_BUFSZ];	/* the month's last day */
	int64_t rows[CREDO_SHEET_COUNT];	/* data rows per sheet, totals not counted */
} credo_export_result;

/*
 * The receivables workbook of a month ("2026-10", DESIGN.md section 7):
 * Summary (per customer: code, name, salesperson, grade, limit, opening,
 * invoiced, received, closing, each aging bucket, overdue, provision),
 * Open items, Received and Alerts at the month's last day, each with a
 * totals row. A closed month is read from its snapshot, so the cells never
 * change; a month that is not closed is computed live as of its last day,
 * and a note under the Summary says so. Needs READ_ALL. out may be NULL.
 */
credo_status credo_export_receivables(credo_db *db, const char *month, const char *path, credo_export_format fmt,
				      credo_export_result *out);

#endif
