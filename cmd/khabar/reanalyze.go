package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/spf13/cobra"

	"khabar/internal/article"
	"khabar/internal/pipeline"
	"khabar/internal/store"
	"khabar/internal/store/sqlite"
)

// reanalyzeBatch is how many articles one read and one write carry.
const reanalyzeBatch = 200

func (a *app) reanalyzeCmd() *cobra.Command {
	var noZWNJ bool
	cmd := &cobra.Command{
		Use:   "reanalyze",
		Short: "run the current analysis (entities, quotes, events, topic) over every stored article",
		Long: `Reanalyze runs this khabar's analysis stages over the articles already in the
store and replaces what they found: entities, quotes, events and the topic. The
articles themselves (text, provenance, dates) are not touched. Use it after an
upgrade that improves the analysis, or on a store ingested before the analysis
existed; ingesting the same files again would not do it, since unchanged
articles are not rewritten. An article whose analysis fails is reported and
keeps its old analysis.

Examples:
  khabar reanalyze
  khabar reanalyze --data /tmp/khabar`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p := a.pipeline(!noZWNJ)
			if len(p.Analyzers) == 0 {
				return errors.New("reanalyze: this khabar has no analysis stages to run")
			}
			st, err := a.openStore(cmd.Context(), !noZWNJ)
			if err != nil {
				return err
			}
			defer st.Close()
			return reanalyze(cmd.Context(), st, p, cmd.OutOrStdout())
		},
	}
	cmd.Flags().BoolVar(&noZWNJ, "no-zwnj", false, "do not restore ZWNJ in search queries")
	return cmd
}

// reanalyze pages through the store (newest first; the analysis does not
// change an article's place in that order) and rewrites each page's analysis.
func reanalyze(ctx context.Context, st *sqlite.DB, p *pipeline.Pipeline, out io.Writer) error {
	done, failed := 0, 0
	for offset := 0; ; offset += reanalyzeBatch {
		arts, err := st.Articles(ctx, store.ListQuery{Limit: reanalyzeBatch, Offset: offset})
		if err != nil {
			return fmt.Errorf("reanalyze: %w", err)
		}
		if len(arts) == 0 {
			break
		}
		ok, errs := analyzeAll(ctx, p, arts)
		for _, err := range errs {
			fmt.Fprintf(out, "skipped: %v\n", err)
		}
		failed += len(errs)
		n, err := st.PutAnalysis(ctx, ok)
		if err != nil {
			return fmt.Errorf("reanalyze: %w", err)
		}
		done += n
	}
	fmt.Fprintf(out, "reanalysed %d articles, %d failed\n", done, failed)
	return nil
}

// analyzeAll runs the analyzers over a page of stored articles on every core,
// from a clean slate, and returns those that succeeded, in order.
func analyzeAll(ctx context.Context, p *pipeline.Pipeline, arts []*article.Article) ([]*article.Article, []error) {
	errs := make([]error, len(arts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				a := arts[i]
				a.Category, a.Entities, a.Quotes, a.Events = "", nil, nil, nil
				for _, an := range p.Analyzers {
					if err := an.Analyze(ctx, a); err != nil {
						errs[i] = fmt.Errorf("article %s: %w", a.ID, err)
						break
					}
				}
			}
		})
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	var ok []*article.Article
	var bad []error
	for i, a := range arts {
		if errs[i] != nil {
			bad = append(bad, errs[i])
			continue
		}
		ok = append(ok, a)
	}
	return ok, bad
}
