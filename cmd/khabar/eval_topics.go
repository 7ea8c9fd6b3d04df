package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"khabar/internal/demo"
	"khabar/internal/metrics"
	"khabar/internal/topics"
)

func (a *app) evalTopicsCmd() *cobra.Command {
	var split string
	cmd := &cobra.Command{
		Use:   "topics",
		Short: "accuracy and macro-F1 of the topic classifier on held-out articles",
		Long: `Topics scores the topic classifier (internal/topics, naive Bayes over folded
words) on the categorised articles of the bundled corpus — Fars News's cat and
the 2025 agencies' category, mapped to khabar's topics by sections.tsv — that
the model was not built from: the test fifth chosen by an FNV-1a hash of the
article's URL (go generate ./internal/topics trains on the rest). The section
labels themselves are hidden from the classifier. It prints accuracy, macro-F1
and per-topic precision/recall.

Examples:
  khabar eval topics
  khabar eval topics --split train`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			exs, err := topics.Examples(demo.Corpus())
			if err != nil {
				return err
			}
			slugs := topics.Slugs()
			tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
			n, correct := 0, 0
			for _, ex := range exs {
				if (split == "test") != topics.IsTest(ex.URL) {
					continue
				}
				got := topics.Predict(ex.Title, append([]string{ex.Lead}, ex.Body...)...)
				n++
				if got == ex.Topic {
					correct++
					tp[got]++
				} else {
					fp[got]++
					fn[ex.Topic]++
				}
			}
			out := cmd.OutOrStdout()
			if n == 0 {
				return fmt.Errorf("no %s articles", split)
			}
			fmt.Fprintf(out, "split %s: %d articles, accuracy %.3f\n", split, n, float64(correct)/float64(n))
			fmt.Fprintf(out, "%-14s %7s %7s %7s %7s\n", "topic", "support", "P", "R", "F1")
			var sumF1 float64
			classes := 0
			for _, s := range slugs {
				support := tp[s] + fn[s]
				if support == 0 && fp[s] == 0 {
					continue
				}
				p, r, f := metrics.PRF(tp[s], tp[s]+fp[s], support)
				if support > 0 {
					sumF1 += f
					classes++
				}
				fmt.Fprintf(out, "%-14s %7d %7.3f %7.3f %7.3f\n", s, support, p, r, f)
			}
			fmt.Fprintf(out, "macro-F1 %.3f over %d topics with test articles\n", sumF1/float64(classes), classes)
			return nil
		},
	}
	cmd.Flags().StringVar(&split, "split", "test", "test (held out) or train")
	return cmd
}
