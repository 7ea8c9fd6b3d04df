// Package pipeline runs khabar's pure stages in order over a batch:
// raw document → parsed article → normalized text → provenance → analysis.
// It does no storage and no HTTP; cmd and web hand its output to the store.
package pipeline

import (
	"context"
	"fmt"
	"strings"

	"khabar/internal/article"
	"khabar/internal/persian"
)

// Analyzer is one analysis stage: it reads a parsed, normalized article and
// fills in the fields it owns. It must not do I/O, and must be safe for
// concurrent use: a dataset's articles are processed on every core.
type Analyzer interface {
	Analyze(ctx context.Context, a *article.Article) error
}

// Pipeline turns documents into analysed articles.
type Pipeline struct {
	Normalizer persian.Normalizer
	Analyzers  []Analyzer
}

// Document is one input as read from a file or the network.
type Document struct {
	// Path is the file it came from; URL where it was fetched. Either may be empty.
	Path, URL string
	Data      []byte
}

// Process normalizes a parsed article's text and runs the analyzers. Raw is
// never touched. Provenance names are only letter-normalized: they are names
// as written, not prose.
func (p *Pipeline) Process(ctx context.Context, a *article.Article) error {
	n := p.Normalizer
	a.Title = oneLine(n.Normalize(a.Title))
	a.Lead = oneLine(n.Normalize(a.Lead))
	sub := make(map[string]bool, len(a.Subheadings))
	for _, s := range a.Subheadings {
		sub[s] = true
	}
	a.Subheadings = a.Subheadings[:0]
	body := a.Body[:0]
	for _, par := range a.Body {
		np := oneLine(n.Normalize(par))
		if np == "" {
			continue
		}
		body = append(body, np)
		if sub[par] {
			a.Subheadings = append(a.Subheadings, np)
		}
	}
	a.Body = body
	a.Publisher = name(a.Publisher)
	a.OriginalSource = name(a.OriginalSource)
	a.Copyright = name(a.Copyright)
	for i := range a.Attribution {
		a.Attribution[i].Name = name(a.Attribution[i].Name)
		a.Attribution[i].Desk = name(a.Attribution[i].Desk)
	}
	a.Section = name(a.Section)
	a.Kicker = oneLine(n.Normalize(a.Kicker))
	for i, t := range a.Tags {
		a.Tags[i] = name(t)
	}
	if a.Body == nil {
		a.Body = []string{}
	}
	if a.Subheadings == nil {
		a.Subheadings = []string{}
	}
	if a.Attribution == nil {
		a.Attribution = []article.Attribution{}
	}
	for _, an := range p.Analyzers {
		if err := an.Analyze(ctx, a); err != nil {
			return fmt.Errorf("analyze %s: %w", a.ID, err)
		}
	}
	return nil
}

// name normalizes a proper name: letters and spacing only.
func name(s string) string {
	return strings.Join(strings.Fields(persian.Letters(s)), " ")
}

func oneLine(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\n", " "))
}
