package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"khabar/internal/article"
	"khabar/internal/search"
	"khabar/internal/store"
)

// errNoEntities is returned when the store keeps no analysis tables.
var errNoEntities = errors.New("this store keeps no entities")

// entityStore returns the store's entity side, if it has one.
func (s *Server) entityStore() (store.EntityStore, error) {
	es, ok := s.deps.Store.(store.EntityStore)
	if !ok {
		return nil, errNoEntities
	}
	return es, nil
}

// How much the entity pages show.
const (
	entitiesPerType  = 20  // per type on /entities
	entitiesOfType   = 100 // on /entities?type=
	entityCoEntities = 20
	entityQuotes     = 20
	entityEvents     = 20
	entityArticles   = 10
)

type entitiesPage struct {
	page
	// Type is the type asked for ("" for all); Types the choices of the form.
	Type   string
	Types  []typeChoice
	Groups []entityCountGroup
}

type typeChoice struct {
	Type, Label string
	Selected    bool
}

// entityCountGroup is a list of entities of one type with their counts.
type entityCountGroup struct {
	Type, Label string
	Entities    []store.EntityRecord
}

// typeParam reads ?type= (a PEYMA tag, any case); "" means every type.
func typeParam(r *http.Request) (string, error) {
	v := strings.ToUpper(strings.TrimSpace(r.URL.Query().Get("type")))
	if v == "" {
		return "", nil
	}
	if _, ok := entityTypeNames[v]; !ok {
		return "", &paramError{"type", v, "one of " + strings.Join(entityTypeOrder, ", ")}
	}
	return v, nil
}

// entitiesPage lists the most mentioned entities: GET /entities?type=.
func (s *Server) entitiesPage(w http.ResponseWriter, r *http.Request) {
	typ, err := typeParam(r)
	if err != nil {
		s.failPage(w, r, http.StatusBadRequest, "نوع موجودیت شناخته نیست.")
		return
	}
	es, err := s.entityStore()
	if s.entityPageFailed(w, r, err) {
		return
	}
	p := entitiesPage{page: page{Title: "اشخاص و نهادها"}, Type: typ}
	p.Types = append(p.Types, typeChoice{Type: "", Label: "همه", Selected: typ == ""})
	for _, t := range entityTypeOrder {
		p.Types = append(p.Types, typeChoice{Type: t, Label: entityTypePlural(t), Selected: t == typ})
	}
	types, limit := entityTypeOrder, entitiesPerType
	if typ != "" {
		types, limit = []string{typ}, entitiesOfType
		p.Title = entityTypePlural(typ)
	}
	for _, t := range types {
		list, err := es.TopEntities(r.Context(), t, limit)
		if s.entityPageFailed(w, r, err) {
			return
		}
		if len(list) > 0 {
			p.Groups = append(p.Groups, entityCountGroup{Type: t, Label: entityTypePlural(t), Entities: list})
		}
	}
	s.render(w, r, http.StatusOK, "entities", p)
}

type entityPage struct {
	page
	Entity     store.EntityRecord
	Timeline   timeline
	CoEntities []store.EntityRecord
	Quotes     []store.QuoteRecord
	Events     []store.EventRecord
	Articles   []*article.Article
	// MoreArticles links to the search listing every article of the entity.
	MoreArticles string
}

// entityPage shows one entity: GET /entities/{id}.
func (s *Server) entityPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	d, err := s.entityDetail(r, id, entityArticles)
	if s.entityPageFailed(w, r, err) {
		return
	}
	p := entityPage{
		page:   page{Title: d.Entity.Name},
		Entity: d.Entity, Timeline: newTimeline(d.Timeline), CoEntities: d.CoEntities,
		Quotes: d.Quotes, Events: d.Events, Articles: d.Articles,
	}
	if d.Entity.Articles > len(d.Articles) {
		p.MoreArticles = withParams("/search", "q", search.Filter{Entities: []string{id}}.String())
	}
	s.render(w, r, http.StatusOK, "entity", p)
}

// entityDetail is everything the entity page and its API answer show.
type entityDetail struct {
	Entity     store.EntityRecord
	Timeline   []store.DayCount
	CoEntities []store.EntityRecord
	Quotes     []store.QuoteRecord
	Events     []store.EventRecord
	Articles   []*article.Article
}

func (s *Server) entityDetail(r *http.Request, id string, articles int) (entityDetail, error) {
	var d entityDetail
	es, err := s.entityStore()
	if err != nil {
		return d, err
	}
	ctx := r.Context()
	if d.Entity, err = es.Entity(ctx, id); err != nil {
		return d, err
	}
	if d.Timeline, err = es.EntityTimeline(ctx, id); err != nil {
		return d, err
	}
	if d.CoEntities, err = es.CoEntities(ctx, id, entityCoEntities); err != nil {
		return d, err
	}
	if d.Quotes, err = es.Quotes(ctx, id, entityQuotes); err != nil {
		return d, err
	}
	if d.Events, err = es.Events(ctx, store.EventQuery{Entity: id, Limit: entityEvents}); err != nil {
		return d, err
	}
	if d.Articles, err = es.EntityArticles(ctx, id, store.ListQuery{Limit: articles}); err != nil {
		return d, err
	}
	return d, nil
}

func (s *Server) entityPageFailed(w http.ResponseWriter, r *http.Request, err error) bool {
	switch {
	case err == nil:
		return false
	case errors.Is(err, errNoEntities):
		s.failPage(w, r, http.StatusServiceUnavailable, "این پایگاه داده اشخاص و نهادها را نگه نمی‌دارد.")
	case errors.Is(err, store.ErrNotFound):
		s.failPage(w, r, http.StatusNotFound, "موجودیتی با این شناسه پیدا نشد.")
	default:
		s.fail(w, r, http.StatusInternalServerError, "internal error", fmt.Errorf("entity page: %w", err))
	}
	return true
}
