package main

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"

	"khabar/internal/article"
	"khabar/internal/demo"
	"khabar/internal/events"
	"khabar/internal/pipeline"
)

func (a *app) evalEventsCmd() *cobra.Command {
	var verbose bool
	cmd := &cobra.Command{
		Use:   "events",
		Short: "precision/recall of event coding on a hand-labelled set",
		Long: `Events runs the analysis (entities, then internal/events) over the articles of
the hand-labelled set in internal/events/testdata/gold.tsv — the seed and 18
articles of the bundled 2025 agency corpus, 79 sentences — and scores the
events found against the labels: (source, target, CAMEO root) triples with
actor codes compared exactly ("strict") and by country or organization only
("country"), and the set of PLOVER types per sentence. The gold file's header
says how it was labelled; rows are split dev/test by article, and only dev
was looked at while writing the lexicon's rules.

Examples:
  khabar eval events
  khabar eval events -v`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			gold, err := events.Gold()
			if err != nil {
				return err
			}
			arts, err := goldArticles(cmd, a.pipeline(true), gold)
			if err != nil {
				return err
			}
			var found []article.Event
			nEnt := 0
			for _, art := range arts {
				nEnt += len(art.Entities)
				found = append(found, events.Find(art)...)
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "%d articles, %d entity mentions from the pipeline's analyzers, %d events found\n", len(arts), nEnt, len(found))
			fmt.Fprintf(out, "%-5s %9s  %-22s %-22s %-22s\n", "split", "sentences", "strict P/R/F1", "country P/R/F1", "PLOVER P/R/F1")
			for _, r := range events.Evaluate(gold, found) {
				fmt.Fprintf(out, "%-5s %9d  %-22s %-22s %-22s\n", r.Split, r.Sentences, prf(r.Strict), prf(r.Country), prf(r.PLOVER))
				if verbose && r.Split == "all" {
					for _, m := range r.Misses {
						fmt.Fprintln(out, m)
					}
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list the sentences where found and gold differ")
	return cmd
}

func prf(s events.Score) string {
	return fmt.Sprintf("%.2f/%.2f/%.2f", s.Precision(), s.Recall(), s.F1())
}

// goldArticles parses the bundled corpus's seed and 2025 agency articles and
// keeps those the gold rows name (the JSON lines carry the agency's id).
func goldArticles(cmd *cobra.Command, p *pipeline.Pipeline, gold []events.GoldRow) ([]*article.Article, error) {
	want := map[string]bool{}
	for _, g := range gold {
		want[g.Article] = true
	}
	corpus := demo.Corpus()
	var arts []*article.Article
	for _, name := range []string{"seed-article.txt", "news-2025-4agencies.jsonl"} {
		data, err := fs.ReadFile(corpus, name)
		if err != nil {
			return nil, fmt.Errorf("demo corpus: %w", err)
		}
		res, err := p.Parse(cmd.Context(), pipeline.Document{Path: name, Data: data})
		if err != nil {
			return nil, fmt.Errorf("demo corpus %s: %w", name, err)
		}
		for _, art := range res.Articles {
			if name == "seed-article.txt" {
				arts = append(arts, art)
				continue
			}
			for id := range want {
				if strings.Contains(art.Raw, `"id": "`+id+`"`) || strings.Contains(art.Raw, `"id":"`+id+`"`) {
					arts = append(arts, art)
					break
				}
			}
		}
	}
	return arts, nil
}
