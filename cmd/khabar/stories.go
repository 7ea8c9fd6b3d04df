package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"khabar/internal/article"
	"khabar/internal/fetch"
	"khabar/internal/persian"
	"khabar/internal/store"
	"khabar/internal/stories"
)

// storyStep runs copy detection and story assignment on ingested batches and
// records the results. The engine is rebuilt from the store by replaying the
// articles already assigned, in their order, so ids and links stay stable
// across runs.
type storyStep struct {
	st  store.StoryStore
	eng *stories.Engine
}

// newStoryStep returns nil when the store does not keep stories.
func newStoryStep(ctx context.Context, st store.Store) (*storyStep, error) {
	ss, ok := st.(store.StoryStore)
	if !ok {
		return nil, nil
	}
	prev, err := ss.AssignedArticles(ctx)
	if err != nil {
		return nil, fmt.Errorf("rebuild stories: %w", err)
	}
	eng := stories.NewEngine()
	for _, a := range prev {
		eng.Add(a)
	}
	return &storyStep{st: ss, eng: eng}, nil
}

// add assigns the newly stored articles of a batch.
func (s *storyStep) add(ctx context.Context, batch []*article.Article, newIDs []string) error {
	as, err := s.assign(batch, newIDs)
	if err != nil || len(as) == 0 {
		return err
	}
	return s.st.PutStoryAssignments(ctx, as)
}

// assign runs copy detection and story assignment over the newly stored
// articles of a batch and returns what to store; it does no I/O, so it can
// run while the next batch is being written. Batches must be assigned one
// at a time, in order.
func (s *storyStep) assign(batch []*article.Article, newIDs []string) ([]store.StoryAssignment, error) {
	if s == nil || len(newIDs) == 0 {
		return nil, nil
	}
	isNew := make(map[string]bool, len(newIDs))
	for _, id := range newIDs {
		isNew[id] = true
	}
	var arts []*article.Article
	for _, a := range batch {
		if isNew[a.ID] {
			arts = append(arts, a)
			delete(isNew, a.ID) // a batch may hold one article twice
		}
	}
	res := s.eng.AddBatch(arts)
	as := make([]store.StoryAssignment, 0, len(res))
	for _, r := range res {
		sig, err := r.Signature.MarshalBinary()
		if err != nil {
			return nil, fmt.Errorf("signature %s: %w", r.ArticleID, err)
		}
		sa := store.StoryAssignment{ArticleID: r.ArticleID, Fingerprint: r.Fingerprint, Signature: sig,
			CopyOf: r.CopyOf, Similarity: r.Similarity, Supersedes: r.Supersedes,
			Story: r.Story, StoryTitle: r.StoryTitle, StoryScore: r.StoryScore, Merged: r.Merged}
		for _, mv := range r.Moved {
			sa.Moved = append(sa.Moved, store.StoryMove{ArticleID: mv.Article, Story: mv.Story})
		}
		as = append(as, sa)
	}
	return as, nil
}

func (a *app) storiesCmd() *cobra.Command {
	var (
		asJSON  bool
		since   string
		limit   int
		minSize int
	)
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "list stories with their articles (copies and independent reports)",
		Long: `Stories lists the stories found among ingested articles, ranked by how many
sources cover them and how recent they are, each with its articles: id, title,
source, file path or URL, copy_of (the earliest version it copies) and similarity.

Examples:
  khabar ingest ../shared/data/seed-article.txt && khabar stories
  khabar stories --min-size 2 --json
  khabar stories --since 2025-09-01
  khabar stories --since 1404/06/10`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var from time.Time
			if since != "" {
				t, err := parseSince(since)
				if err != nil {
					return usageError{err}
				}
				from = t
			}
			st, err := a.openStore(cmd.Context(), false)
			if err != nil {
				return err
			}
			defer st.Close()
			rows, err := st.StoryArticles(cmd.Context(), from)
			if err != nil {
				return err
			}
			sums := stories.Summarize(versions(rows))
			kept := sums[:0]
			for _, s := range sums {
				if len(s.Versions) >= minSize {
					kept = append(kept, s)
				}
			}
			if limit > 0 && len(kept) > limit {
				kept = kept[:limit]
			}
			if asJSON {
				return writeStoriesJSON(cmd.OutOrStdout(), kept)
			}
			writeStoriesText(cmd.OutOrStdout(), kept)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&since, "since", "", "only stories with an article published (else ingested) since DATE (2025-09-01 or 1404/06/10)")
	cmd.Flags().IntVar(&limit, "limit", 0, "print at most N stories (0: all)")
	cmd.Flags().IntVar(&minSize, "min-size", 1, "only stories with at least N articles")
	return cmd
}

// parseSince reads a Gregorian (2025-09-01) or Jalali (1404/06/10) day.
func parseSince(s string) (time.Time, error) {
	if t, err := time.ParseInLocation("2006-01-02", s, persian.Tehran); err == nil {
		return t, nil
	}
	if t, _, err := persian.ParseJalali(s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("--since %q: want YYYY-MM-DD or a Jalali date like 1404/06/10", s)
}

// versions converts store rows to the stories package's view.
func versions(rows []store.StoryArticle) []stories.Version {
	out := make([]stories.Version, len(rows))
	for i, r := range rows {
		out[i] = stories.Version{ID: r.ID, Title: r.Title, Source: r.Source, URL: r.URL, Path: r.Path, Published: r.Published,
			CopyOf: r.CopyOf, Similarity: r.Similarity, Story: r.Story, StoryTitle: r.StoryTitle, Score: r.StoryScore}
	}
	return out
}

func writeStoriesJSON(w io.Writer, sums []stories.Summary) error {
	out := make([]stories.StoryJSON, 0, len(sums))
	for _, s := range sums {
		out = append(out, stories.ToJSON(s))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeStoriesText(w io.Writer, sums []stories.Summary) {
	for _, s := range sums {
		first := "undated"
		if !s.FirstSeen.IsZero() {
			first = persian.FormatJalaliASCII(s.FirstSeen, true)
		}
		fmt.Fprintf(w, "%s  %s\n  %d articles (%d independent, %d copies), %d sources, first seen %s\n",
			s.ID, s.Title, len(s.Versions), s.Independent, s.Copies, len(s.Sources), first)
		for _, v := range s.Versions {
			where := v.URL
			if where == "" {
				where = v.Path
			}
			copyOf := "original"
			if v.CopyOf != "" {
				copyOf = fmt.Sprintf("copy of %s (%.2f)", v.CopyOf, v.Similarity)
			}
			fmt.Fprintf(w, "  - %s  %s  [%s]  %s\n    %s\n", v.ID, v.Title, orDash(v.Source), copyOf, where)
		}
		fmt.Fprintln(w, strings.Repeat("─", 20))
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// storyWriter stores articles and assigns each stored batch's new articles to
// stories; the feed poller writes through it. Batches are serialized, so the
// assignment order the store records is the order the engine saw.
type storyWriter struct {
	st   store.Store
	step *storyStep
	mu   sync.Mutex
}

// PutArticles stores a batch, then runs copy detection and story assignment on it.
func (w *storyWriter) PutArticles(ctx context.Context, arts []*article.Article) (store.PutResult, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	pr, err := w.st.PutArticles(ctx, arts)
	if err != nil {
		return pr, err
	}
	if err := w.step.add(ctx, arts, pr.NewIDs); err != nil {
		return pr, fmt.Errorf("stories: %w", err)
	}
	return pr, nil
}

// articleWriter returns what the poller should write through: the store with
// story assignment, or the bare store (the error logged) when the story
// engine cannot be rebuilt from it.
func articleWriter(st store.Store, log *slog.Logger) fetch.ArticleWriter {
	step, err := newStoryStep(context.Background(), st)
	if err != nil {
		if log != nil {
			log.Error("stories off for this run", slog.Any("err", err))
		}
		return st
	}
	if step == nil {
		return st
	}
	return &storyWriter{st: st, step: step}
}
