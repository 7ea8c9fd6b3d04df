// Package pipeline runs khabar's pure stages in order over a batch:
// raw document → parsed article → normalized text → provenance → analysis.
// It does no storage and no HTTP; cmd and web hand its output to the store.
package pipeline

import (
	"context"

	"khabar/internal/article"
	"khabar/internal/persian"
)

// Analyzer is one analysis stage: it reads a parsed, normalized article and
// fills in the fields it owns. It must not do I/O.
type Analyzer interface {
	Analyze(ctx context.Context, a *article.Article) error
}

// Pipeline turns documents into analysed articles.
type Pipeline struct {
	Normalizer persian.Normalizer
	Analyzers  []Analyzer
}
