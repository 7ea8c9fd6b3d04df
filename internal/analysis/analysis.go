// Package analysis is the pipeline stage that reads an article for who is
// named, who said what, who did what to whom and what it is about: it finds
// entities (internal/ner) and links them (internal/entities), then finds
// quotations (internal/quotes) and codes events (internal/events) over the
// same sentences, and gives the article a topic (internal/topics).
package analysis

import (
	"context"
	"fmt"

	"khabar/internal/article"
	"khabar/internal/entities"
	"khabar/internal/events"
	"khabar/internal/events/discourse"
	"khabar/internal/ner"
	"khabar/internal/pipeline"
	"khabar/internal/quotes"
	"khabar/internal/topics"
)

// Analyzer fills an article's Entities, Quotes, Events and Category. It holds only
// read-only tables, so one Analyzer serves every goroutine.
type Analyzer struct {
	linker *entities.Linker
	// recognize is the statistical recognizer's span finder; nil links with
	// the gazetteer alone.
	recognize entities.Recognizer
}

var _ pipeline.Analyzer = (*Analyzer)(nil)

// New builds the analyzer over the embedded gazetteer and recognizer model.
// If the recognizer cannot be loaded it returns the error together with an
// analyzer that links with the gazetteer alone, so a caller may warn and go
// on; a nil Analyzer means the gazetteer itself is broken.
func New() (*Analyzer, error) {
	l, err := entities.Default()
	if err != nil {
		return nil, err
	}
	an := &Analyzer{linker: l}
	m, err := loadNER()
	if err != nil {
		return an, fmt.Errorf("analysis: entity recognizer: %w", err)
	}
	an.recognize = func(text string) []entities.Span {
		spans := m.Recognize(text)
		out := make([]entities.Span, len(spans))
		for i, s := range spans {
			out[i] = entities.Span{Start: s.Start, End: s.End, Type: s.Type}
		}
		return out
	}
	return an, nil
}

// loadNER turns the recognizer's panic on a corrupt embedded model into an
// error: entity linking still works without it.
func loadNER() (m *ner.Model, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return ner.Default(), nil
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
	a.Category = topics.Classify(a)
	return nil
}
