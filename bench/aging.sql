-- The aging of every customer as of @date (set with .parameter), by hand:
-- the baseline `make bench` compares `credo report aging` with. Same
-- numbers, same CSV columns: open amount per bucket (0,30,60,90,180,365
-- days past due), total, overdue and the provision (5,10,30,50,80,100 % by
-- invoice age in years), every open item counted as of the date.
-- @day is the same date as a day number (days since 1970-01-01).
WITH items AS MATERIALIZED (
	SELECT i.customer_id, i.due_day, i.invoice_day,
	       i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a
			   WHERE a.invoice_id = i.id AND a.alloc_day <= @day
			     AND (a.reversed_at IS NULL OR a.reversed_at > @date)) AS open
	FROM invoices i
	WHERE i.amount > 0 AND i.invoice_day <= @day),
aged AS MATERIALIZED (
	SELECT customer_id, open, @day - due_day AS pd, @day - invoice_day AS age
	FROM items WHERE open > 0),
sums AS (
	SELECT customer_id, count(*) AS n,
	       sum(CASE WHEN pd <= 0 THEN open ELSE 0 END) AS b0,
	       sum(CASE WHEN pd BETWEEN 1 AND 30 THEN open ELSE 0 END) AS b1,
	       sum(CASE WHEN pd BETWEEN 31 AND 60 THEN open ELSE 0 END) AS b2,
	       sum(CASE WHEN pd BETWEEN 61 AND 90 THEN open ELSE 0 END) AS b3,
	       sum(CASE WHEN pd BETWEEN 91 AND 180 THEN open ELSE 0 END) AS b4,
	       sum(CASE WHEN pd BETWEEN 181 AND 365 THEN open ELSE 0 END) AS b5,
	       sum(CASE WHEN pd > 365 THEN open ELSE 0 END) AS b6,
	       sum(open) AS total,
	       sum(CASE WHEN pd > 0 THEN open ELSE 0 END) AS overdue,
	       sum(open * CASE WHEN age <= 365 THEN 5 WHEN age <= 730 THEN 10 WHEN age <= 1095 THEN 30
			       WHEN age <= 1460 THEN 50 WHEN age <= 1825 THEN 80 ELSE 100 END / 100) AS provision
	FROM aged GROUP BY customer_id)
SELECT c.code AS key, c.name, n AS items,
       printf('%d.%02d', b0 / 100, b0 % 100), printf('%d.%02d', b1 / 100, b1 % 100),
       printf('%d.%02d', b2 / 100, b2 % 100), printf('%d.%02d', b3 / 100, b3 % 100),
       printf('%d.%02d', b4 / 100, b4 % 100), printf('%d.%02d', b5 / 100, b5 % 100),
       printf('%d.%02d', b6 / 100, b6 % 100), printf('%d.%02d', total / 100, total % 100),
       printf('%d.%02d', overdue / 100, overdue % 100), printf('%d.%02d', provision / 100, provision % 100)
FROM sums JOIN customers c ON c.id = sums.customer_id
ORDER BY c.code;
