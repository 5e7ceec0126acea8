/*
 * view_customer.c - one customer, every field, scrollable when the window
 * is short or the notes are long.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_theme.h"
#include "tui_view.h"
#include "tui_width.h"
#include "i18n.h"

/*
 * Fields in display order: label and the credo_customer member. All are
 * strings except reputation_bad, which customer_copy() turns into words.
 */
#define CUSTOMER_FIELDS(X) \
	X(CODE,       N_("Code"),           code) \
	X(NAME,       N_("Name"),           name) \
	X(SHORT,      N_("Short name"),     short_name) \
	X(TYPE,       N_("Type"),           type) \
	X(STATUS,     N_("Status"),         status) \
	X(CATEGORY,   N_("Category"),       category) \
	X(INDUSTRY,   N_("Industry"),       industry) \
	X(REGION,     N_("Region"),         region) \
	X(ADDRESS,    N_("Address"),        address) \
	X(PHONE,      N_("Phone"),          phone) \
	X(TAX_ID,     N_("Tax ID"),         tax_id) \
	X(BANK,       N_("Bank"),           bank) \
	X(ACCOUNT,    N_("Bank account"),   bank_account) \
	X(LEGAL_REP,  N_("Legal rep."),     legal_rep) \
	X(OWNER,      N_("Owner"),          owner_name) \
	X(OWNER_LOGIN, N_("Owner login"),   owner_login) \
	X(SINCE,      N_("Customer since"), since) \
	X(REPUTATION, N_("Reputation"),     reputation_bad) \
	X(NOTES,      N_("Notes"),          notes)

enum {
#define CF_ENUM(id, label, member) CF_##id,
	CUSTOMER_FIELDS(CF_ENUM)
#undef CF_ENUM
	CF_COUNT
};

static const struct {
	const char *label;
	size_t offset;
} customer_fields[CF_COUNT] = {
#define CF_ROW(id, l, member) [CF_##id] = { .label = l, .offset = offsetof(credo_customer, member) },
	CUSTOMER_FIELDS(CF_ROW)
#undef CF_ROW
};

/* Database words shown as words people use. */
static const struct {
	const char *value, *label;
} customer_words[] = {
	{ "end_customer", N_("end customer") },
	{ "distributor", N_("distributor") },
	{ "partner", N_("partner") },
	{ "prospect", N_("prospect") },
	{ "evaluated", N_("evaluated") },
	{ "active", N_("active") },
	{ "at_risk", N_("at risk") },
	{ "lost", N_("lost") },
	{ "won_back", N_("won back") },
};

struct customer_view {
	int64_t id;
	char *value[CF_COUNT];
	int reputation_bad;
	int top;		/* first body line shown */
	int lines;		/* body lines at the last draw */
	int page;		/* body lines that fit at the last draw */
};

static const char *customer_word(const char *v)
{
	for (size_t i = 0; i < sizeof customer_words / sizeof customer_words[0]; i++)
		if (strcmp(v, customer_words[i].value) == 0)
			return gettext(customer_words[i].label);
	return v;
}

static int customer_copy(const credo_customer *c, void *ctx)
{
	struct customer_view *v = ctx;

	v->id = c->id;
	v->reputation_bad = c->reputation_bad;
	for (int i = 0; i < CF_COUNT; i++) {
		const char *s;
		if (i == CF_REPUTATION)
			s = c->reputation_bad ? _("bad: vetoed, no credit sales") : _("no veto");
		else
			s = *(const char *const *)((const char *)c + customer_fields[i].offset);
		if (i == CF_TYPE || i == CF_STATUS)
			s = customer_word(s ? s : "");
		v->value[i] = strdup(s ? s : "");
		if (!v->value[i])
			return 1;
	}
	return 0;
}

static void customer_close(void *state)
{
	struct customer_view *v = state;

	if (!v)
		return;
	for (int i = 0; i < CF_COUNT; i++)
		free(v->value[i]);
	free(v);
}

static int customer_open(struct tui *t, const void *arg, void **state)
{
	struct customer_view *v = calloc(1, sizeof *v);
	credo_status st;

	if (!v) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	st = credo_customer_get(tui_db(t), *(const int64_t *)arg, customer_copy, v);
	if (st != CREDO_OK || !v->value[CF_NOTES]) {
		if (st == CREDO_OK || st == CREDO_STOP)
			tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		else
			tui_core_error(t, st);
		customer_close(v);
		return -1;
	}
	*state = v;
	return 0;
}

static const char *customer_label(void *state)
{
	struct customer_view *v = state;

	return v->value[CF_NAME];
}

/*
 * Lay the fields out as "label  value", wrapping long values under
 * themselves. With draw = 0 it only counts lines, for scrolling.
 */
static int customer_layout(struct customer_view *v, struct tui_rect r, int draw)
{
	int lw = 0, line = 0;

	for (int i = 0; i < CF_COUNT; i++) {
		int w = tui_width(gettext(customer_fields[i].label));
		if (w > lw)
			lw = w;
	}
	if (lw > r.w / 3)
		lw = r.w / 3;
	int vx = r.x + 1 + lw + 2, vw = r.w - lw - 4;

	for (int i = 0; i < CF_COUNT; i++) {
		const char *p = v->value[i], *next;
		int first = 1;

		if (!*p) {
			if (draw && line >= v->top && line - v->top < r.h) {
				tui_put(stdscr, r.y + line - v->top, r.x + 1,
					gettext(customer_fields[i].label), lw,
					tui_attr(TUI_S_LABEL), TUI_FIT_RIGHT | TUI_FIT_MARK);
				tui_put(stdscr, r.y + line - v->top, vx, "-", 1, tui_attr(TUI_S_HINT), 0);
			}
			line++;
			continue;
		}
		while (*p) {
			size_t n = tui_wrap(p, vw, &next);
			if (draw && line >= v->top && line - v->top < r.h) {
				int y = r.y + line - v->top;
				if (first)
					tui_put(stdscr, y, r.x + 1, gettext(customer_fields[i].label),
						lw, tui_attr(TUI_S_LABEL), TUI_FIT_RIGHT | TUI_FIT_MARK);
				tui_putn(stdscr, y, vx, p, n, vw,
					 i == CF_NAME || (i == CF_REPUTATION && v->reputation_bad)
						 ? tui_attr(TUI_S_EMPHASIS) : tui_attr(TUI_S_NORMAL),
					 TUI_FIT_MARK);
			}
			first = 0;
			line++;
			p = next;
		}
	}
	return line;
}

static void customer_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct customer_view *v = state;
	char head[512];

	(void)t;
	snprintf(head, sizeof head, "%s  %s", v->value[CF_CODE], v->value[CF_NAME]);
	tui_put(stdscr, r.y, r.x + 1, head, r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	struct tui_rect body = { .y = r.y + 2, .x = r.x, .h = r.h - 2, .w = r.w };
	if (body.h < 1)
		return;
	v->page = body.h;
	v->lines = customer_layout(v, body, 0);
	if (v->top > v->lines - v->page)
		v->top = v->lines - v->page > 0 ? v->lines - v->page : 0;
	customer_layout(v, body, 1);
	if (v->top > 0)
		tui_put(stdscr, body.y, r.x + r.w - 1, "^", 1, tui_attr(TUI_S_EMPHASIS), 0);
	if (v->top + v->page < v->lines)
		tui_put(stdscr, body.y + body.h - 1, r.x + r.w - 1, "v", 1, tui_attr(TUI_S_EMPHASIS), 0);
}

static int customer_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct customer_view *v = state;
	int last = v->lines - v->page > 0 ? v->lines - v->page : 0;

	(void)t;
	(void)key;
	switch (act) {
	case TUI_ACT_UP:
		v->top -= v->top > 0;
		return TUI_DONE;
	case TUI_ACT_DOWN:
		v->top += v->top < last;
		return TUI_DONE;
	case TUI_ACT_PGUP:
		v->top = v->top - v->page > 0 ? v->top - v->page : 0;
		return TUI_DONE;
	case TUI_ACT_PGDN:
		v->top = v->top + v->page < last ? v->top + v->page : last;
		return TUI_DONE;
	case TUI_ACT_HOME:
		v->top = 0;
		return TUI_DONE;
	case TUI_ACT_END:
		v->top = last;
		return TUI_DONE;
	default:
		return TUI_PASS;
	}
}

const struct tui_view_ops tui_view_customer = {
	.name = "customer",
	.title = N_("Customer"),
	.actions = TUI_A(UP) | TUI_A(DOWN) | TUI_A(PGUP) | TUI_A(PGDN) | TUI_A(HOME) |
		   TUI_A(END),
	.open = customer_open,
	.draw = customer_draw,
	.handle = customer_handle,
	.label = customer_label,
	.close = customer_close,
};
