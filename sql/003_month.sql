-- Month close (DESIGN.md section 6): everything the receivables workbook of
-- a closed month shows is frozen here when the month is closed, so the file
-- exported later has exactly the same cells whatever is entered afterwards
-- (names, codes, collectors and settings included). Rows belong to one
-- month_closes row and are deleted when finance reopens the month.

ALTER TABLE month_closes ADD COLUMN reopen_reason TEXT NOT NULL DEFAULT '';
-- The aging bucket labels in force at the close, e.g. ["not due","1-30",...].
ALTER TABLE month_closes ADD COLUMN buckets TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(buckets));

-- Who the customer was at the close; aging holds one amount per bucket label.
ALTER TABLE month_balances ADD COLUMN code TEXT NOT NULL DEFAULT '';
ALTER TABLE month_balances ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE month_balances ADD COLUMN salesperson TEXT NOT NULL DEFAULT '';
ALTER TABLE month_balances ADD COLUMN grade TEXT NOT NULL DEFAULT '';
ALTER TABLE month_balances ADD COLUMN credit_limit INTEGER;	-- NULL: no limit in force
ALTER TABLE month_balances ADD COLUMN open_items INTEGER NOT NULL DEFAULT 0;
ALTER TABLE month_balances ADD COLUMN unapplied INTEGER NOT NULL DEFAULT 0;	-- closing = open_items - unapplied
CREATE INDEX month_balances_code ON month_balances(month_id, code);

-- Invoices open at the month's last day.
CREATE TABLE month_open_items (
	month_id      INTEGER NOT NULL REFERENCES month_closes(id),
	seq           INTEGER NOT NULL,
	customer_id   INTEGER NOT NULL REFERENCES customers(id),
	invoice_id    INTEGER NOT NULL REFERENCES invoices(id),
	customer_code TEXT NOT NULL,
	customer_name TEXT NOT NULL,
	invoice_code  TEXT NOT NULL,
	contract_code TEXT NOT NULL,
	invoice_date  TEXT NOT NULL CHECK (date(invoice_date) IS invoice_date),
	due_date      TEXT NOT NULL CHECK (date(due_date) IS due_date),
	amount        INTEGER NOT NULL,
	open          INTEGER NOT NULL,
	days_past_due INTEGER NOT NULL,
	bucket        INTEGER NOT NULL CHECK (bucket BETWEEN 0 AND 7),
	provision     INTEGER NOT NULL,
	collector     TEXT NOT NULL,
	salesperson   TEXT NOT NULL,
	disputed      INTEGER NOT NULL CHECK (disputed IN (0, 1)),
	PRIMARY KEY (month_id, seq)
) STRICT, WITHOUT ROWID;

-- Payments dated in the month (and reversals dated in it, negative), with
-- what each had paid by the month's last day.
CREATE TABLE month_received (
	month_id      INTEGER NOT NULL REFERENCES month_closes(id),
	seq           INTEGER NOT NULL,
	kind          TEXT NOT NULL CHECK (kind IN ('payment', 'reversal')),
	payment_id    INTEGER NOT NULL REFERENCES payments(id),
	entry_date    TEXT NOT NULL CHECK (date(entry_date) IS entry_date),
	payment_code  TEXT NOT NULL,
	customer_code TEXT NOT NULL,
	customer_name TEXT NOT NULL,
	method        TEXT NOT NULL,
	reference     TEXT NOT NULL,
	amount        INTEGER NOT NULL,
	applied       INTEGER NOT NULL,
	unapplied     INTEGER NOT NULL,
	applied_to    TEXT NOT NULL,
	PRIMARY KEY (month_id, seq)
) STRICT, WITHOUT ROWID;

-- The alerts of the month's last day (the alert engine, credo_alerts).
CREATE TABLE month_alerts (
	month_id      INTEGER NOT NULL REFERENCES month_closes(id),
	seq           INTEGER NOT NULL,
	rule          TEXT NOT NULL,
	severity      TEXT NOT NULL,
	level         INTEGER NOT NULL,	-- overdue: the escalation step 1..5; else 0
	customer_code TEXT NOT NULL,
	customer_name TEXT NOT NULL,
	item_kind     TEXT NOT NULL,
	item          TEXT NOT NULL,
	alert_date    TEXT NOT NULL,	-- the date the alert is about, or ''
	days          INTEGER NOT NULL,
	amount        INTEGER NOT NULL,
	responsible   TEXT NOT NULL,
	message       TEXT NOT NULL,
	PRIMARY KEY (month_id, seq)
) STRICT, WITHOUT ROWID;
