package sqlite

import (
	"context"
	"fmt"
	"strings"

	"khabar/internal/article"
	"khabar/internal/search"
)

// Search finds articles whose folded text holds every word of the query (in any
// of the forms search.Plan allows), best first by bm25 with the title weighted
// above the body, or newest first with q.Recent.
func (db *DB) Search(ctx context.Context, q search.Query) (search.Results, error) {
	var res search.Results
	if err := db.check("search"); err != nil {
		return res, err
	}
	terms := search.QueryTerms(q.Text, db.normalize)
	if len(terms) == 0 {
		return res, fmt.Errorf("search %q: %w", q.Text, search.ErrEmptyQuery)
	}
	known, err := db.knownTerms(ctx, search.Candidates(terms))
	if err != nil {
		return res, db.wrap(fmt.Sprintf("search %q", q.Text), err)
	}
	plan := search.Plan(terms, func(t string) bool { return known[t] })
	match := matchExpr(plan)
	limit := q.Limit
	if limit <= 0 {
		limit = search.DefaultLimit
	}
	// One pass over the matches gives the page and, through the window
	// function, the total; only the page's article rows are read.
	query := `WITH page AS (
			SELECT rowid AS seq, rank, count(*) OVER () AS total FROM articles_fts
			WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?)
		SELECT ` + hitColumns + `, page.rank, page.total
		FROM page JOIN articles a ON a.seq = page.seq ORDER BY page.rank`
	if q.Recent {
		query = `WITH page AS (
				SELECT articles_fts.rowid AS seq, articles_fts.rank, count(*) OVER () AS total
				FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
				WHERE articles_fts MATCH ? ORDER BY a.sort_time DESC, a.id LIMIT ? OFFSET ?)
			SELECT ` + hitColumns + `, page.rank, page.total
			FROM page JOIN articles a ON a.seq = page.seq ORDER BY a.sort_time DESC, a.id`
	}
	rows, err := db.sql.QueryContext(ctx, query, match, limit, max(q.Offset, 0))
	if err != nil {
		return res, db.wrap(fmt.Sprintf("search %q", q.Text), err)
	}
	defer rows.Close()
	highlight := search.HighlightTerms(plan)
	for rows.Next() {
		var rank float64
		a, err := scanArticle(extraScanner{rows, []any{&rank, &res.Total}})
		if err != nil {
			return res, db.wrap(fmt.Sprintf("search %q", q.Text), err)
		}
		res.Hits = append(res.Hits, search.Hit{
			Article: a,
			// bm25 is lower for better matches; a score reads better the other way.
			Score:   -rank,
			Snippet: search.Snippet(paragraphs(a), highlight, search.SnippetWords),
		})
	}
	if err := rows.Err(); err != nil {
		return res, db.wrap(fmt.Sprintf("search %q", q.Text), err)
	}
	if len(res.Hits) == 0 && q.Offset > 0 {
		// A page past the end has no row to carry the total.
		if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, match).
			Scan(&res.Total); err != nil {
			return res, db.wrap(fmt.Sprintf("search %q", q.Text), err)
		}
	}
	return res, nil
}

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
