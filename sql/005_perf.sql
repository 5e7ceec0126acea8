-- Performance at company scale (docs/performance.md). Indexes only: no
-- table changes, so every figure is computed exactly as before.
--
-- Search ranks customers whose short name starts with the text right after
-- those whose name does (credo_customer_search). Without an index that
-- tier read every customer whenever nothing matched - 1.5 s per keystroke
-- of a phone number at 100,000 customers.
CREATE INDEX customers_short_name ON customers(short_name);
