package main

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"khabar/internal/feeds"
	"khabar/internal/fetch"
)

func (a *app) fixturesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "fixtures",
		Short: "local test servers for fetching without the internet",
	}
	cmd.AddCommand(a.fixturesServeCmd(), a.fixturesBenchCmd())
	return cmd
}

func (a *app) fixturesServeCmd() *cobra.Command {
	var addr, opmlPath string
	cmd := &cobra.Command{
		Use:   "serve [DIR...]",
		Short: "serve saved article pages as a news site with feeds and an OPML list",
		Long: `Fixtures serve serves each DIR (a folder of saved article pages with a gold.json,
like ../shared/data/fixtures/pages) as a news site: one summary-only RSS feed per
folder, the pages behind it, conditional GET. It writes an OPML file listing the
feeds, so the whole ingestion path runs offline:

  khabar fixtures serve &        # terminal 1 (or in the background)
  export KHABAR_ALLOW_PRIVATE=1 KHABAR_HOST_DELAY=0
  khabar sources import fixtures.opml && khabar fetch
  khabar serve                   # the articles, and /sources

Without DIR it serves ../shared/data/fixtures/pages and internal/extract/testdata/pages
(those of them that exist; run it from the repository root).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				// The shared fixtures sit beside the repository on the
				// development machine; a clean clone elsewhere still has
				// its own pages under internal/extract/testdata.
				for _, d := range []string{"../shared/data/fixtures/pages", "internal/extract/testdata/pages"} {
					if _, err := os.Stat(filepath.Join(d, "gold.json")); err == nil {
						args = append(args, d)
					}
				}
				if len(args) == 0 {
					return errors.New("no fixture folders found: run from the repository root or name a DIR with a gold.json")
				}
			}
			site, err := fetch.NewFixtureSite(args)
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return err
			}
			base := "http://" + ln.Addr().String()
			var b bytes.Buffer
			if err := feeds.WriteOPML(&b, site.Sources(base), time.Now()); err != nil {
				return err
			}
			if err := os.WriteFile(opmlPath, b.Bytes(), 0o644); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "khabar: fixture site at %s/ (feeds listed in %s and %s/sources.opml)\n", base, opmlPath, base)
			fmt.Fprintf(cmd.OutOrStdout(), "then: export KHABAR_ALLOW_PRIVATE=1 KHABAR_HOST_DELAY=0; khabar sources import %s && khabar fetch\n", opmlPath)
			srv := &http.Server{Handler: site, ReadHeaderTimeout: 5 * time.Second}
			go func() {
				<-cmd.Context().Done()
				srv.Close()
			}()
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8089", "listen address")
	cmd.Flags().StringVar(&opmlPath, "opml", "fixtures.opml", "where to write the OPML list of the feeds")
	return cmd
}
