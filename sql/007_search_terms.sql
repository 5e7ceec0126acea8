-- Search text of one or two characters through the trigram index
-- (credo_customer_search, docs/performance.md "Search in tiers").
--
-- The trigram index answers three characters or more. One or two
-- characters are the start of some trigram of every text that holds them,
-- except at the very end of the text: the search text now ends with two
-- characters no search can contain (control characters, refused in every
-- field and search), so that every character of the text starts a trigram.
-- customer_search_terms lists the index's trigrams with the customer each
-- occurs in: a one or two character text is a range of it ("ab" to "ab"
-- followed by the last code point), so a text no customer holds is found
-- absent without reading any search text. The index is built again for
-- the new ending; its triggers read the view by name and need no change.

DROP VIEW customer_search_body;

CREATE VIEW customer_search_body(id, body) AS
SELECT c.id,
       c.code || ' ' || c.name || ' ' || c.short_name || ' ' || c.phone || ' ' ||
       replace(replace(replace(c.phone, '-', ''), ' ', ''), '+', '') || ' ' ||
       coalesce((SELECT group_concat(k.name || ' ' || k.phone || ' ' ||
                 replace(replace(k.phone, '-', ''), ' ', ''), ' ')
                 FROM contacts k WHERE k.customer_id = c.id), '') || char(1, 1)
FROM customers c;

DROP TABLE customer_search;
CREATE VIRTUAL TABLE customer_search USING fts5(body, tokenize = 'trigram');
INSERT INTO customer_search(rowid, body) SELECT id, body FROM customer_search_body;

CREATE VIRTUAL TABLE customer_search_terms USING fts5vocab(customer_search, instance);
