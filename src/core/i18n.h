/*
 * i18n.h - gettext markers for the core.
 *
 * The core never prints, but its messages (credo_errmsg, status texts, role
 * labels, alert texts, export titles) reach the user, so it translates them
 * in the "credo" domain; the program binds that domain at start. Without a
 * bound catalogue (unit tests, C locale) the English text is returned.
 *
 * _() translates at run time; N_() only marks a string in a static table so
 * xgettext finds it, and the code calls _() when it hands the string out.
 * credo__fail() translates its format itself (xgettext keyword credo__fail:3).
 */
#ifndef CREDO_CORE_I18N_H
#define CREDO_CORE_I18N_H

#include <libintl.h>

#define CREDO_TEXTDOMAIN "credo"

/* gettext("") is the catalogue's header, not a translation: "" stays "". */
#if defined(__GNUC__)
__attribute__((format_arg(1)))
#endif
static inline const char *credo__i18n(const char *s)
{
	return s && *s ? dgettext(CREDO_TEXTDOMAIN, s) : s;
}

#define _(s) credo__i18n(s)
#define N_(s) (s)
/* Singular or plural form of a message for count n. */
#define P_(s, p, n) dngettext(CREDO_TEXTDOMAIN, s, p, (unsigned long)(n))

#endif
