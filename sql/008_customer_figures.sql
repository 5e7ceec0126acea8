-- Per-customer credit figures, so the customer list can be sorted by
-- overdue amount and by utilisation a page at a time (docs/performance.md,
-- docs/data-model.md). Derived data: the core rewrites a customer's row in
-- the same transaction as every change that moves its figures, and
-- refreshes rows whose day has passed before a sorted read; `credo check`
-- recomputes every row from the ledger and reports the first that differs.
-- The rows for existing customers are computed by credo when it applies
-- this migration (one set-based statement, the same one the core uses).
CREATE TABLE customer_figures (
	customer_id  INTEGER PRIMARY KEY REFERENCES customers(id),
	as_of        INTEGER NOT NULL,	-- day number the figures hold for
	open         INTEGER NOT NULL,	-- open amount of the customer's invoices
	overdue      INTEGER NOT NULL,	-- of which past the due date on as_of
	exposure     INTEGER NOT NULL,	-- as the credit check counts it
	credit_limit INTEGER,		-- standing + temporary limit in force; NULL: none
	util_bp      INTEGER NOT NULL,	-- exposure / limit in basis points (sort key)
	next_day     INTEGER		-- first day after as_of the figures change by
					-- themselves (an invoice falls due, a limit
					-- starts or ends); NULL: never
) STRICT;
CREATE INDEX customer_figures_overdue ON customer_figures(overdue, customer_id);
CREATE INDEX customer_figures_util ON customer_figures(util_bp, customer_id);
CREATE INDEX customer_figures_next ON customer_figures(next_day) WHERE next_day IS NOT NULL;
CREATE INDEX customer_figures_as_of ON customer_figures(as_of);
