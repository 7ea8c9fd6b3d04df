-- The per-entity queries read a mention's count beside the columns they
-- search on; with the count in the index they are index-only scans. For a
-- name in 1,231 of 1,580 articles: its co-occurring entities 13.5 ms → 3.7 ms.
DROP INDEX mentions_by_article;
CREATE INDEX mentions_by_article_count ON mentions (article_id, entity_id, count);
DROP INDEX mentions_by_entity_time;
CREATE INDEX mentions_by_entity_time_count ON mentions (entity_id, sort_time DESC, count);
