package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"khabar/internal/feeds"
	"khabar/internal/fetch"
	"khabar/internal/store/sqlite"
)

func (a *app) fixturesBenchCmd() *cobra.Command {
	var nFeeds, nHosts, items, workers int
	var hostDelay time.Duration
	var textDir string
	var summaries bool
	var cpuProfile string
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "time polling many local feeds twice (new, then unchanged)",
		Long: `Fixtures bench serves --feeds full-text RSS feeds from --hosts local addresses
(127.0.0.1, 127.0.0.2, ...), registers one source per feed in a fresh store in a
temporary directory, and polls them all twice through the real fetcher, pipeline and
SQLite store: the first round stores every item, the second must be one
conditional request per feed and store nothing. It prints the time of each round
and the peak resident memory of the process (server included).

With --summaries the feeds carry one paragraph per item and the poller fetches
and extracts every item's page as well (paced by --host-delay like the feeds).

Examples:
  khabar fixtures bench --feeds 1000 --hosts 100
  khabar fixtures bench --feeds 1000 --hosts 100 --items 5 --summaries`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			texts, err := benchTexts(textDir)
			if err != nil {
				return err
			}
			site := fetch.NewBenchSite(items, texts)
			site.Summaries = summaries
			var bases []string
			for h := range nHosts {
				ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.%d:0", 1+h%250))
				if err != nil {
					return fmt.Errorf("listen on 127.0.0.%d: %w", 1+h%250, err)
				}
				srv := &http.Server{Handler: site, ReadHeaderTimeout: 5 * time.Second}
				go srv.Serve(ln)
				defer srv.Close()
				bases = append(bases, "http://"+ln.Addr().String())
			}
			dir, err := os.MkdirTemp("", "khabar-bench-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			st, err := sqlite.Open(ctx, filepath.Join(dir, "khabar.db"), sqlite.Options{})
			if err != nil {
				return err
			}
			defer st.Close()
			for i := range nFeeds {
				s := feeds.Source{ID: fmt.Sprintf("bench-%04d", i), Name: fmt.Sprintf("منبع %d", i), Kind: feeds.Agency,
					Feeds: []string{fmt.Sprintf("%s/feed/%d.xml", bases[i%len(bases)], i)}}
				if err := st.PutSource(ctx, s); err != nil {
					return err
				}
			}
			srcs, err := st.Sources(ctx)
			if err != nil {
				return err
			}
			fo := fetchOptions{allowPrivate: true, hostDelay: hostDelay, perHost: 2, timeout: 30 * time.Second}
			p, q := a.poller(st, fo, workers, summaries, nil)
			out := cmd.OutOrStdout()
			if cpuProfile != "" {
				f, err := os.Create(cpuProfile)
				if err != nil {
					return err
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return err
				}
				defer pprof.StopCPUProfile()
			}
			fmt.Fprintf(out, "%d feeds × %d items on %d local hosts, %d workers, host delay %v, %d CPUs\n", nFeeds, items, len(bases), workers, hostDelay, runtimeCPUs())
			for round := 1; round <= 2; round++ {
				before := site.Requests.Load()
				start := time.Now()
				res := p.Poll(ctx, srcs, nil)
				took := time.Since(start)
				var fresh, failed, same, pages, pageErrs int
				for _, r := range res {
					fresh += r.New
					pages += r.Pages
					pageErrs += r.PageErrors
					if r.Err != nil {
						failed++
					}
					if r.Status == fetch.PollNotModified {
						same++
					}
				}
				n, _ := st.CountArticles(ctx)
				fmt.Fprintf(out, "round %d: %.1f s  requests %d  not modified %d  failed %d  new articles %d  pages %d (%d failed)  stored %d  peak RSS %d MB\n",
					round, took.Seconds(), site.Requests.Load()-before, same, failed, fresh, pages, pageErrs, n, peakRSSMB())
				if q != nil && q.pending() > 0 {
					start := time.Now()
					done, bad, err := q.drain(ctx, nil)
					if err != nil {
						return err
					}
					fmt.Fprintf(out, "  then analysis of the new articles: %.1f s  analysed %d  failed %d  peak RSS %d MB\n",
						time.Since(start).Seconds(), done, bad, peakRSSMB())
				}
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&nFeeds, "feeds", 1000, "feeds to serve and poll")
	cmd.Flags().IntVar(&nHosts, "hosts", 100, "local addresses to spread the feeds over")
	cmd.Flags().IntVar(&items, "items", 20, "items per feed")
	cmd.Flags().IntVar(&workers, "workers", 64, "feeds polled at once")
	cmd.Flags().DurationVar(&hostDelay, "host-delay", time.Second, "least time between two requests to one host")
	cmd.Flags().BoolVar(&a.noAnalysis, "no-analysis", false, "skip entities, quotes and events, as khabar fetch --no-analysis does")
	cmd.Flags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the polling rounds to this file")
	cmd.Flags().BoolVar(&summaries, "summaries", false, "feeds carry summaries only: every new item's page is fetched and extracted too")
	cmd.Flags().StringVar(&textDir, "text", "../shared/data/fixtures/pages", "folder with a gold.json whose bodies fill the items")
	return cmd
}

// benchTexts reads article bodies from a gold.json.
func benchTexts(dir string) ([][]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		return nil, fmt.Errorf("bench text: %w", err)
	}
	var golds []struct {
		Title string   `json:"title"`
		Body  []string `json:"body"`
	}
	if err := json.Unmarshal(data, &golds); err != nil {
		return nil, fmt.Errorf("bench text %s: %w", dir, err)
	}
	var out [][]string
	for _, g := range golds {
		if len(g.Body) > 0 {
			out = append(out, append([]string{g.Title}, g.Body...))
		}
	}
	if len(out) == 0 {
		return nil, errors.New("bench text: no bodies")
	}
	return out, nil
}

// peakRSSMB reads the process's peak resident set (VmHWM) on Linux; 0 elsewhere.
func peakRSSMB() int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return kb / 1024
		}
	}
	return 0
}

func runtimeCPUs() int { return runtime.NumCPU() }
