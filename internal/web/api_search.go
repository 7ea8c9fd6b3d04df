package web

import (
	"errors"
	"fmt"
	"net/http"

	"khabar/internal/search"
)

// searchResponse is the body of GET /api/v1/search.
type searchResponse struct {
	Query  string       `json:"query"`
	Sort   string       `json:"sort"`
	Total  int          `json:"total"`
	Limit  int          `json:"limit"`
	Offset int          `json:"offset"`
	Hits   []search.Hit `json:"hits"`
	Links  links        `json:"links"`
}

// apiSearch runs a full-text search:
// GET /api/v1/search?q=&limit=&offset=&sort=relevance|recent&entity=&source=&category=&since=&until=.
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q, err := queryParam(r)
	if s.badParam(w, r, err) {
		return
	}
	filter, form, err := searchFilter(r)
	if s.badParam(w, r, err) {
		return
	}
	if q == "" && filter.IsZero() {
		s.fail(w, r, http.StatusBadRequest, "query parameter q (or a filter) is required", nil)
		return
	}
	limit, offset, err := limitOffset(r)
	if s.badParam(w, r, err) {
		return
	}
	recent, err := sortParam(r)
	if s.badParam(w, r, err) {
		return
	}
	if s.deps.Index == nil {
		s.fail(w, r, http.StatusServiceUnavailable, "search is not available on this server", nil)
		return
	}
	res, err := s.deps.Index.Search(r.Context(), search.Query{Text: q, Filter: filter, Limit: limit, Offset: offset, Recent: recent})
	if errors.Is(err, search.ErrBadFilter) {
		s.fail(w, r, http.StatusBadRequest, err.Error(), nil)
		return
	}
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "internal error", fmt.Errorf("search %q: %w", q, err))
		return
	}
	hits := res.Hits
	if hits == nil {
		hits = []search.Hit{}
	}
	s.writeJSON(w, r, http.StatusOK, searchResponse{
		Query: q, Sort: sortName(recent), Total: res.Total, Limit: limit, Offset: offset, Hits: hits,
		Links: pageLinks("/api/v1/search", limit, offset, len(hits), res.Total,
			form.params("q", q, "sort", sortName(recent))...),
	})
}
