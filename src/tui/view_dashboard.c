/*
 * view_dashboard.c - the first tab: who you are and what your role may do.
 * Alerts and KPIs join it as the features behind them arrive.
 */
#include <stdio.h>
#include <stdlib.h>

#include "tui_theme.h"
#include "tui_view.h"
#include "tui_width.h"
#include "i18n.h"

struct dashboard {
	int64_t customers;	/* in the actor's scope; -1 unknown */
};

static int dashboard_open(struct tui *t, const void *arg, void **state)
{
	struct dashboard *d = calloc(1, sizeof *d);

	(void)arg;
	if (!d) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	if (credo_customer_count(tui_db(t), NULL, &d->customers) != CREDO_OK)
		d->customers = -1;
	*state = d;
	return 0;
}

static void dashboard_close(void *state)
{
	free(state);
}

static void dashboard_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct dashboard *d = state;
	credo_db *db = tui_db(t);
	char buf[256];
	int y = r.y + 1;
	const char *role = credo_role_label(credo_actor_role(db));

	snprintf(buf, sizeof buf, _("Welcome, %s (%s)."), credo_actor_name(db),
		 role ? gettext(role) : "?");
	tui_put(stdscr, y++, r.x + 2, buf, r.w - 4, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	if (d->customers >= 0) {
		snprintf(buf, sizeof buf, _("Customers you can see: %lld"), (long long)d->customers);
		tui_put(stdscr, y++, r.x + 2, buf, r.w - 4, tui_attr(TUI_S_NORMAL), TUI_FIT_MARK);
	}
	y++;
	tui_put(stdscr, y++, r.x + 2, _("Your role may:"), r.w - 4, tui_attr(TUI_S_LABEL), TUI_FIT_MARK);
	for (int p = 0; p < CREDO_PERM_COUNT && y < r.y + r.h; p++) {
		if (!credo_can(db, (credo_perm)p))
			continue;
		snprintf(buf, sizeof buf, "- %s", gettext(credo_perm_what((credo_perm)p)));
		tui_put(stdscr, y++, r.x + 4, buf, r.w - 6, tui_attr(TUI_S_NORMAL), TUI_FIT_MARK);
	}
	if (y + 1 < r.y + r.h)
		tui_put(stdscr, y + 1, r.x + 2,
			_("Alerts and key figures will appear here. Press Tab for the customers."),
			r.w - 4, tui_attr(TUI_S_HINT), TUI_FIT_MARK);
}

const struct tui_view_ops tui_view_dashboard = {
	.name = "dashboard",
	.title = N_("Dashboard"),
	.tab = 1,
	.open = dashboard_open,
	.draw = dashboard_draw,
	.close = dashboard_close,
};
