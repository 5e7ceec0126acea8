/* contact.c - contacts of a customer. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char SNAP_CONTACT[] =
	"SELECT json_object('customer_id', customer_id, 'name', name, 'title', title,"
	" 'department', department, 'phone', phone, 'email', email, 'role', role, 'notes', notes)"
	" FROM contacts WHERE id = ?1";
const char *const credo__snap_contact = SNAP_CONTACT;

static const char *const contact_roles[] = { "decision_maker", "purchasing", "finance", "insider", "other" };

static int nop_cb(const credo_customer *c, void *ctx)
{
	(void)c;
	(void)ctx;
	return 0;
}

static credo_status check_field(credo_db *db, const char *field, const char *v, size_t max, int required)
{
	if (!v || !*v)
		return required ? credo__fail(db, CREDO_INVALID, "contact %s is required", field) : CREDO_OK;
	if (strlen(v) > max || !credo__text_ok(v, 0))
		return credo__fail(db, CREDO_INVALID, "contact %s must be at most %zu bytes of text"
				   " without control characters", field, max);
	return CREDO_OK;
}

static credo_status insert_contact(credo_db *db, const credo_contact *c, int64_t *id_out)
{
	/* Adding to a customer outside the scope must look exactly like a missing one. */
	credo_status rc = credo_customer_get(db, c->customer_id, nop_cb, NULL);
	const char *fields[][2] = { { "name", c->name }, { "title", c->title }, { "department", c->department },
				    { "phone", c->phone }, { "email", c->email }, { "notes", c->notes } };
	for (size_t i = 0; rc == CREDO_OK && i < sizeof fields / sizeof fields[0]; i++)
		rc = check_field(db, fields[i][0], fields[i][1], i == 5 ? 2000 : 100, i == 0);
	if (rc)
		return rc;
	const char *role = c->role && *c->role ? c->role : "other";
	size_t r = 0;
	while (r < sizeof contact_roles / sizeof contact_roles[0] && strcmp(role, contact_roles[r]) != 0)
		r++;
	if (r == sizeof contact_roles / sizeof contact_roles[0])
		return credo__fail(db, CREDO_INVALID, "contact role must be decision_maker, purchasing,"
				   " finance, insider or other");

	sqlite3_stmt *st;
	rc = credo__prepare(db, "INSERT INTO contacts(customer_id, name, title, department, phone, email,"
			    " role, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, c->customer_id);
	for (int i = 0; i < 5; i++)
		sqlite3_bind_text(st, 2 + i, fields[i][1] ? fields[i][1] : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, c->notes ? c->notes : "", -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = credo__dberr(db, "adding a contact");
	sqlite3_finalize(st);
	if (rc)
		return rc;
	int64_t id = sqlite3_last_insert_rowid(db->sql);
	char *after = credo__snapshot(db, SNAP_CONTACT, id);
	rc = credo__audit(db, "contacts", id, "create", NULL, after);
	free(after);
	if (rc == CREDO_OK && id_out)
		*id_out = id;
	return rc;
}

credo_status credo_contact_add(credo_db *db, const credo_contact *c, int64_t *id_out)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_CUSTOMER_EDIT);
	if (rc)
		return rc;
	return credo__mut_end(db, insert_contact(db, c, id_out));
}

credo_status credo_contact_list(credo_db *db, int64_t customer_id, credo_contact_cb cb, void *ctx)
{
	credo_status rc = credo_customer_get(db, customer_id, nop_cb, NULL);
	if (rc)
		return rc;
	sqlite3_stmt *st;
	rc = credo__prepare(db, "SELECT id, customer_id, name, title, department, phone, email, role, notes"
			    " FROM contacts WHERE customer_id = ?1 ORDER BY name, id", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, customer_id);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_contact c = {
			.id = sqlite3_column_int64(st, 0),
			.customer_id = sqlite3_column_int64(st, 1),
			.name = credo__col_text(st, 2),
			.title = credo__col_text(st, 3),
			.department = credo__col_text(st, 4),
			.phone = credo__col_text(st, 5),
			.email = credo__col_text(st, 6),
			.role = credo__col_text(st, 7),
			.notes = credo__col_text(st, 8),
		};
		if (cb(&c, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "listing contacts");
	sqlite3_finalize(st);
	return rc;
}
