// Package jsondump reads news datasets saved as JSON: an array of articles, an
// object holding one, or JSON lines. Field names vary between datasets, so each
// article field is taken from the first of its usual names that is present
// (title; lead/abstract/summary; body/paragraphs/text/content; url/link; ...).
// It is pure: bytes in, articles out; text is returned as written.
package jsondump

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"khabar/internal/article"
	"khabar/internal/persian"
	"khabar/internal/provenance"
	"khabar/internal/textdump"
)

// ErrNotDataset means the JSON holds no article-like objects.
var ErrNotDataset = errors.New("no articles (objects with a title and a body) in JSON")

// ItemError reports one dataset item that could not be read; the others are kept.
type ItemError struct {
	Item int // 1-based position (line number for JSON lines)
	Err  error
}

func (e *ItemError) Error() string { return fmt.Sprintf("item %d: %v", e.Item, e.Err) }
func (e *ItemError) Unwrap() error { return e.Err }

// Looks reports whether data is JSON (an object or array first).
func Looks(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// Parse returns the articles in data and the items it had to skip.
func Parse(data []byte) ([]*article.Article, []error) {
	data = bytes.TrimPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("\ufeff"))
	var raws []json.RawMessage
	var errs []error
	if len(data) > 0 && data[0] == '[' {
		if err := json.Unmarshal(data, &raws); err != nil {
			// A truncated array: keep every complete item before the damage.
			raws, errs = salvageArray(data)
			errs = append(errs, fmt.Errorf("json array: %w", err))
		}
	} else {
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		line := 0
		for sc.Scan() {
			line++
			l := bytes.TrimSpace(sc.Bytes())
			if len(l) == 0 {
				continue
			}
			if !json.Valid(l) {
				if line == 1 && json.Valid(data) { // one pretty-printed object
					raws = append(raws, json.RawMessage(data))
					break
				}
				errs = append(errs, &ItemError{line, errors.New("invalid JSON")})
				continue
			}
			raws = append(raws, json.RawMessage(append([]byte(nil), l...)))
		}
		if err := sc.Err(); err != nil {
			errs = append(errs, fmt.Errorf("json lines: %w", err))
		}
	}
	var arts []*article.Article
	for i, raw := range raws {
		a, err := item(raw)
		if err != nil {
			errs = append(errs, &ItemError{i + 1, err})
			continue
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 && len(errs) == 0 {
		errs = append(errs, ErrNotDataset)
	}
	return arts, errs
}

// salvageArray decodes array elements one by one until the first bad one.
func salvageArray(data []byte) ([]json.RawMessage, []error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return nil, []error{err}
	}
	var out []json.RawMessage
	for dec.More() {
		var r json.RawMessage
		if err := dec.Decode(&r); err != nil {
			break
		}
		out = append(out, r)
	}
	return out, nil
}

// first returns the first non-empty string field among names.
func first(m map[string]json.RawMessage, names ...string) string {
	for _, n := range names {
		if v, ok := m[n]; ok {
			var s string
			if json.Unmarshal(v, &s) == nil && strings.TrimSpace(s) != "" {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

func strs(m map[string]json.RawMessage, names ...string) []string {
	for _, n := range names {
		if v, ok := m[n]; ok {
			var ss []string
			if json.Unmarshal(v, &ss) == nil && len(ss) > 0 {
				return ss
			}
		}
	}
	return nil
}

var parenthetical = regexp.MustCompile(`\s*\([^)]*\)\s*$`)

func item(raw json.RawMessage) (*article.Article, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("not an object: %w", err)
	}
	a := &article.Article{Raw: string(raw)}
	a.Title = first(m, "title", "headline", "titr")
	a.Lead = first(m, "lead", "abstract", "summary", "description", "lid")
	paras := strs(m, "paragraphs", "body")
	if paras == nil {
		paras = strings.Split(first(m, "body", "text", "content", "article"), "\n")
	}
	for _, p := range paras {
		if p = strings.TrimSpace(p); p != "" && p != a.Title {
			a.Body = append(a.Body, p)
		}
	}
	if a.Title == "" || len(a.Body) == 0 && a.Lead == "" {
		return nil, errors.New("missing title or text")
	}
	a.URL = first(m, "url", "link", "canonical_url")
	a.Category = first(m, "category", "cat", "section")
	a.Tags = strs(m, "tags", "keywords")
	a.Kicker = first(m, "kicker", "rotitr", "pretitle")
	a.Author = first(m, "author", "byline")
	if d := first(m, "date_raw", "date", "published", "pubDate", "datetime"); d != "" {
		a.Published = parseDate(d)
	}
	if a.URL != "" {
		a.ID = article.StableID(a.URL)
	} else {
		a.ID = article.StableID(a.Raw)
	}
	a.Subheadings = nil
	textdump.Provenance(a)
	if agency := first(m, "agency", "source", "publisher", "site"); agency != "" {
		name := provenance.Canonical(parenthetical.ReplaceAllString(agency, ""))
		a.Publisher = name
		if len(a.Attribution) == 0 {
			a.OriginalSource = name
		}
	}
	return a, nil
}

// parseDate reads RFC 3339 and common ISO forms, else a Jalali date.
func parseDate(s string) *article.Date {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", time.RFC1123Z, time.RFC1123} {
		if t, err := time.ParseInLocation(layout, s, persian.Tehran); err == nil {
			return &article.Date{Time: t.UTC(), HasClock: true}
		}
	}
	if t, err := time.ParseInLocation("2006-01-02", s, persian.Tehran); err == nil {
		return &article.Date{Time: t.UTC()}
	}
	if t, clock, err := persian.ParseJalali(s); err == nil {
		return &article.Date{Time: t.UTC(), HasClock: clock}
	}
	return nil
}
