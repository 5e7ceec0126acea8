/*
 * tui_money.c - shared pieces of the money screens: formatting, parsing,
 * labels, matching, and the detail-screen document.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_money.h"
#include "tui_width.h"
#include "i18n.h"

char *tui_money(credo_money v, char *buf, size_t len)
{
	return credo_money_format(v, 1, buf, len);
}

char *tui_today(char *buf, size_t len)
{
	return credo_date_format(credo_today(), buf, len);
}

/* Words stored in the database, as people read them. */
static const struct {
	const char *word, *label;
} tui_words[] = {
	{ "draft", N_("draft") },
	{ "active", N_("active") },
	{ "completed", N_("completed") },
	{ "terminated", N_("terminated") },
	{ "pending", N_("pending") },
	{ "approved", N_("approved") },
	{ "rejected", N_("rejected") },
	{ "escalated", N_("to the GM") },
	{ "decided", N_("decided") },
	{ "standing", N_("standing") },
	{ "temporary", N_("temporary") },
	{ "one_off", N_("one-off") },
	{ "opening", N_("opening balance") },
	{ "invoice", N_("invoice") },
	{ "credit_note", N_("credit note") },
	{ "payment", N_("payment") },
	{ "reversal", N_("reversal") },
	{ "closing", N_("closing balance") },
	{ "open_item", N_("open item") },
	{ "reminder", N_("reminder") },
	{ "call", N_("call") },
	{ "statement", N_("statement") },
	{ "visit", N_("visit") },
	{ "stop_supply", N_("stop supply") },
	{ "legal", N_("legal") },
	{ "acknowledgement", N_("acknowledged") },
	{ "dispute", N_("dispute") },
	{ "promise", N_("promise") },
	{ "open", N_("open") },
	{ "broken", N_("broken") },
	{ "kept", N_("kept") },
	{ "rating", N_("rating") },
	{ "limit", N_("limit") },
	{ "request", N_("request") },
	{ "decision", N_("decision") },
	{ "override", N_("override") },
	{ "file", N_("credit file") },
	{ "transfer", N_("transfer") },
	{ "cash", N_("cash") },
	{ "cheque", N_("cheque") },
	{ "acceptance", N_("acceptance") },
	{ "other", N_("other") },
};

const char *tui_word(const char *word)
{
	if (!word)
		return "";
	for (size_t i = 0; i < sizeof tui_words / sizeof tui_words[0]; i++)
		if (strcmp(word, tui_words[i].word) == 0)
			return gettext(tui_words[i].label);
	return word;
}

static int tui_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int tui_match(const char *hay, const char *needle)
{
	size_t n;

	if (!needle || !*needle)
		return 1;
	if (!hay)
		return 0;
	n = strlen(needle);
	for (; *hay; hay++) {
		size_t i = 0;
		while (i < n && hay[i] && tui_lower((unsigned char)hay[i]) == tui_lower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

char *tui_trim(char *s)
{
	size_t lead = strspn(s, " \t"), n;

	memmove(s, s + lead, strlen(s + lead) + 1);
	for (n = strlen(s); n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'); n--)
		s[n - 1] = '\0';
	return s;
}

static int tui_blank(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

int tui_valid_required(const char *text, char *msg, size_t len)
{
	if (tui_blank(text)) {
		snprintf(msg, len, "%s", _("This field is required."));
		return -1;
	}
	return 0;
}

int tui_valid_amount(const char *text, char *msg, size_t len)
{
	credo_money v;
	const char *why = NULL;

	if (tui_blank(text)) {
		snprintf(msg, len, "%s", _("An amount is required, such as 1,234.50."));
		return -1;
	}
	if (credo_money_parse(text, &v, &why) != CREDO_OK) {
		snprintf(msg, len, "%s", why ? why : _("not an amount"));
		return -1;
	}
	if (v <= 0) {
		snprintf(msg, len, "%s", _("The amount must be more than zero."));
		return -1;
	}
	return 0;
}

int tui_valid_amount_opt(const char *text, char *msg, size_t len)
{
	return tui_blank(text) ? 0 : tui_valid_amount(text, msg, len);
}

int tui_valid_date(const char *text, char *msg, size_t len)
{
	credo_date d;
	const char *why = NULL;

	if (tui_blank(text)) {
		snprintf(msg, len, "%s", _("A date is required, as YYYY-MM-DD."));
		return -1;
	}
	if (credo_date_parse(text, &d, &why) != CREDO_OK) {
		snprintf(msg, len, "%s", why ? why : _("not a date: use YYYY-MM-DD"));
		return -1;
	}
	return 0;
}

int tui_valid_date_opt(const char *text, char *msg, size_t len)
{
	return tui_blank(text) ? 0 : tui_valid_date(text, msg, len);
}

int tui_parse_amount(struct tui *t, const char *text, credo_money *out)
{
	char msg[160];

	if (tui_valid_amount(text, msg, sizeof msg) != 0) {
		tui_message(t, TUI_MSG_ERROR, "%s", msg);
		return -1;
	}
	credo_money_parse(text, out, NULL);
	return 0;
}

int tui_parse_date(struct tui *t, const char *text, char *out, size_t len)
{
	char msg[160];
	credo_date d;

	if (tui_valid_date(text, msg, sizeof msg) != 0) {
		tui_message(t, TUI_MSG_ERROR, "%s", msg);
		return -1;
	}
	credo_date_parse(text, &d, NULL);
	credo_date_format(d, out, len);
	return 0;
}

int tui_customer_id(struct tui *t, const char *code, int64_t *id)
{
	credo_status st = credo_customer_find(tui_db(t), code, id);

	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return -1;
	}
	return 0;
}

int tui_allowed(struct tui *t, credo_perm p)
{
	credo_status st = credo_require(tui_db(t), p);

	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return -1;
	}
	return 0;
}

/* ---- the document ---- */

static void tui_doc_line_free(struct tui_doc_line *l)
{
	for (int c = 0; c < TUI_LIST_MAXCOLS; c++) {
		free(l->cell[c]);
		l->cell[c] = NULL;
	}
}

void tui_doc_clear(struct tui_doc *d)
{
	for (int i = 0; i < d->n; i++)
		tui_doc_line_free(&d->lines[i]);
	d->n = 0;
	d->failed = 0;
}

void tui_doc_free(struct tui_doc *d)
{
	tui_doc_clear(d);
	free(d->lines);
	d->lines = NULL;
	d->cap = 0;
}

static struct tui_doc_line *tui_doc_add(struct tui_doc *d, enum tui_doc_kind kind, enum tui_style style,
					const char *const *cells, int ncells)
{
	if (d->failed)
		return NULL;
	if (d->n == d->cap) {
		int cap = d->cap ? 2 * d->cap : 32;
		struct tui_doc_line *l = realloc(d->lines, (size_t)cap * sizeof *l);
		if (!l) {
			d->failed = 1;
			return NULL;
		}
		d->lines = l;
		d->cap = cap;
	}
	struct tui_doc_line *l = &d->lines[d->n];
	*l = (struct tui_doc_line){ .kind = kind, .style = style };
	for (int c = 0; c < ncells && c < TUI_LIST_MAXCOLS; c++) {
		l->cell[c] = strdup(cells[c] ? cells[c] : "");
		if (!l->cell[c]) {
			tui_doc_line_free(l);
			d->failed = 1;
			return NULL;
		}
	}
	d->n++;
	return l;
}

void tui_doc_head(struct tui_doc *d, const char *text)
{
	tui_doc_add(d, TUI_DOC_HEAD, TUI_S_EMPHASIS, &text, 1);
}

void tui_doc_text(struct tui_doc *d, enum tui_style style, const char *text)
{
	tui_doc_add(d, TUI_DOC_TEXT, style, &text, 1);
}

void tui_doc_blank(struct tui_doc *d)
{
	tui_doc_text(d, TUI_S_NORMAL, "");
}

void tui_doc_pair(struct tui_doc *d, const char *label, const char *value, enum tui_style style)
{
	const char *cells[2] = { label, value && *value ? value : "-" };

	tui_doc_add(d, TUI_DOC_PAIR, style, cells, 2);
}

void tui_doc_cols(struct tui_doc *d, const struct tui_column *cols, int ncols)
{
	const char *titles[TUI_LIST_MAXCOLS];

	for (int c = 0; c < ncols && c < TUI_LIST_MAXCOLS; c++)
		titles[c] = tui_tr(cols[c].title);
	struct tui_doc_line *l = tui_doc_add(d, TUI_DOC_ROW, TUI_S_HEADER, titles, ncols);
	if (l) {
		l->cols = cols;
		l->ncols = ncols;
		l->head = 1;
	}
}

void tui_doc_row(struct tui_doc *d, const struct tui_column *cols, int ncols,
		 const char *const *cells, enum tui_style style)
{
	struct tui_doc_line *l = tui_doc_add(d, TUI_DOC_ROW, style, cells, ncols);

	if (l) {
		l->cols = cols;
		l->ncols = ncols;
	}
}

/*
 * Lay the document out in r from screen line d->top; draw = 0 only counts
 * the screen lines it takes.
 */
static int tui_doc_layout(struct tui_doc *d, struct tui_rect r, int draw)
{
	int lw = 0, line = 0;

	for (int i = 0; i < d->n; i++)
		if (d->lines[i].kind == TUI_DOC_PAIR && tui_width(d->lines[i].cell[0]) > lw)
			lw = tui_width(d->lines[i].cell[0]);
	if (lw > r.w / 3)
		lw = r.w / 3;

	for (int i = 0; i < d->n; i++) {
		const struct tui_doc_line *l = &d->lines[i];
		int y = r.y + line - d->top, show = draw && line >= d->top && line - d->top < r.h;
		attr_t a = tui_attr(l->style);

		switch (l->kind) {
		case TUI_DOC_HEAD:
			if (show)
				tui_put(stdscr, y, r.x + 1, l->cell[0], r.w - 2, a, TUI_FIT_MARK);
			line++;
			break;
		case TUI_DOC_ROW:
			if (show) {
				struct tui_list shape = { .cols = l->cols, .ncols = l->ncols };
				tui_list_draw_cells(&shape, stdscr, y, r.x + 2, r.w - 2,
						    (const char *const *)l->cell, a);
			}
			line++;
			break;
		case TUI_DOC_PAIR:
		case TUI_DOC_TEXT: {
			int indent = l->kind == TUI_DOC_PAIR ? 2 + lw + 2 : 2;
			int vw = r.w - indent - 1;
			const char *p = l->kind == TUI_DOC_PAIR ? l->cell[1] : l->cell[0], *next;
			int first = 1;
			if (vw < 1)
				vw = 1;
			if (!*p)
				line++;
			while (*p) {
				size_t n = tui_wrap(p, vw, &next);
				y = r.y + line - d->top;
				if (draw && line >= d->top && line - d->top < r.h) {
					if (first && l->kind == TUI_DOC_PAIR)
						tui_put(stdscr, y, r.x + 2, l->cell[0], lw, tui_attr(TUI_S_LABEL),
							TUI_FIT_RIGHT | TUI_FIT_MARK);
					tui_putn(stdscr, y, r.x + indent, p, n, vw, a, TUI_FIT_MARK);
				}
				first = 0;
				line++;
				p = next;
			}
			break;
		}
		}
	}
	return line;
}

void tui_doc_draw(struct tui_doc *d, struct tui_rect r)
{
	if (r.h < 1 || r.w < 8)
		return;
	d->page = r.h;
	int top = d->top;
	d->top = 0;
	d->total = tui_doc_layout(d, r, 0);
	d->top = top;
	if (d->top > d->total - d->page)
		d->top = d->total - d->page > 0 ? d->total - d->page : 0;
	tui_doc_layout(d, r, 1);
	if (d->top > 0)
		tui_put(stdscr, r.y, r.x + r.w - 1, "^", 1, tui_attr(TUI_S_EMPHASIS), 0);
	if (d->top + d->page < d->total)
		tui_put(stdscr, r.y + r.h - 1, r.x + r.w - 1, "v", 1, tui_attr(TUI_S_EMPHASIS), 0);
}

int tui_doc_action(struct tui_doc *d, enum tui_action act)
{
	int last = d->total - d->page > 0 ? d->total - d->page : 0;

	switch (act) {
	case TUI_ACT_UP:
		d->top -= d->top > 0;
		return 1;
	case TUI_ACT_DOWN:
		d->top += d->top < last;
		return 1;
	case TUI_ACT_PGUP:
		d->top = d->top - d->page > 0 ? d->top - d->page : 0;
		return 1;
	case TUI_ACT_PGDN:
		d->top = d->top + d->page < last ? d->top + d->page : last;
		return 1;
	case TUI_ACT_HOME:
		d->top = 0;
		return 1;
	case TUI_ACT_END:
		d->top = last;
		return 1;
	default:
		return 0;
	}
}
