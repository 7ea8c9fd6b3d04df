package web

import (
	"net/http"
	"strconv"
)

// pager is the page navigation under a list: «صفحهٔ ۲ از ۸۰» with links to the
// newer (previous) and older (next) pages.
type pager struct {
	Page, Pages int
	Prev, Next  string
}

// pageNumber reads ?page= (1-based) for a list of perPage items.
func pageNumber(r *http.Request, perPage int) (int, error) {
	return intParam(r, "page", 1, 1, maxOffset/perPage)
}

// newPager builds the navigation for page of a list of total items; extra holds
// the query parameters (name, value pairs) the links keep.
func newPager(path string, pg, perPage, total int, extra ...string) pager {
	p := pager{Page: pg, Pages: max(1, (total+perPage-1)/perPage)}
	at := func(n int) string {
		kv := append([]string{}, extra...)
		if n > 1 {
			kv = append(kv, "page", strconv.Itoa(n))
		}
		return withParams(path, kv...)
	}
	if pg > 1 {
		p.Prev = at(min(pg-1, p.Pages))
	}
	if pg < p.Pages {
		p.Next = at(pg + 1)
	}
	return p
}
