package main

import (
	"fmt"
	"io"
	"slices"

	"github.com/spf13/cobra"

	"khabar/internal/article"
	"khabar/internal/stories"
	"khabar/internal/stories/storyeval"
)

func (a *app) evalStoriesCmd() *cobra.Command {
	var (
		split     string
		threshold float64
		noDups    bool
		verbose   bool
		noDates   bool
	)
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "pairwise and B-cubed P/R/F1 of story clustering on hand-labelled groups",
		Long: `Stories clusters the whole bundled corpus (1,580 articles) with copy detection and
story assignment, then scores the clustering on the hand-labelled articles
(internal/stories/storyeval/gold: same-event groups, articles published twice,
hard negatives and all 80 four-agency articles): pairwise precision/recall/F1
over same-story pairs and B-cubed precision/recall/F1. It prints a TF-IDF cosine
baseline beside it (plain TF-IDF over all terms, no title weight, no copy links,
its threshold chosen on dev).

Labels are split into dev and test by a hash of the group name; thresholds were
chosen on dev only.

Examples:
  khabar eval stories
  khabar eval stories --split test --no-dups`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			arts, err := demoArticles(cmd.Context(), a.textPipeline(false))
			if err != nil {
				return err
			}
			all, err := storyeval.Gold()
			if err != nil {
				return err
			}
			labels := slices.DeleteFunc(slices.Clone(all), func(l storyeval.Label) bool {
				return (noDups && l.Kind == "dup") || (split != "all" && (split == "dev") != isDev(l.Group))
			})
			stories.SortByPublished(arts)
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "split %s: %d labelled articles (%d clustered)\n", split, len(labels), len(arts))

			e := stories.NewEngine()
			e.NoDates = noDates
			if threshold > 0 {
				o := stories.DefaultOptions()
				o.Threshold = threshold
				e.Clusterer = stories.NewClusterer(o)
			}
			pred := map[string]string{}
			for _, r := range e.AddBatch(arts) {
				pred[r.ArticleID] = r.Story
			}
			// Merges re-point earlier articles: read the final story of each.
			for id := range pred {
				pred[id], _ = e.Clusterer.StoryOf(id)
			}
			printScores(out, "khabar (copies + stories)", storyeval.Score(labels, pred))
			if verbose {
				for _, l := range labels {
					fmt.Fprintf(out, "  %-32s %-13s %s  %s\n", l.Group, l.Kind, pred[l.ID], l.Title)
				}
			}

			// Baseline: plain TF-IDF cosine, best threshold on dev.
			dev := slices.DeleteFunc(slices.Clone(all), func(l storyeval.Label) bool { return !isDev(l.Group) || (noDups && l.Kind == "dup") })
			bestT, bestF := 0.0, -1.0
			for _, t := range []float64{0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7} {
				if f := storyeval.Score(dev, baseline(arts, t)).PairF1; f > bestF {
					bestT, bestF = t, f
				}
			}
			printScores(out, fmt.Sprintf("baseline TF-IDF cosine (threshold %.2f)", bestT), storyeval.Score(labels, baseline(arts, bestT)))
			return nil
		},
	}
	cmd.Flags().StringVar(&split, "split", "all", "labels to score: dev, test or all")
	cmd.Flags().Float64Var(&threshold, "threshold", 0, "story join threshold (0: default)")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list labelled articles with their predicted story")
	cmd.Flags().BoolVar(&noDates, "no-dates", false, "ignore publication dates: cluster by content alone, as for text dumps")
	cmd.Flags().BoolVar(&noDups, "no-dups", false, "leave out the groups of articles published twice")
	return cmd
}

func printScores(w io.Writer, name string, s storyeval.Scores) {
	fmt.Fprintf(w, "%s\n  pairwise  P %.3f  R %.3f  F1 %.3f  (gold pairs %d, predicted %d, correct %d)\n  B-cubed   P %.3f  R %.3f  F1 %.3f\n",
		name, s.PairP, s.PairR, s.PairF1, s.GoldPairs, s.PredPairs, s.Both, s.BCubedP, s.BCubedR, s.BCubedF1)
}

// baseline clusters with plain TF-IDF vectors: every term, no title weight,
// no time window and no copy links.
func baseline(arts []*article.Article, threshold float64) map[string]string {
	v := stories.NewVectorizer()
	v.TitleBoost, v.LeadBoost, v.MaxTerms, v.MinIDFShare = 1, 1, 1<<20, 0
	o := stories.DefaultOptions()
	o.Threshold, o.MergeThreshold, o.Window = threshold, 2, 1<<62
	c := stories.NewClusterer(o)
	for _, a := range arts {
		c.Add(stories.Item{ID: a.ID, Title: a.Title, Vector: v.Vector(a)})
	}
	pred := map[string]string{}
	for _, a := range arts {
		pred[a.ID], _ = c.StoryOf(a.ID)
	}
	return pred
}
