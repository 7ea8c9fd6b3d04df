package sqlite

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"khabar/internal/article"
	"khabar/internal/search"
	"khabar/internal/store"
)

// extra is the JSON column: the article fields that are read and written whole.
type extra struct {
	Attribution []article.Attribution `json:"attribution"`
	Subheadings []string              `json:"subheadings"`
	Kicker      string                `json:"kicker,omitempty"`
	Tags        []string              `json:"tags"`
	Section     string                `json:"section,omitempty"`
	Category    string                `json:"category,omitempty"`
	Entities    []article.Entity      `json:"entities,omitempty"`
	Quotes      []article.Quote       `json:"quotes,omitempty"`
	Events      []article.Event       `json:"events,omitempty"`
	Author      string                `json:"author,omitempty"`
	NewsID      string                `json:"news_id,omitempty"`
	Images      []article.Image       `json:"images"`
}

const articleColumns = `id, title, lead, body, publisher, original_source, news_group, copyright,
	published, has_clock, ingested, url, path, raw, extra`

// PutArticles stores a batch in one transaction: article rows and index rows
// together, so a failure anywhere leaves the database as it was.
func (db *DB) PutArticles(ctx context.Context, arts []*article.Article) (store.PutResult, error) {
	var res store.PutResult
	if err := db.check("put articles"); err != nil {
		return res, err
	}
	if len(arts) == 0 {
		return res, nil
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return res, db.wrap("put articles: begin", err)
	}
	defer tx.Rollback()
	st, err := prepareWrites(ctx, tx)
	if err != nil {
		return res, db.wrap("put articles: prepare", err)
	}
	defer st.close()
	now := time.Now().UnixNano()
	terms := map[string]bool{}
	for i, a := range arts {
		what := func() string {
			if a == nil {
				return fmt.Sprintf("put articles: article %d of %d", i+1, len(arts))
			}
			return fmt.Sprintf("put articles: article %d of %d (id %q)", i+1, len(arts), a.ID)
		}
		if err := validate(a); err != nil {
			return store.PutResult{}, fmt.Errorf("%s: %w", what(), err)
		}
		outcome, err := st.put(ctx, a, now, terms)
		if err != nil {
			return store.PutResult{}, db.wrap(what(), err)
		}
		switch outcome {
		case putNew:
			res.New++
			res.NewIDs = append(res.NewIDs, a.ID)
		case putUpdated:
			res.Updated++
			res.NewIDs = append(res.NewIDs, a.ID)
		case putUnchanged:
			res.Unchanged++
		}
	}
	if err := st.analysis.flush(ctx); err != nil {
		return store.PutResult{}, db.wrap("put articles", err)
	}
	if len(terms) > 0 {
		// One statement for the batch's vocabulary: SQLite walks the JSON
		// array itself, much faster than one Exec a term.
		list := make([]string, 0, len(terms))
		for t := range terms {
			list = append(list, t)
		}
		js, err := json.Marshal(list)
		if err != nil {
			return store.PutResult{}, fmt.Errorf("put articles: vocabulary: %w", err)
		}
		if _, err := st.term.ExecContext(ctx, string(js)); err != nil {
			return store.PutResult{}, db.wrap("put articles: vocabulary", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return store.PutResult{}, db.wrap("put articles: commit", err)
	}
	return res, nil
}

func validate(a *article.Article) error {
	switch {
	case a == nil:
		return errors.New("nil article")
	case a.ID == "":
		return errors.New("empty id")
	case !utf8.ValidString(a.ID):
		return errors.New("id is not valid UTF-8")
	}
	return nil
}

type putOutcome int

const (
	putNew putOutcome = iota
	putUpdated
	putUnchanged
)

// writes holds the statements of one PutArticles transaction.
type writes struct {
	lookup, insert, update, ftsDelete, ftsInsert, term *sql.Stmt
	analysis                                           *analysisWrites
}

func prepareWrites(ctx context.Context, tx *sql.Tx) (*writes, error) {
	w := &writes{}
	for _, p := range []struct {
		st  **sql.Stmt
		sql string
	}{
		{&w.lookup, `SELECT seq, raw_sha256, ingested FROM articles WHERE id = ?`},
		{&w.insert, `INSERT INTO articles (id, title, lead, body, publisher, original_source, news_group, copyright,
			published, has_clock, ingested, sort_time, url, path, raw, raw_sha256, extra)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&w.update, `UPDATE articles SET title = ?, lead = ?, body = ?, publisher = ?, original_source = ?,
			news_group = ?, copyright = ?, published = ?, has_clock = ?, sort_time = ?, url = ?, path = ?,
			raw = ?, raw_sha256 = ?, extra = ? WHERE seq = ?`},
		{&w.ftsDelete, `DELETE FROM articles_fts WHERE rowid = ?`},
		{&w.ftsInsert, `INSERT INTO articles_fts (rowid, title, text, alt) VALUES (?, ?, ?, ?)`},
		{&w.term, `INSERT OR IGNORE INTO terms (term) SELECT value FROM json_each(?)`},
	} {
		st, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			w.close()
			return nil, err
		}
		*p.st = st
	}
	an, err := prepareAnalysisWrites(ctx, tx)
	if err != nil {
		w.close()
		return nil, err
	}
	w.analysis = an
	return w, nil
}

func (w *writes) close() {
	for _, st := range []*sql.Stmt{w.lookup, w.insert, w.update, w.ftsDelete, w.ftsInsert, w.term} {
		if st != nil {
			st.Close()
		}
	}
	if w.analysis != nil {
		w.analysis.close()
	}
}

// put writes one article and its index row, and adds its terms to terms.
func (w *writes) put(ctx context.Context, a *article.Article, now int64, terms map[string]bool) (putOutcome, error) {
	sum := sha256.Sum256([]byte(a.Raw))
	var (
		seq      int64
		oldSum   []byte
		ingested int64
	)
	err := w.lookup.QueryRowContext(ctx, a.ID).Scan(&seq, &oldSum, &ingested)
	found := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	if found && bytes.Equal(oldSum, sum[:]) {
		return putUnchanged, nil
	}
	body, err := json.Marshal(a.Body)
	if err != nil {
		return 0, fmt.Errorf("encode body: %w", err)
	}
	ex, err := json.Marshal(extra{
		Attribution: a.Attribution, Subheadings: a.Subheadings, Kicker: a.Kicker, Tags: a.Tags,
		Section: a.Section, Category: a.Category, Entities: a.Entities, Quotes: a.Quotes, Events: a.Events,
		Author: a.Author, NewsID: a.NewsID, Images: a.Images,
	})
	if err != nil {
		return 0, fmt.Errorf("encode fields: %w", err)
	}
	var published sql.NullInt64
	var hasClock bool
	if a.Published != nil {
		published = sql.NullInt64{Int64: a.Published.Time.UnixNano(), Valid: true}
		hasClock = a.Published.HasClock
	}
	if !found {
		ingested = now
	}
	sortTime := ingested
	if published.Valid {
		sortTime = published.Int64
	}
	if found {
		if _, err := w.update.ExecContext(ctx, a.Title, a.Lead, string(body), a.Publisher, a.OriginalSource,
			a.NewsGroup, a.Copyright, published, hasClock, sortTime, a.URL, a.Path, a.Raw, sum[:], string(ex), seq); err != nil {
			return 0, err
		}
		if _, err := w.ftsDelete.ExecContext(ctx, seq); err != nil {
			return 0, fmt.Errorf("unindex: %w", err)
		}
	} else {
		r, err := w.insert.ExecContext(ctx, a.ID, a.Title, a.Lead, string(body), a.Publisher, a.OriginalSource,
			a.NewsGroup, a.Copyright, published, hasClock, ingested, sortTime, a.URL, a.Path, a.Raw, sum[:], string(ex))
		if err != nil {
			return 0, err
		}
		if seq, err = r.LastInsertId(); err != nil {
			return 0, err
		}
	}
	f := search.IndexFields(a, func(t string) { terms[t] = true })
	if _, err := w.ftsInsert.ExecContext(ctx, seq, f.Title, f.Text, f.Alt); err != nil {
		return 0, fmt.Errorf("index: %w", err)
	}
	if err := w.analysis.put(ctx, a, sortTime, !found); err != nil {
		return 0, err
	}
	if found {
		return putUpdated, nil
	}
	return putNew, nil
}

// Article returns one article by id.
func (db *DB) Article(ctx context.Context, id string) (*article.Article, error) {
	if err := db.check("article"); err != nil {
		return nil, err
	}
	row := db.sql.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, db.wrap(fmt.Sprintf("article %q", id), err)
	}
	return a, nil
}

// Articles lists articles newest first: by publication time, else ingestion time.
func (db *DB) Articles(ctx context.Context, q store.ListQuery) ([]*article.Article, error) {
	if err := db.check("list articles"); err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	var where []string
	var args []any
	if !q.Since.IsZero() {
		where = append(where, "sort_time >= ?")
		args = append(args, q.Since.UnixNano())
	}
	if !q.Until.IsZero() {
		where = append(where, "sort_time < ?")
		args = append(args, q.Until.UnixNano())
	}
	query := `SELECT ` + articleColumns + ` FROM articles`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY sort_time DESC, id LIMIT ? OFFSET ?"
	args = append(args, limit, max(q.Offset, 0))
	rows, err := db.sql.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, db.wrap("list articles", err)
	}
	defer rows.Close()
	var out []*article.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, db.wrap("list articles", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, db.wrap("list articles", err)
	}
	return out, nil
}

// CountArticles returns how many articles are stored.
func (db *DB) CountArticles(ctx context.Context) (int, error) {
	if err := db.check("count articles"); err != nil {
		return 0, err
	}
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, db.wrap("count articles", err)
	}
	return n, nil
}

type scanner interface{ Scan(dest ...any) error }

// scanArticle reads one row of articleColumns.
func scanArticle(r scanner) (*article.Article, error) {
	var (
		a         article.Article
		body, ex  string
		published sql.NullInt64
		hasClock  bool
		ingested  int64
	)
	if err := r.Scan(&a.ID, &a.Title, &a.Lead, &body, &a.Publisher, &a.OriginalSource, &a.NewsGroup, &a.Copyright,
		&published, &hasClock, &ingested, &a.URL, &a.Path, &a.Raw, &ex); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(body), &a.Body); err != nil {
		return nil, fmt.Errorf("article %q: decode body: %w", a.ID, err)
	}
	var e extra
	if err := json.Unmarshal([]byte(ex), &e); err != nil {
		return nil, fmt.Errorf("article %q: decode fields: %w", a.ID, err)
	}
	a.Attribution, a.Subheadings, a.Kicker, a.Tags = e.Attribution, e.Subheadings, e.Kicker, e.Tags
	a.Section, a.Category, a.Author, a.NewsID, a.Images = e.Section, e.Category, e.Author, e.NewsID, e.Images
	a.Entities, a.Quotes, a.Events = e.Entities, e.Quotes, e.Events
	if published.Valid {
		a.Published = &article.Date{Time: time.Unix(0, published.Int64).UTC(), HasClock: hasClock}
	}
	a.Ingested = time.Unix(0, ingested).UTC()
	return &a, nil
}
