package main

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"khabar/internal/analysis"
	"khabar/internal/article"
	"khabar/internal/pipeline"
)

func (a *app) parseCmd() *cobra.Command {
	var asJSON, noZWNJ bool
	cmd := &cobra.Command{
		Use:   "parse FILE",
		Short: "parse one file and print the article(s), without storing",
		Long: `Parse reads a text dump (or a JSON dataset) and prints what khabar makes of it:
title, lead, body, subheadings, the provenance chain, news group, copyright, date.

With --json the article also carries its analysis: entities linked to the
gazetteer (id, Persian and Latin name, country), quotes with their speakers,
coded events and the category.

Examples:
  khabar parse ../shared/data/seed-article.txt
  khabar parse ../shared/data/seed-article.txt --json
  khabar parse ../shared/data/news-2025-4agencies/articles.jsonl --json --no-analysis`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := readInput(args[0])
			if err != nil {
				return err
			}
			p := a.pipeline(!noZWNJ)
			res, err := p.Parse(cmd.Context(), pipeline.Document{Path: args[0], Data: data})
			if err != nil {
				return fmt.Errorf("parse %s: %w", args[0], err)
			}
			for _, e := range res.Skipped {
				fmt.Fprintf(cmd.ErrOrStderr(), "khabar: %s: skipped %v\n", args[0], e)
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				if len(res.Articles) == 1 {
					return enc.Encode(res.Articles[0])
				}
				return enc.Encode(res.Articles)
			}
			for i, art := range res.Articles {
				if i > 0 {
					fmt.Fprintln(out, strings.Repeat("─", 40))
				}
				fmt.Fprintf(out, "id:        %s\ntitle:     %s\nlead:      %s\npublisher: %s\n", art.ID, art.Title, art.Lead, art.Publisher)
				var chain []string
				for _, l := range art.Attribution {
					s := l.Name
					if l.Desk != "" {
						s += " (" + l.Desk + ")"
					}
					chain = append(chain, s)
				}
				fmt.Fprintf(out, "chain:     %s\noriginal:  %s\n", strings.Join(chain, " ← "), art.OriginalSource)
				fmt.Fprintf(out, "group:     %s\ncopyright: %s\n", art.NewsGroup, art.Copyright)
				if art.Published != nil {
					fmt.Fprintf(out, "published: %s (%s)\n", art.Published.Time.UTC().Format("2006-01-02 15:04Z"), art.Published.JalaliASCII())
				}
				fmt.Fprintf(out, "body:      %d paragraphs, %d subheadings\n", len(art.Body), len(art.Subheadings))
				if len(art.Entities) > 0 {
					fmt.Fprintf(out, "entities:  %s\n", entitySummary(art.Entities))
					fmt.Fprintf(out, "quotes:    %d\nevents:    %d\n", len(art.Quotes), len(art.Events))
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&noZWNJ, "no-zwnj", false, "do not restore ZWNJ")
	cmd.Flags().BoolVar(&a.noAnalysis, "no-analysis", false, "skip entities, quotes and events")
	return cmd
}

// entitySummary lists the linked entities once each, in order of first
// mention: «وانگ ایی (Wang Yi), ...».
func entitySummary(ents []article.Entity) string {
	seen := map[string]bool{}
	var names []string
	for _, e := range ents {
		if e.ID == "" || seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		n := e.Name
		if e.Latin != "" {
			n += " (" + e.Latin + ")"
		}
		names = append(names, n)
	}
	return fmt.Sprintf("%d mentions of %d: %s", len(ents), len(names), strings.Join(names, "، "))
}

// maxInput bounds a single input file read into memory.
const maxInput = 512 << 20

// readInput reads a file, refusing directories and files too large to be news.
func readInput(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a directory", path)
	}
	if st.Size() > maxInput {
		return nil, fmt.Errorf("%s: %d MB is larger than the %d MB input limit", path, st.Size()>>20, maxInput>>20)
	}
	return os.ReadFile(path)
}

// textPipeline parses and normalizes without the analysis: for the evals
// and generated copies, which read only the text.
func (a *app) textPipeline(zwnj bool) *pipeline.Pipeline {
	return &pipeline.Pipeline{Normalizer: a.normalizer(zwnj)}
}

// pipeline builds the pipeline every command uses: normalization, then the
// analysis (entities, quotes, events) unless --no-analysis.
func (a *app) pipeline(zwnj bool) *pipeline.Pipeline {
	if a.noAnalysis {
		return &pipeline.Pipeline{Normalizer: a.normalizer(zwnj)}
	}
	an, err := analysis.New()
	switch {
	case an == nil:
		// The gazetteer is embedded and checked by its tests: this is a
		// broken build, not bad input.
		panic(err)
	case err != nil:
		slog.Warn("analysing without the entity recognizer", "err", err)
	}
	return &pipeline.Pipeline{Normalizer: a.normalizer(zwnj), Analyzers: []pipeline.Analyzer{an}}
}
