/*
 * month.c - month close and the month's receivables figures.
 *
 * One builder computes a month's figures as of its last day into private
 * temporary tables of the connection (temp.snap_*): the ledger as of that
 * day once (asof.c), the open items from it in one query, then every
 * customer's movements and aging in one query, the receipts in one, the
 * alerts from the alert engine over the same ledger. Closing a month copies them into
 * the month_* tables, where they stay until the month is reopened; a report
 * of a month that is not closed reads the temporary tables instead. Either
 * way the same rows come out, so a closed month's export is the live export
 * of the day it was closed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alert_internal.h"

struct credo_month_report {
	credo_db *db;
	credo_month_info info;
	int64_t month_id;	/* closed: its month_closes id; live: 0 */
	int live;		/* the temporary tables are ours to drop */
};

/* ---- months and dates ---- */

/* "YYYY-MM" into info's month, first and last day. */
static credo_status parse_month(credo_db *db, const char *text, credo_month_info *info)
{
	int ok = text && strlen(text) == 7 && text[4] == '-';
	for (int i = 0; ok && i < 7; i++)
		ok = i == 4 || (text[i] >= '0' && text[i] <= '9');
	int y = ok ? atoi(text) : 0, m = ok ? atoi(text + 5) : 0;
	if (!ok || m < 1 || m > 12 || y < CREDO_DATE_MIN_YEAR || y > CREDO_DATE_MAX_YEAR)
		return credo__fail(db, CREDO_INVALID, "month \"%s\": write it as YYYY-MM, like 2026-10", text ? text : "");
	memset(info, 0, sizeof *info);
	memcpy(info->month, text, 7);
	credo_date_format(credo_date_from_ymd(y, m, 1), info->first, sizeof info->first);
	credo_date_format(credo_date_from_ymd(y, m, credo_date_days_in_month(y, m)), info->last, sizeof info->last);
	return CREDO_OK;
}

/* The month_closes row of a month: id (0 when none) and state. */
static credo_status month_row(credo_db *db, const char *month, int64_t *id, char state[16])
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT id, state FROM month_closes WHERE month = ?1", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, month, -1, SQLITE_STATIC);
	*id = 0;
	state[0] = '\0';
	int r = sqlite3_step(st);
	if (r == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		snprintf(state, 16, "%s", credo__col_text(st, 1));
	} else if (r != SQLITE_DONE) {
		rc = credo__dberr(db, "reading the month closes");
	}
	sqlite3_finalize(st);
	return rc;
}

/* First column of a one-row query with one text parameter, into buf ("" for no row or NULL). */
static credo_status query_text(credo_db *db, const char *sql, const char *arg, char *buf, size_t len)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, sql, &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	buf[0] = '\0';
	int r = sqlite3_step(st);
	if (r == SQLITE_ROW)
		snprintf(buf, len, "%s", credo__col_text(st, 0));
	else if (r != SQLITE_DONE)
		rc = credo__dberr(db, "reading the month closes");
	sqlite3_finalize(st);
	return rc;
}

credo_status credo__month_open(credo_db *db, const char *date)
{
	char month[CREDO_MONTH_BUFSZ];
	credo_status rc = query_text(db, "SELECT month FROM month_closes WHERE state = 'closed'"
				     " AND month >= substr(?1, 1, 7) ORDER BY month LIMIT 1", date, month, sizeof month);
	if (rc || !month[0])
		return rc;
	if (strncmp(month, date, 7) == 0)
		return credo__fail(db, CREDO_RULE, "month %s is closed: finance reopens it with credo month reopen %s",
				   month, month);
	return credo__fail(db, CREDO_RULE, "%s falls before month %s, which is closed: finance reopens it with"
			   " credo month reopen %s", date, month, month);
}

/* ---- the builder ---- */

static const char TEMP_CREATE[] =
	"CREATE TEMP TABLE snap_balances AS SELECT * FROM main.month_balances WHERE 0;"
	"CREATE TEMP TABLE snap_open_items AS SELECT * FROM main.month_open_items WHERE 0;"
	"CREATE TEMP TABLE snap_received AS SELECT * FROM main.month_received WHERE 0;"
	"CREATE TEMP TABLE snap_alerts AS SELECT * FROM main.month_alerts WHERE 0;"
	"CREATE INDEX temp.snap_open_items_customer ON snap_open_items(customer_id, bucket);";

static const char TEMP_DROP[] =
	"DROP TABLE IF EXISTS temp.snap_balances; DROP TABLE IF EXISTS temp.snap_open_items;"
	"DROP TABLE IF EXISTS temp.snap_received; DROP TABLE IF EXISTS temp.snap_alerts;";

/* Make the temporary tables; CREDO_BUSY when another month report of this handle has them. */
static credo_status temp_create(credo_db *db)
{
	char name[32];
	credo_status rc = query_text(db, "SELECT name FROM temp.sqlite_master WHERE name = ?1", "snap_balances",
				     name, sizeof name);
	if (rc == CREDO_OK && name[0])
		rc = credo__fail(db, CREDO_BUSY, "another month report is open on this database handle");
	return rc ? rc : credo__exec(db, TEMP_CREATE, "preparing the month's figures");
}

/*
 * The open items of the last day, from the ledger as of that day
 * (temp.asof_invoices, asof.c), in customer code and due order: the same
 * rows, ages, buckets and provisions as credo_open_items (aging.c) by
 * customer, written in one statement. ?1 month id, ?2 the day number,
 * ?10..?16 the bucket limits (missing ones very large), ?20..?25 the
 * provision rates by the invoice's age in years.
 */
static const char BUILD_ITEMS[] =
	"INSERT INTO temp.snap_open_items(month_id, seq, customer_id, invoice_id, customer_code, customer_name,"
	" invoice_code, contract_code, invoice_date, due_date, amount, open, days_past_due, bucket, provision,"
	" collector, salesperson, disputed)"
	" SELECT ?1, row_number() OVER (ORDER BY c.code, i.due_day, i.id), i.customer_id, i.id, c.code, c.name,"
	"  i.code, coalesce(k.code, ''), i.invoice_date, i.due_date, i.amount, i.open, ?2 - i.due_day,"
	"  CASE WHEN ?2 - i.due_day <= ?10 THEN 0 WHEN ?2 - i.due_day <= ?11 THEN 1 WHEN ?2 - i.due_day <= ?12 THEN 2"
	"   WHEN ?2 - i.due_day <= ?13 THEN 3 WHEN ?2 - i.due_day <= ?14 THEN 4 WHEN ?2 - i.due_day <= ?15 THEN 5"
	"   WHEN ?2 - i.due_day <= ?16 THEN 6 ELSE 7 END,"
	"  i.open * (CASE WHEN ?2 - i.invoice_day <= 365 THEN ?20 WHEN ?2 - i.invoice_day <= 730 THEN ?21"
	"   WHEN ?2 - i.invoice_day <= 1095 THEN ?22 WHEN ?2 - i.invoice_day <= 1460 THEN ?23"
	"   WHEN ?2 - i.invoice_day <= 1825 THEN ?24 ELSE ?25 END) / 100,"
	"  coalesce(col.name, ''), u.name, i.disputed <> 0"
	" FROM temp.asof_invoices i"
	" JOIN customers c ON c.id = i.customer_id JOIN users u ON u.id = c.owner_id"
	" LEFT JOIN contracts k ON k.id = i.contract_id LEFT JOIN users col ON col.id = i.collector_id"
	" WHERE i.open > 0 ORDER BY c.code, i.due_day, i.id";

static credo_status build_items(credo_db *db, const credo_month_info *info, int64_t month_id)
{
	/* The aging settings as credo_open_items reads them (by due date). */
	char text[128];
	int limits[7], nlimits, rates[6], nrates;
	credo_status rc = credo__setting(db, "aging.buckets", text, sizeof text);
	if (rc)
		return rc;
	if (credo__int_list(text, limits, 7, &nlimits))
		return credo__fail(db, CREDO_INVALID, "the aging.buckets setting is not a list of days");
	if ((rc = credo__setting(db, "aging.provision", text, sizeof text)))
		return rc;
	if (credo__int_list(text, rates, 6, &nrates) || nrates != 6)
		return credo__fail(db, CREDO_INVALID, "the aging.provision setting needs six percentages");
	credo_date day;
	credo_date_parse(info->last, &day, NULL);
	sqlite3_stmt *st;
	if ((rc = credo__prepare(db, BUILD_ITEMS, &st)))
		return rc;
	sqlite3_bind_int64(st, 1, month_id);
	sqlite3_bind_int64(st, 2, day);
	for (int i = 0; i < 7; i++)
		sqlite3_bind_int(st, 10 + i, i < nlimits ? limits[i] : 1000000000);
	for (int i = 0; i < 6; i++)
		sqlite3_bind_int(st, 20 + i, rates[i]);
	return credo__step_done(db, st, "keeping the month's open items");
}

/*
 * Every customer with a balance at either end, an open item, or an entry in
 * the month. ?1 month id, ?2 first day, ?3 last day, ?4 the bucket labels
 * (JSON array), ?5 and ?6 the first and last day as day numbers (the sums
 * read invoices_customer_day and payments_customer_day alone). closing = opening + invoiced - received; unapplied credit
 * is what the open items exceed it by.
 */
static const char BUILD_BALANCES[] =
	"WITH inv AS (SELECT customer_id,"
	"  sum(CASE WHEN invoice_day < ?5 THEN amount ELSE 0 END) AS before,"
	"  sum(CASE WHEN invoice_day >= ?5 THEN amount ELSE 0 END) AS month,"
	"  count(CASE WHEN invoice_day >= ?5 THEN 1 END) AS n"
	"  FROM invoices WHERE invoice_day <= ?6 GROUP BY customer_id),"
	" pay AS (SELECT customer_id,"
	"  sum(CASE WHEN pay_day < ?5 AND (reversed_at IS NULL OR reversed_at >= ?2) THEN amount ELSE 0 END) AS before,"
	"  sum(CASE WHEN pay_day >= ?5 THEN amount ELSE 0 END)"
	"   - sum(CASE WHEN reversed_at BETWEEN ?2 AND ?3 THEN amount ELSE 0 END) AS month,"
	"  count(CASE WHEN pay_day >= ?5 OR reversed_at BETWEEN ?2 AND ?3 THEN 1 END) AS n"
	"  FROM payments WHERE pay_day <= ?6 GROUP BY customer_id),"
" itm AS (SELECT customer_id, sum(open) AS open, sum(CASE WHEN days_past_due > 0 THEN open ELSE 0 END) AS overdue,"
	"  sum(provision) AS provision FROM temp.snap_open_items GROUP BY customer_id),"
	" fig AS (SELECT c.id, c.code, c.name, coalesce(u.name, '') AS sp,"
	"  coalesce(inv.before, 0) - coalesce(pay.before, 0) AS opening, coalesce(inv.month, 0) AS invoiced,"
	"  coalesce(pay.month, 0) AS received, coalesce(itm.open, 0) AS open, coalesce(itm.overdue, 0) AS overdue,"
	"  coalesce(itm.provision, 0) AS provision, coalesce(inv.n, 0) + coalesce(pay.n, 0) AS moves"
	"  FROM customers c JOIN users u ON u.id = c.owner_id LEFT JOIN inv ON inv.customer_id = c.id"
	"  LEFT JOIN pay ON pay.customer_id = c.id LEFT JOIN itm ON itm.customer_id = c.id"
	"  WHERE inv.customer_id IS NOT NULL OR pay.customer_id IS NOT NULL)"
	" INSERT INTO temp.snap_balances(month_id, customer_id, opening, invoiced, received, closing, aging, overdue,"
	"  provision, code, name, salesperson, grade, credit_limit, open_items, unapplied)"
	" SELECT ?1, id, opening, invoiced, received, opening + invoiced - received,"
	"  (SELECT json_group_array(coalesce((SELECT sum(o.open) FROM temp.snap_open_items o"
	"    WHERE o.customer_id = fig.id AND o.bucket = l.key), 0)) FROM (SELECT key FROM json_each(?4) ORDER BY key) l),"
	"  overdue, provision, code, name, sp,"
	"  coalesce((SELECT grade FROM credit_ratings r WHERE r.customer_id = fig.id AND r.rated_at <= ?3"
	"   ORDER BY r.rated_at DESC, r.id DESC LIMIT 1), ''),"
	"  (SELECT sum(amount) FROM (SELECT amount FROM (SELECT amount FROM credit_limits WHERE customer_id = fig.id"
	"   AND kind = 'standing' AND effective_from <= ?3 ORDER BY effective_from DESC, id DESC LIMIT 1)"
	"   UNION ALL SELECT amount FROM credit_limits WHERE customer_id = fig.id AND kind = 'temporary'"
	"   AND revoked_at IS NULL AND effective_from <= ?3 AND expires >= ?3)),"
	"  open, open - (opening + invoiced - received)"
	" FROM fig WHERE opening <> 0 OR invoiced <> 0 OR received <> 0 OR opening + invoiced - received <> 0"
	"  OR open <> 0 OR moves > 0";

/*
 * Payments dated in the month with what they had paid by its last day;
 * reversals dated in it. The month's payments are a range of payments_day
 * (?5, ?6: its first and last day numbers), its reversals one of
 * payments_reversed.
 */
#define LIVE_AT_END "a.alloc_date <= ?3 AND (a.reversed_at IS NULL OR a.reversed_at > ?3)"
static const char BUILD_RECEIVED[] =
	"INSERT INTO temp.snap_received(month_id, seq, kind, payment_id, entry_date, payment_code, customer_code,"
	" customer_name, method, reference, amount, applied, unapplied, applied_to)"
	" SELECT ?1, row_number() OVER (ORDER BY d, k, code, id), kind, id, d, code, ccode, cname, method, ref,"
	"  amount, applied, unapplied, applied_to FROM ("
	"  SELECT 0 AS k, 'payment' AS kind, p.id, p.pay_date AS d, p.code, c.code AS ccode, c.name AS cname, p.method,"
	"   p.reference AS ref, p.amount, coalesce(x.applied, 0) AS applied,"
	"   CASE WHEN p.reversed_at <= ?3 THEN 0 ELSE p.amount - coalesce(x.applied, 0) END AS unapplied,"
	"   coalesce((SELECT group_concat(code || ' ' || amt, '; ') FROM (SELECT i.code,"
	"    printf('%,d.%02d', a.amount / 100, a.amount % 100) AS amt FROM allocations a JOIN invoices i"
	"    ON i.id = a.invoice_id WHERE a.payment_id = p.id AND " LIVE_AT_END " ORDER BY a.id)), '')"
	"    || CASE WHEN p.reversed_at <= ?3 THEN 'reversed ' || p.reversed_at ELSE '' END AS applied_to"
	"  FROM payments p JOIN customers c ON c.id = p.customer_id"
	"  LEFT JOIN (SELECT a.payment_id, sum(a.amount) AS applied FROM allocations a JOIN payments q"
	"   ON q.id = a.payment_id WHERE q.pay_day BETWEEN ?5 AND ?6 AND " LIVE_AT_END " GROUP BY a.payment_id) x"
	"   ON x.payment_id = p.id"
	"  WHERE p.pay_day BETWEEN ?5 AND ?6"
	"  UNION ALL SELECT 1, 'reversal', p.id, p.reversed_at, p.code, c.code, c.name, p.method, p.reversal_reason,"
	"   -p.amount, 0, 0, 'reverses the payment of ' || p.pay_date"
	"  FROM payments p JOIN customers c ON c.id = p.customer_id WHERE p.reversed_at BETWEEN ?2 AND ?3)";

/* The alerts of the last day, from the alert engine, in its order. */
struct alert_walk {
	credo_db *db;
	sqlite3_stmt *ins;
	int64_t month_id, seq;
	credo_status rc;
};

static int alert_insert(const credo_alert *a, void *ctx)
{
	struct alert_walk *w = ctx;
	sqlite3_stmt *s = w->ins;
	sqlite3_reset(s);
	sqlite3_bind_int64(s, 1, w->month_id);
	sqlite3_bind_int64(s, 2, ++w->seq);
	sqlite3_bind_text(s, 3, a->rule, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, credo_alert_severity_name(a->severity), -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 5, a->level);
	sqlite3_bind_text(s, 6, a->customer_code ? a->customer_code : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, a->customer_name ? a->customer_name : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, a->item_kind ? a->item_kind : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 9, a->item ? a->item : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 10, a->date ? a->date : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 11, a->days);
	sqlite3_bind_int64(s, 12, a->amount);
	sqlite3_bind_text(s, 13, a->responsible ? a->responsible : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 14, a->message ? a->message : "", -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE) {
		w->rc = credo__dberr(w->db, "keeping the month's alerts");
		return 1;
	}
	return 0;
}

static credo_status build_alerts(credo_db *db, const credo_month_info *info, int64_t month_id)
{
	struct alert_walk w = { .db = db, .month_id = month_id };
	credo_status rc = credo__prepare(db,
		"INSERT INTO temp.snap_alerts(month_id, seq, rule, severity, level, customer_code, customer_name,"
		" item_kind, item, alert_date, days, amount, responsible, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
		" ?8, ?9, ?10, ?11, ?12, coalesce((SELECT name FROM users WHERE login = ?13), ?13), ?14)", &w.ins);
	if (rc)
		return rc;
	rc = credo__alerts(db, info->last, NULL, 1, alert_insert, &w);
	sqlite3_finalize(w.ins);
	return rc == CREDO_STOP ? w.rc : rc;
}

/* The bucket labels as a JSON array; they are plain ASCII ("not due", "1-30", "> 365"). */
static void labels_json(const credo_aging_buckets *b, char *buf, size_t len)
{
	size_t n = (size_t)snprintf(buf, len, "[");
	for (int i = 0; i < b->n && n < len; i++)
		n += (size_t)snprintf(buf + n, len - n, "%s\"%s\"", i ? "," : "", b->label[i]);
	if (n < len)
		snprintf(buf + n, len - n, "]");
}

static credo_status run_build(credo_db *db, const char *sql, const credo_month_info *info, int64_t month_id,
			      const char *labels, const char *what)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, sql, &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, month_id);
	sqlite3_bind_text(st, 2, info->first, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, info->last, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(st) >= 4)
		sqlite3_bind_text(st, 4, labels, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(st) >= 6) {
		credo_date first, last;
		credo_date_parse(info->first, &first, NULL);
		credo_date_parse(info->last, &last, NULL);
		sqlite3_bind_int64(st, 5, first);
		sqlite3_bind_int64(st, 6, last);
	}
	return credo__step_done(db, st, what);
}

/* Fill the temporary tables (made by temp_create) with the month's figures. */
static credo_status build(credo_db *db, const credo_month_info *info, int64_t month_id)
{
	char labels[256];
	labels_json(&info->buckets, labels, sizeof labels);
	credo_date day;
	credo_date_parse(info->last, &day, NULL);
	/* The ledger as of the last day, once for the open items and the alerts. */
	credo_status rc = credo__asof_build(db, day, info->last);
	if (rc == CREDO_OK)
		rc = build_items(db, info, month_id);
	if (rc == CREDO_OK)
		rc = run_build(db, BUILD_BALANCES, info, month_id, labels, "computing the month's balances");
	if (rc == CREDO_OK)
		rc = run_build(db, BUILD_RECEIVED, info, month_id, labels, "listing the month's receipts");
	if (rc == CREDO_OK)
		rc = build_alerts(db, info, month_id);
	credo__asof_drop(db);
	return rc;
}

/* ---- close and reopen ---- */

static const char SNAP_MONTH[] =
	"SELECT json_object('month', month, 'state', state, 'closed_at', closed_at, 'closed_by', closed_by,"
	" 'reopened_at', reopened_at, 'reopened_by', reopened_by, 'reopen_reason', reopen_reason,"
	" 'buckets', json(buckets), 'customers', (SELECT count(*) FROM month_balances b WHERE b.month_id = m.id),"
	" 'opening', (SELECT sum(opening) FROM month_balances b WHERE b.month_id = m.id),"
	" 'invoiced', (SELECT sum(invoiced) FROM month_balances b WHERE b.month_id = m.id),"
	" 'received', (SELECT sum(received) FROM month_balances b WHERE b.month_id = m.id),"
	" 'closing', (SELECT sum(closing) FROM month_balances b WHERE b.month_id = m.id),"
	" 'open_items', (SELECT count(*) FROM month_open_items o WHERE o.month_id = m.id))"
	" FROM month_closes m WHERE id = ?1";

static credo_status close_month(credo_db *db, const char *month)
{
	credo_month_info info;
	credo_status rc = parse_month(db, month, &info);
	if (rc)
		return rc;
	if (!credo_can(db, CREDO_PERM_READ_ALL))
		return credo__fail(db, CREDO_PERM, "closing a month needs a user who sees every customer");
	char today[CREDO_DATE_BUFSZ];
	credo_date_format(credo_today(), today, sizeof today);
	if (strcmp(info.last, today) >= 0)
		return credo__fail(db, CREDO_RULE, "month %s has not ended yet: it can be closed from the day after %s",
				   info.month, info.last);
	int64_t id;
	char state[16];
	if ((rc = month_row(db, info.month, &id, state)))
		return rc;
	if (strcmp(state, "closed") == 0)
		return credo__fail(db, CREDO_RULE, "month %s is already closed", info.month);
	char earlier[CREDO_MONTH_BUFSZ];
	rc = query_text(db, "SELECT min(m) FROM (SELECT substr(invoice_date, 1, 7) AS m FROM invoices"
			" WHERE invoice_date < ?1 UNION SELECT substr(pay_date, 1, 7) FROM payments WHERE pay_date < ?1"
			" UNION SELECT substr(reversed_at, 1, 7) FROM payments WHERE reversed_at < ?1)"
			" WHERE m NOT IN (SELECT month FROM month_closes WHERE state = 'closed')",
			info.first, earlier, sizeof earlier);
	if (rc)
		return rc;
	if (earlier[0])
		return credo__fail(db, CREDO_RULE, "month %s has ledger entries and is not closed: months close in"
				   " order, so close %s first", earlier, earlier);
	if ((rc = credo_aging_buckets_get(db, 0, &info.buckets)))
		return rc;
	char labels[256], now[21];
	labels_json(&info.buckets, labels, sizeof labels);
	credo__now(now);
	char *before = id ? credo__snapshot(db, SNAP_MONTH, id) : NULL;
	sqlite3_stmt *st;
	rc = credo__prepare(db, id ? "UPDATE month_closes SET state = 'closed', closed_at = ?2, closed_by = ?3,"
				     " buckets = ?4 WHERE id = ?1"
				   : "INSERT INTO month_closes(month, state, closed_at, closed_by, buckets)"
				     " VALUES (?5, 'closed', ?2, ?3, ?4)", &st);
	if (rc == CREDO_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, credo_actor_id(db));
		sqlite3_bind_text(st, 4, labels, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, info.month, -1, SQLITE_STATIC);
		rc = credo__step_done(db, st, "closing the month");
	}
	if (rc == CREDO_OK && !id)
		id = sqlite3_last_insert_rowid(db->sql);
	if (rc == CREDO_OK)
		rc = temp_create(db);
	if (rc == CREDO_OK)
		rc = build(db, &info, id);
	if (rc == CREDO_OK)
		rc = credo__exec(db, "INSERT INTO main.month_open_items SELECT * FROM temp.snap_open_items;"
				 "INSERT INTO main.month_balances SELECT * FROM temp.snap_balances;"
				 "INSERT INTO main.month_received SELECT * FROM temp.snap_received;"
				 "INSERT INTO main.month_alerts SELECT * FROM temp.snap_alerts;", "freezing the month");
	if (rc == CREDO_OK)
		rc = credo__exec(db, TEMP_DROP, "freezing the month");
	if (rc == CREDO_OK)
		rc = credo__audit_row(db, "month_closes", id, "close", SNAP_MONTH, before);
	free(before);
	return rc;
}

credo_status credo_month_close(credo_db *db, const char *month)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_MONTH_CLOSE);
	if (rc)
		return rc;
	return credo__mut_end(db, close_month(db, month));
}

static credo_status reopen_month(credo_db *db, const char *month, const char *reason)
{
	credo_month_info info;
	credo_status rc = parse_month(db, month, &info);
	if (rc)
		return rc;
	if (!reason || !*reason || strlen(reason) > 500 || !credo__text_ok(reason, 0))
		return credo__fail(db, CREDO_INVALID, "reopening a month needs the reason (at most 500 bytes)");
	int64_t id;
	char state[16];
	if ((rc = month_row(db, info.month, &id, state)))
		return rc;
	if (strcmp(state, "closed") != 0)
		return credo__fail(db, CREDO_RULE, "month %s is not closed", info.month);
	char later[CREDO_MONTH_BUFSZ];
	if ((rc = query_text(db, "SELECT max(month) FROM month_closes WHERE state = 'closed' AND month > ?1",
			     info.month, later, sizeof later)))
		return rc;
	if (later[0])
		return credo__fail(db, CREDO_RULE, "month %s is closed too: reopen the latest month first"
				   " (credo month reopen %s)", later, later);
	char *before = credo__snapshot(db, SNAP_MONTH, id);
	static const char *const drop[] = {
		"DELETE FROM month_balances WHERE month_id = ?1", "DELETE FROM month_open_items WHERE month_id = ?1",
		"DELETE FROM month_received WHERE month_id = ?1", "DELETE FROM month_alerts WHERE month_id = ?1",
	};
	sqlite3_stmt *st;
	for (size_t i = 0; rc == CREDO_OK && i < sizeof drop / sizeof drop[0]; i++) {
		if ((rc = credo__prepare(db, drop[i], &st)) == CREDO_OK) {
			sqlite3_bind_int64(st, 1, id);
			rc = credo__step_done(db, st, "discarding the month's snapshot");
		}
	}
	char now[21];
	credo__now(now);
	if (rc == CREDO_OK && (rc = credo__prepare(db, "UPDATE month_closes SET state = 'reopened', reopened_at = ?2,"
						   " reopened_by = ?3, reopen_reason = ?4 WHERE id = ?1", &st)) == CREDO_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, credo_actor_id(db));
		sqlite3_bind_text(st, 4, reason, -1, SQLITE_STATIC);
		rc = credo__step_done(db, st, "reopening the month");
	}
	if (rc == CREDO_OK)
		rc = credo__audit_row(db, "month_closes", id, "reopen", SNAP_MONTH, before);
	free(before);
	return rc;
}

credo_status credo_month_reopen(credo_db *db, const char *month, const char *reason)
{
	credo_status rc = credo__mut_begin(db, CREDO_PERM_MONTH_CLOSE);
	if (rc)
		return rc;
	return credo__mut_end(db, reopen_month(db, month, reason));
}

credo_status credo_month_list(credo_db *db, credo_month_cb cb, void *ctx)
{
	credo_status rc = credo__need_login(db);
	if (rc)
		return rc;
	sqlite3_stmt *st;
	rc = credo__prepare(db,
		"WITH months AS (SELECT substr(invoice_date, 1, 7) AS m FROM invoices"
		" UNION SELECT substr(pay_date, 1, 7) FROM payments"
		" UNION SELECT substr(reversed_at, 1, 7) FROM payments WHERE reversed_at IS NOT NULL"
		" UNION SELECT month FROM month_closes)"
		" SELECT months.m, coalesce(mc.state, 'open'), coalesce(mc.closed_at, ''), coalesce(cu.login, ''),"
		"  coalesce(mc.reopened_at, ''), coalesce(ru.login, ''), coalesce(mc.reopen_reason, ''),"
		"  (SELECT count(*) FROM month_balances b WHERE b.month_id = mc.id),"
		"  (SELECT coalesce(sum(closing), 0) FROM month_balances b WHERE b.month_id = mc.id)"
		" FROM months LEFT JOIN month_closes mc ON mc.month = months.m"
		" LEFT JOIN users cu ON cu.id = mc.closed_by LEFT JOIN users ru ON ru.id = mc.reopened_by"
		" ORDER BY months.m", &st);
	if (rc)
		return rc;
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		credo_month m = {
			.month = credo__col_text(st, 0), .state = credo__col_text(st, 1),
			.closed_at = credo__col_text(st, 2), .closed_by = credo__col_text(st, 3),
			.reopened_at = credo__col_text(st, 4), .reopened_by = credo__col_text(st, 5),
			.reopen_reason = credo__col_text(st, 6), .customers = sqlite3_column_int64(st, 7),
			.closing = sqlite3_column_int64(st, 8),
		};
		if (cb(&m, ctx)) {
			rc = CREDO_STOP;
			break;
		}
	}
	if (rc == CREDO_OK && r != SQLITE_DONE)
		rc = credo__dberr(db, "listing months");
	sqlite3_finalize(st);
	return rc;
}

/* ---- reports ---- */

/* The bucket labels frozen with a closed month. */
static credo_status stored_labels(credo_db *db, int64_t id, credo_aging_buckets *b)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT j.value FROM month_closes m, json_each(m.buckets) j"
					 " WHERE m.id = ?1 ORDER BY j.key", &st);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	b->n = 0;
	int r;
	while ((r = sqlite3_step(st)) == SQLITE_ROW && b->n < CREDO_AGING_MAX_BUCKETS)
		snprintf(b->label[b->n++], sizeof b->label[0], "%s", credo__col_text(st, 0));
	sqlite3_finalize(st);
	if (r != SQLITE_DONE && r != SQLITE_ROW)
		return credo__dberr(db, "reading the month's aging buckets");
	return CREDO_OK;
}

static credo_status open_closed(credo_db *db, credo_month_report *r)
{
	sqlite3_stmt *st;
	credo_status rc = credo__prepare(db, "SELECT m.id, m.closed_at, u.login"
					 " FROM month_closes m JOIN users u ON u.id = m.closed_by"
					 " WHERE m.month = ?1 AND m.state = 'closed'", &st);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, r->info.month, -1, SQLITE_STATIC);
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW) {
		r->month_id = sqlite3_column_int64(st, 0);
		r->info.closed = 1;
		snprintf(r->info.closed_at, sizeof r->info.closed_at, "%s", credo__col_text(st, 1));
		snprintf(r->info.closed_by, sizeof r->info.closed_by, "%s", credo__col_text(st, 2));
	} else if (s != SQLITE_DONE) {
		rc = credo__dberr(db, "reading the month closes");
	}
	sqlite3_finalize(st);
	if (rc == CREDO_OK && r->info.closed)
		rc = stored_labels(db, r->month_id, &r->info.buckets);
	return rc;
}

/* A month not closed: its figures computed now, as one consistent read. */
static credo_status open_live(credo_db *db, credo_month_report *r)
{
	credo_status rc = credo_aging_buckets_get(db, 0, &r->info.buckets);
	if (rc == CREDO_OK)
		rc = credo__exec(db, "SAVEPOINT credo_month_report", "computing the month's figures");
	if (rc)
		return rc;
	rc = temp_create(db);
	if (rc == CREDO_OK)
		rc = build(db, &r->info, 0);
	if (rc == CREDO_OK) {
		rc = credo__exec(db, "RELEASE credo_month_report", "computing the month's figures");
		r->live = rc == CREDO_OK;
	}
	if (rc) {
		char keep[sizeof db->err];
		memcpy(keep, db->err, sizeof keep);
		credo__exec(db, "ROLLBACK TO credo_month_report; RELEASE credo_month_report", "rolling back");
		memcpy(db->err, keep, sizeof keep);
	}
	return rc;
}

credo_status credo_month_report_open(credo_db *db, const char *month, credo_month_report **out)
{
	*out = NULL;
	credo_status rc = credo_require(db, CREDO_PERM_READ_ALL);
	if (rc)
		return rc;
	credo_month_report *r = calloc(1, sizeof *r);
	if (!r)
		return credo__fail(db, CREDO_NOMEM, "out of memory");
	r->db = db;
	rc = parse_month(db, month, &r->info);
	if (rc == CREDO_OK)
		rc = open_closed(db, r);
	if (rc == CREDO_OK && !r->info.closed)
		rc = open_live(db, r);
	if (rc) {
		free(r);
		return rc;
	}
	*out = r;
	return CREDO_OK;
}

void credo_month_report_close(credo_month_report *r)
{
	if (!r)
		return;
	if (r->live)
		credo__exec(r->db, TEMP_DROP, "dropping the month's figures");
	free(r);
}

const credo_month_info *credo_month_report_info(const credo_month_report *r)
{
	return &r->info;
}

/* Prepare the reader of table NAME: main.month_NAME for a closed month, temp.snap_NAME for a live one. */
static credo_status reader(credo_month_report *r, const char *closed_sql, const char *live_sql, sqlite3_stmt **st)
{
	credo_status rc = credo__prepare(r->db, r->info.closed ? closed_sql : live_sql, st);
	if (rc == CREDO_OK)
		sqlite3_bind_int64(*st, 1, r->month_id);
	return rc;
}

/* Finish a walk: CREDO_STOP when the callback stopped, the database error when stepping failed. */
static credo_status walk_end(credo_month_report *r, sqlite3_stmt *st, int step, int stopped, const char *what)
{
	sqlite3_finalize(st);
	if (stopped)
		return CREDO_STOP;
	return step == SQLITE_DONE ? CREDO_OK : credo__dberr(r->db, what);
}

#define BALANCES_SQL(T) \
	"SELECT code, name, salesperson, grade, credit_limit, opening, invoiced, received, closing," \
	" json_extract(aging, '$[0]'), json_extract(aging, '$[1]'), json_extract(aging, '$[2]')," \
	" json_extract(aging, '$[3]'), json_extract(aging, '$[4]'), json_extract(aging, '$[5]')," \
	" json_extract(aging, '$[6]'), json_extract(aging, '$[7]'), open_items, unapplied, overdue, provision" \
	" FROM " T "balances WHERE month_id = ?1 ORDER BY code"

credo_status credo_month_balances(credo_month_report *r, credo_month_balance_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	credo_status rc = reader(r, BALANCES_SQL("main.month_"), BALANCES_SQL("temp.snap_"), &st);
	if (rc)
		return rc;
	int s = SQLITE_DONE, stopped = 0;
	while (!stopped && (s = sqlite3_step(st)) == SQLITE_ROW) {
		credo_month_balance b = {
			.code = credo__col_text(st, 0), .name = credo__col_text(st, 1),
			.salesperson = credo__col_text(st, 2), .grade = credo__col_text(st, 3),
			.has_limit = sqlite3_column_type(st, 4) != SQLITE_NULL, .limit = sqlite3_column_int64(st, 4),
			.opening = sqlite3_column_int64(st, 5), .invoiced = sqlite3_column_int64(st, 6),
			.received = sqlite3_column_int64(st, 7), .closing = sqlite3_column_int64(st, 8),
			.open_items = sqlite3_column_int64(st, 17), .unapplied = sqlite3_column_int64(st, 18),
			.overdue = sqlite3_column_int64(st, 19), .provision = sqlite3_column_int64(st, 20),
		};
		for (int i = 0; i < CREDO_AGING_MAX_BUCKETS; i++)
			b.bucket[i] = sqlite3_column_int64(st, 9 + i);
		stopped = cb(&b, ctx) != 0;
	}
	return walk_end(r, st, s, stopped, "reading the month's balances");
}

#define ITEMS_SQL(T) \
	"SELECT customer_code, customer_name, invoice_code, contract_code, invoice_date, due_date, amount, open," \
	" days_past_due, bucket, provision, collector, salesperson, disputed FROM " T "open_items" \
	" WHERE month_id = ?1 ORDER BY seq"

credo_status credo_month_items(credo_month_report *r, credo_month_item_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	credo_status rc = reader(r, ITEMS_SQL("main.month_"), ITEMS_SQL("temp.snap_"), &st);
	if (rc)
		return rc;
	int s = SQLITE_DONE, stopped = 0;
	while (!stopped && (s = sqlite3_step(st)) == SQLITE_ROW) {
		credo_month_item it = {
			.customer_code = credo__col_text(st, 0), .customer_name = credo__col_text(st, 1),
			.invoice_code = credo__col_text(st, 2), .contract_code = credo__col_text(st, 3),
			.invoice_date = credo__col_text(st, 4), .due_date = credo__col_text(st, 5),
			.amount = sqlite3_column_int64(st, 6), .open = sqlite3_column_int64(st, 7),
			.days_past_due = sqlite3_column_int(st, 8), .bucket = sqlite3_column_int(st, 9),
			.provision = sqlite3_column_int64(st, 10), .collector = credo__col_text(st, 11),
			.salesperson = credo__col_text(st, 12), .disputed = sqlite3_column_int(st, 13),
		};
		stopped = cb(&it, ctx) != 0;
	}
	return walk_end(r, st, s, stopped, "reading the month's open items");
}

#define RECEIVED_SQL(T) \
	"SELECT kind, entry_date, payment_code, customer_code, customer_name, method, reference, amount, applied," \
	" unapplied, applied_to FROM " T "received WHERE month_id = ?1 ORDER BY seq"

credo_status credo_month_receipts(credo_month_report *r, credo_month_receipt_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	credo_status rc = reader(r, RECEIVED_SQL("main.month_"), RECEIVED_SQL("temp.snap_"), &st);
	if (rc)
		return rc;
	int s = SQLITE_DONE, stopped = 0;
	while (!stopped && (s = sqlite3_step(st)) == SQLITE_ROW) {
		credo_month_receipt p = {
			.kind = credo__col_text(st, 0), .date = credo__col_text(st, 1),
			.payment_code = credo__col_text(st, 2), .customer_code = credo__col_text(st, 3),
			.customer_name = credo__col_text(st, 4), .method = credo__col_text(st, 5),
			.reference = credo__col_text(st, 6), .amount = sqlite3_column_int64(st, 7),
			.applied = sqlite3_column_int64(st, 8), .unapplied = sqlite3_column_int64(st, 9),
			.applied_to = credo__col_text(st, 10),
		};
		stopped = cb(&p, ctx) != 0;
	}
	return walk_end(r, st, s, stopped, "reading the month's receipts");
}

#define ALERTS_SQL(T) \
	"SELECT rule, severity, level, customer_code, customer_name, item_kind, item, alert_date, days, amount," \
	" responsible, message FROM " T "alerts WHERE month_id = ?1 ORDER BY seq"

credo_status credo_month_alerts(credo_month_report *r, credo_month_alert_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	credo_status rc = reader(r, ALERTS_SQL("main.month_"), ALERTS_SQL("temp.snap_"), &st);
	if (rc)
		return rc;
	int s = SQLITE_DONE, stopped = 0;
	while (!stopped && (s = sqlite3_step(st)) == SQLITE_ROW) {
		credo_month_alert a = {
			.rule = credo__col_text(st, 0), .severity = credo__col_text(st, 1),
			.level = sqlite3_column_int(st, 2), .customer_code = credo__col_text(st, 3),
			.customer_name = credo__col_text(st, 4), .item_kind = credo__col_text(st, 5),
			.item = credo__col_text(st, 6), .date = credo__col_text(st, 7), .days = sqlite3_column_int(st, 8),
			.amount = sqlite3_column_int64(st, 9), .responsible = credo__col_text(st, 10),
			.message = credo__col_text(st, 11),
		};
		stopped = cb(&a, ctx) != 0;
	}
	return walk_end(r, st, s, stopped, "reading the month's alerts");
}
