/*
 * settings.h - every tunable of the product, with its default, its rule
 * and who may change it.
 *
 * A setting nobody changed reads as its default. Changes are checked
 * against the setting's rule and, for the credit policy, against the whole
 * policy (a riskier grade never gets a higher percentage, a longer term or
 * a bigger discount); they are audited like any other change.
 */
#ifndef CREDO_SETTINGS_H
#define CREDO_SETTINGS_H

#include <stddef.h>

#include "credo/db.h"

typedef struct credo_setting {
	const char *key;
	const char *value;	/* in force */
	const char *def;	/* default */
	const char *what;	/* one line for people */
} credo_setting;

typedef int (*credo_setting_cb)(const credo_setting *s, void *ctx);

/* Value of key into buf; CREDO_NOTFOUND for a key credo does not know. */
credo_status credo_setting_get(credo_db *db, const char *key, char *buf, size_t len);

/*
 * Change a setting. Needs SETTINGS. CREDO_NOTFOUND for an unknown key,
 * CREDO_INVALID when the value breaks the setting's rule, CREDO_RULE when
 * it would make the credit policy inconsistent; the message says which.
 */
credo_status credo_setting_set(credo_db *db, const char *key, const char *value);

/* Every known setting in key order. */
credo_status credo_setting_list(credo_db *db, credo_setting_cb cb, void *ctx);

#endif
