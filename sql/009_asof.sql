-- The ledger as of a date, read from indexes alone (docs/performance.md).
-- Indexes only: no table changes, so every figure is computed as before.
--
-- What an invoice had received by a date, and what a payment had applied,
-- is the sum of its allocations dated up to it and not reversed by then.
-- The month's figures and the alert engine read these sums for every
-- invoice and payment in id order (src/core/asof.c); with the amount and
-- the reversal in the index they never visit the allocations table. They
-- replace the narrower indexes they begin with.
DROP INDEX allocations_invoice;
CREATE INDEX allocations_invoice_paid ON allocations(invoice_id, alloc_day, amount, reversed_at);
DROP INDEX allocations_payment;
CREATE INDEX allocations_payment_paid ON allocations(payment_id, alloc_day, amount, reversed_at);
-- The month's opening, invoiced and received per customer: one ordered
-- pass over each index instead of a table row per invoice and payment.
CREATE INDEX invoices_customer_day ON invoices(customer_id, invoice_day, amount);
DROP INDEX payments_customer;
CREATE INDEX payments_customer_day ON payments(customer_id, pay_day, amount, reversed_at);
-- The reversals dated in a month: few, found without reading every payment.
CREATE INDEX payments_reversed ON payments(reversed_at) WHERE reversed_at IS NOT NULL;
