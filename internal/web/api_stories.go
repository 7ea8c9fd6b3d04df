package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"time"

	"khabar/internal/store"
	"khabar/internal/stories"
)

// errNoStories is returned when the store does not keep stories.
var errNoStories = errors.New("this store keeps no stories")

// storyStore returns the store's story side, if it has one.
func (s *Server) storyStore() (store.StoryStore, error) {
	ss, ok := s.deps.Store.(store.StoryStore)
	if !ok {
		return nil, errNoStories
	}
	return ss, nil
}

// allStories reads every assigned article and groups them into ranked stories.
func (s *Server) allStories(ctx context.Context) ([]stories.Version, []stories.Summary, error) {
	ss, err := s.storyStore()
	if err != nil {
		return nil, nil, err
	}
	rows, err := ss.StoryArticles(ctx, time.Time{})
	if err != nil {
		return nil, nil, fmt.Errorf("list story articles: %w", err)
	}
	vs := storyVersions(rows)
	return vs, stories.Summarize(vs), nil
}

// storyVersions converts store rows to the stories package's view.
func storyVersions(rows []store.StoryArticle) []stories.Version {
	out := make([]stories.Version, len(rows))
	for i, r := range rows {
		out[i] = stories.Version{ID: r.ID, Title: r.Title, Source: r.Source, URL: r.URL, Path: r.Path, Published: r.Published,
			CopyOf: r.CopyOf, Similarity: r.Similarity, Story: r.Story, StoryTitle: r.StoryTitle, Score: r.StoryScore}
	}
	return out
}

// storyList is the body of GET /api/v1/stories.
type storyList struct {
	Total   int                 `json:"total"`
	Limit   int                 `json:"limit"`
	Offset  int                 `json:"offset"`
	Stories []stories.StoryJSON `json:"stories"`
	Links   links               `json:"links"`
}

// apiStories lists stories, most sources and most recent first:
// GET /api/v1/stories?limit=&offset=&min_size=.
func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	limit, offset, err := limitOffset(r)
	if s.badParam(w, r, err) {
		return
	}
	minSize, err := intParam(r, "min_size", 1, 1, 1<<20)
	if s.badParam(w, r, err) {
		return
	}
	_, sums, err := s.allStories(r.Context())
	if s.storiesFailed(w, r, err) {
		return
	}
	sums = atLeast(sums, minSize)
	page := []stories.StoryJSON{}
	for i := offset; i < len(sums) && i < offset+limit; i++ {
		page = append(page, stories.ToJSON(sums[i]))
	}
	s.writeJSON(w, r, http.StatusOK, storyList{Total: len(sums), Limit: limit, Offset: offset, Stories: page,
		Links: pageLinks("/api/v1/stories", limit, offset, len(page), len(sums))})
}

func atLeast(sums []stories.Summary, n int) []stories.Summary {
	if n <= 1 {
		return sums
	}
	out := make([]stories.Summary, 0, len(sums))
	for _, s := range sums {
		if len(s.Versions) >= n {
			out = append(out, s)
		}
	}
	return out
}

// storyDetail is the body of GET /api/v1/stories/{id}.
type storyDetail struct {
	stories.StoryJSON
	First string         `json:"first_article"`
	Edges []stories.Edge `json:"copies"`
}

// apiStory returns one story with its syndication graph: GET /api/v1/stories/{id}.
func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	sum, err := s.story(r.Context(), r.PathValue("id"))
	if s.storiesFailed(w, r, err) {
		return
	}
	g := stories.StoryGraph(sum)
	if g.Edges == nil {
		g.Edges = []stories.Edge{}
	}
	s.writeJSON(w, r, http.StatusOK, storyDetail{StoryJSON: stories.ToJSON(sum), First: g.First.ID, Edges: g.Edges})
}

// story reads one story.
func (s *Server) story(ctx context.Context, id string) (stories.Summary, error) {
	ss, err := s.storyStore()
	if err != nil {
		return stories.Summary{}, err
	}
	rows, err := ss.StoryArticlesOf(ctx, id)
	if err != nil {
		return stories.Summary{}, err
	}
	sums := stories.Summarize(storyVersions(rows))
	if len(sums) == 0 {
		return stories.Summary{}, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	return sums[0], nil
}

// apiSourceSyndication returns a source's syndication figures:
// GET /api/v1/sources/{id}/syndication, where id is the source's name as
// stories list it (URL-escaped), e.g. /api/v1/sources/خبرگزاری%20فارس/syndication.
func (s *Server) apiSourceSyndication(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	vs, _, err := s.allStories(r.Context())
	if s.storiesFailed(w, r, err) {
		return
	}
	st, ok := stories.Syndication(vs)[id]
	if !ok {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("source %q has no articles in stories", id), nil)
		return
	}
	s.writeJSON(w, r, http.StatusOK, stories.ToSourceJSON(*st))
}

// sortedSyndication returns every source's figures, most articles first.
func sortedSyndication(vs []stories.Version) []stories.SourceStats {
	m := stories.Syndication(vs)
	out := make([]stories.SourceStats, 0, len(m))
	for _, st := range m {
		out = append(out, *st)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Articles != out[j].Articles {
			return out[i].Articles > out[j].Articles
		}
		return out[i].Source < out[j].Source
	})
	return out
}

// storiesFailed answers a failed story read and reports whether it did.
func (s *Server) storiesFailed(w http.ResponseWriter, r *http.Request, err error) bool {
	switch {
	case err == nil:
		return false
	case errors.Is(err, errNoStories):
		s.fail(w, r, http.StatusServiceUnavailable, "stories are not available", nil)
	case errors.Is(err, store.ErrNotFound):
		s.fail(w, r, http.StatusNotFound, "story not found", nil)
	default:
		s.fail(w, r, http.StatusInternalServerError, "internal error", err)
	}
	return true
}
