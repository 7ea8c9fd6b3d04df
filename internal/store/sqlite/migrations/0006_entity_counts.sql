-- Each entity record carries its counts — articles that mention it, and
-- mentions in them — kept up to date by every write (PutArticles, PutAnalysis,
-- the backfill), so the most mentioned entities are read from an index instead
-- of grouping every mention on each request.
ALTER TABLE entities ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;

UPDATE entities SET
	articles = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id),
	mentions = (SELECT coalesce(sum(m.count), 0) FROM mentions m WHERE m.entity_id = entities.id);

CREATE INDEX entities_by_articles ON entities (articles DESC, mentions DESC, id) WHERE articles > 0;
CREATE INDEX entities_by_type_articles ON entities (type, articles DESC, mentions DESC, id) WHERE articles > 0;
