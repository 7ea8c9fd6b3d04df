-- Copy detection and story clustering results, one row per article
-- (internal/stories.Engine decides; this table remembers). seq is the order the
-- engine saw the articles in, so it can be rebuilt by replaying them.
CREATE TABLE story_assignments (
	article_id  TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL UNIQUE,
	fingerprint TEXT NOT NULL,           -- hex of the content hash, '' when too short
	signature   BLOB NOT NULL,           -- copies.Signature: MinHash values and sizes
	copy_of     TEXT NOT NULL DEFAULT '', -- id of the earliest known version, '' for an original
	similarity  REAL NOT NULL DEFAULT 0,
	story_id    TEXT NOT NULL,
	story_title TEXT NOT NULL DEFAULT '', -- the story's title as of this assignment
	story_score REAL NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE INDEX story_assignments_by_story ON story_assignments (story_id);
CREATE INDEX story_assignments_by_copy ON story_assignments (copy_of) WHERE copy_of != '';
CREATE INDEX story_assignments_by_fingerprint ON story_assignments (fingerprint) WHERE fingerprint != '';
