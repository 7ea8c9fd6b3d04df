// Package feeds reads news feeds (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed) into
// articles, reads and writes OPML subscription lists, and holds the Source
// model with khabar's default list of Persian news sources.
package feeds

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"khabar/internal/article"
	"khabar/internal/extract"
	"khabar/internal/persian"
	"khabar/internal/textdump"
)

// MaxFeedBytes bounds a feed document; real feeds are well under 1 MB.
const MaxFeedBytes = 16 << 20

// MaxItems bounds the items taken from one feed: news feeds carry 20–200, and
// a feed with thousands is broken or hostile. The newest are kept, in feed order.
const MaxItems = 1000

// fullTextWords is the body length above which an item's content is taken
// as the full article rather than a teaser to be completed from the page.
const fullTextWords = 120

// ErrNotFeed is returned for a document that is not a feed of a known kind.
var ErrNotFeed = errors.New("not a feed")

// Feed is a parsed feed: its own title and link, and one article per item.
type Feed struct {
	Title, HomeURL string
	Items          []Item
	// Skipped lists the problems with parts of the feed that were passed
	// over (duplicate GUIDs, items without a title or link, truncation).
	Skipped []error
}

// Item is one feed entry as an article.
type Item struct {
	Article *article.Article
	GUID    string
	// FullText is false when the feed carries only a summary, so the page
	// should be fetched and extracted to get the article.
	FullText bool
}

// Looks reports whether data starts like a feed document, so file ingestion
// can dispatch by content rather than by file name.
func Looks(data []byte) bool {
	head := data[:min(len(data), 2048)]
	switch gofeed.DetectFeedType(bytes.NewReader(head)) {
	case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
		return true
	case gofeed.FeedTypeJSON:
		return bytes.Contains(head, []byte("jsonfeed.org"))
	}
	return false
}

// Parse reads a feed document. feedURL, when known, resolves relative item
// links. An error means the document is not a readable feed; problems with
// single items are reported in Feed.Skipped.
func Parse(data []byte, feedURL string) (*Feed, error) {
	if len(data) > MaxFeedBytes {
		return nil, fmt.Errorf("feed of %d MB: over the %d MB limit", len(data)>>20, MaxFeedBytes>>20)
	}
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, ErrNotFeed
		}
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	f := &Feed{Title: text(gf.Title), HomeURL: gf.Link}
	items := gf.Items
	if len(items) > MaxItems {
		f.Skipped = append(f.Skipped, fmt.Errorf("feed has %d items: only the first %d read", len(items), MaxItems))
		items = items[:MaxItems]
	}
	seen := map[string]bool{}
	for i, it := range items {
		a, guid, full := convert(it, feedURL)
		if a == nil {
			f.Skipped = append(f.Skipped, fmt.Errorf("item %d: no title or link", i+1))
			continue
		}
		key := guid
		if key == "" {
			key = a.URL
		}
		if seen[key] || seen[a.ID] {
			f.Skipped = append(f.Skipped, fmt.Errorf("item %d: duplicate of %q", i+1, key))
			continue
		}
		seen[key], seen[a.ID] = true, true
		f.Items = append(f.Items, Item{Article: a, GUID: guid, FullText: full})
	}
	return f, nil
}

func text(s string) string { return strings.Join(strings.Fields(s), " ") }

// convert makes an article of an item; nil when it has neither title nor link.
func convert(it *gofeed.Item, feedURL string) (a *article.Article, guid string, full bool) {
	link := resolve(feedURL, strings.TrimSpace(it.Link))
	if link == "" && len(it.Links) > 0 {
		link = resolve(feedURL, strings.TrimSpace(it.Links[0]))
	}
	guid = strings.TrimSpace(it.GUID)
	title := strings.Join(extract.Fragment(it.Title), " ")
	if title == "" && link == "" {
		return nil, "", false
	}
	a = &article.Article{Title: title, URL: link}
	summary := extract.Fragment(it.Description)
	body := extract.Fragment(it.Content)
	if len(body) == 0 && len(summary) > 1 {
		body, summary = summary, nil
	}
	a.Lead = strings.Join(summary, " ")
	a.Body = body
	full = words(body) >= fullTextWords
	for _, c := range it.Categories {
		if c = text(c); c != "" {
			a.Tags = append(a.Tags, c)
		}
	}
	if p := firstAuthor(it); p != "" {
		a.Author = p
	}
	a.Published = date(it)
	if it.Image != nil && it.Image.URL != "" {
		a.Images = append(a.Images, article.Image{URL: resolve(feedURL, it.Image.URL), Caption: text(it.Image.Title)})
	}
	for _, e := range it.Enclosures {
		if e != nil && strings.HasPrefix(e.Type, "image/") && e.URL != "" {
			a.Images = append(a.Images, article.Image{URL: resolve(feedURL, e.URL)})
		}
	}
	if len(a.Body) > 0 {
		a.Subheadings = textdump.Subheadings(a.Body)
	}
	// The attribution chain («به گزارش ... به نقل از ...») is read from the
	// item's text as from any other article.
	textdump.Provenance(a)
	// Raw is the item as the feed gave it, so a re-published item whose text
	// changed is seen as changed.
	a.Raw = strings.Join([]string{it.Title, link, it.Description, it.Content}, "\n")
	switch {
	case link != "":
		a.ID = article.StableID(link)
	case guid != "":
		a.ID = article.StableID(guid)
	default:
		a.ID = article.StableID(a.Raw)
	}
	return a, guid, full
}

func words(ps []string) int {
	n := 0
	for _, p := range ps {
		n += len(strings.Fields(p))
	}
	return n
}

func firstAuthor(it *gofeed.Item) string {
	for _, p := range it.Authors {
		if p != nil && text(p.Name) != "" {
			return text(p.Name)
		}
	}
	if it.DublinCoreExt != nil && len(it.DublinCoreExt.Creator) > 0 {
		return text(it.DublinCoreExt.Creator[0])
	}
	return ""
}

// date reads the item's publication date. gofeed parses RFC 822 and ISO
// dates; a Jalali date (some Persian CMSs put «۱۴۰۳/۰۵/۰۵ - ۲۱:۳۰» in
// pubDate) is left raw by it and read here.
func date(it *gofeed.Item) *article.Date {
	for _, p := range []struct {
		parsed *time.Time
		raw    string
	}{{it.PublishedParsed, it.Published}, {it.UpdatedParsed, it.Updated}} {
		if p.parsed != nil && p.parsed.Year() > 1900 && p.parsed.Year() < 2200 {
			// A date without a time of day arrives as midnight UTC.
			clock := !(p.parsed.Hour() == 0 && p.parsed.Minute() == 0 && p.parsed.Second() == 0) || strings.Contains(p.raw, ":")
			return &article.Date{Time: *p.parsed, HasClock: clock}
		}
		if p.raw != "" {
			if t, clock, err := persian.ParseJalali(p.raw); err == nil {
				return &article.Date{Time: t, HasClock: clock}
			}
		}
	}
	return nil
}
