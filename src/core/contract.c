/* contract.c - contracts: lines, settlement plan, execution log, life cycle. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char SNAP_CONTRACT[] =
	"SELECT json_object('code', code, 'customer_id', customer_id, 'sign_date', sign_date,"
	" 'start_date', start_date, 'end_date', end_date, 'owner_id', owner_id, 'department_id', department_id,"
	" 'payment_term_days', payment_term_days, 'collateral', collateral, 'status', status, 'amount', amount,"
	" 'lines', (SELECT json_group_array(json_array(line_no, description, model, spec, qty_milli, unit_price,"
	"   amount)) FROM contract_lines WHERE contract_id = contracts.id),"
	" 'plan', (SELECT json_group_array(json_array(planned_date, amount, note)) FROM settlement_plan"
	"   WHERE contract_id = contracts.id)) FROM contracts WHERE id = ?1";

#define CONTRACT_COLS \
	"k.id, k.code, k.customer_id, c.code, c.name, coalesce(k.sign_date, ''), coalesce(k.start_date, '')," \
	" coalesce(k.end_date, ''), u.login, coalesce(d.name, ''), k.payment_term_days, k.collateral, k.status," \
	" k.amount," \
	" (SELECT coalesce(sum(i.amount), 0) FROM invoices i WHERE i.contract_id = k.id)," \
	" (SELECT coalesce(sum(a.amount), 0) FROM invoices i JOIN allocations a ON a.invoice_id = i.id" \
	"  WHERE i.contract_id = k.id AND a.payment_id IS NOT NULL AND a.reversed_at IS NULL)"
#define CONTRACT_FROM \
	" FROM contracts k JOIN customers c ON c.id = k.customer_id JOIN users u ON u.id = k.owner_id" \
	" LEFT JOIN departments d ON d.id = k.department_id"
#define CONTRACT_SCOPE " (?1 OR c.owner_id = ?2)"

static void contract_from(sqlite3_stmt *st, credo_contract *k)
{
	int i = 0;
	k->id = sqlite3_column_int64(st, i++);
	k->code = credo__col_text(st, i++);
	k->customer_id = sqlite3_column_int64(st, i++);
	k->customer_code = credo__col_text(st, i++);
	k->customer_name = credo__col_text(st, i++);
	k->sign_date = credo__col_text(st, i++);
	k->start_date = credo__col_text(st, i++);
	k->end_date = credo__col_text(st, i++);
	k->owner_login = credo__col_text(st, i++);
	k->department = credo__col_text(st, i++);
	k->payment_term_days = sqlite3_column_int(st, i++);
	k->collateral = credo__col_text(st, i++);
	k->status = credo__col_text(st, i++);
	k->amount = sqlite3_column_int64(st, i++);
	k->invoiced = sqlite3_column_int64(st, i++);
	k->collected = sqlite3_column_int64(st, i++);
}

/* qty (thousandths) x price, rounded half up to the fen; CREDO_INVALID on overflow. */
static credo_status line_amount(credo_db *db, int n, int64_t qty_milli, credo_money price, credo_money *out)
{
	int64_t p;
	if (__builtin_mul_overflow(qty_milli, price, &p) || p > INT64_MAX - 500)
		return credo__fail(db, CREDO_INVALID, "line %d: quantity times price is too large", n);
	*out = (p + 500) / 1000;
	return CREDO_OK;
}

static credo_status check_text(credo_db *db, const char *field, const char *v, size_t max)
{
	if (v && (strlen(v) > max || !credo__text_ok(v, 0)))
		return credo__fail(db, CREDO_INVALID, "contract %s must be at most %zu bytes of text"
				   " without control characters", field, max);
	return CREDO_OK;
}

/* Fill in product details, check quantities and prices, and total the lines. */
static credo_status check_lines(credo_db *db, const credo_contract_new *in, credo_contract_line *lines,
				credo_money *total)
{
	if (in->nlines < 1 || !in->lines)
		return credo__fail(db, CREDO_INVALID, "a contract needs at least one goods line");
	*total = 0;
	for (int i = 0; i < in->nlines; i++) {
		credo_contract_line *l = &lines[i];
		*l = in->lines[i];
		int n = i + 1;
		if (l->product_code && *l->product_code) {
			int64_t pid;
			credo_status rc = credo_product_find(db, l->product_code, &pid);
			if (rc)
				return credo__fail(db, rc, "line %d: no product with code %s", n, l->product_code);
		} else if (!l->description || !*l->description) {
			return credo__fail(db, CREDO_INVALID, "line %d needs a product or a description", n);
		}
		credo_status rc = check_text(db, "line description", l->description, 200);
		if (rc == CREDO_OK)
			rc = check_text(db, "line model", l->model, 100);
		if (rc == CREDO_OK)
			rc = check_text(db, "line spec", l->spec, 100);
		if (rc)
			return rc;
		if (l->qty_milli <= 0)
			return credo__fail(db, CREDO_INVALID, "line %d: quantity must be more than zero", n);
		if (l->unit_price < 0)
			return credo__fail(db, CREDO_INVALID, "line %d: unit price cannot be negative", n);
		rc = line_amount(db, n, l->qty_milli, l->unit_price, &l->amount);
		if (rc)
			return rc;
		if (__builtin_add_overflow(*total, l->amount, total))
			return credo__fail(db, CREDO_INVALID, "the contract total is too large");
	}
	return CREDO_OK;
}

/* Seed 003 结算细节: the plan's amounts must add up to the contract, to the fen. */
static credo_status check_plan(credo_db *db, const credo_contract_new *in, const char *sign, credo_money total)
{
	if (in->nplan <= 0)
		return CREDO_OK;
	credo_money sum = 0;
	for (int i = 0; i < in->nplan; i++) {
		char d[CREDO_DATE_BUFSZ];
		credo_status rc = credo__date_arg(db, "settlement plan date", in->plan[i].date, d);
		if (rc)
			return rc;
		if (strcmp(d, sign) < 0)
			return credo__fail(db, CREDO_RULE, "settlement plan date %s is before the sign date %s", d, sign);
		if (in->plan[i].amount <= 0)
			return credo__fail(db, CREDO_INVALID, "settlement plan amounts must be more than zero");
		rc = check_text(db, "plan note", in->plan[i].note, 200);
		if (rc)
			return rc;
		if (__builtin_add_overflow(sum, in->plan[i].amount, &sum))
			return credo__fail(db, CREDO_INVALID, "the settlement plan total is too large");
	}
	if (sum != total) {
		char a[CREDO_MONEY_BUFSZ], b[CREDO_MONEY_BUFSZ];
		return credo__fail(db, CREDO_RULE, "the settlement plan adds up to %s but the contract is %s",
				   credo_money_format(sum, 1, a, sizeof a), credo_money_format(total, 1, b, sizeof b));
	}
	return CREDO_OK;
}

/* The customer's owner and term, for defaults. */
static credo_status customer_defaults(credo_db *db, int64_t customer, int64_t *owner, int *term)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT owner_id, payment_term_days FROM customers WHERE id = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, customer);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*owner = sqlite3_column_int64(st, 0);
		*term = sqlite3_column_type(st, 1) == SQLITE_NULL
				? (int)credo__setting_int(db, "ledger.default_term_days", 30)
				: sqlite3_column_int(st, 1);
	} else {
		rc = credo__fail(db, CREDO_NOTFOUND, "customer #%lld not found", (long long)customer);
	}
	sqlite3_finalize(st);
	return rc;
}

static credo_status insert_lines(credo_db *db, int64_t id, const credo_contract_line *lines, int n)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "INSERT INTO contract_lines(contract_id, line_no, product_id,"
					 " description, model, spec, qty_milli, unit_price, amount)"
					 " SELECT ?1, ?2, p.id, coalesce(nullif(?4, ''), p.name, ''),"
					 " coalesce(nullif(?5, ''), p.model, ''), coalesce(nullif(?6, ''), p.spec, ''),"
					 " ?7, ?8, ?9 FROM (SELECT 1) LEFT JOIN products p ON p.code = ?3", &st);
	for (int i = 0; rc == CREDO_OK && i < n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, i + 1);
		sqlite3_bind_text(st, 3, lines[i].product_code ? lines[i].product_code : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, lines[i].description ? lines[i].description : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, lines[i].model ? lines[i].model : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, lines[i].spec ? lines[i].spec : "", -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 7, lines[i].qty_milli);
		sqlite3_bind_int64(st, 8, lines[i].unit_price);
		sqlite3_bind_int64(st, 9, lines[i].amount);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = credo__dberr(db, "adding contract lines");
	}
	sqlite3_finalize(st);
	return rc;
}

static credo_status insert_plan(credo_db *db, int64_t id, const credo_contract_new *in)
{
	if (in->nplan <= 0)
		return CREDO_OK;
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "INSERT INTO settlement_plan(contract_id, planned_date, amount, note)"
					 " VALUES (?1, ?2, ?3, ?4)", &st);
	for (int i = 0; rc == CREDO_OK && i < in->nplan; i++) {
		char d[CREDO_DATE_BUFSZ];
		credo__date_arg(db, "plan date", in->plan[i].date, d);
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, d, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 3, in->plan[i].amount);
		sqlite3_bind_text(st, 4, in->plan[i].note ? in->plan[i].note : "", -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = credo__dberr(db, "adding the settlement plan");
	}
	sqlite3_finalize(st);
	return rc;
}

static credo_status code_free(credo_db *db, const char *code)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT 1 FROM contracts WHERE code = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		rc = credo__fail(db, CREDO_EXISTS, "contract code %s is already used", code);
	sqlite3_finalize(st);
	return rc;
}

static credo_status insert_contract(credo_db *db, const credo_contract_new *in, int64_t *id_out)
{
	char sign[CREDO_DATE_BUFSZ], start[CREDO_DATE_BUFSZ] = "", end[CREDO_DATE_BUFSZ] = "";
	credo_status rc = credo__customer_visible(db, in->customer_id);
	if (rc == CREDO_OK)
		rc = credo__date_arg(db, "contract sign date", in->sign_date, sign);
	if (rc == CREDO_OK && in->start_date && *in->start_date)
		rc = credo__date_arg(db, "contract start date", in->start_date, start);
	if (rc == CREDO_OK && in->end_date && *in->end_date)
		rc = credo__date_arg(db, "contract end date", in->end_date, end);
	if (rc == CREDO_OK && *start && *end && strcmp(end, start) < 0)
		rc = credo__fail(db, CREDO_RULE, "the contract ends (%s) before it starts (%s)", end, start);
	if (rc == CREDO_OK)
		rc = check_text(db, "code", in->code, 32);
	if (rc == CREDO_OK)
		rc = check_text(db, "collateral", in->collateral, 500);
	if (rc == CREDO_OK && in->payment_term_days > 3650)
		rc = credo__fail(db, CREDO_INVALID, "payment term must be 0 to 3650 days");
	if (rc)
		return rc;
	credo_contract_line *lines = calloc((size_t)(in->nlines > 0 ? in->nlines : 1), sizeof *lines);
	if (!lines)
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	credo_money total = 0;
	int64_t owner = 0;
	int term = 0;
	char code[40];
	rc = check_lines(db, in, lines, &total);
	if (rc == CREDO_OK)
		rc = check_plan(db, in, sign, total);
	if (rc == CREDO_OK)
		rc = customer_defaults(db, in->customer_id, &owner, &term);
	if (rc == CREDO_OK && in->owner_login && *in->owner_login) {
		sqlite3_stmt *st;
		rc = credo__prepare(db, "SELECT id FROM users WHERE login = ?1 AND active = 1"
				    " AND role IN ('sales', 'sales_manager')", &st);
		if (rc == CREDO_OK) {
			sqlite3_bind_text(st, 1, in->owner_login, -1, SQLITE_STATIC);
			if (sqlite3_step(st) == SQLITE_ROW)
				owner = sqlite3_column_int64(st, 0);
			else
				rc = credo__fail(db, CREDO_INVALID, "contract owner %s is not an active salesperson",
						 in->owner_login);
			sqlite3_finalize(st);
		}
		/* As for customers: a salesperson drafts in its own name, a manager for anyone. */
		if (rc == CREDO_OK && db->actor.role == CREDO_ROLE_SALES && owner != db->actor.id)
			rc = credo__fail(db, CREDO_PERM, "permission denied: a salesperson drafts contracts"
					 " for itself, not for %s", in->owner_login);
	}
	if (rc == CREDO_OK && in->code && *in->code) {
		snprintf(code, sizeof code, "%s", in->code);
		rc = code_free(db, code);
	} else if (rc == CREDO_OK) {
		do
			rc = credo__next_code(db, "contract", code, sizeof code);
		while (rc == CREDO_OK && code_free(db, code) == CREDO_EXISTS);
	}
	sqlite3_stmt *st = NULL;
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "INSERT INTO contracts(code, customer_id, sign_date, start_date, end_date,"
				    " owner_id, department_id, payment_term_days, collateral, amount, created_at)"
				    " VALUES (?1, ?2, ?3, nullif(?4, ''), nullif(?5, ''), ?6,"
				    " (SELECT department_id FROM users WHERE id = ?6), ?7, ?8, ?9, ?10)", &st);
	int64_t id = 0;
	if (rc == CREDO_OK) {
		char now[21];
		credo__now(now);
		sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, in->customer_id);
		sqlite3_bind_text(st, 3, sign, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, start, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, end, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 6, owner);
		sqlite3_bind_int(st, 7, in->payment_term_days >= 0 ? in->payment_term_days : term);
		sqlite3_bind_text(st, 8, in->collateral ? in->collateral : "", -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 9, total);
		sqlite3_bind_text(st, 10, now, -1, SQLITE_STATIC);
		rc = credo__step_done(db, st, "adding a contract");
		id = sqlite3_last_insert_rowid(db->sql);
		credo__figures_touch(db, in->customer_id);
	}
	if (rc == CREDO_OK)
		rc = insert_lines(db, id, lines, in->nlines);
	if (rc == CREDO_OK)
		rc = insert_plan(db, id, in);
	free(lines);
	if (rc == CREDO_OK)
		rc = credo__audit_row(db, "contracts", id, "create", SNAP_CONTRACT, NULL);
	if (rc == CREDO_OK && id_out)
		*id_out = id;
	return rc;
}

credo_status credo_contract_add(credo_db *db, const credo_contract_new *in, int64_t *id_out)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_CONTRACT_EDIT);
	if (rc)
		return rc;
	return credo__mut_end(db, insert_contract(db, in, id_out));
}

credo_status credo_contract_find(credo_db *db, const char *code, int64_t *id)
{
	return credo__find_code(db, "SELECT k.id FROM contracts k JOIN customers c ON c.id = k.customer_id"
				" WHERE" CONTRACT_SCOPE " AND k.code = ?3", "contract", code, id);
}

static credo_status stream(credo_db *db, sqlite3_stmt *st, credo_contract_cb cb, void *ctx, int *n)
{
	credo_status rc = CREDO_OK;
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_contract k;
		contract_from(st, &k);
		++*n;
		if (cb(&k, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "reading contracts");
	sqlite3_finalize(st);
	return rc;
}

credo_status credo_contract_get(credo_db *db, int64_t id, credo_contract_cb cb, void *ctx)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT " CONTRACT_COLS CONTRACT_FROM " WHERE" CONTRACT_SCOPE
					 " AND k.id = ?3", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	sqlite3_bind_int64(st, 3, id);
	int n = 0;
	rc = stream(db, st, cb, ctx, &n);
	if (rc == CREDO_OK && n == 0)
		rc = credo__fail(db, CREDO_NOTFOUND, "contract #%lld not found", (long long)id);
	return rc;
}

credo_status credo_contract_list(credo_db *db, const credo_contract_filter *f, credo_contract_cb cb, void *ctx)
{
	if (db->actor.id <= 0)
		return credo__fail(db, CREDO_NOUSER, "no user is logged in");
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT " CONTRACT_COLS CONTRACT_FROM " WHERE" CONTRACT_SCOPE
					 " AND (?3 = 0 OR k.customer_id = ?3) AND (?4 IS NULL OR k.status = ?4)"
					 " ORDER BY k.sign_date DESC, k.id DESC LIMIT ?5", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	sqlite3_bind_int64(st, 3, f ? f->customer_id : 0);
	credo__bind_text_or_null(st, 4, f ? f->status : NULL);
	sqlite3_bind_int(st, 5, f && f->limit > 0 ? f->limit : -1);
	int n = 0;
	return stream(db, st, cb, ctx, &n);
}

/* Status, customer and amount of a contract in scope. */
static credo_status load(credo_db *db, int64_t id, char status[16], int64_t *customer, credo_money *amount)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT k.status, k.customer_id, k.amount FROM contracts k"
					 " JOIN customers c ON c.id = k.customer_id WHERE" CONTRACT_SCOPE
					 " AND k.id = ?3", &st);
	if (rc)
		return rc;
	credo__bind_scope(db, st);
	sqlite3_bind_int64(st, 3, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(status, 16, "%s", credo__col_text(st, 0));
		*customer = sqlite3_column_int64(st, 1);
		*amount = sqlite3_column_int64(st, 2);
	} else {
		rc = credo__fail(db, CREDO_NOTFOUND, "contract #%lld not found", (long long)id);
	}
	sqlite3_finalize(st);
	return rc;
}

static credo_status set_status(credo_db *db, int64_t id, const char *to, const char *action)
{
	char *before = credo__snapshot(db, SNAP_CONTRACT, id);
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "UPDATE contracts SET status = ?2 WHERE id = ?1", &st);
	if (rc == CREDO_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
		rc = credo__step_done(db, st, "changing a contract");
	}
	if (rc == CREDO_OK)
		credo__figures_touch_of(db, "SELECT customer_id FROM contracts WHERE id = ?1", id);
	if (rc == CREDO_OK)
		rc = credo__audit_row(db, "contracts", id, action, SNAP_CONTRACT, before);
	free(before);
	return rc;
}

static credo_status activate(credo_db *db, int64_t id, const char *override_reason)
{
	char status[16];
	int64_t customer;
	credo_money amount;
	credo_status rc = load(db, id, status, &customer, &amount);
	if (rc)
		return rc;
	if (strcmp(status, "draft") != 0)
		return credo__fail(db, CREDO_RULE, "only a draft contract can be activated; this one is %s", status);
	rc = credo__credit_check(db, customer, id, amount, override_reason);
	if (rc == CREDO_OK)
		rc = set_status(db, id, "active", "activate");
	return rc;
}

credo_status credo_contract_activate(credo_db *db, int64_t id, const char *override_reason)
{
	/* A credit manager's override is itself the authority to activate a blocked contract. */
	int overriding = override_reason && *override_reason && credo_can(db, CREDO_PERM_CREDIT_DECIDE);
	credo_status rc = credo__mut_begin(db, overriding ? CREDO_PERM_CREDIT_DECIDE : CREDO_PERM_CONTRACT_EDIT);
	if (rc)
		return rc;
	return credo__mut_end(db, activate(db, id, override_reason));
}

static credo_status finish(credo_db *db, int64_t id, const char *to, const char *reason)
{
	char status[16];
	int64_t customer;
	credo_money amount;
	credo_status rc = load(db, id, status, &customer, &amount);
	if (rc)
		return rc;
	int completing = strcmp(to, "completed") == 0;
	if (completing ? strcmp(status, "active") != 0
		       : strcmp(status, "draft") != 0 && strcmp(status, "active") != 0)
		return credo__fail(db, CREDO_RULE, "a %s contract cannot be %s", status, to);
	if (!completing && (!reason || !*reason))
		return credo__fail(db, CREDO_INVALID, "terminating a contract needs a reason");
	rc = set_status(db, id, to, completing ? "complete" : "terminate");
	if (rc == CREDO_OK && reason && *reason)
		rc = credo_contract_log(db, id, NULL, reason);
	return rc;
}

credo_status credo_contract_complete(credo_db *db, int64_t id)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_CONTRACT_EDIT);
	if (rc)
		return rc;
	return credo__mut_end(db, finish(db, id, "completed", NULL));
}

credo_status credo_contract_terminate(credo_db *db, int64_t id, const char *reason)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_CONTRACT_EDIT);
	if (rc)
		return rc;
	return credo__mut_end(db, finish(db, id, "terminated", reason));
}

static const char SNAP_LOG[] =
	"SELECT json_object('contract_id', contract_id, 'log_date', log_date, 'note', note)"
	" FROM contract_log WHERE id = ?1";

static credo_status add_log(credo_db *db, int64_t id, const char *date, const char *note)
{
	char status[16], day[CREDO_DATE_BUFSZ];
	int64_t customer;
	credo_money amount;
	credo_status rc = load(db, id, status, &customer, &amount);
	if (rc == CREDO_OK)
		rc = credo__date_or_today(db, "log date", date, day);
	if (rc == CREDO_OK && (!note || !*note || strlen(note) > 2000 || !credo__text_ok(note, 1)))
		rc = credo__fail(db, CREDO_INVALID, "a log note is 1 to 2000 bytes of text");
	sqlite3_stmt *st;
	if (rc == CREDO_OK)
		rc = credo__prepare(db, "INSERT INTO contract_log(contract_id, log_date, user_id, note)"
				    " VALUES (?1, ?2, ?3, ?4)", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, db->actor.id);
	sqlite3_bind_text(st, 4, note, -1, SQLITE_STATIC);
	rc = credo__step_done(db, st, "adding to the contract log");
	if (rc == CREDO_OK)
		rc = credo__audit_row(db, "contract_log", sqlite3_last_insert_rowid(db->sql), "create", SNAP_LOG, NULL);
	return rc;
}

credo_status credo_contract_log(credo_db *db, int64_t id, const char *date, const char *note)
{
	/* Finance and credit note what they see happen to a contract too. */
	credo_status rc = credo__mut_begin(db, credo_can(db, CREDO_PERM_CONTRACT_EDIT) ? CREDO_PERM_CONTRACT_EDIT
								     : CREDO_PERM_COLLECTION);
	if (rc)
		return rc;
	return credo__mut_end(db, add_log(db, id, date, note));
}

credo_status credo_contract_items(credo_db *db, int64_t id, credo_contract_item_cb cb, void *ctx)
{
	char status[16];
	int64_t customer;
	credo_money amount;
	credo_status rc = load(db, id, status, &customer, &amount);
	if (rc)
		return rc;
	sqlite3_stmt *st;
	rc = credo__prepare(db,
		"SELECT 'line', line_no, '', description, model, spec, qty_milli, unit_price, amount, '', 0"
		" FROM contract_lines WHERE contract_id = ?1"
		" UNION ALL SELECT 'plan', 0, planned_date, note, '', '', 0, 0, amount, '', 1"
		" FROM settlement_plan WHERE contract_id = ?1"
		" UNION ALL SELECT 'log', 0, log_date, note, '', '', 0, 0, 0, u.login, 2"
		" FROM contract_log l JOIN users u ON u.id = l.user_id WHERE contract_id = ?1"
		" ORDER BY 11, 2, 3", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_contract_item it = {
			.kind = credo__col_text(st, 0), .line_no = sqlite3_column_int(st, 1),
			.date = credo__col_text(st, 2), .text = credo__col_text(st, 3),
			.model = credo__col_text(st, 4), .spec = credo__col_text(st, 5),
			.qty_milli = sqlite3_column_int64(st, 6), .unit_price = sqlite3_column_int64(st, 7),
			.amount = sqlite3_column_int64(st, 8), .who = credo__col_text(st, 9),
		};
		if (cb(&it, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "reading the contract");
	sqlite3_finalize(st);
	return rc;
}
