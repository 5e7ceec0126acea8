/* import.c - CSV import of customers and contacts with libcsv, all or nothing. */
#include <csv.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "import_internal.h"

#define MAX_COLS 32

/* A column: its names in a header (English, Chinese) and where it goes. */
struct column {
	const char *name;
	const char *label;
	size_t off;	/* offset of the const char * in the target struct */
};

#define CUST(f, label) { #f, label, offsetof(credo_customer_new, f) }
static const struct column customer_cols[] = {
	CUST(code, "编码"), CUST(name, "名称"), CUST(short_name, "简称"), CUST(type, "类型"),
	CUST(category, "类别"), CUST(industry, "行业"), CUST(region, "地区"), CUST(address, "地址"),
	CUST(phone, "电话"), CUST(tax_id, "税号"), CUST(bank, "开户行"), CUST(bank_account, "账号"),
	CUST(legal_rep, "法人代表"), { "owner", "业务员", offsetof(credo_customer_new, owner_login) },
	CUST(since, "合作起始"), CUST(notes, "备注"),
};
#undef CUST

/* Contacts name their customer by code; it is resolved per row. */
struct contact_row {
	const char *customer;
	const char *name, *title, *department, *phone, *email, *role, *notes;
};
#define CONT(f, label) { #f, label, offsetof(struct contact_row, f) }
static const struct column contact_cols[] = {
	CONT(customer, "客户编码"), CONT(name, "姓名"), CONT(title, "职务"), CONT(department, "部门"),
	CONT(phone, "电话"), CONT(email, "邮箱"), CONT(role, "角色"), CONT(notes, "备注"),
};
#undef CONT

/* Invoices and payments: text as read (struct money_row), converted per row. */
#define MONEY(f, label) { #f, label, offsetof(struct money_row, f) }
static const struct column invoice_cols[] = {
	MONEY(code, "发票号"), MONEY(customer, "客户编码"), MONEY(contract, "合同编号"), MONEY(date, "开票日期"),
	MONEY(due_date, "到期日"), MONEY(amount, "金额"), MONEY(notes, "备注"),
};
static const struct column payment_cols[] = {
	MONEY(code, "收款单号"), MONEY(customer, "客户编码"), MONEY(date, "收款日期"), MONEY(amount, "金额"),
	MONEY(method, "方式"), MONEY(reference, "摘要"),
};
#undef MONEY

static const struct {
	const struct column *cols;
	int ncols;
	const char *required[3];	/* columns the header must have */
} kinds[] = {
	[CREDO_IMPORT_CUSTOMERS] = { customer_cols, (int)(sizeof customer_cols / sizeof customer_cols[0]), { "name" } },
	[CREDO_IMPORT_CONTACTS] = { contact_cols, (int)(sizeof contact_cols / sizeof contact_cols[0]),
				    { "customer", "name" } },
	[CREDO_IMPORT_INVOICES] = { invoice_cols, (int)(sizeof invoice_cols / sizeof invoice_cols[0]),
				    { "customer", "date", "amount" } },
	[CREDO_IMPORT_PAYMENTS] = { payment_cols, (int)(sizeof payment_cols / sizeof payment_cols[0]),
				    { "customer", "date", "amount" } },
};

struct importer {
	credo_db *db;
	credo_import_kind kind;
	const struct column *cols;
	int ncols;
	credo_import_error_cb cb;
	void *ctx;
	credo_import_result *res;

	int map[MAX_COLS];	/* file column -> index in cols, -1 before the header */
	int file_cols;
	int header_done;
	char *fields[MAX_COLS];
	int nfields;
	int too_many;
	long line;		/* line being fed */
	long row_line;		/* line where the current row started */
	credo_status fatal;	/* a database error stops everything */
	struct bulk_invoices *bulk;	/* invoices: the bulk path (import_invoices.c) */
	EVP_MD_CTX *sha;	/* digest of the file, for the audit row of a bulk import */
};

static void report(struct importer *im, long line, const char *column, const char *reason)
{
	im->res->bad++;
	credo_import_error e = { .line = line, .column = column ? column : "", .reason = reason };
	if (im->cb)
		im->cb(&e, im->ctx);
}

static void on_field(void *data, size_t len, void *arg)
{
	struct importer *im = arg;
	if (im->nfields >= MAX_COLS) {
		im->too_many = 1;
		return;
	}
	char *s = malloc(len + 1);
	if (!s) {
		im->fatal = CREDO_NOMEM;
		return;
	}
	/* A quoted field spanning lines of a CRLF file keeps plain newlines. */
	size_t n = 0;
	const char *d = data ? data : "";
	for (size_t i = 0; i < len; i++)
		if (!(d[i] == '\r' && i + 1 < len && d[i + 1] == '\n'))
			s[n++] = d[i];
	s[n] = '\0';
	im->fields[im->nfields++] = s;
}

static int column_named(const struct importer *im, const char *name)
{
	for (int i = 0; i < im->ncols; i++)
		if (strcmp(name, im->cols[i].name) == 0 || strcmp(name, im->cols[i].label) == 0)
			return i;
	return -1;
}

static void read_header(struct importer *im)
{
	im->header_done = 1;
	im->file_cols = im->nfields;
	int seen[MAX_COLS] = { 0 };
	for (int i = 0; i < im->nfields; i++) {
		const char *name = im->fields[i];
		int c = column_named(im, name);
		im->map[i] = c;
		char why[160];
		if (c < 0) {
			snprintf(why, sizeof why, _("unknown column \"%.60s\""), name);
			report(im, im->row_line, name, why);
		} else if (seen[c]++) {
			snprintf(why, sizeof why, _("column \"%.60s\" appears twice"), name);
			report(im, im->row_line, name, why);
		}
	}
	for (int r = 0; r < 3 && kinds[im->kind].required[r]; r++) {
		const char *name = kinds[im->kind].required[r];
		if (!seen[column_named(im, name)]) {
			char why[80];
			snprintf(why, sizeof why, _("the header has no %s column"), name);
			report(im, im->row_line, name, why);
		}
	}
}

/* Put the row's fields where the column map says; "" stays "" (not given). */
static void fill(struct importer *im, void *target)
{
	for (int i = 0; i < im->nfields; i++) {
		int c = im->map[i];
		if (c >= 0)
			*(const char **)((char *)target + im->cols[c].off) = im->fields[i];
	}
}

/* An amount column: parsed exactly, or the row is reported with the rule. */
static int row_amount(struct importer *im, const char *text, credo_money *out)
{
	const char *why = NULL;
	if (credo_money_parse(text, out, &why) == CREDO_OK)
		return 1;
	report(im, im->row_line, "amount", why);
	return 0;
}

static credo_status import_money_one(struct importer *im, const struct money_row *rp);

/* Returns CREDO_STOP when the row was already reported. */
static credo_status import_money(struct importer *im)
{
	struct money_row r = { 0 };
	fill(im, &r);
	if (im->bulk) {
		int done = 0;
		credo_status rc = credo__bulk_invoice(im->bulk, &r, &done);
		if (rc || done)
			return rc;
		/* The single path below words the refusal, or writes what the bulk path does not. */
		if ((rc = credo__bulk_sync(im->bulk)))
			return rc;
		rc = import_money_one(im, &r);
		credo__bulk_forget(im->bulk, r.customer);
		return rc;
	}
	return import_money_one(im, &r);
}

static credo_status import_money_one(struct importer *im, const struct money_row *rp)
{
	credo_db *db = im->db;
	struct money_row r = *rp;
	int64_t customer = 0, contract = 0;
	credo_money amount;
	credo_status rc = credo_customer_find(db, r.customer ? r.customer : "", &customer);
	if (rc == CREDO_OK && r.contract && *r.contract)
		rc = credo_contract_find(db, r.contract, &contract);
	if (rc)
		return rc;
	if (!row_amount(im, r.amount, &amount))
		return CREDO_STOP;
	if (im->kind == CREDO_IMPORT_INVOICES) {
		if (amount < 0) {
			credo_credit_note_new cn = { .customer_id = customer, .code = r.code && *r.code ? r.code : NULL,
						     .date = r.date, .amount = -amount,
						     .reason = r.notes && *r.notes ? r.notes : "imported credit note" };
			return credo_credit_note_add(db, &cn, NULL);
		}
		credo_invoice_new inv = { .customer_id = customer, .contract_id = contract,
					  .code = r.code && *r.code ? r.code : NULL, .date = r.date,
					  .due_date = r.due_date, .amount = amount, .notes = r.notes };
		return credo_invoice_add(db, &inv, NULL);
	}
	credo_payment_new p = { .customer_id = customer, .code = r.code && *r.code ? r.code : NULL,
				.date = r.date, .amount = amount, .method = r.method, .reference = r.reference };
	return credo_payment_add(db, &p, NULL);
}

static credo_status import_row(struct importer *im)
{
	credo_db *db = im->db;
	if (im->kind == CREDO_IMPORT_CUSTOMERS) {
		credo_customer_new c = { 0 };
		fill(im, &c);
		return credo_customer_add(db, &c, NULL);
	}
	if (im->kind != CREDO_IMPORT_CONTACTS)
		return import_money(im);
	struct contact_row r = { 0 };
	fill(im, &r);
	credo_contact c = { .name = r.name, .title = r.title, .department = r.department, .phone = r.phone,
			    .email = r.email, .role = r.role, .notes = r.notes };
	credo_status rc = credo_customer_find(db, r.customer ? r.customer : "", &c.customer_id);
	if (rc)
		return rc;
	return credo_contact_add(db, &c, NULL);
}

static void on_row(int term, void *arg)
{
	(void)term;
	struct importer *im = arg;
	if (im->fatal)
		goto done;
	if (!im->header_done) {
		read_header(im);
		goto done;
	}
	if (im->nfields == 1 && im->fields[0][0] == '\0')
		goto done;	/* a blank line */
	im->res->rows++;
	char why[160];
	if (im->too_many || im->nfields != im->file_cols) {
		snprintf(why, sizeof why, _("has %d fields, the header has %d"), im->nfields, im->file_cols);
		report(im, im->row_line, "", why);
		goto done;
	}
	for (int i = 0; i < im->nfields; i++) {
		/* Which control characters a field may hold is the field's own rule. */
		if (!credo__text_ok(im->fields[i], 1)) {
			report(im, im->row_line, im->map[i] >= 0 ? im->cols[im->map[i]].name : "",
			       "not valid UTF-8 text, or holds control characters");
			goto done;
		}
	}
	credo_status rc = import_row(im);
	if (rc == CREDO_OK)
		im->res->imported++;
	else if (rc == CREDO_STOP)
		;	/* reported with its column already */
	else if (credo_status_kind_of(rc) == CREDO_KIND_DB)
		im->fatal = rc;
	else
		report(im, im->row_line, "", credo_errmsg(im->db));
done:
	for (int i = 0; i < im->nfields; i++)
		free(im->fields[i]);
	im->nfields = 0;
	im->too_many = 0;
	im->row_line = im->line + 1;
}

/* Feed the file line by line so each row knows the line it started on. */
static credo_status parse_file(struct importer *im, FILE *f)
{
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL) != 0)
		return credo__fail(im->db, CREDO_NOMEM, "out of memory");
	char *buf = NULL;
	size_t cap = 0;
	ssize_t n;
	im->line = 0;
	im->row_line = 1;
	while (!im->fatal && (n = getline(&buf, &cap, f)) > 0) {
		im->line++;
		if (im->sha)
			EVP_DigestUpdate(im->sha, buf, (size_t)n);
		char *s = buf;
		if (im->line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
			s += 3;	/* UTF-8 byte order mark */
			n -= 3;
		}
		if (csv_parse(&p, s, (size_t)n, on_field, on_row, im) != (size_t)n) {
			char why[96];
			snprintf(why, sizeof why, "CSV syntax: %s", csv_strerror(csv_error(&p)));
			im->res->rows++;	/* the row it broke in is a bad row: "1 of 1", never "1 of 0" */
			report(im, im->row_line, "", why);
			break;
		}
	}
	if (!im->fatal && csv_fini(&p, on_field, on_row, im) != 0) {
		im->res->rows++;
		report(im, im->row_line, "", "CSV syntax: a quoted field is not closed");
	}
	csv_free(&p);
	free(buf);
	for (int i = 0; i < im->nfields; i++)
		free(im->fields[i]);
	return im->fatal;
}

credo_status credo_import(credo_db *db, credo_import_kind kind, const char *path, int dry_run,
			  credo_import_error_cb cb, void *ctx, credo_import_result *result)
{
	credo_import_result local;
	credo_import_result *res = result ? result : &local;
	memset(res, 0, sizeof *res);
	FILE *f = fopen(path, "r");
	if (!f)
		return credo__fail(db, CREDO_IO, "cannot read %s: %s", path, strerror(errno));
	if ((int)kind < 0 || kind > CREDO_IMPORT_PAYMENTS) {
		fclose(f);
		return credo__fail(db, CREDO_INVALID, "unknown kind of import");
	}
	/* Each row checks its own permission; this opens the one transaction. */
	int ledger = kind == CREDO_IMPORT_INVOICES || kind == CREDO_IMPORT_PAYMENTS;
	credo_status rc = credo__mut_begin(db, ledger ? CREDO_PERM_LEDGER_POST : CREDO_PERM_CUSTOMER_EDIT);
	if (rc) {
		fclose(f);
		return rc;
	}
	struct credo__figures_mark mark;
	credo__figures_watermark(db, &mark);
	struct importer im = {
		.db = db, .kind = kind, .cb = cb, .ctx = ctx, .res = res,
		.cols = kinds[kind].cols, .ncols = kinds[kind].ncols,
	};
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	char sha[65] = "";
	if (kind == CREDO_IMPORT_INVOICES) {
		im.sha = EVP_MD_CTX_new();
		rc = !im.sha || !EVP_DigestInit_ex(im.sha, EVP_sha256(), NULL)
			     ? credo__fail(db, CREDO_NOMEM, "out of memory") : credo__bulk_open(db, &im.bulk);
	}
	if (rc == CREDO_OK)
		rc = parse_file(&im, f);
	fclose(f);
	if (im.sha) {
		EVP_DigestFinal_ex(im.sha, md, &mdlen);
		EVP_MD_CTX_free(im.sha);
		for (unsigned int i = 0; i < mdlen && i < 32; i++)
			snprintf(sha + 2 * i, 3, "%02x", md[i]);
	}
	if (rc == CREDO_OK && !im.header_done)
		report(&im, 1, "", "the file is empty: the first line must name the columns");
	if (rc == CREDO_OK && res->bad > 0)
		rc = res->bad <= res->rows
			     ? credo__fail(db, CREDO_INVALID, "%ld of %ld rows are bad; nothing was imported",
					   res->bad, res->rows)
			     : credo__fail(db, CREDO_INVALID, "%ld problems in the header and %ld rows;"
					   " nothing was imported", res->bad, res->rows);
	if (rc == CREDO_OK && res->bad == 0 && !dry_run && im.bulk)
		rc = credo__bulk_finish(im.bulk, path, sha);
	credo__bulk_close(im.bulk);
	/* A dry run or a bad file rolls back every row that did go in. */
	int keep = rc == CREDO_OK && !dry_run;
	/*
	 * Whatever path wrote the rows, the figures of the customers they
	 * concern are recomputed once, set-based, at the end.
	 */
	if (keep)
		rc = credo__figures_refresh_since(db, &mark);
	keep = rc == CREDO_OK && !dry_run;
	credo_status end = credo__mut_end(db, keep ? CREDO_OK : (rc ? rc : CREDO_STOP));
	if (!keep)
		res->imported = 0;
	if (rc == CREDO_OK && keep)
		return end;
	return rc;
}
