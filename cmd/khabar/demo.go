package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"khabar/internal/demo"
)

func (a *app) demoCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "ingest the bundled corpus and serve it",
		Long: `Demo ingests the corpus bundled in the binary (1,581 real Persian news articles:
Fars News, Tasnim, Hamshahri Online, Khabar Online, Borna, and the seed article)
into the data directory, then serves the web UI. A second run reuses the data.

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
				fmt.Fprintf(cmd.OutOrStdout(), "khabar: ingesting the demo corpus into %s\n", a.cfg.DataDir)
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
