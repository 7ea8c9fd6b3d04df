package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"khabar/internal/persian"
)

// Paging limits shared by the pages and the API.
const (
	defaultLimit = 20
	maxLimit     = 100
	// maxOffset keeps a hand-made URL from asking the store to skip millions of rows.
	maxOffset = 1_000_000
	// maxQueryRunes bounds a search: longer text is not a query a person typed.
	maxQueryRunes = 256
)

// paramError is a query parameter the request got wrong; it becomes a 400
// whose message names the parameter.
type paramError struct {
	name, value, want string
}

func (e *paramError) Error() string {
	return fmt.Sprintf("query parameter %s=%q: want %s", e.name, e.value, e.want)
}

// intParam reads an optional integer in [lo, hi]. Persian and Arabic-Indic
// digits are accepted, since people type them into URLs too.
func intParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(persian.ASCIIDigits(v))
	if err != nil || n < lo || n > hi {
		return 0, &paramError{name, v, fmt.Sprintf("an integer from %d to %d", lo, hi)}
	}
	return n, nil
}

// queryParam reads the search text; empty is allowed here and checked by the caller.
func queryParam(r *http.Request) (string, error) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if !utf8.ValidString(q) {
		return "", &paramError{"q", q, "valid UTF-8 text"}
	}
	if utf8.RuneCountInString(q) > maxQueryRunes {
		return "", &paramError{"q", string([]rune(q)[:40]) + "…", fmt.Sprintf("at most %d characters", maxQueryRunes)}
	}
	if q != "" && len(persian.FoldTokens(q)) == 0 {
		// Only punctuation, ZWNJs or marks: nothing the index could look up.
		return "", &paramError{"q", q, "at least one letter or digit"}
	}
	return q, nil
}

// sortParam reads sort=relevance|recent and reports whether results go newest first.
func sortParam(r *http.Request) (recent bool, err error) {
	switch v := r.URL.Query().Get("sort"); v {
	case "", "relevance":
		return false, nil
	case "recent":
		return true, nil
	default:
		return false, &paramError{"sort", v, `"relevance" or "recent"`}
	}
}

func sortName(recent bool) string {
	if recent {
		return "recent"
	}
	return "relevance"
}

// withParams is path?query with the given parameters set (and empty ones dropped).
func withParams(path string, kv ...string) string {
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			q.Set(kv[i], kv[i+1])
		}
	}
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}
