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

// Store keeps articles. Every method takes ctx first. Put is atomic per batch: a
// failed batch leaves the store as it was.
type Store interface {
	// PutArticles stores a batch in one transaction. An article whose ID is
	// already stored with the same raw text is counted as unchanged and not rewritten.
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
	New, Unchanged int
	// NewIDs lists the ids that were written, in input order.
	NewIDs []string
}

// ListQuery pages through articles.
type ListQuery struct {
	Limit  int
	Offset int
	// Since and Until bound the publication (else ingestion) time when non-zero.
	Since, Until time.Time
}
