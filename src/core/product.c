/* product.c - the product list. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static const char SNAP_PRODUCT[] =
	"SELECT json_object('code', code, 'name', name, 'model', model, 'spec', spec, 'unit', unit,"
	" 'list_price', list_price, 'active', active) FROM products WHERE id = ?1";

static credo_status check_text(credo_db *db, const char *field, const char *v, size_t max, int required)
{
	if (!v || !*v)
		return required ? credo__fail(db, CREDO_INVALID, "product %s is required", field) : CREDO_OK;
	if (strlen(v) > max || !credo__text_ok(v, 0))
		return credo__fail(db, CREDO_INVALID, "product %s must be at most %zu bytes of text"
				   " without control characters", field, max);
	return CREDO_OK;
}

static credo_status insert_product(credo_db *db, const credo_product_new *in, int64_t *id_out)
{
	const char *fields[][2] = { { "code", in->code }, { "name", in->name }, { "model", in->model },
				    { "spec", in->spec }, { "unit", in->unit } };
	credo_status rc = CREDO_OK;
	for (int i = 0; rc == CREDO_OK && i < 5; i++)
		rc = check_text(db, fields[i][0], fields[i][1], i == 0 ? 32 : 100, i == 1);
	if (rc)
		return rc;
	if (in->list_price < 0)
		return credo__fail(db, CREDO_INVALID, "product list price cannot be negative");
	char code[40];
	if (in->code && *in->code)
		snprintf(code, sizeof code, "%s", in->code);
	else if ((rc = credo__next_code(db, "product", code, sizeof code)))
		return rc;
	sqlite3_stmt *st;
	rc = credo__prepare(db, "INSERT INTO products(code, name, model, spec, unit, list_price)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	for (int i = 1; i < 5; i++)
		sqlite3_bind_text(st, i + 1, fields[i][1] ? fields[i][1] : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, in->list_price);
	if (sqlite3_step(st) != SQLITE_DONE) {
		int dup = sqlite3_extended_errcode(db->sql) == SQLITE_CONSTRAINT_UNIQUE;
		sqlite3_finalize(st);
		return dup ? credo__fail(db, CREDO_EXISTS, "product code %s is already used", code)
			   : credo__dberr(db, "adding a product");
	}
	sqlite3_finalize(st);
	int64_t id = sqlite3_last_insert_rowid(db->sql);
	if (id_out)
		*id_out = id;
	return credo__audit_row(db, "products", id, "create", SNAP_PRODUCT, NULL);
}

credo_status credo_product_add(credo_db *db, const credo_product_new *in, int64_t *id_out)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_PRODUCT_EDIT);
	if (rc)
		return rc;
	return credo__mut_end(db, insert_product(db, in, id_out));
}

credo_status credo_product_find(credo_db *db, const char *code, int64_t *id)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT id FROM products WHERE code = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, code ? code : "", -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else
		rc = credo__fail(db, CREDO_NOTFOUND, "no product with code %s", code ? code : "");
	sqlite3_finalize(st);
	return rc;
}

credo_status credo_product_list(credo_db *db, const char *search, credo_product_cb cb, void *ctx)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT id, code, name, model, spec, unit, list_price, active"
					 " FROM products WHERE ?1 IS NULL OR instr(lower(code || ' ' || name"
					 " || ' ' || model), lower(?1)) > 0 ORDER BY code", &st);
	if (rc)
		return rc;
	credo__bind_text_or_null(st, 1, search);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_product p = {
			.id = sqlite3_column_int64(st, 0), .code = credo__col_text(st, 1),
			.name = credo__col_text(st, 2), .model = credo__col_text(st, 3),
			.spec = credo__col_text(st, 4), .unit = credo__col_text(st, 5),
			.list_price = sqlite3_column_int64(st, 6), .active = sqlite3_column_int(st, 7),
		};
		if (cb(&p, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "listing products");
	sqlite3_finalize(st);
	return rc;
}
