package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"khabar/internal/article"
	"khabar/internal/demo"
	"khabar/internal/entities"
	"khabar/internal/metrics"
	"khabar/internal/pipeline"
	"khabar/internal/quotes"
)

func (a *app) evalQuotesCmd() *cobra.Command {
	var split string
	var asJSON, showErrors bool
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "recall, precision and speaker accuracy of quotations on a hand-labelled set",
		Long: `Quotes runs the full analysis (internal/analysis: entities, then
internal/quotes) over the articles of the hand-labelled set in
internal/quotes/testdata/gold.tsv — 231 speech-cue sentences of 48 Fars News
and 16 2025 agency articles, chosen by a written rule and labelled before the
quote finder was run on them (the file's header says how) — and scores the
quotes found at those sentences:

  recall     labelled quotes with a quote found at their sentence
  precision  quotes found at labelled sentences that pair with a label
  speaker    of the paired quotes, those whose speaker is the labelled one
             (same entity id, or the label is the folded name or its tail)
  correct    labelled quotes found with the right speaker (recall × speaker)
  kind       of the paired quotes, those agreeing on direct/reported
  outside    quotes found in the same articles at sentences nobody labelled
             (not scored; the rule caps labelled sentences per article)

Rows are split dev/test by a hash of the article id; only dev was read while
improving the finder.

Examples:
  khabar eval quotes
  khabar eval quotes --split dev --errors
  khabar eval quotes --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch split {
			case "dev", "test", "all":
			default:
				return fmt.Errorf("eval quotes: --split %q: want dev, test or all", split)
			}
			gold, err := quotes.Gold()
			if err != nil {
				return err
			}
			if split != "all" {
				var keep []quotes.GoldRow
				for _, g := range gold {
					if g.Split == split {
						keep = append(keep, g)
					}
				}
				gold = keep
			}
			want := map[string]bool{}
			for _, g := range gold {
				want[g.Article] = true
			}
			arts, err := quoteArticles(cmd, a.pipeline(true), want)
			if err != nil {
				return err
			}
			var found []quotes.Found
			for _, art := range arts {
				found = append(found, quotes.Located(art.id, art.Article)...)
			}
			linker, err := entities.Default()
			if err != nil {
				return err
			}
			res := quotes.Evaluate(gold, found, gazetteerID(linker))
			out := cmd.OutOrStdout()
			if asJSON {
				type row struct {
					quotes.Counts
					Precision       float64 `json:"precision"`
					Recall          float64 `json:"recall"`
					F1              float64 `json:"f1"`
					SpeakerAccuracy float64 `json:"speaker_accuracy"`
					Correct         float64 `json:"correct"`
				}
				var rows []row
				for _, c := range res.Splits {
					if split == "all" || c.Split == split {
						rows = append(rows, row{c, c.Precision(), c.Recall(), c.F1(), c.SpeakerAccuracy(), c.Correct()})
					}
				}
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(map[string]any{"articles": len(arts), "splits": rows})
			}
			fmt.Fprintf(out, "%d articles analysed, %d quotes found in them\n", len(arts), len(found))
			fmt.Fprintf(out, "%-5s %5s %5s %5s  %-6s %-6s %-6s  %-7s %-7s %-6s %7s\n",
				"split", "sents", "gold", "found", "P", "R", "F1", "speaker", "correct", "kind", "outside")
			for _, c := range res.Splits {
				if split != "all" && c.Split != split {
					continue
				}
				fmt.Fprintf(out, "%-5s %5d %5d %5d  %-6.2f %-6.2f %-6.2f  %-7.2f %-7.2f %-6.2f %7d\n",
					c.Split, c.Sentences, c.Gold, c.Found, c.Precision(), c.Recall(), c.F1(),
					c.SpeakerAccuracy(), c.Correct(), metrics.Ratio(c.Kind, c.Matched), c.Outside)
			}
			if showErrors {
				for _, e := range res.Errors {
					fmt.Fprintln(out, e)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&split, "split", "all", "score dev, test or all")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the scores as JSON")
	cmd.Flags().BoolVar(&showErrors, "errors", false, "list the labelled sentences where found and labelled quotes differ, and quotes found at unlabelled sentences")
	return cmd
}

// gazetteerID gives the gazetteer record a labelled speaker name is, when
// the whole label is one of its names or aliases.
func gazetteerID(l *entities.Linker) func(string) string {
	return func(name string) string {
		for _, m := range l.Find(name, time.Time{}) {
			if m.Kind == entities.ByName && m.Start == 0 && m.End == len(name) {
				return m.Record.ID
			}
		}
		return ""
	}
}

// quoteArticles parses the bundled corpus's 2025 agency and Fars News
// articles the gold rows name (by id or link) through the full pipeline, one
// JSON line at a time so each article keeps the id the gold file knows it by
// (the parser gives agency articles a hash of their URL as id).
func quoteArticles(cmd *cobra.Command, p *pipeline.Pipeline, want map[string]bool) ([]idArticle, error) {
	var arts []idArticle
	for _, name := range []string{"news-2025-4agencies.jsonl", "fars-news.jsonl.gz"} {
		data, err := demo.ReadFile(name)
		if err != nil {
			return nil, err
		}
		for _, line := range bytes.Split(labelledLines(data, want), []byte("\n")) {
			id := ""
			for w := range want {
				if bytes.Contains(line, []byte(`"id": "`+w+`"`)) || bytes.Contains(line, []byte(`"link": "`+w+`"`)) {
					id = w
					break
				}
			}
			if id == "" {
				continue
			}
			res, err := p.Parse(cmd.Context(), pipeline.Document{Path: strings.TrimSuffix(name, ".gz"), Data: line})
			if err != nil {
				return nil, fmt.Errorf("demo corpus %s: %s: %w", name, id, err)
			}
			for _, a := range res.Articles {
				arts = append(arts, idArticle{id, a})
			}
		}
	}
	return arts, nil
}

type idArticle struct {
	id string
	*article.Article
}
