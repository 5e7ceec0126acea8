/*
 * views.c - the registry of screens. A new screen is one view_*.c file
 * defining `const struct tui_view_ops tui_view_NAME` and one line here.
 * Tabs appear in this order.
 */
#include <stddef.h>
#include <string.h>

#include "tui_view.h"

#define TUI_VIEW_LIST(X) \
	X(dashboard) \
	X(customers) \
	X(customer) \
	X(customer_new) \
	X(leads) \
	X(visits) \
	X(customer_edit) \
	X(contact_new) \
	X(lead) \
	X(lead_new) \
	X(opportunity_new) \
	X(visit) \
	X(visit_new) \
	X(complaint_new) \
	X(complaint_close) \
	X(choose) \
	X(contracts) \
	X(credit) \
	X(receivables) \
	X(collection) \
	X(reports) \
	X(contract) \
	X(invoice_new) \
	X(payment_new) \
	X(statement) \
	X(open_items) \
	X(credit_rating) \
	X(credit_file) \
	X(help)

#define TUI_X_DECLARE(name) extern const struct tui_view_ops tui_view_##name;
TUI_VIEW_LIST(TUI_X_DECLARE)
#undef TUI_X_DECLARE

const struct tui_view_ops *const tui_views[] = {
#define TUI_X_ENTRY(name) &tui_view_##name,
	TUI_VIEW_LIST(TUI_X_ENTRY)
#undef TUI_X_ENTRY
	NULL,
};

const struct tui_view_ops *tui_view_find(const char *name)
{
	for (int i = 0; tui_views[i]; i++)
		if (strcmp(tui_views[i]->name, name) == 0)
			return tui_views[i];
	return NULL;
}
