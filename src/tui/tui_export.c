/*
 * tui_export.c - export a list screen to CSV.
 */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_edit.h"
#include "tui_export.h"
#include "tui_money.h"
#include "i18n.h"

/* The one export being asked about: a prompt is modal, so one is enough. */
static struct {
	struct tui_list *list;
	char *footer[TUI_LIST_MAXCOLS];
	int has_footer;
} tui_export_pending;

static void tui_export_forget(void)
{
	for (int c = 0; c < TUI_LIST_MAXCOLS; c++) {
		free(tui_export_pending.footer[c]);
		tui_export_pending.footer[c] = NULL;
	}
	tui_export_pending.list = NULL;
	tui_export_pending.has_footer = 0;
}

static int tui_csv_line(FILE *f, const char *const *cells, int n)
{
	for (int c = 0; c < n; c++) {
		const char *s = cells[c] ? cells[c] : "";
		if (c > 0 && fputc(',', f) == EOF)
			return -1;
		if (csv_fwrite(f, s, strlen(s)) != 0)
			return -1;
	}
	return fputs("\r\n", f) == EOF ? -1 : 0;
}

struct tui_export_walk {
	FILE *f;
	int ncols;
	long rows;
	int failed;
};

static int tui_export_row(const struct tui_list_row *r, void *ctx)
{
	struct tui_export_walk *w = ctx;

	if (tui_csv_line(w->f, (const char *const *)r->cells, w->ncols) != 0) {
		w->failed = 1;
		return 1;
	}
	w->rows++;
	return 0;
}

long tui_export_write(struct tui_list *l, const char *path, const char *const *footer,
		      char *err, size_t errlen)
{
	const char *titles[TUI_LIST_MAXCOLS];
	struct tui_export_walk w = { .ncols = l->ncols };

	w.f = fopen(path, "w");
	if (!w.f) {
		snprintf(err, errlen, _("Cannot write %s: %s"), path, strerror(errno));
		return -1;
	}
	for (int c = 0; c < l->ncols; c++)
		titles[c] = tui_tr(l->cols[c].title);
	int rc = tui_csv_line(w.f, titles, l->ncols);
	if (rc == 0 && tui_list_walk(l, tui_export_row, &w) != 0) {
		snprintf(err, errlen, "%s", _("Reading the list failed; nothing exported."));
		fclose(w.f);
		remove(path);
		return -1;
	}
	if (rc == 0 && !w.failed && footer)
		rc = tui_csv_line(w.f, footer, l->ncols);
	if (fclose(w.f) != 0 || rc != 0 || w.failed) {
		snprintf(err, errlen, _("Writing %s failed: %s"), path, strerror(errno));
		return -1;
	}
	return w.rows;
}

/* "~/x" is the home directory's x, as a shell would read it. */
static void tui_export_path(const char *text, char *out, size_t len)
{
	const char *home = getenv("HOME");

	if (text[0] == '~' && (text[1] == '/' || text[1] == '\0') && home && *home)
		snprintf(out, len, "%s%s", home, text + 1);
	else
		snprintf(out, len, "%s", text);
}

static void tui_export_done(struct tui *t, void *ctx, const char *text)
{
	char path[4096], err[4200], buf[TUI_EDIT_MAX * 4 + 1];
	const char *footer[TUI_LIST_MAXCOLS];

	(void)ctx;
	if (!text || !tui_export_pending.list) {
		tui_export_forget();
		return;
	}
	snprintf(buf, sizeof buf, "%s", text);
	tui_trim(buf);
	if (!buf[0]) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("No file name given; nothing exported."));
		tui_export_forget();
		return;
	}
	tui_export_path(buf, path, sizeof path);
	for (int c = 0; c < TUI_LIST_MAXCOLS; c++)
		footer[c] = tui_export_pending.footer[c];
	long n = tui_export_write(tui_export_pending.list, path,
				  tui_export_pending.has_footer ? footer : NULL, err, sizeof err);
	if (n < 0)
		tui_message(t, TUI_MSG_ERROR, "%s", err);
	else
		tui_message(t, TUI_MSG_INFO, _("Exported %ld rows to %s."), n, path);
	tui_export_forget();
}

void tui_export_list(struct tui *t, struct tui_list *l, const char *screen,
		     const char *const *footer)
{
	char def[256], today[CREDO_DATE_BUFSZ];

	tui_export_forget();
	tui_export_pending.list = l;
	if (footer) {
		tui_export_pending.has_footer = 1;
		for (int c = 0; c < l->ncols; c++) {
			tui_export_pending.footer[c] = strdup(footer[c] ? footer[c] : "");
			if (!tui_export_pending.footer[c]) {
				tui_export_forget();
				tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
				return;
			}
		}
	}
	snprintf(def, sizeof def, "~/credo-%s-%s.csv", screen, tui_today(today, sizeof today));
	tui_prompt(t, _("Export to:"), def, tui_export_done, NULL);
}
