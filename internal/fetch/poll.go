package fetch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	nurl "net/url"
	"sort"
	"sync"
	"time"

	"khabar/internal/article"
	"khabar/internal/extract"
	"khabar/internal/feeds"
	"khabar/internal/store"
)

// ArticleWriter is the part of store.Store the poller writes to.
type ArticleWriter interface {
	PutArticles(ctx context.Context, arts []*article.Article) (store.PutResult, error)
}

// Poller polls sources' feeds, fetches the pages of items that carry only a
// summary, runs every article through the pipeline and stores it. One feed's
// failure never stops the others.
type Poller struct {
	Client   *Client
	Sources  store.SourceStore
	Articles ArticleWriter
	// Process is the pipeline stage run on every article before it is
	// stored (pipeline.Pipeline.Process): normalization and analysis.
	Process func(ctx context.Context, a *article.Article) error
	// Workers bounds how many feeds are polled at once (default 16); the
	// client's per-host limits apply underneath.
	Workers int
	// FetchPages fetches and extracts the page of each new summary-only item.
	FetchPages bool
	Log        *slog.Logger
	// Now is the clock (tests replace it); nil means time.Now.
	Now func() time.Time
}

// Poll statuses, as stored in store.FeedState.Status.
const (
	PollOK          = "ok"
	PollNotModified = "not modified"
	PollError       = "error"
)

// Result is what one feed's poll did.
type Result struct {
	SourceID, FeedURL string
	Status            string
	Items, New        int
	// Pages counts article pages fetched; PageErrors those that failed (the
	// feed's summary was stored instead).
	Pages, PageErrors int
	Err               error
	Took              time.Duration
}

// MaxBackoff caps the wait after repeated failures.
const MaxBackoff = 24 * time.Hour

func (p *Poller) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

func (p *Poller) log() *slog.Logger {
	if p.Log != nil {
		return p.Log
	}
	return slog.New(slog.DiscardHandler)
}

type job struct {
	src  feeds.Source
	feed string
}

// PollDue polls the feeds whose next poll time has come (or that were never
// polled), calling done after each.
func (p *Poller) PollDue(ctx context.Context, done func(Result)) ([]Result, error) {
	srcs, err := p.Sources.Sources(ctx)
	if err != nil {
		return nil, fmt.Errorf("poll: %w", err)
	}
	states, err := p.Sources.FeedStates(ctx)
	if err != nil {
		return nil, fmt.Errorf("poll: %w", err)
	}
	next := map[string]time.Time{}
	for _, st := range states {
		next[st.FeedURL] = st.NextPoll
	}
	now := p.now()
	var jobs []job
	for _, s := range srcs {
		for _, f := range s.Feeds {
			if t, ok := next[f]; !ok || !t.After(now) {
				jobs = append(jobs, job{s, f})
			}
		}
	}
	return p.run(ctx, jobs, done), nil
}

// Poll polls every feed of the given sources now, whatever their schedule.
func (p *Poller) Poll(ctx context.Context, srcs []feeds.Source, done func(Result)) []Result {
	var jobs []job
	for _, s := range srcs {
		for _, f := range s.Feeds {
			jobs = append(jobs, job{s, f})
		}
	}
	return p.run(ctx, jobs, done)
}

// Run polls due feeds every tick until ctx ends: the background poller of
// `khabar serve`.
func (p *Poller) Run(ctx context.Context, tick time.Duration) error {
	for {
		res, err := p.PollDue(ctx, nil)
		if err != nil {
			p.log().Error("poll", "err", err)
		}
		if n := len(res); n > 0 {
			p.log().Info("polled feeds", "feeds", n)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(tick):
		}
	}
}

// run polls jobs on a bounded set of workers. Jobs are interleaved by host,
// so workers do not queue up behind one host's pacing.
func (p *Poller) run(ctx context.Context, jobs []job, done func(Result)) []Result {
	jobs = interleave(jobs)
	workers := p.Workers
	if workers <= 0 {
		workers = 16
	}
	in := make(chan int)
	results := make([]Result, len(jobs))
	var wg sync.WaitGroup
	var mu sync.Mutex
	for range min(workers, max(1, len(jobs))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range in {
				r := p.pollFeed(ctx, jobs[i].src, jobs[i].feed)
				results[i] = r
				if r.Err != nil {
					p.log().Warn("poll feed", "source", r.SourceID, "feed", r.FeedURL, "err", r.Err)
				}
				if done != nil {
					mu.Lock()
					done(r)
					mu.Unlock()
				}
			}
		}()
	}
	for i := range jobs {
		select {
		case in <- i:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(in)
	wg.Wait()
	return results
}

func interleave(jobs []job) []job {
	byHost := map[string][]job{}
	var hosts []string
	for _, j := range jobs {
		h := j.feed
		if u, err := nurl.Parse(j.feed); err == nil {
			h = u.Host
		}
		if _, ok := byHost[h]; !ok {
			hosts = append(hosts, h)
		}
		byHost[h] = append(byHost[h], j)
	}
	sort.Strings(hosts)
	out := make([]job, 0, len(jobs))
	for len(out) < len(jobs) {
		for _, h := range hosts {
			if q := byHost[h]; len(q) > 0 {
				out = append(out, q[0])
				byHost[h] = q[1:]
			}
		}
	}
	return out
}

const feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"

// pollFeed polls one feed. Errors end up in the Result and in the feed's
// stored state, with a back-off before the next try.
func (p *Poller) pollFeed(ctx context.Context, src feeds.Source, feedURL string) Result {
	start := time.Now()
	res := Result{SourceID: src.ID, FeedURL: feedURL}
	st, err := p.Sources.FeedState(ctx, feedURL)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		res.Status, res.Err = PollError, err
		return res
	}
	st.SourceID, st.FeedURL = src.ID, feedURL
	finish := func(err error) Result {
		now := p.now()
		st.LastPoll = now
		if err != nil {
			st.Status, st.Error = PollError, err.Error()
			st.Failures++
			wait := min(src.Interval()<<min(st.Failures, 12), MaxBackoff)
			var se *StatusError
			if errors.As(err, &se) && se.RetryAfter > wait {
				wait = min(se.RetryAfter, MaxBackoff)
			}
			st.NextPoll = now.Add(wait)
		} else {
			st.Failures = 0
			st.NextPoll = now.Add(src.Interval())
		}
		res.Status, res.Err = st.Status, err
		if perr := p.Sources.PutFeedState(ctx, st); perr != nil && res.Err == nil {
			res.Err = perr
		}
		res.Took = time.Since(start)
		return res
	}

	resp, err := p.Client.Get(ctx, Request{URL: feedURL, ETag: st.ETag, LastModified: st.LastModified, Accept: feedAccept})
	if err != nil {
		return finish(err)
	}
	if resp.NotModified {
		st.Status, st.Error, st.New = PollNotModified, "", 0
		return finish(nil)
	}
	feed, err := feeds.Parse(resp.Body, resp.URL)
	if err != nil {
		return finish(err)
	}
	st.ETag, st.LastModified = resp.ETag, resp.LastModified
	res.Items, st.Items = len(feed.Items), len(feed.Items)

	ids := make([]string, len(feed.Items))
	for i, it := range feed.Items {
		ids[i] = it.Article.ID
	}
	seen, err := p.Sources.SeenItems(ctx, feedURL, ids)
	if err != nil {
		return finish(err)
	}
	var batch []*article.Article
	var fresh []string
	var skipped []error
	skipped = append(skipped, feed.Skipped...)
	for _, it := range feed.Items {
		if seen[it.Article.ID] {
			continue
		}
		fresh = append(fresh, it.Article.ID)
		a := it.Article
		if !it.FullText && p.FetchPages && a.URL != "" {
			res.Pages++
			if pa, err := p.page(ctx, a); err != nil {
				res.PageErrors++
				skipped = append(skipped, err)
			} else {
				a = pa
			}
		}
		if a.Publisher == "" {
			a.Publisher = src.Name
		}
		if p.Process != nil {
			if err := p.Process(ctx, a); err != nil {
				skipped = append(skipped, err)
				continue
			}
		}
		batch = append(batch, a)
	}
	if len(batch) > 0 {
		put, err := p.Articles.PutArticles(ctx, batch)
		if err != nil {
			return finish(err)
		}
		res.New = put.New
	}
	if err := p.Sources.MarkSeen(ctx, src.ID, feedURL, fresh, p.now()); err != nil {
		return finish(err)
	}
	st.New = res.New
	st.Status, st.Error = PollOK, ""
	if len(skipped) > 0 {
		st.Error = fmt.Sprintf("%d items or pages skipped; first: %v", len(skipped), skipped[0])
	}
	return finish(nil)
}

// page fetches and extracts an item's article page, keeping what the feed
// knew and the page did not say.
func (p *Poller) page(ctx context.Context, item *article.Article) (*article.Article, error) {
	resp, err := p.Client.Get(ctx, Request{URL: item.URL, Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"})
	if err != nil {
		return nil, err
	}
	a, err := extract.Page(extract.DecodeHTML(resp.Body, resp.ContentType), resp.URL)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", item.URL, err)
	}
	// The ID stays the feed item's, so a re-poll recognises it.
	a.ID = item.ID
	if a.Published == nil {
		a.Published = item.Published
	}
	if a.Lead == "" {
		a.Lead = item.Lead
	}
	if len(a.Tags) == 0 {
		a.Tags = item.Tags
	}
	if a.Author == "" {
		a.Author = item.Author
	}
	if len(a.Images) == 0 {
		a.Images = item.Images
	}
	return a, nil
}
