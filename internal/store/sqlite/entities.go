package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"khabar/internal/article"
	"khabar/internal/persian"
	"khabar/internal/store"
)

var _ store.EntityStore = (*DB)(nil)

// Entity returns one entity record with its counts.
func (db *DB) Entity(ctx context.Context, id string) (store.EntityRecord, error) {
	var e store.EntityRecord
	op := fmt.Sprintf("entity %q", id)
	if err := db.check(op); err != nil {
		return e, err
	}
	err := db.sql.QueryRowContext(ctx, `SELECT id, type, name, latin, country, articles, mentions
		FROM entities WHERE id = ?`, id).
		Scan(&e.ID, &e.Type, &e.Name, &e.Latin, &e.Country, &e.Articles, &e.Mentions)
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("%s: %w", op, store.ErrNotFound)
	}
	if err != nil {
		return e, db.wrap(op, err)
	}
	return e, nil
}

// TopEntities lists the entities mentioned in the most articles.
func (db *DB) TopEntities(ctx context.Context, typ string, limit int) ([]store.EntityRecord, error) {
	if err := db.check("top entities"); err != nil {
		return nil, err
	}
	// The counts live on the records (see analysisWrites.flush), so this
	// reads the top of an index.
	q := `SELECT id, type, name, latin, country, articles, mentions FROM entities WHERE articles > 0`
	args := []any{}
	if typ != "" {
		q += ` AND type = ?`
		args = append(args, strings.ToUpper(typ))
	}
	q += ` ORDER BY articles DESC, mentions DESC, id LIMIT ?`
	args = append(args, pageSize(limit))
	return db.entityList(ctx, "top entities", q, args...)
}

// coEntityWindow bounds how many of an entity's articles (the latest) are
// read for its co-occurring entities, so the entity page of a name in every
// other article stays fast on a large store.
const coEntityWindow = 500

// CoEntities lists the entities that share the most of id's latest
// coEntityWindow articles with it. Counting happens on entity ids alone; only
// the page's records are read.
func (db *DB) CoEntities(ctx context.Context, id string, limit int) ([]store.EntityRecord, error) {
	op := fmt.Sprintf("entities with %q", id)
	if err := db.check(op); err != nil {
		return nil, err
	}
	return db.entityList(ctx, op, `WITH recent AS (
			SELECT article_id FROM mentions WHERE entity_id = ?1 ORDER BY sort_time DESC LIMIT ?2),
		co AS (
			SELECT o.entity_id AS id, count(*) AS n, sum(o.count) AS m
			FROM recent r JOIN mentions o ON o.article_id = r.article_id
			WHERE o.entity_id != ?1
			GROUP BY o.entity_id ORDER BY n DESC, m DESC, o.entity_id LIMIT ?3)
		SELECT e.id, e.type, e.name, e.latin, e.country, co.n, co.m
		FROM co JOIN entities e ON e.id = co.id ORDER BY co.n DESC, co.m DESC, co.id`, id, coEntityWindow, pageSize(limit))
}

func (db *DB) entityList(ctx context.Context, op, q string, args ...any) ([]store.EntityRecord, error) {
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, db.wrap(op, err)
	}
	defer rows.Close()
	var out []store.EntityRecord
	for rows.Next() {
		var e store.EntityRecord
		if err := rows.Scan(&e.ID, &e.Type, &e.Name, &e.Latin, &e.Country, &e.Articles, &e.Mentions); err != nil {
			return nil, db.wrap(op, err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, db.wrap(op, err)
	}
	return out, nil
}

// EntityTimeline counts an entity's mentions per Tehran day, in dated
// articles. The days are cut
// in Go: Tehran's offset has changed over the years (daylight saving until
// 2022), which SQLite's date functions do not know.
func (db *DB) EntityTimeline(ctx context.Context, id string) ([]store.DayCount, error) {
	op := fmt.Sprintf("timeline of %q", id)
	if err := db.check(op); err != nil {
		return nil, err
	}
	// Only dated articles: an undated one sorts by when it was ingested,
	// which says nothing of when the entity was in the news.
	rows, err := db.sql.QueryContext(ctx, `SELECT m.sort_time, m.count FROM mentions m
		JOIN articles a ON a.id = m.article_id
		WHERE m.entity_id = ? AND a.published IS NOT NULL ORDER BY m.sort_time`, id)
	if err != nil {
		return nil, db.wrap(op, err)
	}
	defer rows.Close()
	var out []store.DayCount
	for rows.Next() {
		var at int64
		var n int
		if err := rows.Scan(&at, &n); err != nil {
			return nil, db.wrap(op, err)
		}
		t := time.Unix(0, at).In(persian.Tehran)
		day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, persian.Tehran)
		if k := len(out) - 1; k >= 0 && out[k].Day.Equal(day) {
			out[k].Articles++
			out[k].Mentions += n
			continue
		}
		out = append(out, store.DayCount{Day: day, Articles: 1, Mentions: n})
	}
	if err := rows.Err(); err != nil {
		return nil, db.wrap(op, err)
	}
	return out, nil
}

// EntityArticles lists the articles that mention an entity, newest first.
func (db *DB) EntityArticles(ctx context.Context, id string, q store.ListQuery) ([]*article.Article, error) {
	op := fmt.Sprintf("articles of %q", id)
	if err := db.check(op); err != nil {
		return nil, err
	}
	where := []string{"m.entity_id = ?"}
	args := []any{id}
	if !q.Since.IsZero() {
		where = append(where, "m.sort_time >= ?")
		args = append(args, q.Since.UnixNano())
	}
	if !q.Until.IsZero() {
		where = append(where, "m.sort_time < ?")
		args = append(args, q.Until.UnixNano())
	}
	args = append(args, pageSize(q.Limit), max(q.Offset, 0))
	rows, err := db.sql.QueryContext(ctx, `SELECT `+hitColumns+` FROM mentions m JOIN articles a ON a.id = m.article_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY m.sort_time DESC, a.id LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, db.wrap(op, err)
	}
	defer rows.Close()
	var out []*article.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, db.wrap(op, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, db.wrap(op, err)
	}
	return out, nil
}

// Quotes lists what a speaker said, newest first.
func (db *DB) Quotes(ctx context.Context, speakerID string, limit int) ([]store.QuoteRecord, error) {
	op := fmt.Sprintf("quotes of %q", speakerID)
	if err := db.check(op); err != nil {
		return nil, err
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT q.speaker_code, q.speaker_id, q.speaker_name, q.speaker_latin,
			q.text, q.direct, q.verb, q.para, q.span_start, q.span_end, q.article_id, a.title, q.sort_time
		FROM quotes q JOIN articles a ON a.id = q.article_id
		WHERE q.speaker_id = ? AND q.speaker_id != ''
		ORDER BY q.sort_time DESC, q.article_id, q.n LIMIT ?`, speakerID, pageSize(limit))
	if err != nil {
		return nil, db.wrap(op, err)
	}
	defer rows.Close()
	var out []store.QuoteRecord
	for rows.Next() {
		var r store.QuoteRecord
		var at int64
		s := &r.Speaker
		if err := rows.Scan(&s.Code, &s.ID, &s.Name, &s.Latin, &r.Text, &r.Direct, &r.Verb,
			&r.Para, &r.Start, &r.End, &r.ArticleID, &r.ArticleTitle, &at); err != nil {
			return nil, db.wrap(op, err)
		}
		r.Time = time.Unix(0, at).UTC()
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, db.wrap(op, err)
	}
	return out, nil
}

// Events lists coded events, newest first, then in article order.
func (db *DB) Events(ctx context.Context, q store.EventQuery) ([]store.EventRecord, error) {
	if err := db.check("events"); err != nil {
		return nil, err
	}
	named, err := db.actorNamed(ctx, q.Actor)
	if err != nil {
		return nil, db.wrap("events", err)
	}
	from, where, args := eventWhere(q, named)
	query := `SELECT e.source_code, e.source_id, e.source_name, e.source_latin,
			e.target_code, e.target_id, e.target_name, e.target_latin, e.action, e.cameo, e.plover, e.evidence,
			e.para, e.span_start, e.span_end, e.article_id, a.title, e.sort_time
		FROM ` + from + ` JOIN articles a ON a.id = e.article_id` + where +
		` ORDER BY e.sort_time DESC, e.article_id, e.n LIMIT ? OFFSET ?`
	args = append(args, pageSize(q.Limit), max(q.Offset, 0))
	rows, err := db.sql.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, db.wrap("events", err)
	}
	defer rows.Close()
	var out []store.EventRecord
	for rows.Next() {
		var r store.EventRecord
		var at int64
		s, t := &r.Source, &r.Target
		if err := rows.Scan(&s.Code, &s.ID, &s.Name, &s.Latin, &t.Code, &t.ID, &t.Name, &t.Latin,
			&r.Action, &r.CAMEO, &r.PLOVER, &r.Evidence, &r.Para, &r.Start, &r.End,
			&r.ArticleID, &r.ArticleTitle, &at); err != nil {
			return nil, db.wrap("events", err)
		}
		r.Time = time.Unix(0, at).UTC()
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, db.wrap("events", err)
	}
	return out, nil
}

// CountEvents counts the events Events would list without a limit.
func (db *DB) CountEvents(ctx context.Context, q store.EventQuery) (int, error) {
	if err := db.check("count events"); err != nil {
		return 0, err
	}
	named, err := db.actorNamed(ctx, q.Actor)
	if err != nil {
		return 0, db.wrap("count events", err)
	}
	from, where, args := eventWhere(q, named)
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM `+from+where, args...).Scan(&n); err != nil {
		return 0, db.wrap("count events", err)
	}
	return n, nil
}

// actorNamed resolves an actor filter as an entity name (see resolveEntity):
// the events page takes «لاوروف» as well as «RUSGOV» and «sergey-lavrov».
func (db *DB) actorNamed(ctx context.Context, actor string) ([]string, error) {
	if actor == "" {
		return nil, nil
	}
	return db.resolveEntity(ctx, actor)
}

// eventWhere is the FROM and WHERE clauses (the latter with a leading space,
// or empty) of an event query, the events table aliased e; named are the
// entities the actor filter names.
//
// The actor and entity filters are sets of (article_id, n) read through one
// index each — source and target ids, source and target code ranges — and
// the query starts from that set. An OR across the columns, or an IN list
// checked while walking events by time, makes SQLite scan every event.
func eventWhere(q store.EventQuery, named []string) (from, where string, args []any) {
	var sets []string
	if q.Actor != "" {
		// Codes are upper case; a prefix match through the range [p, p+"\xff")
		// uses the code indexes, where LIKE would not. An id match says
		// id != '' so the partial indexes apply.
		p := strings.ToUpper(q.Actor)
		ids := append([]string{q.Actor}, named...)
		in := "(?" + strings.Repeat(", ?", len(ids)-1) + ")"
		sets = append(sets, `SELECT article_id, n FROM (
			SELECT article_id, n FROM events WHERE source_id IN `+in+` AND source_id != ''
			UNION SELECT article_id, n FROM events WHERE target_id IN `+in+` AND target_id != ''
			UNION SELECT article_id, n FROM events WHERE source_code >= ? AND source_code < ?
			UNION SELECT article_id, n FROM events WHERE target_code >= ? AND target_code < ?)`)
		for range 2 {
			for _, id := range ids {
				args = append(args, id)
			}
		}
		args = append(args, p, p+"\xff", p, p+"\xff")
	}
	if q.Entity != "" {
		sets = append(sets, `SELECT article_id, n FROM (
			SELECT article_id, n FROM events WHERE source_id = ? AND source_id != ''
			UNION SELECT article_id, n FROM events WHERE target_id = ? AND target_id != '')`)
		args = append(args, q.Entity, q.Entity)
	}
	from = `events e`
	if len(sets) > 0 {
		from = `(` + strings.Join(sets, " INTERSECT ") + `) m JOIN events e ON e.article_id = m.article_id AND e.n = m.n`
	}
	var conds []string
	if c := strings.ToUpper(q.Code); c != "" {
		if isDigits(c) {
			conds = append(conds, `e.cameo >= ? AND e.cameo < ?`)
			args = append(args, c, c+"\xff")
		} else {
			conds = append(conds, `e.plover = ?`)
			args = append(args, c)
		}
	}
	if !q.Since.IsZero() {
		conds = append(conds, "e.sort_time >= ?")
		args = append(args, q.Since.UnixNano())
	}
	if !q.Until.IsZero() {
		conds = append(conds, "e.sort_time < ?")
		args = append(args, q.Until.UnixNano())
	}
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	return from, where, args
}

// Categories counts the articles of each topic, most first.
func (db *DB) Categories(ctx context.Context) ([]store.CategoryCount, error) {
	if err := db.check("categories"); err != nil {
		return nil, err
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT category, count(*) AS n FROM article_facts
		WHERE category != '' GROUP BY category ORDER BY n DESC, category`)
	if err != nil {
		return nil, db.wrap("categories", err)
	}
	defer rows.Close()
	var out []store.CategoryCount
	for rows.Next() {
		var c store.CategoryCount
		if err := rows.Scan(&c.Category, &c.Articles); err != nil {
			return nil, db.wrap("categories", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, db.wrap("categories", err)
	}
	return out, nil
}

// maxResolvedEntities bounds how many entities one entity: filter can mean
// when it names them by a word of their names.
const maxResolvedEntities = 50

// resolveEntity turns what a user wrote after entity: into entity ids: the
// id itself when it is one, else every entity called by exactly that name
// (folded, so spelling variants and Latin case meet), else every entity one
// of whose names holds it as whole words («Lavrov» finds «Sergey Lavrov»).
func (db *DB) resolveEntity(ctx context.Context, v string) ([]string, error) {
	var id string
	err := db.sql.QueryRowContext(ctx, `SELECT id FROM entities WHERE id = ?`, v).Scan(&id)
	if err == nil {
		return []string{id}, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	f := persian.Fold(v)
	if f == "" {
		return nil, nil
	}
	ids, err := db.entityIDs(ctx, `SELECT entity_id FROM entity_names WHERE folded = ? ORDER BY entity_id`, f)
	if err != nil || len(ids) > 0 {
		return ids, err
	}
	// Folded names hold letters, digits and single spaces only, so the
	// pattern needs no escaping.
	return db.entityIDs(ctx, `SELECT DISTINCT entity_id FROM entity_names WHERE ' ' || folded || ' ' LIKE ?
		ORDER BY entity_id LIMIT ?`, "% "+f+" %", maxResolvedEntities)
}

func (db *DB) entityIDs(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// pageSize is a list's limit, store.DefaultLimit when none is given.
func pageSize(limit int) int {
	if limit <= 0 {
		return store.DefaultLimit
	}
	return limit
}
