package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"khabar/internal/article"
	"khabar/internal/persian"
	"khabar/internal/store"
)

// The analysis tables (migration 0004) hold, per article, its entity
// mentions, quotes, events, category and source names. They are derived from
// the article alone, so writing them is: delete the article's rows, insert
// the new ones, in the transaction that writes the article.

// analysisWrites holds the statements that write the analysis tables, and
// what this transaction already wrote to the shared tables (entity records
// and names), since the same entity recurs in most articles of a batch.
type analysisWrites struct {
	del                                            []*sql.Stmt
	entity, name, mention, quote, event, fact, src *sql.Stmt
	oldMentions, bump                              *sql.Stmt
	entities                                       map[entityRow]bool
	names                                          map[[2]string]bool
	// counts are the changes to entities.articles and .mentions this
	// transaction made, applied once per entity by flush.
	counts map[string]*[2]int
}

// entityRow is one write of an entity record.
type entityRow struct {
	id, typ, name, latin, country string
	linked                        bool
}

// analysisTables are the tables an article's analysis rows live in.
var analysisTables = []string{"mentions", "quotes", "events", "article_facts", "article_sources"}

func prepareAnalysisWrites(ctx context.Context, tx *sql.Tx) (*analysisWrites, error) {
	w := &analysisWrites{entities: map[entityRow]bool{}, names: map[[2]string]bool{}, counts: map[string]*[2]int{}}
	for _, t := range analysisTables {
		st, err := tx.PrepareContext(ctx, `DELETE FROM `+t+` WHERE article_id = ?`)
		if err != nil {
			w.close()
			return nil, err
		}
		w.del = append(w.del, st)
	}
	for _, p := range []struct {
		st  **sql.Stmt
		sql string
	}{
		// A linked record's names come from the newest write (the gazetteer
		// may have improved); an unlinked one keeps the spelling it was first
		// stored with (?6 says linked). An empty field never blanks a known one.
		{&w.entity, `INSERT INTO entities (id, type, name, latin, country) VALUES (?1, ?2, ?3, ?4, ?5)
			ON CONFLICT (id) DO UPDATE SET
				type = CASE WHEN ?6 AND excluded.type != '' THEN excluded.type ELSE type END,
				name = CASE WHEN ?6 AND excluded.name != '' THEN excluded.name ELSE name END,
				latin = CASE WHEN excluded.latin != '' THEN excluded.latin ELSE latin END,
				country = CASE WHEN excluded.country != '' THEN excluded.country ELSE country END`},
		{&w.name, `INSERT OR IGNORE INTO entity_names (folded, entity_id) VALUES (?, ?)`},
		{&w.mention, `INSERT INTO mentions (entity_id, article_id, sort_time, count) VALUES (?, ?, ?, ?)`},
		{&w.quote, `INSERT INTO quotes (article_id, n, speaker_code, speaker_id, speaker_name, speaker_latin,
			text, direct, verb, para, span_start, span_end, sort_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&w.event, `INSERT INTO events (article_id, n, source_code, source_id, source_name, source_latin,
			target_code, target_id, target_name, target_latin, action, cameo, plover, evidence,
			para, span_start, span_end, sort_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&w.fact, `INSERT INTO article_facts (article_id, category, sort_time) VALUES (?, ?, ?)`},
		{&w.src, `INSERT OR IGNORE INTO article_sources (article_id, name) VALUES (?, ?)`},
		{&w.oldMentions, `SELECT entity_id, count FROM mentions WHERE article_id = ?`},
		{&w.bump, `UPDATE entities SET articles = articles + ?, mentions = mentions + ? WHERE id = ?`},
	} {
		st, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			w.close()
			return nil, err
		}
		*p.st = st
	}
	return w, nil
}

func (w *analysisWrites) close() {
	for _, st := range append(w.del, w.entity, w.name, w.mention, w.quote, w.event, w.fact, w.src, w.oldMentions, w.bump) {
		if st != nil {
			st.Close()
		}
	}
}

// put replaces an article's rows in the analysis tables. fresh says the
// article was just inserted, so it has no rows to delete.
func (w *analysisWrites) put(ctx context.Context, a *article.Article, sortTime int64, fresh bool) error {
	if !fresh {
		if err := w.forget(ctx, a.ID); err != nil {
			return fmt.Errorf("clear analysis: %w", err)
		}
		for _, st := range w.del {
			if _, err := st.ExecContext(ctx, a.ID); err != nil {
				return fmt.Errorf("clear analysis: %w", err)
			}
		}
	}
	if _, err := w.fact.ExecContext(ctx, a.ID, a.Category, sortTime); err != nil {
		return fmt.Errorf("category: %w", err)
	}
	for _, n := range sourceNames(a) {
		if _, err := w.src.ExecContext(ctx, a.ID, n); err != nil {
			return fmt.Errorf("source names: %w", err)
		}
	}
	counts := map[string]int{}
	var order []string
	for _, e := range a.Entities {
		id := store.EntityID(e)
		if id == "" {
			continue
		}
		if counts[id] == 0 {
			order = append(order, id)
		}
		counts[id]++
		name := e.Name
		if name == "" {
			name = e.Text
		}
		row := entityRow{id, strings.ToUpper(e.Type), name, e.Latin, e.Country, e.ID != ""}
		if !w.entities[row] {
			w.entities[row] = true
			if _, err := w.entity.ExecContext(ctx, row.id, row.typ, row.name, row.latin, row.country, row.linked); err != nil {
				return fmt.Errorf("entity %q: %w", id, err)
			}
		}
		for _, n := range []string{e.Text, e.Name, e.Latin} {
			if n == "" || w.names[[2]string{n, id}] {
				continue
			}
			w.names[[2]string{n, id}] = true
			if f := persian.Fold(n); f != "" {
				if _, err := w.name.ExecContext(ctx, f, id); err != nil {
					return fmt.Errorf("entity %q names: %w", id, err)
				}
			}
		}
	}
	for _, id := range order {
		if _, err := w.mention.ExecContext(ctx, id, a.ID, sortTime, counts[id]); err != nil {
			return fmt.Errorf("mention of %q: %w", id, err)
		}
		w.count(id, 1, counts[id])
	}
	for i, q := range a.Quotes {
		s := q.Speaker
		if _, err := w.quote.ExecContext(ctx, a.ID, i, s.Code, s.ID, s.Name, s.Latin, q.Text, q.Direct, q.Verb,
			q.Para, q.Start, q.End, sortTime); err != nil {
			return fmt.Errorf("quote %d: %w", i, err)
		}
	}
	for i, e := range a.Events {
		if _, err := w.event.ExecContext(ctx, a.ID, i, e.Source.Code, e.Source.ID, e.Source.Name, e.Source.Latin,
			e.Target.Code, e.Target.ID, e.Target.Name, e.Target.Latin, e.Action, e.CAMEO, e.PLOVER, e.Evidence,
			e.Para, e.Start, e.End, sortTime); err != nil {
			return fmt.Errorf("event %d: %w", i, err)
		}
	}
	return nil
}

// forget counts out the mentions an article has before they are deleted.
func (w *analysisWrites) forget(ctx context.Context, articleID string) error {
	rows, err := w.oldMentions.QueryContext(ctx, articleID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return err
		}
		w.count(id, -1, -n)
	}
	return rows.Err()
}

func (w *analysisWrites) count(id string, articles, mentions int) {
	c := w.counts[id]
	if c == nil {
		c = &[2]int{}
		w.counts[id] = c
	}
	c[0] += articles
	c[1] += mentions
}

// flush applies the transaction's count changes to the entity records; call
// it once, before commit.
func (w *analysisWrites) flush(ctx context.Context) error {
	ids := make([]string, 0, len(w.counts))
	for id, c := range w.counts {
		if *c != [2]int{} {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids) // a fixed order of writes
	for _, id := range ids {
		c := w.counts[id]
		if _, err := w.bump.ExecContext(ctx, c[0], c[1], id); err != nil {
			return fmt.Errorf("entity %q counts: %w", id, err)
		}
	}
	clear(w.counts)
	return nil
}

// sourceNames are the folded names of the outlets an article came through.
func sourceNames(a *article.Article) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if f := persian.Fold(s); f != "" && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	add(a.Publisher)
	add(a.OriginalSource)
	for _, at := range a.Attribution {
		add(at.Name)
	}
	sort.Strings(out)
	return out
}

// backfillBatch is how many articles one backfill transaction carries over.
const backfillBatch = 500

// backfillAnalysis fills the analysis tables for articles stored before
// migration 0004 (or by a khabar that did not write them), from the
// article's stored columns. Each batch is its own transaction and picks its
// articles inside it, so an interrupted backfill resumes on the next open and
// two processes opening the store at once do not write the same rows. When
// every article has its row, this is one query of two counts.
func (db *DB) backfillAnalysis(ctx context.Context) error {
	for {
		n, err := db.backfillOnce(ctx)
		if err != nil {
			return fmt.Errorf("backfill analysis tables: %w", err)
		}
		if n < backfillBatch {
			return nil
		}
	}
}

func (db *DB) backfillOnce(ctx context.Context) (int, error) {
	// Every article_facts row belongs to a stored article (foreign key), so
	// equal counts mean none is missing: two index counts, where looking
	// each article up would cost a probe per article on every open.
	var missing int
	if err := db.sql.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM article_facts)`).
		Scan(&missing); err != nil {
		return 0, err
	}
	if missing <= 0 {
		return 0, nil
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.publisher, a.original_source, a.sort_time, a.extra FROM articles a
		WHERE NOT EXISTS (SELECT 1 FROM article_facts f WHERE f.article_id = a.id) ORDER BY a.seq LIMIT ?`, backfillBatch)
	if err != nil {
		return 0, err
	}
	type item struct {
		a        *article.Article
		sortTime int64
	}
	var items []item
	for rows.Next() {
		var (
			a        article.Article
			sortTime int64
			ex       string
		)
		if err := rows.Scan(&a.ID, &a.Publisher, &a.OriginalSource, &sortTime, &ex); err != nil {
			rows.Close()
			return 0, err
		}
		var e extra
		if err := json.Unmarshal([]byte(ex), &e); err != nil {
			rows.Close()
			return 0, fmt.Errorf("article %q: decode fields: %w", a.ID, err)
		}
		a.Attribution, a.Category, a.Entities, a.Quotes, a.Events = e.Attribution, e.Category, e.Entities, e.Quotes, e.Events
		items = append(items, item{&a, sortTime})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	w, err := prepareAnalysisWrites(ctx, tx)
	if err != nil {
		return 0, err
	}
	defer w.close()
	for _, it := range items {
		if err := w.put(ctx, it.a, it.sortTime, false); err != nil {
			return 0, fmt.Errorf("article %q: %w", it.a.ID, err)
		}
	}
	if err := w.flush(ctx); err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	return len(items), nil
}

// PutAnalysis replaces what the analysis stages found in stored articles —
// Category, Entities, Quotes and Events, in the article's record and in the
// analysis tables — and leaves every other field, the raw text and the
// ingestion time as they are. It is how a newer analysis is run over a store
// (khabar reanalyze): PutArticles would see the same raw text and skip the
// article. The batch is one transaction; ids not stored are skipped and not
// counted.
func (db *DB) PutAnalysis(ctx context.Context, arts []*article.Article) (int, error) {
	if err := db.check("put analysis"); err != nil {
		return 0, err
	}
	if len(arts) == 0 {
		return 0, nil
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return 0, db.wrap("put analysis: begin", err)
	}
	defer tx.Rollback()
	w, err := prepareAnalysisWrites(ctx, tx)
	if err != nil {
		return 0, db.wrap("put analysis: prepare", err)
	}
	defer w.close()
	read, err := tx.PrepareContext(ctx, `SELECT publisher, original_source, sort_time, extra FROM articles WHERE id = ?`)
	if err != nil {
		return 0, db.wrap("put analysis: prepare", err)
	}
	defer read.Close()
	write, err := tx.PrepareContext(ctx, `UPDATE articles SET extra = ? WHERE id = ?`)
	if err != nil {
		return 0, db.wrap("put analysis: prepare", err)
	}
	defer write.Close()
	n := 0
	for _, a := range arts {
		if a == nil {
			continue
		}
		what := fmt.Sprintf("put analysis: article %q", a.ID)
		var (
			stored   article.Article
			sortTime int64
			ex       string
		)
		err := read.QueryRowContext(ctx, a.ID).Scan(&stored.Publisher, &stored.OriginalSource, &sortTime, &ex)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return 0, db.wrap(what, err)
		}
		var e extra
		if err := json.Unmarshal([]byte(ex), &e); err != nil {
			return 0, fmt.Errorf("%s: decode fields: %w", what, err)
		}
		e.Category, e.Entities, e.Quotes, e.Events = a.Category, a.Entities, a.Quotes, a.Events
		js, err := json.Marshal(e)
		if err != nil {
			return 0, fmt.Errorf("%s: encode fields: %w", what, err)
		}
		if _, err := write.ExecContext(ctx, string(js), a.ID); err != nil {
			return 0, db.wrap(what, err)
		}
		stored.ID, stored.Attribution = a.ID, e.Attribution
		stored.Category, stored.Entities, stored.Quotes, stored.Events = a.Category, a.Entities, a.Quotes, a.Events
		if err := w.put(ctx, &stored, sortTime, false); err != nil {
			return 0, db.wrap(what, err)
		}
		n++
	}
	if err := w.flush(ctx); err != nil {
		return 0, db.wrap("put analysis", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, db.wrap("put analysis: commit", err)
	}
	return n, nil
}
