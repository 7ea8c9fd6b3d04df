package web

import (
	"net/http"
	"strings"
)

// routes registers every page and endpoint, so the whole site can be read in
// one place. A new page is one line here, a handler file (ui_<page>.go) and a
// template (templates/<page>.html); register a top-level page with s.section
// to also list it in the header menu. Paths no route takes get a Persian 404
// page, or a JSON 404 under /api/ (see dispatch).
func (s *Server) routes() {
	m := s.mux

	// Pages (HTML, right-to-left Persian, no JavaScript).
	m.HandleFunc("GET /{$}", s.frontPage)
	s.section("GET /latest", "تازه‌ترین", s.homePage)
	m.HandleFunc("GET /articles/{id}", s.articlePage)
	m.HandleFunc("GET /search", s.searchPage)
	m.HandleFunc("GET /sources", s.sourcesPage)
	s.section("GET /stories", "داستان‌ها", s.storiesPage)
	m.HandleFunc("GET /stories/{id}", s.storyPage)
	m.HandleFunc("GET /stories/{id}/copies/{article}", s.copyDiffPage)
	s.section("GET /syndication", "بازنشر", s.syndicationPage)
	s.section("GET /entities", "اشخاص و نهادها", s.entitiesPage)
	m.HandleFunc("GET /entities/{id}", s.entityPage)
	s.section("GET /events", "رویدادها", s.eventsPage)

	// JSON API, documented in docs/API.md.
	m.HandleFunc("GET /api/v1/articles", s.apiArticles)
	m.HandleFunc("GET /api/v1/articles/{id}", s.apiArticle)
	m.HandleFunc("GET /api/v1/search", s.apiSearch)
	m.HandleFunc("GET /api/v1/sources", s.apiSources)
	m.HandleFunc("GET /api/v1/stories", s.apiStories)
	m.HandleFunc("GET /api/v1/stories/{id}", s.apiStory)
	m.HandleFunc("GET /api/v1/sources/{id}/syndication", s.apiSourceSyndication)
	m.HandleFunc("GET /api/v1/entities", s.apiEntities)
	m.HandleFunc("GET /api/v1/entities/{id}", s.apiEntity)
	m.HandleFunc("GET /api/v1/events", s.apiEvents)

	// Embedded assets: CSS and the Vazirmatn font.
	m.HandleFunc("GET /static/{path...}", s.serveStatic)
}

// navItem is one entry of the header menu.
type navItem struct {
	Path, Label string
}

// section registers a top-level page ("GET /stories") and lists it in the
// header menu under label, in registration order.
func (s *Server) section(pattern, label string, h http.HandlerFunc) {
	s.mux.HandleFunc(pattern, h)
	path := pattern
	if i := strings.IndexByte(pattern, ' '); i >= 0 {
		path = pattern[i+1:]
	}
	s.nav = append(s.nav, navItem{Path: path, Label: label})
}
