// Package extract turns a Persian news article page (HTML) into an
// article.Article: a general main-content extractor (go-readability) finds the
// body, and newsroom rules find what generic extractors lose — روتیتر (kicker),
// lead/سوتیتر, «کد خبر», Jalali dates, tags, desk, author and image captions —
// and drop end markers, related-news boxes, menus, tickers and comments.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	nurl "net/url"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"

	"khabar/internal/article"
	"khabar/internal/textdump"
)

// ErrNoArticle is returned for a page in which no article text was found (a
// home page, an error page, a login wall).
var ErrNoArticle = errors.New("no article text in page")

// MaxPage bounds the HTML accepted, so a hostile page cannot exhaust memory
// in the parser (a DOM costs many times its bytes).
const MaxPage = 8 << 20

// Page extracts the article in an HTML page. data may be in any charset the
// page declares (windows-1256 pages are common in older Persian CMSs);
// pageURL, when known, resolves relative links and is the fallback URL.
// Text is returned as written: normalization is the pipeline's job.
func Page(data []byte, pageURL string) (*article.Article, error) {
	if len(data) > MaxPage {
		return nil, fmt.Errorf("page of %d MB: over the %d MB limit", len(data)>>20, MaxPage>>20)
	}
	utf := DecodeHTML(data, "")
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(utf))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	base, _ := nurl.Parse(pageURL)
	p := &page{doc: doc, base: base}
	a := p.extract()
	if a.URL == "" {
		a.URL = pageURL
	}
	if a.Title == "" || len(a.Body) == 0 && a.Lead == "" {
		return nil, ErrNoArticle
	}
	a.Raw = string(utf)
	if a.URL != "" {
		a.ID = article.StableID(a.URL)
	} else {
		a.ID = article.StableID(a.Raw)
	}
	a.Subheadings = append(a.Subheadings, textdump.Subheadings(a.Body)...)
	a.Subheadings = dedupe(a.Subheadings)
	textdump.Provenance(a)
	if a.OriginalSource == "" && p.credit != "" {
		a.OriginalSource = p.credit
	}
	return a, nil
}

// DecodeHTML returns the page as UTF-8. contentType is the HTTP header, if any.
//
// Valid UTF-8 wins over a declared charset: a page saved or re-encoded as
// UTF-8 often keeps its old «windows-1256» meta tag, while windows-1256 Persian
// text is practically never valid UTF-8. An undeclared, non-UTF-8 page is
// taken to be windows-1256, the legacy Persian code page.
func DecodeHTML(data []byte, contentType string) []byte {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return data[3:]
	}
	if contentType != "" {
		if _, params, ok := strings.Cut(contentType, ";"); ok && strings.Contains(strings.ToLower(params), "charset") {
			if enc, name, certain := charset.DetermineEncoding(data, contentType); certain && name != "utf-8" {
				if out, err := enc.NewDecoder().Bytes(data); err == nil {
					return out
				}
			}
		}
	}
	if utf8.Valid(data) {
		return data
	}
	enc, name, certain := charset.DetermineEncoding(data, "text/html")
	if !certain || name == "utf-8" || name == "windows-1252" {
		// windows-1252 is the HTML5 default guess for undeclared pages; for
		// Persian text it is always wrong.
		enc = charmap.Windows1256
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return bytes.ToValidUTF8(data, []byte("\ufffd"))
	}
	return out
}

type page struct {
	doc  *goquery.Document
	base *nurl.URL
	// removed marks nodes already consumed as title, kicker, lead or metadata,
	// so the body does not repeat them.
	consumed []*html.Node
	// credit is the source named by a closing «منبع: ...» line.
	credit string
}

func (p *page) extract() *article.Article {
	a := &article.Article{}
	ld := p.jsonLD()
	p.dropNoise()
	a.URL = p.canonical()
	a.Title = p.title(ld)
	a.Kicker = p.kicker()
	a.Lead = p.lead(a.Title)
	a.Published = p.published(ld)
	a.NewsID = p.newsID()
	a.Tags = p.tags(ld)
	a.Section = p.category(ld)
	a.Author = p.author(ld)
	a.Images = p.images(ld)
	p.dropBoxes()
	a.Body, a.Subheadings = p.body(a)
	return a
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	out := xs[:0]
	for _, x := range xs {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
