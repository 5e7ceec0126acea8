/*
 * product.h - the product list contracts are written against.
 */
#ifndef CREDO_PRODUCT_H
#define CREDO_PRODUCT_H

#include <stdint.h>

#include "credo/db.h"
#include "credo/money.h"

typedef struct credo_product {
	int64_t id;
	const char *code;
	const char *name;
	const char *model;
	const char *spec;
	const char *unit;
	credo_money list_price;
	int active;
} credo_product;

typedef int (*credo_product_cb)(const credo_product *p, void *ctx);

/* Fields for a new product; code NULL takes the next from code.product. name is required. */
typedef struct credo_product_new {
	const char *code;
	const char *name;
	const char *model;
	const char *spec;
	const char *unit;
	credo_money list_price;	/* >= 0 */
} credo_product_new;

/* Needs PRODUCT_EDIT. CREDO_EXISTS for a taken code. */
credo_status credo_product_add(credo_db *db, const credo_product_new *in, int64_t *id_out);

/* Product by code (active or not); CREDO_NOTFOUND otherwise. */
credo_status credo_product_find(credo_db *db, const char *code, int64_t *id);

/* All products by code; search (NULL: all) matches code, name or model. */
credo_status credo_product_list(credo_db *db, const char *search, credo_product_cb cb, void *ctx);

#endif
