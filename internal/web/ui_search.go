package web

import (
	"fmt"
	"net/http"

	"khabar/internal/search"
)

// searchPerPage is how many hits the search page shows at a time.
const searchPerPage = 20

type searchPage struct {
	page
	Recent bool
	Total  int
	Hits   []search.Hit
	Pager  pager
	// SortRelevance and SortRecent link to the same search in the other order.
	SortRelevance, SortRecent string
}

// searchPage runs a search from the header box: GET /search?q=&sort=&page=.
// Without q it shows the empty search page.
func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	q, err := queryParam(r)
	if err != nil {
		s.failPage(w, r, http.StatusBadRequest, fmt.Sprintf("عبارت جستجو باید دست‌کم یک حرف یا رقم داشته باشد و از %s نویسه بلندتر نباشد.", faNumber(maxQueryRunes)))
		return
	}
	recent, err := sortParam(r)
	if err != nil {
		s.failPage(w, r, http.StatusBadRequest, "ترتیب نتیجه‌ها فقط «مرتبط‌ترین» یا «تازه‌ترین» است.")
		return
	}
	pg, err := pageNumber(r, searchPerPage)
	if err != nil {
		s.failPage(w, r, http.StatusBadRequest, "شمارهٔ صفحه باید عددی مثبت باشد.")
		return
	}
	p := searchPage{page: page{Title: "جستجو", Query: q}, Recent: recent}
	if q == "" {
		s.render(w, r, http.StatusOK, "search", p)
		return
	}
	if s.deps.Index == nil {
		s.failPage(w, r, http.StatusServiceUnavailable, "جستجو روی این کارگزار راه‌اندازی نشده است.")
		return
	}
	res, err := s.deps.Index.Search(r.Context(), search.Query{
		Text: q, Limit: searchPerPage, Offset: (pg - 1) * searchPerPage, Recent: recent,
	})
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "internal error", fmt.Errorf("search %q: %w", q, err))
		return
	}
	if len(res.Hits) == 0 && pg > 1 {
		s.failPage(w, r, http.StatusNotFound, "نتیجه‌های این جستجو به این صفحه نمی‌رسند.")
		return
	}
	p.Title = "جستجوی " + q
	p.Total, p.Hits = res.Total, res.Hits
	p.Pager = newPager("/search", pg, searchPerPage, res.Total, "q", q, "sort", r.URL.Query().Get("sort"))
	p.SortRelevance = withParams("/search", "q", q)
	p.SortRecent = withParams("/search", "q", q, "sort", "recent")
	s.render(w, r, http.StatusOK, "search", p)
}
