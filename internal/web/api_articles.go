package web

import (
	"errors"
	"fmt"
	"net/http"

	"khabar/internal/article"
	"khabar/internal/store"
)

// articleList is the body of GET /api/v1/articles.
type articleList struct {
	Total    int                `json:"total"`
	Limit    int                `json:"limit"`
	Offset   int                `json:"offset"`
	Articles []*article.Article `json:"articles"`
	Links    links              `json:"links"`
}

// apiArticles lists articles newest first: GET /api/v1/articles?limit=&offset=.
func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) {
	limit, offset, err := limitOffset(r)
	if s.badParam(w, r, err) {
		return
	}
	total, err := s.deps.Store.CountArticles(r.Context())
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "internal error", fmt.Errorf("count articles: %w", err))
		return
	}
	arts, err := s.deps.Store.Articles(r.Context(), store.ListQuery{Limit: limit, Offset: offset})
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "internal error", fmt.Errorf("list articles: %w", err))
		return
	}
	if arts == nil {
		arts = []*article.Article{} // an empty page is [], not null
	}
	s.writeJSON(w, r, http.StatusOK, articleList{
		Total: total, Limit: limit, Offset: offset, Articles: arts,
		Links: pageLinks("/api/v1/articles", limit, offset, len(arts), total),
	})
}

// apiArticle returns one article: GET /api/v1/articles/{id}.
func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	a, err := s.deps.Store.Article(r.Context(), id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("article %q not found", id), nil)
	case err != nil:
		s.fail(w, r, http.StatusInternalServerError, "internal error", fmt.Errorf("article %s: %w", id, err))
	default:
		s.writeJSON(w, r, http.StatusOK, a)
	}
}
