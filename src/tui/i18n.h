/*
 * i18n.h - gettext markers for the TUI.
 *
 * _() translates at run time; N_() only marks a string in a static table so
 * xgettext finds it, and the code calls gettext() when it draws it.
 */
#ifndef CREDO_TUI_I18N_H
#define CREDO_TUI_I18N_H

#include <libintl.h>
#include <string.h>

#define _(s) gettext(s)
#define N_(s) (s)

/*
 * NC_(context, s) marks a table string whose English is ambiguous ("Credit"
 * is 信用 as a tab and 贷方 as a ledger column): the key is pgettext's
 * "context\004s". Draw such strings with tui_tr(), which translates and drops
 * the context when there is no translation.
 */
#define NC_(c, s) (c "\004" s)

static inline const char *tui_tr(const char *s)
{
	if (!*s)
		return s;	/* gettext("") would be the catalogue's header */
	const char *t = gettext(s);
	const char *eot = strchr(t, '\004');
	return eot ? eot + 1 : t;
}

#endif
