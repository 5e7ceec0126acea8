-- The audit log's hashes stay unique, through a named index instead of the
-- column's UNIQUE constraint. SQLite cannot drop the index behind a UNIQUE
-- constraint, so a bulk load (the large demo company, millions of audit
-- rows) had to insert every random hash into it one by one; a named index
-- can be dropped for the load and built again by sorting, which is several
-- times faster. The rows, their ids and the hash chain are copied as they
-- are.
CREATE TABLE audit_log_new (
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
	hash      TEXT NOT NULL
) STRICT;
INSERT INTO audit_log_new(id, at, actor, via, entity, entity_id, action, before, after, prev_hash, hash)
	SELECT id, at, actor, via, entity, entity_id, action, before, after, prev_hash, hash FROM audit_log ORDER BY id;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
CREATE UNIQUE INDEX audit_log_hash ON audit_log(hash);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, id);
