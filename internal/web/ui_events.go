package web

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"khabar/internal/search"
	"khabar/internal/store"
)

// eventsPerPage is how many events the events page shows at a time.
const eventsPerPage = 50

// maxFilterRunes bounds a filter field: longer text is no code or name.
const maxFilterRunes = 100

type eventsPage struct {
	page
	// Form holds the filters as typed, to refill the form.
	Form   eventsForm
	Total  int
	Events []store.EventRecord
	Pager  pager
	// Filtered is true when any filter is set.
	Filtered bool
}

type eventsForm struct {
	Actor, Code, Since, Until string
}

// eventQuery reads the event filters shared by /events and /api/v1/events:
// actor, code, since and until (days, Jalali or Gregorian; until includes
// its day). Limit and Offset are left to the caller.
func eventQuery(r *http.Request) (store.EventQuery, eventsForm, error) {
	var q store.EventQuery
	var f eventsForm
	get := func(name string) (string, error) {
		v := strings.TrimSpace(r.URL.Query().Get(name))
		if !utf8.ValidString(v) || utf8.RuneCountInString(v) > maxFilterRunes {
			return "", &paramError{name, v, "at most " + strconv.Itoa(maxFilterRunes) + " characters of text"}
		}
		return v, nil
	}
	var err error
	if f.Actor, err = get("actor"); err != nil {
		return q, f, err
	}
	if f.Code, err = get("code"); err != nil {
		return q, f, err
	}
	if f.Since, err = get("since"); err != nil {
		return q, f, err
	}
	if f.Until, err = get("until"); err != nil {
		return q, f, err
	}
	q.Actor, q.Code = f.Actor, f.Code
	if f.Since != "" {
		if q.Since, err = search.ParseDay(f.Since); err != nil {
			return q, f, &paramError{"since", f.Since, "a day such as 1404/04/19 or 2025-07-10"}
		}
	}
	if f.Until != "" {
		day, err := search.ParseDay(f.Until)
		if err != nil {
			return q, f, &paramError{"until", f.Until, "a day such as 1404/04/20 or 2025-07-11"}
		}
		q.Until = day.AddDate(0, 0, 1)
	}
	return q, f, nil
}

// eventsPage is the table of coded events with a filter form:
// GET /events?actor=&code=&since=&until=&page=.
func (s *Server) eventsPage(w http.ResponseWriter, r *http.Request) {
	q, form, err := eventQuery(r)
	if err != nil {
		s.failPage(w, r, http.StatusBadRequest, "فیلترها را درست بنویسید: روزها مانند ۱۴۰۴/۰۴/۱۹ یا 2025-07-10، و هر فیلتر کوتاه‌تر از "+faNumber(maxFilterRunes)+" نویسه.")
		return
	}
	pg, err := pageNumber(r, eventsPerPage)
	if err != nil {
		s.failPage(w, r, http.StatusBadRequest, "شمارهٔ صفحه باید عددی مثبت باشد.")
		return
	}
	es, err := s.entityStore()
	if s.entityPageFailed(w, r, err) {
		return
	}
	total, err := es.CountEvents(r.Context(), q)
	if s.entityPageFailed(w, r, err) {
		return
	}
	q.Limit, q.Offset = eventsPerPage, (pg-1)*eventsPerPage
	evs, err := es.Events(r.Context(), q)
	if s.entityPageFailed(w, r, err) {
		return
	}
	if len(evs) == 0 && pg > 1 {
		s.failPage(w, r, http.StatusNotFound, "این صفحه از فهرست رویدادها خالی است.")
		return
	}
	p := eventsPage{page: page{Title: "رویدادها"}, Form: form, Filtered: form != eventsForm{}, Total: total, Events: evs}
	p.Pager = newPager("/events", pg, eventsPerPage, total,
		"actor", form.Actor, "code", form.Code, "since", form.Since, "until", form.Until)
	s.render(w, r, http.StatusOK, "events", p)
}
