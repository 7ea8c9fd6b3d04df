package fetch

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"khabar/internal/feeds"
)

// FixtureSite serves saved article pages from directories (each with a
// gold.json listing its pages, as in ../shared/data/fixtures/pages) as a
// small news site: /pages/D/FILE, one summary-only RSS feed per directory at
// /feeds/D.xml, /sources.opml listing those feeds, and a 404 robots.txt.
// Feeds and pages answer conditional requests (ETag, Last-Modified), so a
// second poll is a round of 304s. It lets `khabar sources import` and
// `khabar fetch` run end to end without the internet.
type FixtureSite struct {
	dirs     []fixtureDir
	modified time.Time
}

type fixtureDir struct {
	name, path string
	pages      []fixturePage
}

type fixturePage struct {
	File, Title, Lead, Jalali string
}

// NewFixtureSite reads the gold.json of each directory.
func NewFixtureSite(dirs []string) (*FixtureSite, error) {
	s := &FixtureSite{modified: time.Now().UTC().Truncate(time.Second)}
	seen := map[string]int{}
	for _, d := range dirs {
		data, err := os.ReadFile(filepath.Join(d, "gold.json"))
		if err != nil {
			return nil, fmt.Errorf("fixture site: %w", err)
		}
		var pages []fixturePage
		if err := json.Unmarshal(data, &pages); err != nil {
			return nil, fmt.Errorf("fixture site %s: %w", d, err)
		}
		name := feeds.Slug(filepath.Base(filepath.Dir(d)) + "-" + filepath.Base(d))
		if seen[name]++; seen[name] > 1 {
			name += fmt.Sprint(seen[name])
		}
		s.dirs = append(s.dirs, fixtureDir{name: name, path: d, pages: pages})
	}
	return s, nil
}

// Sources lists one source per directory, with feed URLs under base
// ("http://127.0.0.1:8089").
func (s *FixtureSite) Sources(base string) []feeds.Source {
	var out []feeds.Source
	for _, d := range s.dirs {
		out = append(out, feeds.Source{
			ID: "fixture-" + d.name, Name: "نمونه " + d.name, NameLatin: "Fixture " + d.name, HomeURL: base + "/",
			Feeds: []string{base + "/feeds/" + d.name + ".xml"}, Kind: feeds.Agency, Verified: true,
		})
	}
	return out
}

func (s *FixtureSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	base := "http://" + r.Host
	switch {
	case r.URL.Path == "/":
		s.serve(w, r, "text/html; charset=utf-8", s.home(base))
	case r.URL.Path == "/sources.opml":
		var b bytes.Buffer
		if err := feeds.WriteOPML(&b, s.Sources(base), s.modified); err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		s.serve(w, r, "text/x-opml; charset=utf-8", b.Bytes())
	case strings.HasPrefix(r.URL.Path, "/feeds/"):
		name := strings.TrimSuffix(path.Base(r.URL.Path), ".xml")
		for _, d := range s.dirs {
			if d.name == name {
				s.serve(w, r, "application/rss+xml; charset=utf-8", d.feed(base))
				return
			}
		}
		http.NotFound(w, r)
	case strings.HasPrefix(r.URL.Path, "/pages/"):
		parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/pages/"), "/")
		if len(parts) != 2 {
			http.NotFound(w, r)
			return
		}
		for _, d := range s.dirs {
			if d.name != parts[0] {
				continue
			}
			for _, p := range d.pages {
				if p.File == parts[1] {
					data, err := os.ReadFile(filepath.Join(d.path, p.File))
					if err != nil {
						http.Error(w, err.Error(), 500)
						return
					}
					// No charset: the page's own meta tag says it (windows-1256 pages).
					s.serve(w, r, "text/html", data)
					return
				}
			}
		}
		http.NotFound(w, r)
	default:
		http.NotFound(w, r)
	}
}

// home is a front page announcing every feed with <link rel="alternate">,
// so `khabar sources add` can be tried on it (feed autodiscovery).
func (s *FixtureSite) home(base string) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"fa\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>سایت نمونهٔ خبر</title>\n")
	for _, d := range s.dirs {
		fmt.Fprintf(&b, "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"نمونه %s\" href=\"%s/feeds/%s.xml\">\n", d.name, base, d.name)
	}
	b.WriteString("</head><body><h1>سایت نمونهٔ خبر</h1><ul>\n")
	for _, d := range s.dirs {
		for _, p := range d.pages {
			fmt.Fprintf(&b, "<li><a href=\"/pages/%s/%s\">", d.name, p.File)
			xml.EscapeText(&b, []byte(p.Title))
			b.WriteString("</a></li>\n")
		}
	}
	b.WriteString("</ul></body></html>\n")
	return b.Bytes()
}

func (s *FixtureSite) serve(w http.ResponseWriter, r *http.Request, ctype string, body []byte) {
	sum := sha256.Sum256(body)
	w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:8])+`"`)
	w.Header().Set("Content-Type", ctype)
	http.ServeContent(w, r, "", s.modified, bytes.NewReader(body))
}

// feed is an RSS 2.0 document of the directory's pages, summary only, so a
// poller must fetch each page to get the article.
func (d fixtureDir) feed(base string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, "<rss version=\"2.0\"><channel><title>نمونه %s</title><link>%s/</link><description>khabar fixture feed</description>\n", d.name, base)
	for _, p := range d.pages {
		link := base + "/pages/" + d.name + "/" + p.File
		b.WriteString("<item><title>")
		xml.EscapeText(&b, []byte(p.Title))
		b.WriteString("</title><link>")
		xml.EscapeText(&b, []byte(link))
		b.WriteString("</link><guid>")
		xml.EscapeText(&b, []byte(link))
		b.WriteString("</guid><description>")
		xml.EscapeText(&b, []byte(p.Lead))
		b.WriteString("</description>")
		if p.Jalali != "" {
			// Jalali dates, as some Persian CMSs write them in pubDate.
			fmt.Fprintf(&b, "<pubDate>%s</pubDate>", strings.ReplaceAll(p.Jalali, "-", "/"))
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return b.Bytes()
}
