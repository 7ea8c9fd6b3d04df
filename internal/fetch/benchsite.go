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
	Items      int
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
		fmt.Fprintf(&b, "</title><link>%s/a/%d/%d</link><pubDate>Mon, %02d Jul 2024 10:%02d:00 +0330</pubDate><content:encoded>", base, n, i, 1+i%28, i%60)
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
