// Package store defines what khabar keeps: articles and everything the analysis
// stages derive from them. Backends live in subpackages (sqlite/ now, postgres/
// later) and must all pass the conformance suite in storetest/.
package store

import (
	"context"
	"errors"
	"time"

	"khabar/internal/article"
)

// ErrNotFound is wrapped by every lookup that finds nothing.
var ErrNotFound = errors.New("not found")

// ErrClosed is wrapped by every call on a store after Close.
var ErrClosed = errors.New("store is closed")

// Store keeps articles. Every method takes ctx first. Put is atomic per batch: a
// failed batch leaves the store as it was.
type Store interface {
	// PutArticles stores a batch in one transaction. An article whose ID is
	// already stored with the same raw text is counted as unchanged and not
	// rewritten; one stored with other raw text is replaced (Updated). An invalid
	// article (nil, empty ID) fails the whole batch with an error naming it.
	PutArticles(ctx context.Context, arts []*article.Article) (PutResult, error)
	// Article returns one article or an error wrapping ErrNotFound.
	Article(ctx context.Context, id string) (*article.Article, error)
	// Articles lists articles newest first (by publication date, else ingestion time).
	Articles(ctx context.Context, q ListQuery) ([]*article.Article, error)
	// CountArticles returns how many articles are stored.
	CountArticles(ctx context.Context) (int, error)
	Close() error
}

// PutResult counts what a PutArticles call did.
type PutResult struct {
	New, Updated, Unchanged int
	// NewIDs lists the ids that were written (new or updated), in input order.
	NewIDs []string
}

// DefaultLimit is the page size of Articles when a query gives none.
const DefaultLimit = 50

// ListQuery pages through articles.
type ListQuery struct {
	// Limit ≤ 0 means DefaultLimit.
	Limit  int
	Offset int
	// Since (inclusive) and Until (exclusive) bound the publication (else
	// ingestion) time when non-zero.
	Since, Until time.Time
}
