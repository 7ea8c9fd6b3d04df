package sqlite

import (
	"context"
	"fmt"
	"strings"

	"khabar/internal/article"
	"khabar/internal/persian"
	"khabar/internal/search"
)

// Search finds articles whose folded text holds every word of the query (in any
// of the forms search.Plan allows), best first by bm25 with the title weighted
// above the body, or newest first with q.Recent. Filters in the query text
// (search.ParseQuery) and in q.Filter narrow the matches; a query of filters
// alone lists the matching articles newest first.
func (db *DB) Search(ctx context.Context, q search.Query) (search.Results, error) {
	var res search.Results
	if err := db.check("search"); err != nil {
		return res, err
	}
	text, f, err := search.ParseQuery(q.Text)
	if err != nil {
		return res, fmt.Errorf("search %q: %w", q.Text, err)
	}
	f = f.With(q.Filter)
	terms := search.QueryTerms(text, db.normalize)
	if len(terms) == 0 && f.IsZero() {
		return res, fmt.Errorf("search %q: %w", q.Text, search.ErrEmptyQuery)
	}
	op := fmt.Sprintf("search %q", q.Text)
	conds, args, none, err := db.filterSQL(ctx, f)
	if err != nil {
		return res, db.wrap(op, err)
	}
	if none {
		return res, nil // an entity nobody knows: nothing can match
	}
	filtered := ""
	if len(conds) > 0 {
		filtered = " AND " + strings.Join(conds, " AND ")
	}
	limit := q.Limit
	if limit <= 0 {
		limit = search.DefaultLimit
	}
	var (
		query, count string
		highlight    []string
	)
	if len(terms) == 0 {
		query = `WITH page AS (
				SELECT a.seq, 0.0 AS rank, count(*) OVER () AS total FROM articles a
				WHERE 1` + filtered + ` ORDER BY a.sort_time DESC, a.id LIMIT ? OFFSET ?)
			SELECT ` + hitColumns + `, page.rank, page.total
			FROM page JOIN articles a ON a.seq = page.seq ORDER BY a.sort_time DESC, a.id`
		count = `SELECT count(*) FROM articles a WHERE 1` + filtered
	} else {
		known, err := db.knownTerms(ctx, search.Candidates(terms))
		if err != nil {
			return res, db.wrap(op, err)
		}
		plan := search.Plan(terms, func(t string) bool { return known[t] })
		highlight = search.HighlightTerms(plan)
		args = append([]any{matchExpr(plan)}, args...)
		// One pass over the matches gives the page and, through the window
		// function, the total; only the page's article rows are read. The
		// articles table is joined in only when a filter or the order needs it.
		from := `articles_fts`
		if filtered != "" || q.Recent {
			from = `articles_fts JOIN articles a ON a.seq = articles_fts.rowid`
		}
		order, outer := `articles_fts.rank`, `page.rank`
		if q.Recent {
			order, outer = `a.sort_time DESC, a.id`, `a.sort_time DESC, a.id`
		}
		query = `WITH page AS (
				SELECT articles_fts.rowid AS seq, articles_fts.rank AS rank, count(*) OVER () AS total
				FROM ` + from + ` WHERE articles_fts MATCH ?` + filtered + ` ORDER BY ` + order + ` LIMIT ? OFFSET ?)
			SELECT ` + hitColumns + `, page.rank, page.total
			FROM page JOIN articles a ON a.seq = page.seq ORDER BY ` + outer
		count = `SELECT count(*) FROM ` + from + ` WHERE articles_fts MATCH ?` + filtered
	}
	rows, err := db.sql.QueryContext(ctx, query, append(args, limit, max(q.Offset, 0))...)
	if err != nil {
		return res, db.wrap(op, err)
	}
	defer rows.Close()
	for rows.Next() {
		var rank float64
		a, err := scanArticle(extraScanner{rows, []any{&rank, &res.Total}})
		if err != nil {
			return res, db.wrap(op, err)
		}
		res.Hits = append(res.Hits, search.Hit{
			Article: a,
			// bm25 is lower for better matches; a score reads better the other way.
			Score:   -rank,
			Snippet: search.Snippet(paragraphs(a), highlight, search.SnippetWords),
		})
	}
	if err := rows.Err(); err != nil {
		return res, db.wrap(op, err)
	}
	if len(res.Hits) == 0 && q.Offset > 0 {
		// A page past the end has no row to carry the total.
		if err := db.sql.QueryRowContext(ctx, count, args...).Scan(&res.Total); err != nil {
			return res, db.wrap(op, err)
		}
	}
	return res, nil
}

// filterSQL turns a filter into conditions on the articles table (alias a)
// and their arguments. none is true when the filter names an entity that no
// article mentions, so nothing can match.
func (db *DB) filterSQL(ctx context.Context, f search.Filter) (conds []string, args []any, none bool, err error) {
	for _, e := range f.Entities {
		ids, err := db.resolveEntity(ctx, e)
		if err != nil {
			return nil, nil, false, fmt.Errorf("entity %q: %w", e, err)
		}
		if len(ids) == 0 {
			return nil, nil, true, nil
		}
		conds = append(conds, `a.id IN (SELECT article_id FROM mentions WHERE entity_id IN (?`+
			strings.Repeat(", ?", len(ids)-1)+`))`)
		for _, id := range ids {
			args = append(args, id)
		}
	}
	if f.Source != "" {
		// Whole folded words of a name: «تسنیم» finds «خبرگزاری تسنیم», not «تسنیمک».
		folded := persian.Fold(f.Source)
		like := "% " + likeEscaper.Replace(folded) + " %"
		conds = append(conds, `(a.id IN (SELECT article_id FROM article_sources WHERE ' ' || name || ' ' LIKE ? ESCAPE '\')
			OR a.id IN (SELECT article_id FROM feed_items WHERE source_id = ?))`)
		args = append(args, like, f.Source)
	}
	if f.Category != "" {
		conds = append(conds, `a.id IN (SELECT article_id FROM article_facts WHERE category = ?)`)
		args = append(args, f.Category)
	}
	if !f.Since.IsZero() {
		conds = append(conds, `a.sort_time >= ?`)
		args = append(args, f.Since.UnixNano())
	}
	if !f.Until.IsZero() {
		conds = append(conds, `a.sort_time < ?`)
		args = append(args, f.Until.UnixNano())
	}
	return conds, args, false, nil
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// knownTerms looks the candidate terms up in the index vocabulary in one query.
func (db *DB) knownTerms(ctx context.Context, cands []string) (map[string]bool, error) {
	known := make(map[string]bool, len(cands))
	if len(cands) == 0 {
		return known, nil
	}
	args := make([]any, len(cands))
	for i, c := range cands {
		args[i] = c
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT term FROM terms WHERE term IN (?`+
		strings.Repeat(", ?", len(cands)-1)+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		known[t] = true
	}
	return known, rows.Err()
}

// matchExpr renders a query plan as an FTS5 MATCH expression. Every term is a
// quoted string, so nothing a user types («"», «*», «NEAR», «OR», «-») can be
// read as FTS5 syntax; terms hold only letters and digits anyway.
func matchExpr(plan []search.Group) string {
	var b strings.Builder
	for i, g := range plan {
		if i > 0 {
			b.WriteString(" AND ")
		}
		b.WriteByte('(')
		for j, alt := range g {
			if j > 0 {
				b.WriteString(" OR ")
			}
			b.WriteByte('(')
			for k, p := range alt {
				if k > 0 {
					b.WriteString(" AND ")
				}
				for l, t := range p {
					if l > 0 {
						b.WriteString(" + ")
					}
					b.WriteString(`"` + strings.ReplaceAll(t, `"`, `""`) + `"`)
				}
			}
			b.WriteByte(')')
		}
		b.WriteByte(')')
	}
	return b.String()
}

// hitColumns are articleColumns for a search hit: raw is left empty, as the
// hit is shown as a title and a snippet and raw is the largest column.
var hitColumns = strings.Replace(prefixed("a.", articleColumns), "a.raw", "'' AS raw", 1)

// paragraphs is the displayed text a snippet is taken from: lead, then body.
func paragraphs(a *article.Article) []string {
	ps := make([]string, 0, len(a.Body)+1)
	if a.Lead != "" {
		ps = append(ps, a.Lead)
	}
	return append(ps, a.Body...)
}

// prefixed qualifies each column of a column list with a table alias.
func prefixed(alias, cols string) string {
	parts := strings.Split(cols, ",")
	for i, p := range parts {
		parts[i] = alias + strings.TrimSpace(p)
	}
	return strings.Join(parts, ", ")
}

// extraScanner scans articleColumns followed by more columns.
type extraScanner struct {
	rows  interface{ Scan(...any) error }
	extra []any
}

func (r extraScanner) Scan(dest ...any) error { return r.rows.Scan(append(dest, r.extra...)...) }
