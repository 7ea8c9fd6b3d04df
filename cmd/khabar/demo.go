package main

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/spf13/cobra"

	"khabar/internal/copies/copyeval"
	"khabar/internal/demo"
	"khabar/internal/pipeline"
)

func (a *app) demoCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "ingest the bundled corpus and serve it",
		Long: `Demo ingests the corpus bundled in the binary (1,581 real Persian news articles:
Fars News, Tasnim, Hamshahri Online, Khabar Online, Borna, and the seed article)
plus one generated syndicated copy of each 2025 agency article (re-attributed,
ZWNJ-stripped, cut: what aggregators do), so stories show copies beside their
originals. It stores them in the data directory, then serves the web UI. A
second run reuses the data.

Example:
  go run ./cmd/khabar demo
  khabar demo --addr 127.0.0.1:9000 --data /tmp/khabar-demo`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.openStore(ctx, true)
			if err != nil {
				return err
			}
			defer st.Close()
			n, err := st.CountArticles(ctx)
			if err != nil {
				return err
			}
			if n == 0 {
				inputs, err := fsInputs(demo.Corpus(), func(p string) bool {
					ext := filepath.Ext(p)
					return ext == ".gz" || ext == ".jsonl" || p == "seed-article.txt"
				})
				if err != nil {
					return err
				}
				copies, err := a.demoCopies(ctx)
				if err != nil {
					return err
				}
				inputs = append(inputs, copies...)
				fmt.Fprintf(cmd.OutOrStdout(), "khabar: ingesting the demo corpus and %d generated syndicated copies into %s\n", len(copies), a.cfg.DataDir)
				rep, err := a.ingest(ctx, st, a.pipeline(true), inputs, cmd.ErrOrStderr())
				rep.print(cmd.OutOrStdout())
				if err != nil {
					return err
				}
			} else {
				fmt.Fprintf(cmd.OutOrStdout(), "khabar: reusing %d articles in %s\n", n, a.cfg.DataDir)
			}
			return a.serve(ctx, st)
		},
	}
	cmd.Flags().StringVar(&a.cfg.Addr, "addr", a.cfg.Addr, "listen address (env KHABAR_ADDR)")
	return cmd
}

// demoCopySeed fixes the generated copies, so every demo shows the same ones.
const demoCopySeed = 1404

// demoCopies makes one syndicated copy of each 2025 agency article, the way
// aggregators republish them (new attribution prefix, stripped or spaced
// ZWNJs, Arabic letters, cut paragraphs, new title: copyeval's documented
// transforms), as text dumps, so the demo's stories show copies beside their
// originals.
func (a *app) demoCopies(ctx context.Context) ([]input, error) {
	const name = "news-2025-4agencies.jsonl"
	data, err := fs.ReadFile(demo.Corpus(), name)
	if err != nil {
		return nil, err
	}
	res, err := a.textPipeline(false).Parse(ctx, pipeline.Document{Path: name, Data: data})
	if err != nil {
		return nil, fmt.Errorf("demo copies: %w", err)
	}
	var ins []input
	for _, c := range copyeval.Generate(res.Articles, 1, demoCopySeed) {
		dump := copyeval.TextDump(c.Article)
		ins = append(ins, input{
			name: "generated-copies/" + c.Of + ".txt",
			size: int64(len(dump)),
			read: func() ([]byte, error) { return dump, nil },
		})
	}
	return ins, nil
}
