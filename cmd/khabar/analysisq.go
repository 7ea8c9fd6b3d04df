package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"

	"khabar/internal/article"
	"khabar/internal/fetch"
	"khabar/internal/pipeline"
	"khabar/internal/store"
	"khabar/internal/store/sqlite"
)

// analysisQueue runs the analysis stages (entities, quotes, events, topic)
// over articles after they are stored, instead of inside the fetch round.
// Analysis costs several milliseconds an article, most of it the entity
// recognizer, against well under one for fetching, parsing and storing: a
// poll round of thousands of new items would otherwise take minutes before
// any of them could be read or searched. Nothing depends on the analysis
// being there at store time (copies and stories read the text only), and
// khabar reanalyze can always redo it.
type analysisQueue struct {
	st  *sqlite.DB
	an  *pipeline.Pipeline // only its Analyzers are used
	log *slog.Logger

	mu   sync.Mutex
	ids  []string
	wake chan struct{}
}

func newAnalysisQueue(st *sqlite.DB, an *pipeline.Pipeline, log *slog.Logger) *analysisQueue {
	return &analysisQueue{st: st, an: an, log: log, wake: make(chan struct{}, 1)}
}

// add queues stored articles for analysis.
func (q *analysisQueue) add(ids []string) {
	if len(ids) == 0 {
		return
	}
	q.mu.Lock()
	q.ids = append(q.ids, ids...)
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// pending reports how many articles wait.
func (q *analysisQueue) pending() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.ids)
}

// drain analyses everything queued, a batch at a time, and reports each
// batch to progress. A failing article keeps no analysis and is counted; a
// store error stops the drain (the rest stays queued).
func (q *analysisQueue) drain(ctx context.Context, progress func(n int)) (done, failed int, err error) {
	for {
		q.mu.Lock()
		n := min(len(q.ids), reanalyzeBatch)
		batch := q.ids[:n:n]
		q.mu.Unlock()
		if n == 0 {
			return done, failed, nil
		}
		arts := make([]*article.Article, 0, n)
		for _, id := range batch {
			a, err := q.st.Article(ctx, id)
			if errors.Is(err, store.ErrNotFound) {
				failed++ // replaced or gone since it was queued
				continue
			}
			if err != nil {
				return done, failed, fmt.Errorf("analysis: %w", err)
			}
			arts = append(arts, a)
		}
		ok, errs := analyzeAll(ctx, q.an, arts)
		for _, e := range errs {
			if q.log != nil {
				q.log.Warn("analysis failed", "err", e)
			}
		}
		failed += len(errs)
		if err := ctx.Err(); err != nil {
			return done, failed, err
		}
		w, err := q.st.PutAnalysis(ctx, ok)
		if err != nil {
			return done, failed, fmt.Errorf("analysis: %w", err)
		}
		done += w
		q.mu.Lock()
		q.ids = q.ids[n:]
		q.mu.Unlock()
		if progress != nil {
			progress(n)
		}
	}
}

// run drains the queue whenever articles arrive, until ctx ends: the
// background analysis of khabar serve.
func (q *analysisQueue) run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-q.wake:
		}
		done, failed, err := q.drain(ctx, nil)
		if err != nil && !errors.Is(err, context.Canceled) {
			q.log.Error("background analysis", "err", err)
		}
		if done+failed > 0 && q.log != nil {
			q.log.Info("analysed fetched articles", "done", done, "failed", failed)
		}
	}
}

// queueWriter stores articles, then queues the new ones for analysis.
type queueWriter struct {
	w fetch.ArticleWriter
	q *analysisQueue
}

func (w queueWriter) PutArticles(ctx context.Context, arts []*article.Article) (store.PutResult, error) {
	pr, err := w.w.PutArticles(ctx, arts)
	if err == nil {
		w.q.add(pr.NewIDs)
	}
	return pr, err
}
