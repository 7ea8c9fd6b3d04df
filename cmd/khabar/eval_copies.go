package main

import (
	"context"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"khabar/internal/article"
	"khabar/internal/copies"
	"khabar/internal/copies/copyeval"
	"khabar/internal/demo"
	"khabar/internal/pipeline"
)

func (a *app) evalCopiesCmd() *cobra.Command {
	var (
		split   string
		perCopy int
		seed    uint64
		minC    float64
		minJ    float64
		verbose bool
		write   string
	)
	cmd := &cobra.Command{
		Use:   "copies",
		Short: "precision/recall of syndicated-copy detection on generated copies",
		Long: `Copies makes syndicated copies of the bundled corpus articles (1,580 real articles)
with the edits aggregators apply — new attribution prefix, ZWNJ stripped or turned
into spaces, Arabic ي/ك, Persian or ASCII digits, new title, dropped or reordered
paragraphs, first half only, appended trailers — in seeded random combinations
(see internal/copies/copyeval), indexes originals then copies, and reports
precision and recall of the copy_of links. The originals are the negatives.

Articles are split in two halves by a hash of their id: thresholds were chosen
on "dev"; "test" was only scored.

Examples:
  khabar eval copies
  khabar eval copies --split dev --min-containment 0.7 -v`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			arts, err := demoArticles(cmd.Context(), a.textPipeline(false))
			if err != nil {
				return err
			}
			originals := splitArticles(arts, split)
			cs := copyeval.Generate(originals, perCopy, seed)
			p := a.textPipeline(false)
			for _, c := range cs {
				if err := p.Process(cmd.Context(), c.Article); err != nil {
					return fmt.Errorf("normalize copy %s: %w", c.Article.ID, err)
				}
			}
			if write != "" {
				if err := writeCopies(write, cs); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "wrote %d copies as text dumps to %s\n", len(cs), write)
			}
			res := copyeval.Run(originals, cs, func() *copies.Index {
				ix := copies.NewIndex()
				ix.MinContainment, ix.MinJaccard = minC, minJ
				return ix
			})
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "split %s: %d originals, %d generated copies (seed %d)\n", split, res.Originals, res.Copies, seed)
			fmt.Fprintf(out, "precision %.4f  recall %.4f  (TP %d, FP %d, FN %d)\n", res.Precision(), res.Recall(), res.TP, res.FP, res.FN)
			fmt.Fprintf(out, "%.0f articles/s signed and indexed (%v)\n", float64(res.Originals+res.Copies)/res.Elapsed.Seconds(), res.Elapsed.Round(1e6))
			names := make([]string, 0, len(res.ByTransform))
			for n := range res.ByTransform {
				names = append(names, n)
			}
			sort.Strings(names)
			fmt.Fprintln(out, "recall by transform (copies made with it, found):")
			for _, n := range names {
				c := res.ByTransform[n]
				fmt.Fprintf(out, "  %-16s %5d %5d  %.4f\n", n, c[0], c[1], float64(c[1])/float64(max(c[0], 1)))
			}
			if verbose {
				byID := map[string]*article.Article{}
				for _, o := range originals {
					byID[o.ID] = o
				}
				for _, c := range cs {
					byID[c.Article.ID] = c.Article
				}
				for _, c := range res.Missed {
					o := byID[c.Of]
					so, sc := copies.Sign(o.Body, o.Lead), copies.Sign(c.Article.Body, c.Article.Lead)
					j := copies.Jaccard(&so, &sc)
					fmt.Fprintf(out, "missed %s %v: letters %d/%d, jaccard %.2f, containment %.2f\n", c.Article.ID, c.Transforms,
						so.Letters, sc.Letters, j, copies.Containment(j, so.Shingles, sc.Shingles))
				}
				for _, l := range res.FalseLinks {
					fmt.Fprintf(out, "false link %s → %s\n  %s\n  %s\n", l[0], l[1], title(byID[l[0]]), title(byID[l[1]]))
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&split, "split", "all", "articles to use: dev, test or all")
	cmd.Flags().IntVar(&perCopy, "copies", 2, "copies generated per article")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "random seed for the copy edits")
	cmd.Flags().Float64Var(&minC, "min-containment", copies.DefaultMinContainment, "near-copy containment threshold")
	cmd.Flags().Float64Var(&minJ, "min-jaccard", copies.DefaultMinJaccard, "near-copy Jaccard threshold")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list false links")
	cmd.Flags().StringVar(&write, "write", "", "also write the generated copies to DIR as text dumps (to ingest beside the corpus)")
	return cmd
}

func title(a *article.Article) string {
	if a == nil {
		return "?"
	}
	return a.Title
}

// demoArticles parses the bundled corpus (embedded in the binary, so evals run
// from a clean clone) through the pipeline, in file order.
func demoArticles(ctx context.Context, p *pipeline.Pipeline) ([]*article.Article, error) {
	corpus := demo.Corpus()
	var arts []*article.Article
	for _, name := range []string{"news-2025-4agencies.jsonl", "fars-news.jsonl.gz"} {
		data, err := fs.ReadFile(corpus, name)
		if err != nil {
			return nil, fmt.Errorf("demo corpus: %w", err)
		}
		res, err := p.Parse(ctx, pipeline.Document{Path: name, Data: data})
		if err != nil {
			return nil, fmt.Errorf("demo corpus %s: %w", name, err)
		}
		arts = append(arts, res.Articles...)
	}
	return arts, nil
}

// splitArticles keeps the dev or test half (by a hash of the id), or all.
func splitArticles(arts []*article.Article, split string) []*article.Article {
	if split == "all" || split == "" {
		return arts
	}
	return slices.DeleteFunc(slices.Clone(arts), func(a *article.Article) bool {
		return (split == "dev") != isDev(a.ID)
	})
}

// isDev puts an id in the dev half; the rest is test.
func isDev(id string) bool {
	h := fnv.New32a()
	h.Write([]byte(strings.TrimSpace(id)))
	return h.Sum32()%2 == 0
}

// writeCopies saves generated copies as text dumps (copyeval.TextDump).
func writeCopies(dir string, cs []copyeval.Copy) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write copies: %w", err)
	}
	for _, c := range cs {
		name := filepath.Join(dir, c.Article.ID+".txt")
		if err := os.WriteFile(name, copyeval.TextDump(c.Article), 0o644); err != nil {
			return fmt.Errorf("write copies: %w", err)
		}
	}
	return nil
}
