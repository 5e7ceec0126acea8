-- Collection (DESIGN.md section 6): a dispute is resolved on a date, by
-- someone, with a note; until then it pauses the escalation of its invoice.
-- Independent of any other migration: it only adds to collection_actions.
ALTER TABLE collection_actions ADD COLUMN resolved_date TEXT
	CHECK (resolved_date IS NULL OR date(resolved_date) IS resolved_date);
ALTER TABLE collection_actions ADD COLUMN resolved_by INTEGER REFERENCES users(id);
ALTER TABLE collection_actions ADD COLUMN resolution TEXT NOT NULL DEFAULT '';
-- Promises and disputes are looked up by kind across all customers.
CREATE INDEX collection_actions_kind ON collection_actions(kind, action_date);
