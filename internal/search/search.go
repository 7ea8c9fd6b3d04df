// Package search defines khabar's Persian-aware full-text index. Documents and
// queries both go through persian.Fold (after ZWNJ repair), so every spelling of
// a word meets. Implementations: the SQLite FTS5 index in store/sqlite now, a
// PostgreSQL one later.
package search

import (
	"context"
	"errors"

	"khabar/internal/article"
)

// ErrEmptyQuery is returned (wrapped) for a query with no searchable word in it.
var ErrEmptyQuery = errors.New("empty search query")

// Index finds articles by their text.
type Index interface {
	// Search returns hits for a user query, best first (or newest first with
	// Query.Recent). A query with neither a word nor a filter is an error
	// wrapping ErrEmptyQuery; one with a filter it cannot read wraps ErrBadFilter.
	Search(ctx context.Context, q Query) (Results, error)
}

// Query is a user's search.
type Query struct {
	// Text is what the user typed: words, and filters in the syntax
	// ParseQuery reads (entity:, source:, category:, since:, until:), which
	// every Index applies. Text with filters but no word lists the matching
	// articles newest first.
	Text string
	// Filter narrows the search further (a search form's fields); it is
	// combined with the filters in Text by Filter.With.
	Filter Filter
	// Limit ≤ 0 means DefaultLimit.
	Limit  int
	Offset int
	// Recent orders matches newest first instead of by relevance.
	Recent bool
}

// DefaultLimit is the page size when a query gives none.
const DefaultLimit = 20

// Results is one page of hits.
type Results struct {
	// Total counts all matching articles, not only this page.
	Total int   `json:"total"`
	Hits  []Hit `json:"hits"`
}

// Hit is one matching article with a snippet of its text.
type Hit struct {
	// Article has every field but Raw, which hits leave empty (it is the
	// largest field and a result list never shows it).
	Article *article.Article `json:"article"`
	Score   float64          `json:"score"`
	// Snippet is a passage of the displayed (normalized) text, cut into
	// fragments; Match marks the fragments that matched the query.
	Snippet []Fragment `json:"snippet"`
}

// Fragment is a piece of snippet text.
type Fragment struct {
	Text  string `json:"text"`
	Match bool   `json:"match,omitempty"`
}
