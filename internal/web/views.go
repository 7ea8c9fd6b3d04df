package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"khabar/internal/article"
	"khabar/internal/persian"
	"khabar/internal/search"
)

//go:embed templates/*.html
var templateFS embed.FS

// views holds one parsed template set per page. Files in templates/ whose name
// starts with "_" are shared (the layout and partials); every other file is a
// page named after its file ("article.html" → "article") that defines "content".
type views struct {
	pages map[string]*template.Template
}

// parseViews parses every page; nav gives the header menu at render time.
func parseViews(static *staticFiles, nav func() []navItem) (*views, error) {
	funcs := template.FuncMap{
		"asset":      static.url,
		"nav":        nav,
		"fa":         faNumber,
		"faDigits":   persian.PersianDigits,
		"text":       displayText,
		"snippet":    snippetHTML,
		"jalali":     jalaliDate,
		"iso":        isoDate,
		"jalaliTime": func(t time.Time) string { return persian.FormatJalali(t, true) },
		"isoTime":    func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		"articleURL": articleURL,
		// Analysis (entities, quotes, events, topics).
		"entityURL":    entityURL,
		"typeName":     entityTypeName,
		"typePlural":   entityTypePlural,
		"categoryName": categoryName,
		"ploverName":   ploverName,
		"searchURL":    func(kv ...string) string { return withParams("/search", kv...) },
	}
	shared, err := fs.Glob(templateFS, "templates/_*.html")
	if err != nil || len(shared) == 0 {
		return nil, fmt.Errorf("parse templates: no shared templates (%v)", err)
	}
	all, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}
	v := &views{pages: map[string]*template.Template{}}
	for _, file := range all {
		base := path.Base(file)
		if strings.HasPrefix(base, "_") {
			continue
		}
		name := strings.TrimSuffix(base, ".html")
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFS, append(shared, file)...)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", file, err)
		}
		if t.Lookup("content") == nil {
			return nil, fmt.Errorf("parse template %s: it defines no \"content\"", file)
		}
		v.pages[name] = t
	}
	return v, nil
}

// page is what the layout reads; every page's data embeds it.
type page struct {
	// Title is the page's own title; the layout adds the site name.
	Title string
	// Query fills the search box in the header.
	Query string
}

// render executes a page into a buffer first, so a template error becomes a
// clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	t, ok := s.views.pages[name]
	if !ok {
		s.fail(w, r, http.StatusInternalServerError, "internal error", fmt.Errorf("no view %q", name))
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		s.fail(w, r, http.StatusInternalServerError, "internal error", fmt.Errorf("render %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w) // a write error means the client left; nothing to do
}

// faNumber writes a count for readers: Persian digits, thousands grouped with
// the Arabic thousands separator («۱٬۵۸۱»).
func faNumber(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune('٬')
		}
		b.WriteRune(c)
	}
	return persian.PersianDigits(b.String())
}

// displayText makes stored text readable: digits become Persian (except inside
// Latin words such as «G20»), and each run of Latin text is isolated in a
// <bdi>, so «(BRICS)» or a Latin word at a line's edge cannot reorder the
// Persian around it. Everything else is HTML-escaped.
func displayText(s string) template.HTML {
	var b strings.Builder
	writeDisplayText(&b, s)
	return template.HTML(b.String())
}

func writeDisplayText(b *strings.Builder, s string) {
	s = persian.PersianDigits(s)
	for s != "" {
		i, j := nextLatinRun(s)
		if i < 0 {
			template.HTMLEscape(b, []byte(s))
			return
		}
		template.HTMLEscape(b, []byte(s[:i]))
		b.WriteString("<bdi>")
		template.HTMLEscape(b, []byte(s[i:j]))
		b.WriteString("</bdi>")
		s = s[j:]
	}
}

// nextLatinRun finds the first run of Latin text in s: it starts at a Latin
// letter and goes on over letters, digits and the joiners inside Latin phrases
// («COVID-19», «New York», «AT&T»), ending at the last letter or digit.
// It returns -1, -1 when s has no Latin letter.
func nextLatinRun(s string) (start, end int) {
	start = -1
	for i := 0; i < len(s); i++ {
		if isLatinLetter(s[i]) {
			start = i
			break
		}
	}
	if start < 0 {
		return -1, -1
	}
	end = start
	for i := start; i < len(s); i++ {
		c := s[i]
		switch {
		case isLatinLetter(c) || (c >= '0' && c <= '9'):
			end = i + 1
		case c == ' ' || c == '-' || c == '.' || c == '&' || c == '\'' || c == '/' || c == '_':
			// A joiner belongs to the run only if Latin text follows it.
		default:
			return start, end
		}
	}
	return start, end
}

func isLatinLetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

// snippetHTML draws a search snippet with the matched fragments in <mark>.
// Matches separated only by a space share one <mark>, so the phrase
// «رئیس جمهور» is lit as one phrase, not as two boxes.
func snippetHTML(frags []search.Fragment) template.HTML {
	var b strings.Builder
	open := false
	for i, f := range frags {
		bridge := !f.Match && open && strings.TrimSpace(f.Text) == "" && i+1 < len(frags) && frags[i+1].Match
		switch {
		case f.Match && !open:
			b.WriteString("<mark>")
			open = true
		case !f.Match && open && !bridge:
			b.WriteString("</mark>")
			open = false
		}
		writeDisplayText(&b, f.Text)
	}
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String())
}

// jalaliDate is a publication date as readers see it: «۱۴ تیر ۱۴۰۴، ۱۳:۳۰».
func jalaliDate(d *article.Date) string {
	if d == nil {
		return ""
	}
	return persian.FormatJalali(d.Time, d.HasClock)
}

// isoDate is the machine-readable form for <time datetime>.
func isoDate(d *article.Date) string {
	if d == nil {
		return ""
	}
	if !d.HasClock {
		return d.Time.In(persian.Tehran).Format(time.DateOnly)
	}
	return d.Time.UTC().Format(time.RFC3339)
}

func articleURL(id string) string { return "/articles/" + url.PathEscape(id) }
