package feeds

import (
	"bytes"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

func charsetReader(label string, r io.Reader) (io.Reader, error) {
	return charset.NewReaderLabel(label, r)
}

// feedTypes are the <link rel="alternate"> types that announce a feed.
var feedTypes = map[string]bool{
	"application/rss+xml": true, "application/atom+xml": true, "application/rdf+xml": true,
	"application/feed+json": true, "application/json": true, "text/xml": true, "application/xml": true,
}

// Discover lists the feeds an HTML page announces with
// <link rel="alternate" type="application/rss+xml" href="...">, resolved
// against pageURL, in page order. The title of the page is returned too, as a
// name for the source.
func Discover(page []byte, pageURL string) (feeds []string, title string) {
	z := html.NewTokenizer(bytes.NewReader(page))
	seen := map[string]bool{}
	inTitle := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return feeds, text(title)
		case html.TextToken:
			if inTitle && title == "" {
				title = string(z.Text())
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "title" {
				inTitle = false
			} else if string(name) == "head" {
				return feeds, text(title)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "title":
				inTitle = true
			case "body":
				return feeds, text(title)
			case "link":
				var rel, typ, href string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch string(k) {
					case "rel":
						rel = strings.ToLower(string(v))
					case "type":
						typ = strings.ToLower(strings.TrimSpace(string(v)))
					case "href":
						href = string(v)
					}
				}
				if !strings.Contains(" "+rel+" ", " alternate ") || !feedTypes[typ] {
					continue
				}
				if u := resolve(pageURL, strings.TrimSpace(href)); u != "" && !seen[u] {
					seen[u] = true
					feeds = append(feeds, u)
				}
			}
		}
	}
}
