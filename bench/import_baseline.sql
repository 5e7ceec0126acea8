-- bench/import_baseline.sql - the baseline of the CSV import metric: the
-- sqlite3 shell inserting the rows of the import file into a copy of the
-- company file with the same page cache as credo's import (16 MB). The
-- customer ids, collectors, due dates and amounts are worked out first in a
-- temporary table (untimed); only the write is timed, from BEGIN IMMEDIATE
-- to COMMIT: what SQLite itself needs to put the rows and their index
-- entries into this file. No credit check, no audit.
--
-- Expects temp.f(code, customer, date, amount) holding the file (run.sh).
PRAGMA foreign_keys = ON;
PRAGMA cache_size = -16384;
CREATE TEMP TABLE g AS
	SELECT f.rowid AS n, f.code, c.id AS customer_id, c.owner_id,
	       f.date, date(f.date, '+' || coalesce(c.payment_term_days, 30) || ' days') AS due,
	       CAST(round(f.amount * 100) AS INTEGER) AS amount
	FROM temp.f JOIN customers c ON c.code = f.customer;
.timer on
BEGIN IMMEDIATE;
INSERT INTO invoices(code, customer_id, contract_id, invoice_date, due_date, amount, collector_id, notes, created_at)
	SELECT code, customer_id, NULL, date, due, amount, owner_id, '', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
	FROM temp.g ORDER BY n;
COMMIT;
