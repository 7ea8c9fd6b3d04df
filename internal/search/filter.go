package search

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"khabar/internal/persian"
)

// ErrBadFilter is returned (wrapped) for a filter in a query that cannot be
// read: an empty value, a date that is not one.
var ErrBadFilter = errors.New("bad search filter")

// Filter narrows a search to articles with some facts. Zero fields do not
// restrict; all set fields must hold.
type Filter struct {
	// Entities are entity ids or names (any spelling a mention used); an
	// article must mention every one.
	Entities []string
	// Source is an outlet the article came through (publisher, original
	// source or a link of its attribution chain, matched on whole folded
	// words), or the id of a followed source.
	Source string
	// Category is a topic slug (article.Category).
	Category string
	// Since (inclusive) and Until (exclusive) bound the article's publication
	// (else ingestion) time.
	Since, Until time.Time
}

// IsZero reports whether f restricts nothing.
func (f Filter) IsZero() bool {
	return len(f.Entities) == 0 && f.Source == "" && f.Category == "" && f.Since.IsZero() && f.Until.IsZero()
}

// With returns f narrowed by g: g's set fields replace f's, entities add up.
func (f Filter) With(g Filter) Filter {
	f.Entities = append(f.Entities[:len(f.Entities):len(f.Entities)], g.Entities...)
	if g.Source != "" {
		f.Source = g.Source
	}
	if g.Category != "" {
		f.Category = g.Category
	}
	if !g.Since.IsZero() {
		f.Since = g.Since
	}
	if !g.Until.IsZero() {
		f.Until = g.Until
	}
	return f
}

// Filter keys as a user writes them before the colon.
const (
	keyEntity   = "entity"
	keySource   = "source"
	keyCategory = "category"
	keySince    = "since"
	keyUntil    = "until"
)

// ParseQuery splits a user's query into its words and its filters:
//
//	entity:ID or entity:NAME   source:NAME   category:SLUG
//	since:DATE   until:DATE    (DATE: 2025-07-10, or Jalali 1404/04/19, Persian digits too)
//
// A value with spaces is quoted: source:"خبرگزاری تسنیم" or source:«خبرگزاری تسنیم».
// Keys are case-insensitive; a word whose prefix is not a key (http://...)
// stays a word. Dates are days in Tehran; until includes its day. A repeated
// key replaces the earlier value, except entity, which adds one.
func ParseQuery(q string) (text string, f Filter, err error) {
	var words []string
	for i := 0; i < len(q); {
		r, n := utf8.DecodeRuneInString(q[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		key, value, next, ok := filterAt(q, i)
		if !ok {
			j := i
			for j < len(q) {
				r, n := utf8.DecodeRuneInString(q[j:])
				if unicode.IsSpace(r) {
					break
				}
				j += n
			}
			words = append(words, q[i:j])
			i = j
			continue
		}
		i = next
		if err := f.set(key, value); err != nil {
			return "", Filter{}, err
		}
	}
	return strings.Join(words, " "), f, nil
}

// filterAt reads a key:value filter starting at q[i], returning the key,
// the value and where the filter ends; ok is false when q[i:] does not start
// with a known key and a colon.
func filterAt(q string, i int) (key, value string, end int, ok bool) {
	colon := strings.IndexByte(q[i:], ':')
	if colon <= 0 {
		return "", "", 0, false
	}
	key = strings.ToLower(q[i : i+colon])
	switch key {
	case keyEntity, keySource, keyCategory, keySince, keyUntil:
	default:
		return "", "", 0, false
	}
	j := i + colon + 1
	for _, quote := range [][2]string{{`"`, `"`}, {"«", "»"}} {
		if strings.HasPrefix(q[j:], quote[0]) {
			j += len(quote[0])
			k := strings.Index(q[j:], quote[1])
			if k < 0 {
				return key, q[j:], len(q), true // unclosed: to the end
			}
			return key, q[j : j+k], j + k + len(quote[1]), true
		}
	}
	k := j
	for k < len(q) {
		r, n := utf8.DecodeRuneInString(q[k:])
		if unicode.IsSpace(r) {
			break
		}
		k += n
	}
	return key, q[j:k], k, true
}

func (f *Filter) set(key, value string) error {
	value = strings.TrimSpace(value)
	if value == "" || !utf8.ValidString(value) {
		return fmt.Errorf("%s: needs a value: %w", key, ErrBadFilter)
	}
	switch key {
	case keyEntity:
		f.Entities = append(f.Entities, value)
	case keySource:
		f.Source = value
	case keyCategory:
		f.Category = strings.ToLower(value)
	case keySince, keyUntil:
		day, err := ParseDay(value)
		if err != nil {
			return fmt.Errorf("%s:%s: %w", key, value, err)
		}
		if key == keySince {
			f.Since = day
		} else {
			f.Until = day.AddDate(0, 0, 1)
		}
	}
	return nil
}

var dayPattern = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$`)

// ParseDay reads a day, «1404/04/19» (Jalali) or «2025-07-10» (Gregorian),
// in ASCII or Persian digits, and returns its midnight in Tehran. The year
// tells the calendars apart.
func ParseDay(s string) (time.Time, error) {
	m := dayPattern.FindStringSubmatch(persian.ASCIIDigits(strings.TrimSpace(s)))
	if m == nil {
		return time.Time{}, fmt.Errorf("want a day such as 1404/04/19 or 2025-07-10: %w", ErrBadFilter)
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	switch {
	case y >= 1200 && y < 1500:
		t, err := persian.FromJalali(y, mo, d, 0, 0, 0)
		if err != nil {
			return time.Time{}, fmt.Errorf("%w: %w", ErrBadFilter, err)
		}
		return t, nil
	case y < 1800 || y > 2200:
		return time.Time{}, fmt.Errorf("year %d: want a Jalali year (1200–1499) or a Gregorian one (1800–2200): %w", y, ErrBadFilter)
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, persian.Tehran)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		return time.Time{}, fmt.Errorf("no such day %s: %w", s, ErrBadFilter)
	}
	return t, nil
}

// String writes f in the query syntax ParseQuery reads, dates as Jalali days.
func (f Filter) String() string {
	var parts []string
	add := func(key, v string) {
		switch {
		case !strings.ContainsFunc(v, unicode.IsSpace) && !strings.HasPrefix(v, `"`) && !strings.HasPrefix(v, "«"):
		case !strings.Contains(v, `"`):
			v = `"` + v + `"`
		default:
			v = "«" + v + "»"
		}
		parts = append(parts, key+":"+v)
	}
	for _, e := range f.Entities {
		add(keyEntity, e)
	}
	if f.Source != "" {
		add(keySource, f.Source)
	}
	if f.Category != "" {
		add(keyCategory, f.Category)
	}
	if !f.Since.IsZero() {
		add(keySince, persian.FormatJalaliASCII(f.Since, false))
	}
	if !f.Until.IsZero() {
		add(keyUntil, persian.FormatJalaliASCII(f.Until.In(persian.Tehran).AddDate(0, 0, -1), false))
	}
	return strings.Join(parts, " ")
}
