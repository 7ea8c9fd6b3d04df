-- Articles and their full-text index.
--
-- Fixed, queried fields are columns; the flexible parts of an article
-- (attribution chain, subheadings, tags, images, ...) are one JSON column, so a
-- new article field needs no migration. Times are Unix nanoseconds in UTC.
CREATE TABLE articles (
	seq             INTEGER PRIMARY KEY, -- rowid, shared with articles_fts
	id              TEXT NOT NULL UNIQUE,
	title           TEXT NOT NULL,
	lead            TEXT NOT NULL,
	body            TEXT NOT NULL,       -- JSON array of paragraphs
	publisher       TEXT NOT NULL,
	original_source TEXT NOT NULL,
	news_group      TEXT NOT NULL,
	copyright       TEXT NOT NULL,
	published       INTEGER,             -- NULL when the source gave no date
	has_clock       INTEGER NOT NULL DEFAULT 0,
	ingested        INTEGER NOT NULL,
	sort_time       INTEGER NOT NULL,    -- published, else ingested: the listing order
	url             TEXT NOT NULL,
	path            TEXT NOT NULL,
	raw_sha256      BLOB NOT NULL,       -- to tell an unchanged re-ingest without reading raw
	extra           TEXT NOT NULL,       -- JSON: attribution, subheadings, kicker, tags, ...
	raw             TEXT NOT NULL        -- last: the largest, so reading other columns skips it
);

CREATE INDEX articles_by_time ON articles (sort_time DESC, id);

-- The index holds folded, stemmed terms (search.Terms) written out separated by
-- single spaces, so the ascii tokenizer (non-ASCII bytes are token characters,
-- ASCII punctuation and spaces separate) splits exactly where Go did. It stores
-- no text of its own (content=''); contentless_delete lets a re-ingested
-- article replace its row. Columns: title; text = lead and body; alt = terms of
-- the raw text that the normalized text lacks (unrepaired spellings).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text, alt,
	content = '',
	contentless_delete = 1,
	tokenize = 'ascii'
);

-- Title matches weigh most; matches only in unrepaired spellings least.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0, 0.5)');

-- The vocabulary: every index term ever written, for query planning
-- (search.Plan asks which split or joined forms exist). FTS5's own vocabulary
-- (fts5vocab) answers that too, but counts each term's documents to do it:
-- about 0.2 ms a term here, against microseconds for this table. Terms of a
-- replaced article stay; a stale term only adds an alternative that matches nothing.
CREATE TABLE terms (term TEXT PRIMARY KEY) WITHOUT ROWID;
