/*
 * tui.c - terminal set-up, the main loop, the view stack, and the three
 * fixed lines around every screen: tab bar (top), message line and status
 * line (bottom).
 *
 * Every pass of the loop redraws the whole screen from state (ncurses only
 * sends what changed), so a resize is simply the next redraw at the new
 * size: KEY_RESIZE arrives through get_wch like any key, and nothing is
 * ever drawn from a signal handler.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tui.h"
#include "tui_edit.h"
#include "tui_term.h"
#include "tui_theme.h"
#include "tui_view.h"
#include "tui_width.h"
#include "i18n.h"

#define TUI_STACK_MAX 16
#define TUI_TABS_MAX 16
#define TUI_MIN_LINES 10
#define TUI_MIN_COLS 40

struct tui_frame {
	const struct tui_view_ops *ops;
	void *state;
};

/* Each tab keeps its own stack, opened the first time the tab is shown. */
struct tui_tab {
	const struct tui_view_ops *root;
	struct tui_frame stack[TUI_STACK_MAX];
	int depth;
};

struct tui_prompt_state {
	int active;
	char label[64];
	struct tui_edit edit;
	tui_prompt_fn done;
	void *ctx;
};

struct tui {
	credo_db *db;
	struct tui_tab tabs[TUI_TABS_MAX];
	int ntabs, cur;
	int quit;
	int pops;		/* deferred closes: a view never frees itself mid-call */
	struct tui_result pop_res;
	int has_pop_res;
	char msg[512];
	enum tui_msg_kind msg_kind;
	int cur_y, cur_x;	/* cursor wanted by this draw, -1: hidden */
	int cursor_shown;
	struct tui_prompt_state prompt;
};

/* ---- services for views ---- */

credo_db *tui_db(struct tui *t)
{
	return t->db;
}

void tui_message(struct tui *t, enum tui_msg_kind kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof t->msg, fmt, ap);
	va_end(ap);
	t->msg_kind = kind;
}

void tui_core_error(struct tui *t, credo_status st)
{
	const char *m = credo_errmsg(t->db);

	tui_message(t, TUI_MSG_ERROR, "%s", m && *m ? m : credo_status_str(st));
}

void tui_cursor(struct tui *t, int y, int x)
{
	t->cur_y = y;
	t->cur_x = x;
}

static struct tui_tab *tui_tab_cur(struct tui *t)
{
	return t->ntabs ? &t->tabs[t->cur] : NULL;
}

static struct tui_frame *tui_top(struct tui *t)
{
	struct tui_tab *tab = tui_tab_cur(t);

	return tab && tab->depth > 0 ? &tab->stack[tab->depth - 1] : NULL;
}

static int tui_open_frame(struct tui *t, struct tui_tab *tab,
			  const struct tui_view_ops *ops, const void *arg)
{
	void *state = NULL;

	if (tab->depth >= TUI_STACK_MAX) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Too many screens open; close some with q."));
		return -1;
	}
	if (ops->open && ops->open(t, arg, &state) != 0)
		return -1;
	tab->stack[tab->depth++] = (struct tui_frame){ .ops = ops, .state = state };
	return 0;
}

int tui_push(struct tui *t, const char *name, const void *arg)
{
	const struct tui_view_ops *ops = tui_view_find(name);
	struct tui_tab *tab = tui_tab_cur(t);

	if (!ops || !tab) {
		tui_message(t, TUI_MSG_ERROR, _("No such screen: %s"), name);
		return -1;
	}
	return tui_open_frame(t, tab, ops, arg);
}

void tui_pop(struct tui *t, const struct tui_result *res)
{
	t->pops++;
	t->has_pop_res = res != NULL;
	if (res)
		t->pop_res = *res;
}

static void tui_close_frame(struct tui_frame *f)
{
	if (f->ops->close)
		f->ops->close(f->state);
	f->state = NULL;
}

/* Carry out the closes views asked for while they were running. */
static void tui_do_pops(struct tui *t)
{
	struct tui_tab *tab = tui_tab_cur(t);

	while (t->pops > 0) {
		t->pops--;
		if (!tab || tab->depth <= 1) {
			t->quit = 1;	/* closing a tab's root screen leaves credo */
			break;
		}
		tui_close_frame(&tab->stack[--tab->depth]);
		struct tui_frame *f = tui_top(t);
		if (f && f->ops->resume)
			f->ops->resume(t, f->state, t->pops == 0 && t->has_pop_res ? &t->pop_res : NULL);
	}
	t->pops = 0;
	t->has_pop_res = 0;
}

void tui_prompt(struct tui *t, const char *label, const char *initial,
		tui_prompt_fn done, void *ctx)
{
	struct tui_prompt_state *p = &t->prompt;

	p->active = 1;
	snprintf(p->label, sizeof p->label, "%s", label);
	tui_edit_set(&p->edit, initial, 0);
	p->done = done;
	p->ctx = ctx;
}

static void tui_prompt_key(struct tui *t, tui_key key)
{
	struct tui_prompt_state *p = &t->prompt;
	char text[TUI_EDIT_MAX * 4 + 1];

	enum tui_action act = tui_keys_action(TUI_KEYS_EDIT, key);

	if (act != TUI_ACT_SUBMIT && act != TUI_ACT_ABORT) {
		tui_edit_key(&p->edit, key);
		return;
	}
	tui_edit_text(&p->edit, text, sizeof text);
	p->active = 0;		/* before done(), which may open the next prompt */
	p->done(t, p->ctx, act == TUI_ACT_SUBMIT ? text : NULL);
}

/* ---- tabs ---- */

static int tui_tab_show(struct tui *t, int i)
{
	struct tui_tab *tab = &t->tabs[i];

	if (tab->depth == 0 && tui_open_frame(t, tab, tab->root, NULL) != 0)
		return -1;
	t->cur = i;
	return 0;
}

static void tui_tab_step(struct tui *t, int step)
{
	for (int k = 1; k < t->ntabs; k++) {
		int i = ((t->cur + step * k) % t->ntabs + t->ntabs) % t->ntabs;
		if (tui_tab_show(t, i) == 0)
			return;
	}
}

/* ---- drawing ---- */

/* Draw s at (y, *x), cut at column limit, and advance *x past it. */
static void tui_put_run(int y, int *x, int limit, const char *s, attr_t attr)
{
	int w = tui_width(s);

	if (*x >= limit)
		return;
	if (w > limit - *x)
		w = limit - *x;
	tui_put(stdscr, y, *x, s, w, attr, TUI_FIT_MARK);
	*x += w;
}

/* Tab i as drawn; brackets mark the current tab without colour too. Returns its width. */
static int tui_tab_label(struct tui *t, int i, int tight, char *buf, size_t len)
{
	const char *title = gettext(t->tabs[i].root->title);

	if (i == t->cur)
		snprintf(buf, len, tight && i > 0 ? " [%s]" : "[%s]", title);
	else
		snprintf(buf, len, tight ? " %s" : " %s ", title);
	return tui_width(buf);
}

/* Breadcrumb of the screen at depth d of the current tab. Returns its width. */
static int tui_crumb(struct tui_tab *tab, int d, char *buf, size_t len)
{
	const struct tui_frame *f = &tab->stack[d];
	const char *label = f->ops->label ? f->ops->label(f->state) : NULL;

	snprintf(buf, len, " > %s", label && *label ? label : gettext(f->ops->title));
	return tui_width(buf);
}

/*
 * The tab bar, then breadcrumbs of the screens opened on top of the tab's
 * root. When it all does not fit, the name goes first, then the spaces
 * between tabs. Past that, a screen opened from a tab shows just its tab and
 * its path (where you are matters more than where you could go), and a
 * tab's own screen scrolls the tabs to keep the current one in sight, "<"
 * and ">" saying more are hidden.
 */
static void tui_draw_tabs(struct tui *t)
{
	static const char brand[] = " credo ";
	struct tui_tab *tab = tui_tab_cur(t);
	char buf[256];
	int x = 0, wide = 0, tight = 0, crumbs = 0, first = 0, last = t->ntabs - 1;

	for (int i = 0; i < t->ntabs; i++) {
		wide += tui_tab_label(t, i, 0, buf, sizeof buf);
		tight += tui_tab_label(t, i, 1, buf, sizeof buf);
	}
	for (int d = 1; tab && d < tab->depth; d++)
		crumbs += tui_crumb(tab, d, buf, sizeof buf);

	int squeeze = tui_width(brand) + wide + crumbs <= COLS ? 0 : wide + crumbs <= COLS ? 1 :
		      tight + crumbs <= COLS ? 2 : crumbs ? 3 : 4;

	tui_put(stdscr, 0, 0, "", COLS, tui_attr(TUI_S_TITLE), 0);
	if (squeeze == 0)
		tui_put_run(0, &x, COLS, brand, tui_attr(TUI_S_TITLE) | A_BOLD);
	if (squeeze == 3)
		first = last = t->cur;
	if (squeeze == 4) {
		/* Widen the window around the current tab, right first, leaving room for the marks. */
		int used = tui_tab_label(t, t->cur, 1, buf, sizeof buf) + 3, grew = 1;
		first = last = t->cur;
		while (grew) {
			grew = 0;
			if (last + 1 < t->ntabs &&
			    used + tui_tab_label(t, last + 1, 1, buf, sizeof buf) <= COLS) {
				used += tui_tab_label(t, ++last, 1, buf, sizeof buf);
				grew = 1;
			}
			if (first > 0 && used + tui_tab_label(t, first - 1, 1, buf, sizeof buf) <= COLS) {
				used += tui_tab_label(t, --first, 1, buf, sizeof buf);
				grew = 1;
			}
		}
		tui_put_run(0, &x, COLS, first > 0 ? "<" : " ", tui_attr(TUI_S_TITLE) | A_BOLD);
	}
	for (int i = first; i <= last; i++) {
		tui_tab_label(t, i, squeeze >= 2, buf, sizeof buf);
		tui_put_run(0, &x, COLS, buf, tui_attr(i == t->cur ? TUI_S_TAB_ACTIVE : TUI_S_TAB));
	}
	if (squeeze == 4 && last < t->ntabs - 1)
		tui_put_run(0, &x, COLS, " >", tui_attr(TUI_S_TITLE) | A_BOLD);
	for (int d = 1; tab && d < tab->depth; d++) {
		tui_crumb(tab, d, buf, sizeof buf);
		tui_put_run(0, &x, COLS, buf, tui_attr(TUI_S_TITLE));
	}
}

static void tui_draw_status(struct tui *t)
{
	char user[160], role[64], today[CREDO_DATE_BUFSZ];
	const char *via = credo_actor_via(t->db);
	const char *name = credo_actor_name(t->db);
	const char *login = credo_actor_login(t->db);
	int y = LINES - 1;

	if (name && *name && strcmp(name, login) != 0)
		snprintf(user, sizeof user, "%s (%s)", login, name);
	else
		snprintf(user, sizeof user, "%s", login);
	if (via && *via) {
		size_t n = strlen(user);
		snprintf(user + n, sizeof user - n, _(" via %s"), via);
	}
	const char *rl = credo_role_label(credo_actor_role(t->db));
	snprintf(role, sizeof role, "%s", rl ? gettext(rl) : "?");
	credo_date_format(credo_today(), today, sizeof today);

	/* Date and user always show; the role next; the path gets what is left, cut from the left. */
	int wdate = tui_width(today), wuser = tui_width(user), wrole = tui_width(role);
	int room = COLS - 2;
	if (wuser > room - wdate - 2)
		wuser = room - wdate - 2 > 0 ? room - wdate - 2 : 0;
	if (wrole > room - wdate - wuser - 6)
		wrole = 0;
	int wpath = room - wdate - wuser - wrole - (wrole ? 9 : 6);

	attr_t a = tui_attr(TUI_S_STATUS);
	tui_put(stdscr, y, 0, "", COLS, a, 0);
	int x = 1;
	tui_put(stdscr, y, x, user, wuser, a | A_BOLD, TUI_FIT_MARK);
	x += wuser;
	if (wrole) {
		tui_put(stdscr, y, x, " | ", 3, a, 0);
		tui_put(stdscr, y, x + 3, role, wrole, a, 0);
		x += 3 + wrole;
	}
	if (wpath >= 6) {
		tui_put(stdscr, y, x, " | ", 3, a, 0);
		tui_put(stdscr, y, x + 3, credo_db_path(t->db), wpath, a, TUI_FIT_MARK | TUI_FIT_TAIL);
	}
	if (wdate <= room)
		tui_put(stdscr, y, COLS - 1 - wdate, today, wdate, a, 0);
}

/*
 * Hints for the top screen's own actions, then help and back/quit; for a
 * screen that takes text, the field keys instead.
 */
static void tui_draw_hints(struct tui *t, int y)
{
	struct tui_frame *f = tui_top(t);
	struct tui_tab *tab = tui_tab_cur(t);
	enum tui_keymap map = f ? f->ops->keymap : TUI_KEYS_NAV;
	tui_actset set = f ? f->ops->actions : 0;
	int x = 1;

	if (map == TUI_KEYS_EDIT)
		set = TUI_A(SUBMIT) | TUI_A(NEXT_FIELD) | TUI_A(ABORT);
	else
		set |= TUI_A(HELP) | TUI_A(BACK);
	for (int a = 1; a < TUI_ACT_COUNT; a++) {
		const char *hint = tui_action_hint((enum tui_action)a);
		if (!*hint || !((set >> a) & 1))
			continue;
		if (a == TUI_ACT_BACK && tab && tab->depth <= 1)
			hint = N_("quit");
		const char *key = tui_keys_first(map, (enum tui_action)a);
		int need = tui_width(key) + 1 + tui_width(tui_tr(hint)) + 2;
		if (!*key || x + need > COLS)
			continue;
		tui_put_run(y, &x, COLS, key, tui_attr(TUI_S_EMPHASIS));
		x++;
		tui_put_run(y, &x, COLS, tui_tr(hint), tui_attr(TUI_S_HINT));
		x += 2;
	}
}

static void tui_draw_message_line(struct tui *t)
{
	int y = LINES - 2;

	if (t->prompt.active) {
		int lw = tui_width(t->prompt.label);
		if (lw > COLS / 2)
			lw = COLS / 2;
		tui_put(stdscr, y, 0, t->prompt.label, lw, tui_attr(TUI_S_LABEL), TUI_FIT_MARK);
		int cx = tui_edit_draw(&t->prompt.edit, stdscr, y, lw + 1, COLS - lw - 2,
				       tui_attr(TUI_S_FIELD));
		tui_cursor(t, y, cx);
	} else if (t->msg[0]) {
		tui_put(stdscr, y, 0, t->msg, COLS, tui_attr(t->msg_kind == TUI_MSG_ERROR ?
							      TUI_S_ERROR : TUI_S_INFO), TUI_FIT_MARK);
	} else {
		tui_draw_hints(t, y);
	}
}

static void tui_draw(struct tui *t)
{
	struct tui_frame *f = tui_top(t);

	erase();
	t->cur_y = t->cur_x = -1;
	if (LINES < TUI_MIN_LINES || COLS < TUI_MIN_COLS) {
		char buf[128];
		snprintf(buf, sizeof buf, _("Terminal too small (%dx%d); need %dx%d."),
			 COLS, LINES, TUI_MIN_COLS, TUI_MIN_LINES);
		tui_put(stdscr, 0, 0, buf, COLS, A_BOLD, TUI_FIT_MARK);
	} else {
		tui_draw_tabs(t);
		if (f && f->ops->draw)
			f->ops->draw(t, f->state,
				     (struct tui_rect){ .y = 1, .x = 0, .h = LINES - 3, .w = COLS });
		tui_draw_message_line(t);
		tui_draw_status(t);
	}
	int want = t->cur_y >= 0;
	if (want != t->cursor_shown) {
		curs_set(want ? 1 : 0);
		t->cursor_shown = want;
	}
	if (want)
		move(t->cur_y, t->cur_x);
	refresh();
}

/* ---- input ---- */

static int tui_read_key(tui_key *key)
{
	wint_t wc;

	switch (get_wch(&wc)) {
	case KEY_CODE_YES:
		*key = TUI_FN((tui_key)wc);
		return 0;
	case OK:
		*key = (tui_key)wc;
		return 0;
	default:
		return -1;
	}
}

/* What an action means when the top screen did not take it. */
static void tui_global(struct tui *t, enum tui_action act, tui_key key)
{
	struct tui_frame *f = tui_top(t);
	struct tui_tab *tab = tui_tab_cur(t);
	char name[64];

	switch (act) {
	case TUI_ACT_HELP:
		if (f && strcmp(f->ops->name, "help") == 0)
			tui_pop(t, NULL);
		else
			tui_push(t, "help", f ? f->ops : NULL);
		break;
	case TUI_ACT_BACK:
		tui_pop(t, NULL);	/* from a root screen this quits */
		break;
	case TUI_ACT_CANCEL:
		if (tab && tab->depth > 1)
			tui_pop(t, NULL);
		break;
	case TUI_ACT_QUIT:
		t->quit = 1;
		break;
	case TUI_ACT_NEXT_TAB:
	case TUI_ACT_PREV_TAB:
		tui_tab_step(t, act == TUI_ACT_NEXT_TAB ? 1 : -1);
		break;
	case TUI_ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case TUI_ACT_NONE:
		tui_key_describe(key, name, sizeof name);
		tui_message(t, TUI_MSG_INFO, _("Key %s does nothing here; press ? for help."), name);
		break;
	default:
		tui_key_describe(key, name, sizeof name);
		tui_message(t, TUI_MSG_INFO, _("%s (%s) is not available on this screen."),
			    gettext(tui_action_desc(act)), name);
		break;
	}
}

static void tui_dispatch(struct tui *t, tui_key key)
{
	enum tui_action act = tui_keys_action(TUI_KEYS_NAV, key);
	struct tui_frame *f = tui_top(t);

	if (f && f->ops->handle && f->ops->handle(t, f->state, act, key) == TUI_DONE)
		return;
	tui_global(t, act, key);
}

/* ---- set-up and the loop ---- */

static void tui_close_all(struct tui *t)
{
	for (int i = 0; i < t->ntabs; i++)
		while (t->tabs[i].depth > 0)
			tui_close_frame(&t->tabs[i].stack[--t->tabs[i].depth]);
}

int tui_run(credo_db *db)
{
	struct tui t = { .db = db, .cur_y = -1, .cursor_shown = 1 };
	SCREEN *scr;
	tui_key key;

	for (int i = 0; tui_views[i] && t.ntabs < TUI_TABS_MAX; i++)
		if (tui_views[i]->tab)
			t.tabs[t.ntabs++].root = tui_views[i];
	if (t.ntabs == 0)
		return 1;

	/* Escape codes written into a pipe help nobody; say what to do instead. */
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s\n", _("credo: the full-screen interface needs a terminal; "
					  "see 'credo --help' for the commands"));
		return 1;
	}
	scr = tui_term_known() ? newterm(NULL, stdout, stdin) : NULL;
	if (!scr) {
		fprintf(stderr, "%s\n", _("credo: cannot drive this terminal; check TERM"));
		return 1;
	}
	set_term(scr);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	/* Esc alone must feel instant; 25 ms is plenty to tell it from an arrow key. */
	set_escdelay(25);
	tui_theme_init();

	/* The customer list is the first thing people need; other tabs open on demand. */
	int start = 0;
	for (int i = 0; i < t.ntabs; i++)
		if (strcmp(t.tabs[i].root->name, "customers") == 0)
			start = i;
	if (tui_tab_show(&t, start) != 0)
		t.cur = start;

	int errors = 0;
	/* make bench times the opening up to the first full screen: CREDO_TUI_EXIT_AFTER_DRAW=1 quits there. */
	const char *exit_env = getenv("CREDO_TUI_EXIT_AFTER_DRAW");
	int exit_after_draw = exit_env && strcmp(exit_env, "1") == 0;
	while (!t.quit) {
		tui_draw(&t);
		if (exit_after_draw) {
			t.quit = 1;
			break;
		}
		if (tui_read_key(&key) != 0) {
			/* A signal can interrupt one read; endless failures mean the terminal is gone. */
			if (++errors > 100)
				break;
			continue;
		}
		errors = 0;
		if (key == TUI_FN(KEY_RESIZE))
			continue;	/* ncurses has resized stdscr; the next draw fits it */
		t.msg[0] = '\0';
		if (t.prompt.active)
			tui_prompt_key(&t, key);
		else
			tui_dispatch(&t, key);
		tui_do_pops(&t);
	}

	tui_close_all(&t);
	endwin();
	delscreen(scr);
	return t.quit ? 0 : 1;
}
