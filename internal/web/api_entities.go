package web

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"khabar/internal/persian"
	"khabar/internal/store"
)

// entityList is the body of GET /api/v1/entities.
type entityList struct {
	// Type is the PEYMA type asked for, "" for all.
	Type     string               `json:"type"`
	Limit    int                  `json:"limit"`
	Entities []store.EntityRecord `json:"entities"`
}

// apiEntities lists the entities mentioned in the most articles:
// GET /api/v1/entities?type=&limit=.
func (s *Server) apiEntities(w http.ResponseWriter, r *http.Request) {
	typ, err := typeParam(r)
	if s.badParam(w, r, err) {
		return
	}
	limit, err := intParam(r, "limit", defaultLimit, 1, maxLimit)
	if s.badParam(w, r, err) {
		return
	}
	es, err := s.entityStore()
	if s.apiEntityFailed(w, r, err, "") {
		return
	}
	list, err := es.TopEntities(r.Context(), typ, limit)
	if s.apiEntityFailed(w, r, err, "") {
		return
	}
	if list == nil {
		list = []store.EntityRecord{}
	}
	s.writeJSON(w, r, http.StatusOK, entityList{Type: typ, Limit: limit, Entities: list})
}

// entityResponse is the body of GET /api/v1/entities/{id}.
type entityResponse struct {
	Entity store.EntityRecord `json:"entity"`
	// Timeline counts mentions per day (Tehran), oldest first, days without
	// a mention left out.
	Timeline   []dayJSON            `json:"timeline"`
	CoEntities []store.EntityRecord `json:"co_entities"`
	Quotes     []store.QuoteRecord  `json:"quotes"`
	Events     []store.EventRecord  `json:"events"`
	Articles   []articleRef         `json:"articles"`
}

type dayJSON struct {
	// Day is the Gregorian date, Jalali the same day in the Jalali calendar.
	Day      string `json:"day"`
	Jalali   string `json:"jalali"`
	Articles int    `json:"articles"`
	Mentions int    `json:"mentions"`
}

// articleRef is an article as a list of links needs it.
type articleRef struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"` // RFC 3339, when the source gave a date
}

// apiEntity returns one entity with its timeline, co-occurring entities,
// quotes, events and latest articles: GET /api/v1/entities/{id}.
func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	d, err := s.entityDetail(r, id, entityArticles)
	if s.apiEntityFailed(w, r, err, id) {
		return
	}
	res := entityResponse{
		Entity: d.Entity, Timeline: []dayJSON{}, CoEntities: d.CoEntities, Quotes: d.Quotes, Events: d.Events,
		Articles: []articleRef{},
	}
	for _, day := range d.Timeline {
		res.Timeline = append(res.Timeline, dayJSON{
			Day: day.Day.In(persian.Tehran).Format(time.DateOnly), Jalali: persian.FormatJalaliASCII(day.Day, false),
			Articles: day.Articles, Mentions: day.Mentions,
		})
	}
	for _, a := range d.Articles {
		ref := articleRef{ID: a.ID, Title: a.Title, Source: a.Source()}
		if a.Published != nil {
			ref.Published = a.Published.Time.UTC().Format(time.RFC3339)
		}
		res.Articles = append(res.Articles, ref)
	}
	if res.CoEntities == nil {
		res.CoEntities = []store.EntityRecord{}
	}
	if res.Quotes == nil {
		res.Quotes = []store.QuoteRecord{}
	}
	if res.Events == nil {
		res.Events = []store.EventRecord{}
	}
	s.writeJSON(w, r, http.StatusOK, res)
}

// eventList is the body of GET /api/v1/events.
type eventList struct {
	Total  int                 `json:"total"`
	Limit  int                 `json:"limit"`
	Offset int                 `json:"offset"`
	Events []store.EventRecord `json:"events"`
	Links  links               `json:"links"`
}

// apiEvents lists coded events, newest first:
// GET /api/v1/events?actor=&code=&since=&until=&limit=&offset=.
func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) {
	q, form, err := eventQuery(r)
	if s.badParam(w, r, err) {
		return
	}
	limit, offset, err := limitOffset(r)
	if s.badParam(w, r, err) {
		return
	}
	es, err := s.entityStore()
	if s.apiEntityFailed(w, r, err, "") {
		return
	}
	total, err := es.CountEvents(r.Context(), q)
	if s.apiEntityFailed(w, r, err, "") {
		return
	}
	q.Limit, q.Offset = limit, offset
	evs, err := es.Events(r.Context(), q)
	if s.apiEntityFailed(w, r, err, "") {
		return
	}
	if evs == nil {
		evs = []store.EventRecord{}
	}
	s.writeJSON(w, r, http.StatusOK, eventList{
		Total: total, Limit: limit, Offset: offset, Events: evs,
		Links: pageLinks("/api/v1/events", limit, offset, len(evs), total,
			"actor", form.Actor, "code", form.Code, "since", form.Since, "until", form.Until),
	})
}

// apiEntityFailed answers an entity API error; id names the entity for a 404.
func (s *Server) apiEntityFailed(w http.ResponseWriter, r *http.Request, err error, id string) bool {
	switch {
	case err == nil:
		return false
	case errors.Is(err, errNoEntities):
		s.fail(w, r, http.StatusServiceUnavailable, "entities are not available on this server", nil)
	case errors.Is(err, store.ErrNotFound):
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("entity %q not found", id), nil)
	default:
		s.fail(w, r, http.StatusInternalServerError, "internal error", err)
	}
	return true
}
