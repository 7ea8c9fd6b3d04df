package web

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"unicode/utf8"

	"khabar/internal/search"
)

// searchPerPage is how many hits the search page shows at a time.
const searchPerPage = 20

type searchPage struct {
	page
	// Form holds the filter fields as typed; Categories the topic choices.
	Form       searchForm
	Categories []categoryChoice
	Recent     bool
	Total      int
	Hits       []search.Hit
	Pager      pager
	// SortRelevance and SortRecent link to the same search in the other order.
	SortRelevance, SortRecent string
}

// searchPage runs a search from the header box or the page's filter form:
// GET /search?q=&sort=&page=&entity=&source=&category=&since=&until=.
// Without q or a filter it shows the empty search page with the form.
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
	filter, form, err := searchFilter(r)
	if err != nil {
		s.failPage(w, r, http.StatusBadRequest, "فیلترها را درست بنویسید: روزها مانند ۱۴۰۴/۰۴/۱۹ یا 2025-07-10، و هر فیلتر کوتاه‌تر از "+faNumber(maxFilterRunes)+" نویسه.")
		return
	}
	p := searchPage{page: page{Title: "جستجو", Query: q}, Recent: recent, Form: form}
	p.Categories = s.categoryChoices(r, form.Category)
	if q == "" && filter.IsZero() {
		s.render(w, r, http.StatusOK, "search", p)
		return
	}
	if s.deps.Index == nil {
		s.failPage(w, r, http.StatusServiceUnavailable, "جستجو روی این کارگزار راه‌اندازی نشده است.")
		return
	}
	res, err := s.deps.Index.Search(r.Context(), search.Query{
		Text: q, Filter: filter, Limit: searchPerPage, Offset: (pg - 1) * searchPerPage, Recent: recent,
	})
	if errors.Is(err, search.ErrBadFilter) {
		s.failPage(w, r, http.StatusBadRequest, "فیلترهای جستجو خوانا نیستند: "+
			"entity:، source:، category:، since: و until: هر کدام مقداری می‌خواهند، و روزها مانند ۱۴۰۴/۰۴/۱۹ یا 2025-07-10 نوشته می‌شوند.")
		return
	}
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "internal error", fmt.Errorf("search %q: %w", q, err))
		return
	}
	if len(res.Hits) == 0 && pg > 1 {
		s.failPage(w, r, http.StatusNotFound, "نتیجه‌های این جستجو به این صفحه نمی‌رسند.")
		return
	}
	p.Title = "جستجوی " + q
	if q == "" {
		p.Title = "جستجو"
	}
	p.Total, p.Hits = res.Total, res.Hits
	kv := form.params("q", q)
	p.Pager = newPager("/search", pg, searchPerPage, res.Total, append(kv, "sort", r.URL.Query().Get("sort"))...)
	p.SortRelevance = withParams("/search", kv...)
	p.SortRecent = withParams("/search", append(kv, "sort", "recent")...)
	s.render(w, r, http.StatusOK, "search", p)
}

// searchForm is the search page's filter fields as typed.
type searchForm struct {
	Entity, Source, Category, Since, Until string
}

// Any reports whether a filter field is filled.
func (f searchForm) Any() bool { return f != searchForm{} }

// params lists the fields as query parameters after kv, for links that keep them.
func (f searchForm) params(kv ...string) []string {
	return append(kv, "entity", f.Entity, "source", f.Source, "category", f.Category, "since", f.Since, "until", f.Until)
}

// searchFilter reads the filter fields of /search and /api/v1/search:
// entity, source, category, since and until (days, Jalali or Gregorian;
// until includes its day). The same filters can be typed into q.
func searchFilter(r *http.Request) (search.Filter, searchForm, error) {
	var f search.Filter
	var form searchForm
	for _, p := range []struct {
		name string
		v    *string
	}{{"entity", &form.Entity}, {"source", &form.Source}, {"category", &form.Category}, {"since", &form.Since}, {"until", &form.Until}} {
		v := strings.TrimSpace(r.URL.Query().Get(p.name))
		if !utf8.ValidString(v) || utf8.RuneCountInString(v) > maxFilterRunes {
			return f, form, &paramError{p.name, v, fmt.Sprintf("at most %d characters of text", maxFilterRunes)}
		}
		*p.v = v
	}
	if form.Entity != "" {
		f.Entities = []string{form.Entity}
	}
	f.Source, f.Category = form.Source, strings.ToLower(form.Category)
	if form.Since != "" {
		day, err := search.ParseDay(form.Since)
		if err != nil {
			return f, form, &paramError{"since", form.Since, "a day such as 1404/04/19 or 2025-07-10"}
		}
		f.Since = day
	}
	if form.Until != "" {
		day, err := search.ParseDay(form.Until)
		if err != nil {
			return f, form, &paramError{"until", form.Until, "a day such as 1404/04/20 or 2025-07-11"}
		}
		f.Until = day.AddDate(0, 0, 1)
	}
	return f, form, nil
}

// categoryChoice is one option of the search page's topic select.
type categoryChoice struct {
	Slug, Label string
	Articles    int
	Selected    bool
}

// categoryChoices lists the topics the store holds, for the search form.
// Without them (a store with no analysis tables, or an error, which is
// logged) the form simply has no topic select: search still works.
func (s *Server) categoryChoices(r *http.Request, selected string) []categoryChoice {
	es, err := s.entityStore()
	if err != nil {
		return nil
	}
	cats, err := es.Categories(r.Context())
	if err != nil {
		s.log.LogAttrs(r.Context(), slog.LevelWarn, "web: list categories", slog.Any("err", err))
		return nil
	}
	out := make([]categoryChoice, 0, len(cats))
	for _, c := range cats {
		out = append(out, categoryChoice{Slug: c.Category, Label: categoryName(c.Category), Articles: c.Articles, Selected: c.Category == selected})
	}
	return out
}
