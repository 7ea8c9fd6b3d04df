package main

import (
	"bytes"
	"fmt"
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
the hand-labelled set in internal/events/testdata/gold.tsv — sentences of the
seed and of articles of the bundled corpus (2025 agencies and Fars News),
chosen and labelled as its header says — and scores the
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

// labelledLines keeps the JSON lines of a corpus file that carry one of the
// wanted ids («"id": "tasnim-3392652"») or links.
func labelledLines(data []byte, want map[string]bool) []byte {
	var out []byte
	for _, line := range bytes.Split(data, []byte("\n")) {
		for id := range want {
			if bytes.Contains(line, []byte(`"id": "`+id+`"`)) || bytes.Contains(line, []byte(`"link": "`+id+`"`)) {
				out = append(append(out, line...), '\n')
				break
			}
		}
	}
	return out
}

func prf(s events.Score) string {
	return fmt.Sprintf("%.2f/%.2f/%.2f", s.Precision(), s.Recall(), s.F1())
}

// goldArticles parses the bundled corpus's seed, 2025 agency and Fars News
// articles and keeps those the gold rows name (an agency article by the id
// its JSON line carries, a Fars News article by its link).
func goldArticles(cmd *cobra.Command, p *pipeline.Pipeline, gold []events.GoldRow) ([]*article.Article, error) {
	want := map[string]bool{}
	for _, g := range gold {
		want[g.Article] = true
	}
	var arts []*article.Article
	for _, name := range []string{"seed-article.txt", "news-2025-4agencies.jsonl", "fars-news.jsonl.gz"} {
		data, err := demo.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if name != "seed-article.txt" {
			// Analyse only the labelled articles, not all 1,580.
			if data = labelledLines(data, want); len(data) == 0 {
				continue // no labelled article from this file
			}
		}
		res, err := p.Parse(cmd.Context(), pipeline.Document{Path: strings.TrimSuffix(name, ".gz"), Data: data})
		if err != nil {
			return nil, fmt.Errorf("demo corpus %s: %w", name, err)
		}
		arts = append(arts, res.Articles...)
	}
	return arts, nil
}
