package web

import (
	"fmt"
	"net/http"

	"khabar/internal/article"
	"khabar/internal/store"
)

// homePerPage is how many articles the home page lists at a time.
const homePerPage = 20

type homePage struct {
	page
	Total    int
	Articles []*article.Article
	Pager    pager
}

// frontPage is the site's front: the stories, ranked by how many sources cover
// them and how recent they are, once the store has any; else the latest articles.
func (s *Server) frontPage(w http.ResponseWriter, r *http.Request) {
	if _, sums, err := s.allStories(r.Context()); err == nil && len(sums) > 0 {
		s.storiesPage(w, r)
		return
	}
	s.homePage(w, r)
}

// homePage lists the latest articles: GET /latest?page=N (and / before any
// story exists).
func (s *Server) homePage(w http.ResponseWriter, r *http.Request) {
	pg, err := pageNumber(r, homePerPage)
	if err != nil {
		s.failPage(w, r, http.StatusBadRequest, "شمارهٔ صفحه باید عددی مثبت باشد.")
		return
	}
	total, err := s.deps.Store.CountArticles(r.Context())
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "internal error", fmt.Errorf("count articles: %w", err))
		return
	}
	arts, err := s.deps.Store.Articles(r.Context(), store.ListQuery{Limit: homePerPage, Offset: (pg - 1) * homePerPage})
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "internal error", fmt.Errorf("list articles: %w", err))
		return
	}
	if len(arts) == 0 && pg > 1 {
		s.failPage(w, r, http.StatusNotFound, "این صفحه از فهرست خبرها خالی است.")
		return
	}
	p := homePage{Total: total, Articles: arts, Pager: newPager("/latest", pg, homePerPage, total)}
	if pg > 1 {
		p.Title = "صفحهٔ " + faNumber(pg)
	}
	s.render(w, r, http.StatusOK, "home", p)
}
