/*
 * xlsx_baseline.c - what libxlsxwriter alone takes to write the monthly
 * receivables workbook: the same four sheets, rows, columns and cell
 * types as `credo export receivables`, read from the CSV files credo
 * wrote for the same month (no database), in constant-memory mode, with
 * the bold frozen header, the totals row, the autofilter and column widths.
 *
 *   xlsx_baseline OUT.xlsx SUMMARY.csv OPEN-ITEMS.csv RECEIVED.csv ALERTS.csv
 *
 * A column type per sheet: T text, M money, D date, I whole number; the
 * money columns marked with a capital are summed in the totals row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

static const struct {
	const char *name;
	const char *types;	/* s: summed money, m: money without a total */
} sheets[] = {
	{ "Summary", "TTTTmsssssssssssss" },
	{ "Open items", "TTTTDDssITT" },
	{ "Received", "DTTTTTTsssT" },
	{ "Alerts", "TTITTTTDImTT" },
};

/* One CSV record of quoted or bare fields into fields[] (pointers into line, unescaped in place). */
static int split(char *line, char **fields, int max)
{
	int n = 0;
	char *p = line;
	while (n < max) {
		if (*p == '"') {
			char *w = ++p;
			fields[n++] = w;
			for (;;) {
				if (*p == '"' && p[1] == '"') {
					*w++ = '"';
					p += 2;
				} else if (*p == '"' || !*p) {
					if (*p)
						p++;
					break;
				} else {
					*w++ = *p++;
				}
			}
			*w = '\0';
		} else {
			fields[n++] = p;
			p += strcspn(p, ",\r\n");
		}
		if (*p != ',') {
			*p = '\0';
			break;
		}
		*p++ = '\0';
	}
	return n;
}

static int write_sheet(lxw_workbook *wb, int s, const char *path, lxw_format *bold, lxw_format *money,
		       lxw_format *date)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		return 1;
	}
	lxw_worksheet *ws = workbook_add_worksheet(wb, sheets[s].name);
	worksheet_freeze_panes(ws, 1, 0);
	const char *types = sheets[s].types;
	int ncols = (int)strlen(types);
	char *line = NULL, *fields[64];
	size_t cap = 0;
	double total[64] = { 0 };
	int width[64] = { 0 };
	lxw_row_t row = 0;
	while (getline(&line, &cap, f) > 0) {
		char *l = line;
		if (row == 0 && (unsigned char)l[0] == 0xef)
			l += 3;	/* the BOM */
		int n = split(l, fields, 64);
		for (int c = 0; c < n && c < ncols; c++) {
			const char *v = fields[c];
			int w = (int)strlen(v);
			if (w > width[c])
				width[c] = w;
			if (row == 0) {
				worksheet_write_string(ws, row, (lxw_col_t)c, v, bold);
			} else if (!*v) {
				continue;
			} else if (types[c] == 'T') {
				worksheet_write_string(ws, row, (lxw_col_t)c, v, NULL);
			} else if (types[c] == 'D') {
				lxw_datetime dt = { 0 };
				sscanf(v, "%d-%d-%d", &dt.year, &dt.month, &dt.day);
				worksheet_write_datetime(ws, row, (lxw_col_t)c, &dt, date);
			} else if (types[c] == 'I') {
				worksheet_write_number(ws, row, (lxw_col_t)c, strtod(v, NULL), NULL);
			} else {
				double x = strtod(v, NULL);
				total[c] += x;
				worksheet_write_number(ws, row, (lxw_col_t)c, x, money);
			}
		}
		row++;
	}
	free(line);
	fclose(f);
	if (row > 1)
		worksheet_autofilter(ws, 0, 0, row - 1, (lxw_col_t)(ncols - 1));
	int totals = strchr(types, 's') != NULL && row > 1;
	if (totals)
		worksheet_write_string(ws, row, 0, "Total", bold);
	for (int c = 0; c < ncols; c++) {
		if (types[c] == 's' && totals) {
			char formula[64], col[8];
			lxw_col_to_name(col, (lxw_col_t)c, 0);
			snprintf(formula, sizeof formula, "=SUM(%s2:%s%u)", col, col, (unsigned)row);
			worksheet_write_formula_num(ws, row, (lxw_col_t)c, formula, money, total[c]);
		}
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width[c] + 2, NULL);
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 6) {
		fprintf(stderr, "usage: xlsx_baseline OUT.xlsx SUMMARY.csv OPEN-ITEMS.csv RECEIVED.csv ALERTS.csv\n");
		return 1;
	}
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = getenv("TMPDIR") };
	lxw_workbook *wb = workbook_new_opt(argv[1], &opt);
	if (!wb)
		return 1;
	lxw_format *bold = workbook_add_format(wb), *money = workbook_add_format(wb), *date = workbook_add_format(wb);
	format_set_bold(bold);
	format_set_num_format(money, "#,##0.00");
	format_set_num_format(date, "yyyy-mm-dd");
	int rc = 0;
	for (int s = 0; s < 4 && !rc; s++)
		rc = write_sheet(wb, s, argv[2 + s], bold, money, date);
	if (workbook_close(wb) != LXW_NO_ERROR)
		rc = 1;
	return rc;
}
