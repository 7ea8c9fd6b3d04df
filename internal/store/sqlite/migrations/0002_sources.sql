-- Sources khabar follows, the state of polling their feeds, and which
-- articles each feed delivered. Times are Unix nanoseconds in UTC.
CREATE TABLE sources (
	id   TEXT PRIMARY KEY,
	data TEXT NOT NULL -- JSON of feeds.Source: names, home URL, feeds, kind, interval
) WITHOUT ROWID;

CREATE TABLE feed_state (
	feed_url      TEXT PRIMARY KEY,
	source_id     TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_poll     INTEGER NOT NULL DEFAULT 0,
	next_poll     INTEGER NOT NULL DEFAULT 0,
	status        TEXT NOT NULL DEFAULT '',
	error         TEXT NOT NULL DEFAULT '',
	failures      INTEGER NOT NULL DEFAULT 0,
	items         INTEGER NOT NULL DEFAULT 0,
	new           INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- No foreign key to articles: an item is marked seen even when its article
-- was rejected, so a bad item is not fetched again on every poll.
CREATE TABLE feed_items (
	feed_url   TEXT NOT NULL,
	article_id TEXT NOT NULL,
	source_id  TEXT NOT NULL,
	seen       INTEGER NOT NULL,
	PRIMARY KEY (feed_url, article_id)
) WITHOUT ROWID;

CREATE INDEX feed_items_by_source ON feed_items (source_id, seen);
