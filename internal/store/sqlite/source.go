package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"khabar/internal/feeds"
	"khabar/internal/store"
)

var _ store.SourceStore = (*DB)(nil)

// PutSource inserts or replaces a source. Feed state of feeds the source no
// longer lists is dropped.
func (db *DB) PutSource(ctx context.Context, s feeds.Source) error {
	if err := db.check("put source"); err != nil {
		return err
	}
	if err := s.Validate(); err != nil {
		return fmt.Errorf("put source: %w", err)
	}
	data, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("put source %s: %w", s.ID, err)
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return db.wrap("put source", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO sources (id, data) VALUES (?, ?)
		ON CONFLICT (id) DO UPDATE SET data = excluded.data`, s.ID, string(data)); err != nil {
		return db.wrap("put source "+s.ID, err)
	}
	args := []any{s.ID}
	marks := make([]string, len(s.Feeds))
	for i, f := range s.Feeds {
		marks[i] = "?"
		args = append(args, f)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM feed_state WHERE source_id = ? AND feed_url NOT IN (`+strings.Join(marks, ",")+`)`, args...); err != nil {
		return db.wrap("put source "+s.ID, err)
	}
	return db.wrap2("put source "+s.ID, tx.Commit())
}

func (db *DB) wrap2(op string, err error) error {
	if err == nil {
		return nil
	}
	return db.wrap(op, err)
}

func (db *DB) Source(ctx context.Context, id string) (feeds.Source, error) {
	var s feeds.Source
	if err := db.check("source"); err != nil {
		return s, err
	}
	var data string
	err := db.sql.QueryRowContext(ctx, `SELECT data FROM sources WHERE id = ?`, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return s, fmt.Errorf("source %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return s, db.wrap("source "+id, err)
	}
	if err := json.Unmarshal([]byte(data), &s); err != nil {
		return s, fmt.Errorf("source %s: %w", id, err)
	}
	return s, nil
}

func (db *DB) Sources(ctx context.Context) ([]feeds.Source, error) {
	if err := db.check("sources"); err != nil {
		return nil, err
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT data FROM sources ORDER BY id`)
	if err != nil {
		return nil, db.wrap("sources", err)
	}
	defer rows.Close()
	var out []feeds.Source
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, db.wrap("sources", err)
		}
		var s feeds.Source
		if err := json.Unmarshal([]byte(data), &s); err != nil {
			return nil, fmt.Errorf("sources: %w", err)
		}
		out = append(out, s)
	}
	return out, db.wrap2("sources", rows.Err())
}

func (db *DB) DeleteSource(ctx context.Context, id string) error {
	if err := db.check("delete source"); err != nil {
		return err
	}
	res, err := db.sql.ExecContext(ctx, `DELETE FROM sources WHERE id = ?`, id)
	if err != nil {
		return db.wrap("delete source "+id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("delete source %q: %w", id, store.ErrNotFound)
	}
	return nil
}

const feedStateColumns = `feed_url, source_id, etag, last_modified, last_poll, next_poll, status, error, failures, items, new`

func scanFeedState(sc interface{ Scan(...any) error }) (store.FeedState, error) {
	var st store.FeedState
	var last, next int64
	err := sc.Scan(&st.FeedURL, &st.SourceID, &st.ETag, &st.LastModified, &last, &next, &st.Status, &st.Error, &st.Failures, &st.Items, &st.New)
	if last != 0 {
		st.LastPoll = time.Unix(0, last).UTC()
	}
	if next != 0 {
		st.NextPoll = time.Unix(0, next).UTC()
	}
	return st, err
}

func nanos(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UTC().UnixNano()
}

func (db *DB) FeedState(ctx context.Context, feedURL string) (store.FeedState, error) {
	if err := db.check("feed state"); err != nil {
		return store.FeedState{}, err
	}
	st, err := scanFeedState(db.sql.QueryRowContext(ctx, `SELECT `+feedStateColumns+` FROM feed_state WHERE feed_url = ?`, feedURL))
	if errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("feed state %s: %w", feedURL, store.ErrNotFound)
	}
	if err != nil {
		return st, db.wrap("feed state "+feedURL, err)
	}
	return st, nil
}

func (db *DB) PutFeedState(ctx context.Context, st store.FeedState) error {
	if err := db.check("put feed state"); err != nil {
		return err
	}
	_, err := db.sql.ExecContext(ctx, `INSERT INTO feed_state (`+feedStateColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (feed_url) DO UPDATE SET source_id = excluded.source_id, etag = excluded.etag,
		last_modified = excluded.last_modified, last_poll = excluded.last_poll, next_poll = excluded.next_poll,
		status = excluded.status, error = excluded.error, failures = excluded.failures, items = excluded.items, new = excluded.new`,
		st.FeedURL, st.SourceID, st.ETag, st.LastModified, nanos(st.LastPoll), nanos(st.NextPoll), st.Status, st.Error, st.Failures, st.Items, st.New)
	return db.wrap2("put feed state "+st.FeedURL, err)
}

func (db *DB) FeedStates(ctx context.Context) ([]store.FeedState, error) {
	if err := db.check("feed states"); err != nil {
		return nil, err
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT `+feedStateColumns+` FROM feed_state ORDER BY source_id, feed_url`)
	if err != nil {
		return nil, db.wrap("feed states", err)
	}
	defer rows.Close()
	var out []store.FeedState
	for rows.Next() {
		st, err := scanFeedState(rows)
		if err != nil {
			return nil, db.wrap("feed states", err)
		}
		out = append(out, st)
	}
	return out, db.wrap2("feed states", rows.Err())
}

// seenChunk keeps IN lists under SQLite's variable limit.
const seenChunk = 500

func (db *DB) SeenItems(ctx context.Context, feedURL string, ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	if err := db.check("seen items"); err != nil {
		return out, err
	}
	for start := 0; start < len(ids); start += seenChunk {
		part := ids[start:min(len(ids), start+seenChunk)]
		args := []any{feedURL}
		for _, id := range part {
			args = append(args, id)
		}
		rows, err := db.sql.QueryContext(ctx, `SELECT article_id FROM feed_items WHERE feed_url = ? AND article_id IN (`+
			strings.TrimSuffix(strings.Repeat("?,", len(part)), ",")+`)`, args...)
		if err != nil {
			return out, db.wrap("seen items", err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return out, db.wrap("seen items", err)
			}
			out[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return out, db.wrap("seen items", err)
		}
	}
	return out, nil
}

func (db *DB) MarkSeen(ctx context.Context, sourceID, feedURL string, ids []string, at time.Time) error {
	if err := db.check("mark seen"); err != nil {
		return err
	}
	if len(ids) == 0 {
		return nil
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return db.wrap("mark seen", err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, `INSERT INTO feed_items (feed_url, article_id, source_id, seen) VALUES (?, ?, ?, ?)
		ON CONFLICT DO NOTHING`)
	if err != nil {
		return db.wrap("mark seen", err)
	}
	defer st.Close()
	for _, id := range ids {
		if _, err := st.ExecContext(ctx, feedURL, id, sourceID, nanos(at)); err != nil {
			return db.wrap("mark seen", err)
		}
	}
	return db.wrap2("mark seen", tx.Commit())
}

func (db *DB) SourceArticles(ctx context.Context, since time.Time) (map[string]int, error) {
	out := map[string]int{}
	if err := db.check("source articles"); err != nil {
		return out, err
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT source_id, count(DISTINCT article_id) FROM feed_items WHERE seen >= ? GROUP BY source_id`, nanos(since))
	if err != nil {
		return out, db.wrap("source articles", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return out, db.wrap("source articles", err)
		}
		out[id] = n
	}
	return out, db.wrap2("source articles", rows.Err())
}
