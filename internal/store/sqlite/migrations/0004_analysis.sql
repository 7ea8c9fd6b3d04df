-- What the analysis stages found in each article, in tables that can be
-- queried: entities and their mentions, quotations, coded events, the topic
-- and the names of the outlets an article came through. The article's extra
-- JSON keeps the same data for rendering one article; these tables answer the
-- questions across articles (who is mentioned when, with whom, who said what,
-- who did what to whom). PutArticles rewrites an article's rows whenever it
-- rewrites the article; an article stored before this migration gets its rows
-- when the store is next opened (see backfillAnalysis). Times are Unix
-- nanoseconds in UTC; sort_time copies the article's (publication, else
-- ingestion time) so the per-entity queries need not join articles.

-- Canonical entity records, as the linker (or, for an unlinked mention, the
-- mention itself) named them. The latest article to mention an entity
-- refreshes its names.
CREATE TABLE entities (
	id      TEXT PRIMARY KEY,
	type    TEXT NOT NULL,            -- PEYMA tag: PER, ORG, LOC, ...
	name    TEXT NOT NULL,            -- Persian name
	latin   TEXT NOT NULL DEFAULT '',
	country TEXT NOT NULL DEFAULT ''  -- ISO 3166-1 alpha-3
) WITHOUT ROWID;

-- Every folded form an entity has been called by (its name, Latin name and
-- each mention's text), so the search filter entity:NAME finds «لاوروف» as
-- well as «سرگئی لاوروف» and «Lavrov».
CREATE TABLE entity_names (
	folded    TEXT NOT NULL,
	entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
	PRIMARY KEY (folded, entity_id)
) WITHOUT ROWID;

-- One row per entity and article: how often the article mentions it.
CREATE TABLE mentions (
	entity_id  TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
	article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	sort_time  INTEGER NOT NULL,
	count      INTEGER NOT NULL,
	PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;

CREATE INDEX mentions_by_entity_time ON mentions (entity_id, sort_time DESC);
-- Co-occurrence and the rewrite of one article go through the article.
CREATE INDEX mentions_by_article ON mentions (article_id, entity_id);

-- Quotations in article order (n); speaker_* is the article.Actor.
CREATE TABLE quotes (
	article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	n             INTEGER NOT NULL,
	speaker_code  TEXT NOT NULL DEFAULT '',
	speaker_id    TEXT NOT NULL DEFAULT '',
	speaker_name  TEXT NOT NULL DEFAULT '',
	speaker_latin TEXT NOT NULL DEFAULT '',
	text          TEXT NOT NULL,
	direct        INTEGER NOT NULL DEFAULT 0,
	verb          TEXT NOT NULL DEFAULT '',
	para          INTEGER NOT NULL DEFAULT 0,
	span_start    INTEGER NOT NULL DEFAULT 0,
	span_end      INTEGER NOT NULL DEFAULT 0,
	sort_time     INTEGER NOT NULL,
	PRIMARY KEY (article_id, n)
) WITHOUT ROWID;

CREATE INDEX quotes_by_speaker ON quotes (speaker_id, sort_time DESC) WHERE speaker_id != '';

-- Coded events in article order (n).
CREATE TABLE events (
	article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	n            INTEGER NOT NULL,
	source_code  TEXT NOT NULL DEFAULT '',
	source_id    TEXT NOT NULL DEFAULT '',
	source_name  TEXT NOT NULL DEFAULT '',
	source_latin TEXT NOT NULL DEFAULT '',
	target_code  TEXT NOT NULL DEFAULT '',
	target_id    TEXT NOT NULL DEFAULT '',
	target_name  TEXT NOT NULL DEFAULT '',
	target_latin TEXT NOT NULL DEFAULT '',
	action       TEXT NOT NULL DEFAULT '',
	cameo        TEXT NOT NULL DEFAULT '',
	plover       TEXT NOT NULL DEFAULT '',
	evidence     TEXT NOT NULL DEFAULT '',
	para         INTEGER NOT NULL DEFAULT 0,
	span_start   INTEGER NOT NULL DEFAULT 0,
	span_end     INTEGER NOT NULL DEFAULT 0,
	sort_time    INTEGER NOT NULL,
	PRIMARY KEY (article_id, n)
) WITHOUT ROWID;

CREATE INDEX events_by_time ON events (sort_time DESC);
CREATE INDEX events_by_source_code ON events (source_code, sort_time DESC);
CREATE INDEX events_by_target_code ON events (target_code, sort_time DESC);
CREATE INDEX events_by_source_id ON events (source_id) WHERE source_id != '';
CREATE INDEX events_by_target_id ON events (target_id) WHERE target_id != '';
CREATE INDEX events_by_cameo ON events (cameo, sort_time DESC);
CREATE INDEX events_by_plover ON events (plover, sort_time DESC);

-- One row per article (also when it has no category: the row marks the
-- article as carried over into these tables). A separate table rather than a
-- column of articles, whose last column (raw) is large.
CREATE TABLE article_facts (
	article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	category   TEXT NOT NULL DEFAULT '',
	sort_time  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX article_facts_by_category ON article_facts (category, sort_time DESC) WHERE category != '';

-- Folded names of the outlets an article came through (publisher, original
-- source, every link of the attribution chain), for the search filter source:.
CREATE TABLE article_sources (
	article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	PRIMARY KEY (article_id, name)
) WITHOUT ROWID;
