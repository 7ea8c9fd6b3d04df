// Package analysis is the pipeline stage that reads an article for who is
// named, who said what and who did what to whom: it links entities
// (internal/entities), then finds quotations (internal/quotes) and codes
// events (internal/events) over the same sentences.
package analysis

import (
	"context"

	"khabar/internal/article"
	"khabar/internal/entities"
	"khabar/internal/events"
	"khabar/internal/events/discourse"
	"khabar/internal/pipeline"
	"khabar/internal/quotes"
)

// Analyzer fills an article's Entities, Quotes and Events. It holds only
// read-only tables, so one Analyzer serves every goroutine.
type Analyzer struct {
	linker *entities.Linker
	// recognize is the statistical recognizer's span finder; nil links with
	// the gazetteer alone.
	recognize entities.Recognizer
}

var _ pipeline.Analyzer = (*Analyzer)(nil)

// New builds the analyzer over the embedded gazetteer.
func New() (*Analyzer, error) {
	l, err := entities.Default()
	if err != nil {
		return nil, err
	}
	return &Analyzer{linker: l}, nil
}

// Analyze replaces the article's analysis with a fresh one. Running it twice
// gives the same result.
func (an *Analyzer) Analyze(ctx context.Context, a *article.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Entities = an.linker.Link(a, an.recognize)
	ss := discourse.Read(a)
	a.Quotes = quotes.FindIn(ss)
	a.Events = events.FindIn(ss)
	return nil
}
