package web

import (
	"errors"
	"net/http"
)

type sourcesPage struct {
	page
	Sources []sourceStatus
}

// sourcesPage shows the followed sources, their last poll, status and
// articles per day: GET /sources.
func (s *Server) sourcesPage(w http.ResponseWriter, r *http.Request) {
	rows, err := s.sourceStatuses(r.Context())
	if errors.Is(err, errNoSources) {
		s.failPage(w, r, http.StatusServiceUnavailable, "این پایگاه داده منبعی نگه نمی‌دارد.")
		return
	}
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "internal error", err)
		return
	}
	p := sourcesPage{Sources: rows}
	p.Title = "منبع‌ها"
	s.render(w, r, http.StatusOK, "sources", p)
}
