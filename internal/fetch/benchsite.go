package fetch

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
)

// BenchSite serves many synthetic full-text feeds for the polling benchmark:
// /feed/N.xml has Items items whose paragraphs are cycled from real article
// text. Every feed answers If-None-Match with 304, like a well-run news site.
type BenchSite struct {
	Items int
	// Summaries makes the feeds carry only a summary per item, so the
	// poller fetches and extracts each item's page (/a/N/I) as well.
	Summaries  bool
	paragraphs [][]string
	// Requests and NotModified count what the site answered.
	Requests, NotModified atomic.Int64
}

// NewBenchSite makes a site whose items take their bodies from articles.
func NewBenchSite(items int, articles [][]string) *BenchSite {
	return &BenchSite{Items: items, paragraphs: articles}
}

func (s *BenchSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.Requests.Add(1)
	if r.URL.Path == "/robots.txt" {
		http.NotFound(w, r)
		return
	}
	if strings.HasPrefix(r.URL.Path, "/a/") {
		s.page(w, r)
		return
	}
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/feed/"), ".xml"))
	if err != nil || !strings.HasPrefix(r.URL.Path, "/feed/") {
		http.NotFound(w, r)
		return
	}
	etag := fmt.Sprintf(`"feed-%d-v1"`, n)
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		s.NotModified.Add(1)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	w.Write(s.feed("http://"+r.Host, n))
}

func (s *BenchSite) feed(base string, n int) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>خوراک %d</title><link>%s/</link>`, n, base)
	for i := range s.Items {
		art := s.paragraphs[(n*s.Items+i)%len(s.paragraphs)]
		fmt.Fprintf(&b, "<item><title>خبر %d از خوراک %d: ", i, n)
		title := []rune(art[0])
		xml.EscapeText(&b, []byte(string(title[:min(len(title), 60)])))
		fmt.Fprintf(&b, "</title><link>%s/a/%d/%d</link><pubDate>Mon, %02d Jul 2024 10:%02d:00 +0330</pubDate>", base, n, i, 1+i%28, i%60)
		if s.Summaries {
			b.WriteString("<description>")
			xml.EscapeText(&b, []byte(art[min(1, len(art)-1)]))
			b.WriteString("</description></item>")
			continue
		}
		b.WriteString("<content:encoded>")
		var body strings.Builder
		for _, p := range art {
			body.WriteString("<p>" + p + "</p>")
		}
		xml.EscapeText(&b, []byte(body.String()))
		b.WriteString("</content:encoded></item>")
	}
	b.WriteString("</channel></rss>")
	return b.Bytes()
}

// page serves /a/N/I: the article of item I of feed N as a news page.
func (s *BenchSite) page(w http.ResponseWriter, r *http.Request) {
	var n, i int
	if _, err := fmt.Sscanf(r.URL.Path, "/a/%d/%d", &n, &i); err != nil || n < 0 || i < 0 || i >= s.Items {
		http.NotFound(w, r)
		return
	}
	art := s.paragraphs[(n*s.Items+i)%len(s.paragraphs)]
	var b bytes.Buffer
	b.WriteString(`<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>`)
	xml.EscapeText(&b, []byte(art[0]))
	fmt.Fprintf(&b, `</title><meta property="article:published_time" content="2024-07-%02dT10:%02d:00+03:30"></head><body><nav><a href="/">خانه</a></nav><article><h1>`, 1+i%28, i%60)
	xml.EscapeText(&b, []byte(art[0]))
	b.WriteString(`</h1><div class="body">`)
	for _, p := range art[1:] {
		b.WriteString("<p>")
		xml.EscapeText(&b, []byte(p))
		b.WriteString("</p>")
	}
	b.WriteString(`</div></article><footer>همهٔ حقوق محفوظ است</footer></body></html>`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}
