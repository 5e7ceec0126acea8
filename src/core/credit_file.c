/* credit_file.c - credit files: a customer's statements, bank reference, collateral, assessments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "credit_internal.h"

static const char SNAP_FILE[] =
	"SELECT json_object('customer_id', customer_id, 'statement_date', statement_date,"
	" 'current_assets', current_assets, 'current_liabilities', current_liabilities, 'cash', cash,"
	" 'total_assets', total_assets, 'total_liabilities', total_liabilities, 'net_assets', net_assets,"
	" 'ebit', ebit, 'interest_expense', interest_expense, 'revenue', revenue,"
	" 'bank_reference', bank_reference, 'collateral', collateral, 'collateral_liquidity', collateral_liquidity,"
	" 'reach', assess_reach, 'capital', assess_capital, 'brands', assess_brands,"
	" 'logistics', assess_logistics, 'cooperation', assess_cooperation, 'management', assess_management,"
	" 'note', salesperson_note) FROM credit_files WHERE id = ?1";

static void bind_money(sqlite3_stmt *st, int i, credo_money v)
{
	if (v == CREDO_MONEY_NONE)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, v);
}

static credo_status check(credo_db *db, const credo_credit_file_new *in)
{
	const int marks[] = { in->reach, in->capital, in->brands, in->logistics, in->cooperation, in->management };
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (marks[i] < 0 || marks[i] > 5)
			return credo__fail(db, CREDO_INVALID, "assessments are marks from 1 to 5");
	const credo_money nonneg[] = { in->current_assets, in->current_liabilities, in->cash, in->total_assets,
				       in->total_liabilities, in->interest_expense };
	for (size_t i = 0; i < sizeof nonneg / sizeof nonneg[0]; i++)
		if (nonneg[i] != CREDO_MONEY_NONE && nonneg[i] < 0)
			return credo__fail(db, CREDO_INVALID, "assets, liabilities, cash and interest cannot be negative");
	if (in->cash != CREDO_MONEY_NONE && in->current_assets != CREDO_MONEY_NONE && in->cash > in->current_assets)
		return credo__fail(db, CREDO_RULE, "cash cannot exceed current assets");
	if (in->current_assets != CREDO_MONEY_NONE && in->total_assets != CREDO_MONEY_NONE &&
	    in->current_assets > in->total_assets)
		return credo__fail(db, CREDO_RULE, "current assets cannot exceed total assets");
	const char *texts[][2] = { { "bank reference", in->bank_reference }, { "collateral", in->collateral },
				   { "collateral liquidity", in->collateral_liquidity }, { "note", in->note } };
	for (size_t i = 0; i < 4; i++)
		if (texts[i][1] && (strlen(texts[i][1]) > 2000 || !credo__text_ok(texts[i][1], 1)))
			return credo__fail(db, CREDO_INVALID, "credit file %s must be at most 2000 bytes of text",
					   texts[i][0]);
	return CREDO_OK;
}

static credo_status insert_file(credo_db *db, const credo_credit_file_new *in, int64_t *id_out)
{
	char date[CREDO_DATE_BUFSZ];
	credo_status rc = credo__customer_visible(db, in->customer_id);
	if (rc == CREDO_OK)
		rc = credo__date_arg(db, "statement date", in->statement_date, date);
	if (rc == CREDO_OK)
		rc = check(db, in);
	if (rc)
		return rc;
	credo_money net = in->net_assets;
	if (net == CREDO_MONEY_NONE && in->total_assets != CREDO_MONEY_NONE && in->total_liabilities != CREDO_MONEY_NONE)
		net = in->total_assets - in->total_liabilities;
	sqlite3_stmt *st;
	rc = credo__prepare(db, "INSERT INTO credit_files(customer_id, statement_date, current_assets,"
			    " current_liabilities, cash, total_assets, total_liabilities, net_assets, ebit,"
			    " interest_expense, revenue, bank_reference, collateral, collateral_liquidity,"
			    " assess_reach, assess_capital, assess_brands, assess_logistics, assess_cooperation,"
			    " assess_management, salesperson_note, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5,"
			    " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, nullif(?15, 0), nullif(?16, 0), nullif(?17, 0),"
			    " nullif(?18, 0), nullif(?19, 0), nullif(?20, 0), ?21, ?22, ?23)", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, in->customer_id);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	const credo_money money[] = { in->current_assets, in->current_liabilities, in->cash, in->total_assets,
				      in->total_liabilities, net, in->ebit, in->interest_expense, in->revenue };
	for (int i = 0; i < 9; i++)
		bind_money(st, 3 + i, money[i]);
	const char *texts[] = { in->bank_reference, in->collateral, in->collateral_liquidity };
	for (int i = 0; i < 3; i++)
		sqlite3_bind_text(st, 12 + i, texts[i] ? texts[i] : "", -1, SQLITE_STATIC);
	const int marks[] = { in->reach, in->capital, in->brands, in->logistics, in->cooperation, in->management };
	for (int i = 0; i < 6; i++)
		sqlite3_bind_int(st, 15 + i, marks[i]);
	sqlite3_bind_text(st, 21, in->note ? in->note : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 22, db->actor.id);
	char now[21];
	credo__now(now);
	sqlite3_bind_text(st, 23, now, -1, SQLITE_STATIC);
	rc = credo__step_done(db, st, "filing a credit file");
	if (rc)
		return rc;
	int64_t id = sqlite3_last_insert_rowid(db->sql);
	if (id_out)
		*id_out = id;
	return credo__audit_row(db, "credit_files", id, "create", SNAP_FILE, NULL);
}

credo_status credo_credit_file_add(credo_db *db, const credo_credit_file_new *in, int64_t *id_out)
{
	/* The credit manager files statements; a salesperson files its view of its own customer. */
	credo_status rc = credo__mut_begin(db, credo_can(db, CREDO_PERM_CREDIT_DECIDE) ? CREDO_PERM_CREDIT_DECIDE
											: CREDO_PERM_CUSTOMER_EDIT);
	if (rc)
		return rc;
	return credo__mut_end(db, insert_file(db, in, id_out));
}
