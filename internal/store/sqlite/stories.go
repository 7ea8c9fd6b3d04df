package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"khabar/internal/article"
	"khabar/internal/store"
)

var _ store.StoryStore = (*DB)(nil)

// PutStoryAssignments records copy links and story assignments in one transaction.
func (db *DB) PutStoryAssignments(ctx context.Context, as []store.StoryAssignment) error {
	if err := db.check("put story assignments"); err != nil {
		return err
	}
	if len(as) == 0 {
		return nil
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return db.wrap("put story assignments", err)
	}
	defer tx.Rollback()
	var seq int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM story_assignments`).Scan(&seq); err != nil {
		return db.wrap("put story assignments", err)
	}
	put, err := tx.PrepareContext(ctx, `INSERT INTO story_assignments
		(article_id, seq, fingerprint, signature, copy_of, similarity, story_id, story_title, story_score)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (article_id) DO UPDATE SET seq = excluded.seq, fingerprint = excluded.fingerprint,
			signature = excluded.signature, copy_of = excluded.copy_of, similarity = excluded.similarity,
			story_id = excluded.story_id, story_title = excluded.story_title, story_score = excluded.story_score`)
	if err != nil {
		return db.wrap("put story assignments", err)
	}
	defer put.Close()
	for _, a := range as {
		seq++
		fp := ""
		if a.Fingerprint != 0 {
			fp = fmt.Sprintf("%016x", a.Fingerprint)
		}
		sig := a.Signature
		if sig == nil {
			sig = []byte{}
		}
		if _, err := put.ExecContext(ctx, a.ArticleID, seq, fp, sig, a.CopyOf, a.Similarity, a.Story, a.StoryTitle, a.StoryScore); err != nil {
			return db.wrap("put story assignment "+a.ArticleID, err)
		}
		for _, m := range a.Merged {
			if _, err := tx.ExecContext(ctx, `UPDATE story_assignments SET story_id = ? WHERE story_id = ?`, a.Story, m); err != nil {
				return db.wrap("merge story "+m, err)
			}
		}
		for _, mv := range a.Moved {
			if _, err := tx.ExecContext(ctx, `UPDATE story_assignments SET story_id = ? WHERE article_id = ?`, mv.Story, mv.ArticleID); err != nil {
				return db.wrap("move "+mv.ArticleID, err)
			}
		}
		if a.Supersedes != "" {
			if _, err := tx.ExecContext(ctx, `UPDATE story_assignments SET copy_of = ? WHERE copy_of = ? OR article_id = ?`,
				a.ArticleID, a.Supersedes, a.Supersedes); err != nil {
				return db.wrap("re-point copies of "+a.Supersedes, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return db.wrap("put story assignments", err)
	}
	return nil
}

// AssignedArticles returns the assigned articles in assignment order.
func (db *DB) AssignedArticles(ctx context.Context) ([]*article.Article, error) {
	if err := db.check("list assigned articles"); err != nil {
		return nil, err
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT `+prefixed("a.", articleColumns)+`
		FROM story_assignments s JOIN articles a ON a.id = s.article_id ORDER BY s.seq`)
	if err != nil {
		return nil, db.wrap("list assigned articles", err)
	}
	defer rows.Close()
	var out []*article.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, db.wrap("list assigned articles", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, db.wrap("list assigned articles", err)
	}
	return out, nil
}

const storyArticleQuery = `SELECT a.id, a.title,
		CASE WHEN a.publisher != '' THEN a.publisher ELSE a.original_source END,
		a.url, a.path, a.published, a.ingested, s.copy_of, s.similarity, s.story_id, s.story_title, s.story_score
	FROM story_assignments s JOIN articles a ON a.id = s.article_id`

// StoryArticles lists assigned articles, in assignment order.
func (db *DB) StoryArticles(ctx context.Context, since time.Time) ([]store.StoryArticle, error) {
	q := storyArticleQuery
	var args []any
	if !since.IsZero() {
		q += ` WHERE s.story_id IN (SELECT s2.story_id FROM story_assignments s2 JOIN articles a2 ON a2.id = s2.article_id
			WHERE a2.sort_time >= ?)`
		args = append(args, since.UnixNano())
	}
	return db.storyArticles(ctx, "list story articles", q+` ORDER BY s.seq`, args...)
}

// StoryArticlesOf lists one story's articles.
func (db *DB) StoryArticlesOf(ctx context.Context, storyID string) ([]store.StoryArticle, error) {
	out, err := db.storyArticles(ctx, "story "+storyID, storyArticleQuery+` WHERE s.story_id = ? ORDER BY s.seq`, storyID)
	if err == nil && len(out) == 0 {
		return nil, fmt.Errorf("story %s: %w", storyID, store.ErrNotFound)
	}
	return out, err
}

func (db *DB) storyArticles(ctx context.Context, op, q string, args ...any) ([]store.StoryArticle, error) {
	if err := db.check(op); err != nil {
		return nil, err
	}
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, db.wrap(op, err)
	}
	defer rows.Close()
	var out []store.StoryArticle
	for rows.Next() {
		var (
			sa        store.StoryArticle
			published sql.NullInt64
			ingested  int64
		)
		if err := rows.Scan(&sa.ID, &sa.Title, &sa.Source, &sa.URL, &sa.Path, &published, &ingested,
			&sa.CopyOf, &sa.Similarity, &sa.Story, &sa.StoryTitle, &sa.StoryScore); err != nil {
			return nil, db.wrap(op, err)
		}
		if published.Valid {
			sa.Published = time.Unix(0, published.Int64).UTC()
		}
		sa.Ingested = time.Unix(0, ingested).UTC()
		sa.Source = strings.TrimSpace(sa.Source)
		out = append(out, sa)
	}
	if err := rows.Err(); err != nil {
		return nil, db.wrap(op, err)
	}
	return out, nil
}
