package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"khabar/internal/feeds"
	"khabar/internal/fetch"
	"khabar/internal/pipeline"
	"khabar/internal/store/sqlite"
)

// fetchOptions are the HTTP client's politeness and safety settings, shared
// by fetch, sources add and serve. Defaults come from KHABAR_ALLOW_PRIVATE
// and KHABAR_HOST_DELAY, so a fixture setup can be made once per shell.
type fetchOptions struct {
	allowPrivate bool
	hostDelay    time.Duration
	perHost      int
	timeout      time.Duration
}

func (fo *fetchOptions) flags(cmd *cobra.Command) {
	allow, _ := strconv.ParseBool(os.Getenv("KHABAR_ALLOW_PRIVATE"))
	delay := time.Second
	if d, err := time.ParseDuration(os.Getenv("KHABAR_HOST_DELAY")); err == nil && d >= 0 {
		delay = d
	}
	cmd.Flags().BoolVar(&fo.allowPrivate, "allow-private", allow, "allow loopback and private addresses, e.g. a local fixture server (env KHABAR_ALLOW_PRIVATE)")
	cmd.Flags().DurationVar(&fo.hostDelay, "host-delay", delay, "least time between two requests to one host (env KHABAR_HOST_DELAY)")
	cmd.Flags().IntVar(&fo.perHost, "per-host", 2, "concurrent requests per host")
	cmd.Flags().DurationVar(&fo.timeout, "timeout", 30*time.Second, "time limit of one request")
}

func (fo fetchOptions) client() fetch.Options {
	return fetch.Options{AllowPrivate: fo.allowPrivate, HostDelay: fo.hostDelay, PerHost: fo.perHost, Timeout: fo.timeout}
}

// poller wires the fetcher, the pipeline and the store. Articles are parsed
// and normalized in the round and analysed after they are stored, through
// the returned queue (nil with --no-analysis): see analysisQueue.
func (a *app) poller(st *sqlite.DB, fo fetchOptions, workers int, pages bool, log *slog.Logger) (*fetch.Poller, *analysisQueue) {
	full := a.pipeline(true)
	process := &pipeline.Pipeline{Normalizer: full.Normalizer}
	var w fetch.ArticleWriter = articleWriter(st, log)
	var q *analysisQueue
	if len(full.Analyzers) > 0 {
		q = newAnalysisQueue(st, full, log)
		w = queueWriter{w, q}
	}
	return &fetch.Poller{
		Client: fetch.New(fo.client()), Sources: st, Articles: w, Process: process.Process,
		Workers: workers, FetchPages: pages, Log: log,
	}, q
}

// analyseQueued drains the queue with a progress bar and says what it did.
func analyseQueued(ctx context.Context, q *analysisQueue, out, progressOut io.Writer) error {
	if q == nil || q.pending() == 0 {
		return nil
	}
	start := time.Now()
	bar := newCountBar(int64(q.pending()), "analysing", progressOut)
	done, failed, err := q.drain(ctx, func(n int) { _ = bar.Add(n) })
	_ = bar.Finish()
	fmt.Fprintf(out, "analysed: %d articles (entities, quotes, events, topic)  failed: %d  in %.1f s\n", done, failed, time.Since(start).Seconds())
	return err
}

func (a *app) fetchCmd() *cobra.Command {
	var fo fetchOptions
	var workers int
	var noPages, due bool
	cmd := &cobra.Command{
		Use:   "fetch [SOURCE...]",
		Short: "poll sources' feeds once and store new articles",
		Long: `Fetch polls the feeds of the given sources (all sources when none is named),
fetches and extracts the article page of every new item that carries only a
summary, and stores the articles. An unchanged feed costs one conditional
request. A failing feed is reported and the others go on.

Examples:
  khabar fetch
  khabar fetch tasnim isna
  khabar fetch --due            # only the feeds whose poll interval has passed

Local fixture server (see khabar fixtures serve):
  export KHABAR_ALLOW_PRIVATE=1 KHABAR_HOST_DELAY=0
  khabar sources import fixtures.opml && khabar fetch`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.openStore(ctx, true)
			if err != nil {
				return err
			}
			defer st.Close()
			var srcs []feeds.Source
			if len(args) == 0 {
				if srcs, err = st.Sources(ctx); err != nil {
					return err
				}
			}
			for _, id := range args {
				s, err := st.Source(ctx, id)
				if err != nil {
					return err
				}
				srcs = append(srcs, s)
			}
			nfeeds := 0
			for _, s := range srcs {
				nfeeds += len(s.Feeds)
			}
			if nfeeds == 0 && !due {
				return errors.New("no sources to fetch: add some with khabar sources add, import or defaults")
			}
			p, q := a.poller(st, fo, workers, !noPages, nil)
			bar := newCountBar(int64(nfeeds), "fetching feeds", cmd.ErrOrStderr())
			progress := func(fetch.Result) { _ = bar.Add(1) }
			var res []fetch.Result
			if due {
				res, err = p.PollDue(ctx, progress)
				if err != nil {
					return err
				}
			} else {
				res = p.Poll(ctx, srcs, progress)
			}
			_ = bar.Finish()
			perr := printFetch(cmd.OutOrStdout(), res)
			if err := analyseQueued(ctx, q, cmd.OutOrStdout(), cmd.ErrOrStderr()); err != nil {
				return err
			}
			return perr
		},
	}
	fo.flags(cmd)
	cmd.Flags().IntVar(&workers, "workers", 16, "feeds polled at once")
	cmd.Flags().BoolVar(&noPages, "no-pages", false, "store feed summaries without fetching article pages")
	cmd.Flags().BoolVar(&due, "due", false, "poll only the feeds that are due")
	cmd.Flags().BoolVar(&a.noAnalysis, "no-analysis", false, "skip entities, quotes and events (faster; khabar reanalyze adds them later)")
	return cmd
}

func printFetch(w io.Writer, res []fetch.Result) error {
	var ok, same, failed, items, fresh, pages, pageErrs int
	for _, r := range res {
		switch r.Status {
		case fetch.PollOK:
			ok++
		case fetch.PollNotModified:
			same++
		default:
			failed++
			fmt.Fprintf(w, "  failed %s %s: %v\n", r.SourceID, r.FeedURL, r.Err)
		}
		items += r.Items
		fresh += r.New
		pages += r.Pages
		pageErrs += r.PageErrors
	}
	fmt.Fprintf(w, "feeds: %d  ok: %d  not modified: %d  failed: %d  items: %d  new articles: %d  pages: %d (%d failed)\n",
		len(res), ok, same, failed, items, fresh, pages, pageErrs)
	if failed > 0 && ok+same == 0 {
		return errors.New("every feed failed")
	}
	return nil
}

func newCountBar(total int64, what string, w io.Writer) *progressbar.ProgressBar {
	visible := false
	if f, ok := w.(*os.File); ok {
		visible = term.IsTerminal(int(f.Fd()))
	}
	return progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetVisibility(visible),
		progressbar.OptionSetDescription(what),
		progressbar.OptionSetWidth(30),
		progressbar.OptionShowCount(),
		progressbar.OptionClearOnFinish(),
	)
}

// pollInBackground polls due sources every minute until ctx ends: the
// background polling of khabar serve. Errors are logged per feed.
func (a *app) pollInBackground(ctx context.Context, st *sqlite.DB, log *slog.Logger) {
	var fo fetchOptions
	fo.flags(&cobra.Command{}) // defaults and environment only
	p, q := a.poller(st, fo, 8, true, log)
	if q != nil {
		go q.run(ctx)
	}
	go func() {
		if err := p.Run(ctx, time.Minute); err != nil && !errors.Is(err, context.Canceled) {
			log.Error("background polling stopped", "err", err)
		}
	}()
}
