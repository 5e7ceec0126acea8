-- Search over customers: code, name, short name, phone and the names and
-- phones of their contacts, as one text per customer (rowid = customer id)
-- in an FTS5 trigram index, so any substring of three or more characters,
-- Chinese included, is found through the index. Phones are also kept with
-- their separators removed, so 02155512345 finds 021-55512345.

CREATE VIRTUAL TABLE customer_search USING fts5(body, tokenize = 'trigram');

CREATE VIEW customer_search_body(id, body) AS
SELECT c.id,
       c.code || ' ' || c.name || ' ' || c.short_name || ' ' || c.phone || ' ' ||
       replace(replace(replace(c.phone, '-', ''), ' ', ''), '+', '') || ' ' ||
       coalesce((SELECT group_concat(k.name || ' ' || k.phone || ' ' ||
                 replace(replace(k.phone, '-', ''), ' ', ''), ' ')
                 FROM contacts k WHERE k.customer_id = c.id), '')
FROM customers c;

INSERT INTO customer_search(rowid, body) SELECT id, body FROM customer_search_body;

CREATE TRIGGER customers_search_insert AFTER INSERT ON customers BEGIN
	INSERT INTO customer_search(rowid, body) SELECT id, body FROM customer_search_body WHERE id = new.id;
END;

CREATE TRIGGER customers_search_update AFTER UPDATE OF code, name, short_name, phone ON customers BEGIN
	DELETE FROM customer_search WHERE rowid = old.id;
	INSERT INTO customer_search(rowid, body) SELECT id, body FROM customer_search_body WHERE id = new.id;
END;

CREATE TRIGGER customers_search_delete AFTER DELETE ON customers BEGIN
	DELETE FROM customer_search WHERE rowid = old.id;
END;

CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
	DELETE FROM customer_search WHERE rowid = new.customer_id;
	INSERT INTO customer_search(rowid, body) SELECT id, body FROM customer_search_body WHERE id = new.customer_id;
END;

CREATE TRIGGER contacts_search_update AFTER UPDATE OF name, phone, customer_id ON contacts BEGIN
	DELETE FROM customer_search WHERE rowid IN (old.customer_id, new.customer_id);
	INSERT INTO customer_search(rowid, body) SELECT id, body FROM customer_search_body
		WHERE id IN (old.customer_id, new.customer_id);
END;

CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
	DELETE FROM customer_search WHERE rowid = old.customer_id;
	INSERT INTO customer_search(rowid, body) SELECT id, body FROM customer_search_body WHERE id = old.customer_id;
END;
