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
	var lines []int // line number of each raw item, for JSON lines
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
			if line == 1 && l[len(l)-1] != '}' && json.Valid(data) { // one pretty-printed object
				raws = append(raws, json.RawMessage(data))
				break
			}
			// Validity is checked when the item is decoded.
			raws = append(raws, json.RawMessage(append([]byte(nil), l...)))
			lines = append(lines, line)
		}
		if err := sc.Err(); err != nil {
			errs = append(errs, fmt.Errorf("json lines: %w", err))
		}
	}
	var arts []*article.Article
	for i, raw := range raws {
		a, err := item(raw)
		if err != nil {
			errs = append(errs, &ItemError{lineOf(i, lines), err})
			continue
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 && len(errs) == 0 {
		errs = append(errs, ErrNotDataset)
	}
	return arts, errs
}

// lineOf is the 1-based position users see: the line for JSON lines, else the index.
func lineOf(i int, lines []int) int {
	if i < len(lines) {
		return lines[i]
	}
	return i + 1
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

// fields holds the values under every field name datasets use; one decode
// into a struct is several times faster than a map of raw values.
type fields struct {
	Title, Headline, Titr                            json.RawMessage
	Lead, Abstract, Summary, Description, Lid        json.RawMessage
	Paragraphs, Body, Text, Content, Article         json.RawMessage
	URL, Link                                        json.RawMessage
	CanonicalURL                                     json.RawMessage `json:"canonical_url"`
	Category, Cat, Section, Kicker, Rotitr, Pretitle json.RawMessage
	Author, Byline                                   json.RawMessage
	DateRaw                                          json.RawMessage `json:"date_raw"`
	Date, Published, PubDate, Datetime               json.RawMessage
	Agency, Source, Publisher, Site, Tags, Keywords  json.RawMessage
}

// first returns the first non-empty string among vs.
func first(vs ...json.RawMessage) string {
	for _, v := range vs {
		if len(v) > 0 && v[0] == '"' {
			var s string
			if json.Unmarshal(v, &s) == nil && strings.TrimSpace(s) != "" {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

// strs returns the first non-empty list of strings among vs.
func strs(vs ...json.RawMessage) []string {
	for _, v := range vs {
		if len(v) > 0 && v[0] == '[' {
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
	var m fields
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	a := &article.Article{Raw: string(raw)}
	a.Title = first(m.Title, m.Headline, m.Titr)
	a.Lead = first(m.Lead, m.Abstract, m.Summary, m.Description, m.Lid)
	paras := strs(m.Paragraphs, m.Body)
	if paras == nil {
		paras = strings.Split(first(m.Body, m.Text, m.Content, m.Article), "\n")
	}
	for _, p := range paras {
		if p = strings.TrimSpace(p); p != "" && p != a.Title {
			a.Body = append(a.Body, p)
		}
	}
	if a.Title == "" || len(a.Body) == 0 && a.Lead == "" {
		return nil, errors.New("missing title or text")
	}
	a.URL = first(m.URL, m.Link, m.CanonicalURL)
	a.Section = first(m.Category, m.Cat, m.Section)
	a.Tags = strs(m.Tags, m.Keywords)
	a.Kicker = first(m.Kicker, m.Rotitr, m.Pretitle)
	a.Author = first(m.Author, m.Byline)
	if d := first(m.DateRaw, m.Date, m.Published, m.PubDate, m.Datetime); d != "" {
		a.Published = parseDate(d)
	}
	if a.Published == nil {
		if t, ok := provenance.DateFromURL(a.URL); ok {
			a.Published = &article.Date{Time: t.UTC()}
		}
	}
	if a.URL != "" {
		a.ID = article.StableID(a.URL)
	} else {
		a.ID = article.StableID(a.Raw)
	}
	a.Subheadings = textdump.Subheadings(a.Body)
	textdump.Provenance(a)
	if agency := first(m.Agency, m.Source, m.Publisher, m.Site); agency != "" {
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
