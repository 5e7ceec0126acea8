/*
 * i18n.h - gettext markers for the TUI.
 *
 * _() translates at run time; N_() only marks a string in a static table so
 * xgettext finds it, and the code calls gettext() when it draws it.
 */
#ifndef CREDO_TUI_I18N_H
#define CREDO_TUI_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
