-- credo schema, version 1: the whole domain of DESIGN.md section 4.
-- Money is INTEGER fen. Dates are ISO 'YYYY-MM-DD' text, checked with
-- date(x) IS x; hot date columns also keep a stored day number (days since
-- 1970-01-01) for aging arithmetic. Timestamps are UTC ISO text.

CREATE TABLE departments (
	id        INTEGER PRIMARY KEY,
	code      TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
	name      TEXT NOT NULL CHECK (length(name) > 0),
	kind      TEXT NOT NULL DEFAULT 'department' CHECK (kind IN ('department', 'region')),
	parent_id INTEGER REFERENCES departments(id)
) STRICT;

CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	login         TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 32),
	name          TEXT NOT NULL CHECK (length(name) > 0),
	role          TEXT NOT NULL CHECK (role IN ('sales', 'sales_manager', 'credit', 'finance', 'gm', 'admin')),
	department_id INTEGER REFERENCES departments(id),
	active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
	key        TEXT PRIMARY KEY,
	value      TEXT NOT NULL,
	updated_at TEXT,
	updated_by INTEGER REFERENCES users(id)
) STRICT, WITHOUT ROWID;

-- Next number per code pattern; scope is e.g. the year for 'HT-{yyyy}-{seq:4}'.
CREATE TABLE code_sequences (
	kind  TEXT NOT NULL,
	scope TEXT NOT NULL,
	next  INTEGER NOT NULL CHECK (next > 0),
	PRIMARY KEY (kind, scope)
) STRICT, WITHOUT ROWID;

CREATE TABLE categories (
	id     INTEGER PRIMARY KEY,
	name   TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE customers (
	id             INTEGER PRIMARY KEY,
	code           TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
	name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	short_name     TEXT NOT NULL DEFAULT '',
	type           TEXT NOT NULL DEFAULT 'end_customer'
		       CHECK (type IN ('end_customer', 'distributor', 'partner')),
	status         TEXT NOT NULL DEFAULT 'prospect'
		       CHECK (status IN ('prospect', 'evaluated', 'active', 'at_risk', 'lost', 'won_back')),
	category_id    INTEGER REFERENCES categories(id),
	industry       TEXT NOT NULL DEFAULT '',
	region         TEXT NOT NULL DEFAULT '',
	address        TEXT NOT NULL DEFAULT '',
	phone          TEXT NOT NULL DEFAULT '',
	tax_id         TEXT NOT NULL DEFAULT '',
	bank           TEXT NOT NULL DEFAULT '',
	bank_account   TEXT NOT NULL DEFAULT '',
	legal_rep      TEXT NOT NULL DEFAULT '',
	payment_term_days INTEGER CHECK (payment_term_days IS NULL OR payment_term_days BETWEEN 0 AND 3650),
	owner_id       INTEGER NOT NULL REFERENCES users(id),
	since          TEXT CHECK (since IS NULL OR date(since) IS since),
	reputation_bad INTEGER NOT NULL DEFAULT 0 CHECK (reputation_bad IN (0, 1)),
	notes          TEXT NOT NULL DEFAULT '',
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX customers_name ON customers(name, id);
CREATE INDEX customers_owner ON customers(owner_id, name, id);
CREATE INDEX customers_phone ON customers(phone);

-- Records belong to the company, not the salesperson (seed 002): every
-- change of owner, category and lifecycle status is kept.
CREATE TABLE customer_history (
	id          INTEGER PRIMARY KEY,
	customer_id INTEGER NOT NULL REFERENCES customers(id),
	field       TEXT NOT NULL CHECK (field IN ('owner', 'category', 'status', 'reputation')),
	old_value   TEXT,
	new_value   TEXT,
	changed_at  TEXT NOT NULL,
	changed_by  INTEGER NOT NULL REFERENCES users(id),
	reason      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX customer_history_customer ON customer_history(customer_id, id);

CREATE TABLE contacts (
	id          INTEGER PRIMARY KEY,
	customer_id INTEGER NOT NULL REFERENCES customers(id),
	name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	title       TEXT NOT NULL DEFAULT '',
	department  TEXT NOT NULL DEFAULT '',
	phone       TEXT NOT NULL DEFAULT '',
	email       TEXT NOT NULL DEFAULT '',
	role        TEXT NOT NULL DEFAULT 'other'
		    CHECK (role IN ('decision_maker', 'purchasing', 'finance', 'insider', 'other')),
	notes       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX contacts_customer ON contacts(customer_id, name);

CREATE TABLE products (
	id         INTEGER PRIMARY KEY,
	code       TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
	name       TEXT NOT NULL CHECK (length(name) > 0),
	model      TEXT NOT NULL DEFAULT '',
	spec       TEXT NOT NULL DEFAULT '',
	unit       TEXT NOT NULL DEFAULT '',
	list_price INTEGER NOT NULL DEFAULT 0 CHECK (list_price >= 0),
	active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE leads (
	id           INTEGER PRIMARY KEY,
	code         TEXT NOT NULL UNIQUE,
	company      TEXT NOT NULL CHECK (length(company) > 0),
	contact_name TEXT NOT NULL DEFAULT '',
	phone        TEXT NOT NULL DEFAULT '',
	email        TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	status       TEXT NOT NULL DEFAULT 'new'
		     CHECK (status IN ('new', 'contacted', 'qualified', 'converted', 'lost')),
	owner_id     INTEGER NOT NULL REFERENCES users(id),
	customer_id  INTEGER REFERENCES customers(id),
	notes        TEXT NOT NULL DEFAULT '',
	created_at   TEXT NOT NULL,
	CHECK ((status = 'converted') = (customer_id IS NOT NULL))
) STRICT;
CREATE INDEX leads_owner ON leads(owner_id, status);

CREATE TABLE visits (
	id          INTEGER PRIMARY KEY,
	customer_id INTEGER REFERENCES customers(id),
	lead_id     INTEGER REFERENCES leads(id),
	contact_id  INTEGER REFERENCES contacts(id),
	visit_date  TEXT NOT NULL CHECK (date(visit_date) IS visit_date),
	kind        TEXT NOT NULL CHECK (kind IN ('visit', 'phone', 'email', 'meeting', 'credit_visit')),
	planned     INTEGER NOT NULL DEFAULT 0 CHECK (planned IN (0, 1)),	-- 1: planned, not yet done
	plan_date   TEXT CHECK (plan_date IS NULL OR date(plan_date) IS plan_date),	-- the day it was planned for
	purpose     TEXT NOT NULL DEFAULT '',
	findings    TEXT NOT NULL DEFAULT '',
	outcome     TEXT NOT NULL DEFAULT '',
	next_step   TEXT NOT NULL DEFAULT '',
	next_date   TEXT CHECK (next_date IS NULL OR date(next_date) IS next_date),
	user_id     INTEGER NOT NULL REFERENCES users(id),
	created_at  TEXT NOT NULL,
	CHECK (customer_id IS NOT NULL OR lead_id IS NOT NULL)
) STRICT;
CREATE INDEX visits_customer ON visits(customer_id, visit_date);
CREATE INDEX visits_lead ON visits(lead_id, visit_date);
CREATE INDEX visits_user ON visits(user_id, visit_date);
CREATE INDEX visits_next ON visits(next_date) WHERE next_date IS NOT NULL;

CREATE TABLE opportunity_stages (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL UNIQUE,
	probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
	sort_order  INTEGER NOT NULL,
	outcome     TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'won', 'lost'))
) STRICT;

CREATE TABLE opportunities (
	id             INTEGER PRIMARY KEY,
	customer_id    INTEGER NOT NULL REFERENCES customers(id),
	description    TEXT NOT NULL CHECK (length(description) > 0),
	stage_id       INTEGER NOT NULL REFERENCES opportunity_stages(id),
	amount         INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
	expected_close TEXT CHECK (expected_close IS NULL OR date(expected_close) IS expected_close),
	owner_id       INTEGER NOT NULL REFERENCES users(id),
	lost_reason    TEXT NOT NULL DEFAULT '',
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX opportunities_owner ON opportunities(owner_id, stage_id);
CREATE INDEX opportunities_customer ON opportunities(customer_id);

CREATE TABLE complaints (
	id             INTEGER PRIMARY KEY,
	customer_id    INTEGER NOT NULL REFERENCES customers(id),
	complaint_date TEXT NOT NULL CHECK (date(complaint_date) IS complaint_date),
	kind           TEXT NOT NULL CHECK (kind IN ('quality', 'service', 'delivery', 'billing')),
	reasonable     INTEGER CHECK (reasonable IS NULL OR reasonable IN (0, 1)),
	is_dispute     INTEGER NOT NULL DEFAULT 0 CHECK (is_dispute IN (0, 1)),
	assigned_to    INTEGER REFERENCES users(id),
	status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
	description    TEXT NOT NULL DEFAULT '',
	resolution     TEXT NOT NULL DEFAULT '',
	root_cause     TEXT NOT NULL DEFAULT '',
	closed_date    TEXT CHECK (closed_date IS NULL OR date(closed_date) IS closed_date),
	CHECK ((status = 'closed') = (closed_date IS NOT NULL))
) STRICT;
CREATE INDEX complaints_customer ON complaints(customer_id, complaint_date);

CREATE TABLE contracts (
	id                INTEGER PRIMARY KEY,
	code              TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
	customer_id       INTEGER NOT NULL REFERENCES customers(id),
	sign_date         TEXT CHECK (sign_date IS NULL OR date(sign_date) IS sign_date),
	start_date        TEXT CHECK (start_date IS NULL OR date(start_date) IS start_date),
	end_date          TEXT CHECK (end_date IS NULL OR date(end_date) IS end_date),
	owner_id          INTEGER NOT NULL REFERENCES users(id),
	department_id     INTEGER REFERENCES departments(id),
	payment_term_days INTEGER NOT NULL DEFAULT 30 CHECK (payment_term_days BETWEEN 0 AND 3650),
	collateral        TEXT NOT NULL DEFAULT '',
	status            TEXT NOT NULL DEFAULT 'draft'
			  CHECK (status IN ('draft', 'active', 'completed', 'terminated')),
	amount            INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
	created_at        TEXT NOT NULL,
	CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX contracts_customer ON contracts(customer_id, status);

CREATE TABLE contract_lines (
	id          INTEGER PRIMARY KEY,
	contract_id INTEGER NOT NULL REFERENCES contracts(id),
	line_no     INTEGER NOT NULL CHECK (line_no > 0),
	product_id  INTEGER REFERENCES products(id),
	description TEXT NOT NULL DEFAULT '',
	model       TEXT NOT NULL DEFAULT '',
	spec        TEXT NOT NULL DEFAULT '',
	qty_milli   INTEGER NOT NULL CHECK (qty_milli > 0),	-- quantity in thousandths
	unit_price  INTEGER NOT NULL CHECK (unit_price >= 0),
	amount      INTEGER NOT NULL CHECK (amount >= 0),
	UNIQUE (contract_id, line_no)
) STRICT;

CREATE TABLE settlement_plan (
	id           INTEGER PRIMARY KEY,
	contract_id  INTEGER NOT NULL REFERENCES contracts(id),
	planned_date TEXT NOT NULL CHECK (date(planned_date) IS planned_date),
	amount       INTEGER NOT NULL CHECK (amount > 0),
	note         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX settlement_plan_date ON settlement_plan(planned_date, contract_id);

CREATE TABLE contract_log (
	id          INTEGER PRIMARY KEY,
	contract_id INTEGER NOT NULL REFERENCES contracts(id),
	log_date    TEXT NOT NULL CHECK (date(log_date) IS log_date),
	user_id     INTEGER NOT NULL REFERENCES users(id),
	note        TEXT NOT NULL CHECK (length(note) > 0)
) STRICT;

CREATE TABLE invoices (
	id           INTEGER PRIMARY KEY,
	code         TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
	customer_id  INTEGER NOT NULL REFERENCES customers(id),
	contract_id  INTEGER REFERENCES contracts(id),
	invoice_date TEXT NOT NULL CHECK (date(invoice_date) IS invoice_date),
	due_date     TEXT NOT NULL CHECK (date(due_date) IS due_date),
	amount       INTEGER NOT NULL CHECK (amount <> 0),	-- negative: credit note
	collector_id INTEGER REFERENCES users(id),
	disputed     INTEGER NOT NULL DEFAULT 0 CHECK (disputed IN (0, 1)),
	notes        TEXT NOT NULL DEFAULT '',
	created_at   TEXT NOT NULL,
	invoice_day  INTEGER GENERATED ALWAYS AS (CAST(julianday(invoice_date) - 2440587.5 AS INTEGER)) STORED,
	due_day      INTEGER GENERATED ALWAYS AS (CAST(julianday(due_date) - 2440587.5 AS INTEGER)) STORED,
	CHECK (due_date >= invoice_date)
) STRICT;
CREATE INDEX invoices_customer ON invoices(customer_id, due_day);
CREATE INDEX invoices_due ON invoices(due_day, customer_id);
CREATE INDEX invoices_contract ON invoices(contract_id);

CREATE TABLE payments (
	id          INTEGER PRIMARY KEY,
	code        TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
	customer_id INTEGER NOT NULL REFERENCES customers(id),
	pay_date    TEXT NOT NULL CHECK (date(pay_date) IS pay_date),
	amount      INTEGER NOT NULL CHECK (amount > 0),
	method      TEXT NOT NULL DEFAULT 'transfer'
		    CHECK (method IN ('transfer', 'cash', 'cheque', 'acceptance', 'other')),
	reference   TEXT NOT NULL DEFAULT '',
	reversed_at TEXT CHECK (reversed_at IS NULL OR date(reversed_at) IS reversed_at),
	reversed_by INTEGER REFERENCES users(id),
	reversal_reason TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	pay_day     INTEGER GENERATED ALWAYS AS (CAST(julianday(pay_date) - 2440587.5 AS INTEGER)) STORED
) STRICT;
CREATE INDEX payments_customer ON payments(customer_id, pay_day);
CREATE INDEX payments_day ON payments(pay_day);

-- A payment applied to an invoice on a date; aging as of a past date reads
-- these dates, not today's balances.
CREATE TABLE allocations (
	id             INTEGER PRIMARY KEY,
	payment_id     INTEGER REFERENCES payments(id),
	credit_note_id INTEGER REFERENCES invoices(id),	-- a credit note applied like a payment
	invoice_id     INTEGER NOT NULL REFERENCES invoices(id),
	amount         INTEGER NOT NULL CHECK (amount > 0),
	alloc_date     TEXT NOT NULL CHECK (date(alloc_date) IS alloc_date),
	reversed_at    TEXT CHECK (reversed_at IS NULL OR date(reversed_at) IS reversed_at),
	alloc_day      INTEGER GENERATED ALWAYS AS (CAST(julianday(alloc_date) - 2440587.5 AS INTEGER)) STORED,
	CHECK ((payment_id IS NULL) <> (credit_note_id IS NULL))
) STRICT;
CREATE INDEX allocations_invoice ON allocations(invoice_id, alloc_day);
CREATE INDEX allocations_credit_note ON allocations(credit_note_id) WHERE credit_note_id IS NOT NULL;
CREATE INDEX allocations_payment ON allocations(payment_id);

CREATE TABLE credit_files (
	id                   INTEGER PRIMARY KEY,
	customer_id          INTEGER NOT NULL REFERENCES customers(id),
	statement_date       TEXT NOT NULL CHECK (date(statement_date) IS statement_date),
	current_assets       INTEGER,
	current_liabilities  INTEGER,
	cash                 INTEGER,
	total_assets         INTEGER,
	total_liabilities    INTEGER,
	net_assets           INTEGER,
	ebit                 INTEGER,
	interest_expense     INTEGER,
	revenue              INTEGER,
	bank_reference       TEXT NOT NULL DEFAULT '',
	collateral           TEXT NOT NULL DEFAULT '',
	collateral_liquidity TEXT NOT NULL DEFAULT '',
	assess_reach         INTEGER CHECK (assess_reach BETWEEN 1 AND 5),
	assess_capital       INTEGER CHECK (assess_capital BETWEEN 1 AND 5),
	assess_brands        INTEGER CHECK (assess_brands BETWEEN 1 AND 5),
	assess_logistics     INTEGER CHECK (assess_logistics BETWEEN 1 AND 5),
	assess_cooperation   INTEGER CHECK (assess_cooperation BETWEEN 1 AND 5),
	assess_management    INTEGER CHECK (assess_management BETWEEN 1 AND 5),
	salesperson_note     TEXT NOT NULL DEFAULT '',
	created_by           INTEGER NOT NULL REFERENCES users(id),
	created_at           TEXT NOT NULL
) STRICT;
CREATE INDEX credit_files_customer ON credit_files(customer_id, statement_date);

CREATE TABLE credit_ratings (
	id             INTEGER PRIMARY KEY,
	customer_id    INTEGER NOT NULL REFERENCES customers(id),
	credit_file_id INTEGER REFERENCES credit_files(id),
	rated_at       TEXT NOT NULL CHECK (date(rated_at) IS rated_at),
	score          INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
	grade          TEXT NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
	breakdown      TEXT NOT NULL CHECK (json_valid(breakdown)),
	suggested      INTEGER NOT NULL DEFAULT 0 CHECK (suggested >= 0),
	basis          TEXT NOT NULL DEFAULT '',
	rated_by       INTEGER NOT NULL REFERENCES users(id),
	next_review    TEXT NOT NULL CHECK (date(next_review) IS next_review)
) STRICT;
CREATE INDEX credit_ratings_customer ON credit_ratings(customer_id, rated_at, id);

CREATE TABLE credit_requests (
	id            INTEGER PRIMARY KEY,
	customer_id   INTEGER NOT NULL REFERENCES customers(id),
	contract_id   INTEGER REFERENCES contracts(id),
	kind          TEXT NOT NULL DEFAULT 'standing' CHECK (kind IN ('standing', 'temporary', 'one_off')),
	amount        INTEGER NOT NULL CHECK (amount > 0),
	reason        TEXT NOT NULL CHECK (length(reason) > 0),
	requester_id  INTEGER NOT NULL REFERENCES users(id),
	requested_at  TEXT NOT NULL,
	rating_id     INTEGER REFERENCES credit_ratings(id),
	suggested     INTEGER,
	state         TEXT NOT NULL DEFAULT 'pending'
		      CHECK (state IN ('pending', 'approved', 'rejected', 'escalated', 'decided')),
	decider_id    INTEGER REFERENCES users(id),
	decided_at    TEXT,
	decision_note TEXT NOT NULL DEFAULT '',
	approved      INTEGER CHECK (approved IS NULL OR approved >= 0)
) STRICT;
CREATE INDEX credit_requests_state ON credit_requests(state, customer_id);

CREATE TABLE credit_limits (
	id             INTEGER PRIMARY KEY,
	customer_id    INTEGER NOT NULL REFERENCES customers(id),
	kind           TEXT NOT NULL CHECK (kind IN ('standing', 'temporary', 'one_off')),
	contract_id    INTEGER REFERENCES contracts(id),
	amount         INTEGER NOT NULL CHECK (amount >= 0),
	effective_from TEXT NOT NULL CHECK (date(effective_from) IS effective_from),
	expires        TEXT CHECK (expires IS NULL OR date(expires) IS expires),
	suggested      INTEGER,
	basis          TEXT NOT NULL DEFAULT '',
	request_id     INTEGER REFERENCES credit_requests(id),
	approved_by    INTEGER NOT NULL REFERENCES users(id),
	approved_at    TEXT NOT NULL,
	next_review    TEXT CHECK (next_review IS NULL OR date(next_review) IS next_review),
	revoked_at     TEXT,
	CHECK ((kind = 'one_off') = (contract_id IS NOT NULL)),
	CHECK (kind <> 'temporary' OR expires IS NOT NULL)
) STRICT;
CREATE INDEX credit_limits_customer ON credit_limits(customer_id, kind, effective_from);

-- A sale let through over a limit: who, why, for what.
CREATE TABLE credit_overrides (
	id          INTEGER PRIMARY KEY,
	customer_id INTEGER NOT NULL REFERENCES customers(id),
	contract_id INTEGER REFERENCES contracts(id),
	invoice_id  INTEGER REFERENCES invoices(id),
	amount      INTEGER NOT NULL,
	reason      TEXT NOT NULL CHECK (length(reason) > 0),
	user_id     INTEGER NOT NULL REFERENCES users(id),
	at          TEXT NOT NULL
) STRICT;

CREATE TABLE collection_actions (
	id             INTEGER PRIMARY KEY,
	customer_id    INTEGER NOT NULL REFERENCES customers(id),
	invoice_id     INTEGER REFERENCES invoices(id),
	action_date    TEXT NOT NULL CHECK (date(action_date) IS action_date),
	kind           TEXT NOT NULL CHECK (kind IN ('reminder', 'call', 'statement', 'visit',
				'stop_supply', 'legal', 'acknowledgement', 'dispute', 'promise')),
	outcome        TEXT NOT NULL DEFAULT '',
	promise_amount INTEGER CHECK (promise_amount IS NULL OR promise_amount > 0),
	promise_date   TEXT CHECK (promise_date IS NULL OR date(promise_date) IS promise_date),
	collector_id   INTEGER NOT NULL REFERENCES users(id),
	created_at     TEXT NOT NULL,
	CHECK ((promise_amount IS NULL) = (promise_date IS NULL))
) STRICT;
CREATE INDEX collection_actions_customer ON collection_actions(customer_id, action_date);
CREATE INDEX collection_actions_invoice ON collection_actions(invoice_id, action_date);

CREATE TABLE write_offs (
	id         INTEGER PRIMARY KEY,
	invoice_id INTEGER NOT NULL REFERENCES invoices(id),
	amount     INTEGER NOT NULL CHECK (amount > 0),
	wo_date    TEXT NOT NULL CHECK (date(wo_date) IS wo_date),
	reason     TEXT NOT NULL CHECK (length(reason) > 0),
	user_id    INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX write_offs_invoice ON write_offs(invoice_id);

CREATE TABLE month_closes (
	id          INTEGER PRIMARY KEY,
	month       TEXT NOT NULL UNIQUE CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
	state       TEXT NOT NULL CHECK (state IN ('closed', 'reopened')),
	closed_at   TEXT NOT NULL,
	closed_by   INTEGER NOT NULL REFERENCES users(id),
	reopened_at TEXT,
	reopened_by INTEGER REFERENCES users(id)
) STRICT;

-- Frozen per-customer figures of a closed month; the monthly export reads these.
CREATE TABLE month_balances (
	month_id    INTEGER NOT NULL REFERENCES month_closes(id),
	customer_id INTEGER NOT NULL REFERENCES customers(id),
	opening     INTEGER NOT NULL,
	invoiced    INTEGER NOT NULL,
	received    INTEGER NOT NULL,
	closing     INTEGER NOT NULL,
	aging       TEXT NOT NULL CHECK (json_valid(aging)),	-- bucket amounts in fen
	overdue     INTEGER NOT NULL,
	provision   INTEGER NOT NULL,
	PRIMARY KEY (month_id, customer_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_log (
	id        INTEGER PRIMARY KEY,
	at        TEXT NOT NULL,
	actor     TEXT NOT NULL,
	via       TEXT NOT NULL DEFAULT '',
	entity    TEXT NOT NULL,
	entity_id INTEGER NOT NULL,
	action    TEXT NOT NULL,
	before    TEXT NOT NULL DEFAULT '',
	after     TEXT NOT NULL DEFAULT '',
	prev_hash TEXT NOT NULL,
	hash      TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, id);

INSERT INTO settings(key, value) VALUES
	('currency', 'CNY'),
	('code.customer', 'C{seq:6}'),
	('code.lead', 'L{seq:6}'),
	('code.contract', 'HT-{yyyy}-{seq:4}'),
	('code.invoice', 'INV-{yyyy}-{seq:5}'),
	('code.payment', 'PAY-{yyyy}-{seq:5}'),
	('code.product', 'P{seq:5}'),
	('ledger.default_term_days', '30'),
	('ledger.max_advance', '50000.00');

INSERT INTO opportunity_stages(name, probability, sort_order, outcome) VALUES
	('lead', 10, 1, 'open'),
	('qualified', 25, 2, 'open'),
	('proposal', 50, 3, 'open'),
	('negotiation', 75, 4, 'open'),
	('won', 100, 5, 'won'),
	('lost', 0, 6, 'lost');
