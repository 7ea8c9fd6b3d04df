// Command khabar ingests, repairs, analyses, searches and serves Persian news.
// This package holds flags and wiring only; the work is done under internal/.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/spf13/cobra"

	"khabar/internal/config"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// app carries what every subcommand shares.
type app struct {
	cfg config.Config
	// noAnalysis leaves entities, quotes and events out of the pipeline
	// (parse and ingest --no-analysis): the analysis costs more than parsing.
	noAnalysis bool
	cpuProfile string
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := newRootCmd().ExecuteContext(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "khabar:", err)
		var ue usageError
		if errors.As(err, &ue) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// usageError marks errors in how the command was called (exit code 2).
type usageError struct{ error }

func newRootCmd() *cobra.Command {
	a := &app{cfg: config.Default()}
	root := &cobra.Command{
		Use:           "khabar",
		Short:         "Persian news aggregation and analysis",
		Long:          "khabar ingests Persian news (text dumps, feeds, pages), repairs the text, recovers\nprovenance, finds copies and stories, and serves search, a web UI and a JSON API.",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if a.cpuProfile != "" {
				f, err := os.Create(a.cpuProfile)
				if err != nil {
					return err
				}
				if err := pprof.StartCPUProfile(f); err != nil {
					return err
				}
			}
			return a.cfg.Validate()
		},
		PersistentPostRun: func(cmd *cobra.Command, args []string) {
			if a.cpuProfile != "" {
				pprof.StopCPUProfile()
			}
		},
	}
	root.PersistentFlags().StringVar(&a.cfg.DataDir, "data", a.cfg.DataDir, "data directory (env KHABAR_DATA)")
	// For measuring whole commands (docs/BENCHMARKS.md): go tool pprof khabar FILE.
	root.PersistentFlags().StringVar(&a.cpuProfile, "cpuprofile", "", "write a CPU profile of the command to this file")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	root.AddCommand(
		a.versionCmd(),
		a.normalizeCmd(),
		a.parseCmd(),
		a.ingestCmd(),
		a.reanalyzeCmd(),
		a.searchCmd(),
		a.storiesCmd(),
		a.serveCmd(),
		a.demoCmd(),
		a.evalCmd(),
		a.sourcesCmd(),
		a.fetchCmd(),
		a.fixturesCmd(),
	)
	return root
}

func (a *app) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "print the version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, args []string) {
			fmt.Fprintln(cmd.OutOrStdout(), "khabar", version)
		},
	}
}
