-- Management reports: monthly sales targets per salesperson, optionally
-- for one region (the region of the customers) or one product. A target is
-- replaced by setting it again; the audit log keeps the earlier amounts.
-- ABC value classes need no table: they are customer categories, and
-- customer_history already records each change of category.
CREATE TABLE sales_targets (
	id         INTEGER PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users(id),
	month      TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
	region     TEXT NOT NULL DEFAULT '',	-- '': all the salesperson's customers
	product_id INTEGER REFERENCES products(id),	-- NULL: every product
	amount     INTEGER NOT NULL CHECK (amount >= 0),
	set_by     INTEGER NOT NULL REFERENCES users(id),
	set_at     TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX sales_targets_key ON sales_targets(user_id, month, region, coalesce(product_id, 0));
CREATE INDEX sales_targets_month ON sales_targets(month, user_id);
