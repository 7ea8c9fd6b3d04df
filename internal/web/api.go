package web

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
)

// links point to neighbouring pages of a list. Next is absent on the last
// page and Prev on the first.
type links struct {
	Self string `json:"self"`
	Next string `json:"next,omitempty"`
	Prev string `json:"prev,omitempty"`
}

// pageLinks builds the links of a limit/offset list; extra holds the other
// query parameters (name, value pairs) every link keeps.
func pageLinks(path string, limit, offset, got, total int, extra ...string) links {
	at := func(off int) string {
		return withParams(path, slices.Concat(extra, []string{"limit", strconv.Itoa(limit), "offset", strconv.Itoa(off)})...)
	}
	l := links{Self: at(offset)}
	if offset+got < total && got > 0 {
		l.Next = at(offset + limit)
	}
	if offset > 0 {
		l.Prev = at(max(0, min(offset-limit, total-limit)))
	}
	return l
}

// badParam answers 400 when err is a paramError, and reports whether it did.
func (s *Server) badParam(w http.ResponseWriter, r *http.Request, err error) bool {
	var pe *paramError
	if errors.As(err, &pe) {
		s.fail(w, r, http.StatusBadRequest, pe.Error(), nil)
		return true
	}
	return false
}

// limitOffset reads the API's paging parameters.
func limitOffset(r *http.Request) (limit, offset int, err error) {
	if limit, err = intParam(r, "limit", defaultLimit, 1, maxLimit); err != nil {
		return 0, 0, err
	}
	if offset, err = intParam(r, "offset", 0, 0, maxOffset); err != nil {
		return 0, 0, err
	}
	return limit, offset, nil
}
