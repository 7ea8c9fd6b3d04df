package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/spf13/cobra"

	"khabar/internal/store/sqlite"
	"khabar/internal/web"
)

func (a *app) serveCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "serve the web UI and the JSON API",
		Long: `Serve starts the web UI (right-to-left, Persian) and the JSON API over the store
in the data directory.

Examples:
  khabar serve
  khabar serve --addr 127.0.0.1:9000 --data /tmp/khabar`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer st.Close()
			return a.serve(cmd.Context(), st)
		},
	}
	cmd.Flags().StringVar(&a.cfg.Addr, "addr", a.cfg.Addr, "listen address (env KHABAR_ADDR)")
	return cmd
}

// serve runs the web server until ctx is cancelled (Ctrl-C), then shuts it down gracefully.
func (a *app) serve(ctx context.Context, st *sqlite.DB) error {
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	srv := web.New(web.Deps{Store: st, Index: st, Logger: logger})
	if err := srv.Start(ctx, a.cfg.Addr); err != nil {
		return err
	}
	a.pollInBackground(ctx, st, logger) // polls due sources every minute (see fetch.go)
	n, _ := st.CountArticles(ctx)
	fmt.Printf("khabar: serving %d articles at http://%s/  (Ctrl-C to stop)\n", n, srv.Addr())
	<-ctx.Done()
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Close(shutdown)
}
