package extract

import (
	"encoding/json"
	nurl "net/url"
	"regexp"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"khabar/internal/article"
	"khabar/internal/persian"
)

// text collapses white space the way a reader sees it; ZWNJ is kept (it is not
// white space).
func text(s string) string { return strings.Join(strings.Fields(s), " ") }

func (p *page) meta(keys ...string) string {
	for _, k := range keys {
		sel := p.doc.Find(`meta[property="` + k + `"], meta[name="` + k + `"], meta[itemprop="` + k + `"]`)
		for i := range sel.Nodes {
			if v := text(sel.Eq(i).AttrOr("content", "")); v != "" {
				return v
			}
		}
	}
	return ""
}

func (p *page) consume(s *goquery.Selection) {
	p.consumed = append(p.consumed, s.Nodes...)
}

// abs resolves a link against the page URL.
func (p *page) abs(ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "data:") || strings.HasPrefix(ref, "javascript:") {
		return ""
	}
	u, err := nurl.Parse(ref)
	if err != nil {
		return ""
	}
	if u.IsAbs() {
		// Kept as written: re-encoding would turn a Persian slug into %-escapes.
		return ref
	}
	if p.base != nil {
		u = p.base.ResolveReference(u)
	}
	return u.String()
}

func (p *page) canonical() string {
	if h := p.doc.Find(`link[rel="canonical"]`).AttrOr("href", ""); h != "" {
		return p.abs(h)
	}
	if h := p.meta("og:url"); h != "" {
		return p.abs(h)
	}
	return ""
}

// ld is what the page's JSON-LD NewsArticle says, when it has one.
type ld struct {
	Headline, Section, Published, Author, Description string
	Keywords                                          []string
	Images                                            []string
}

func (p *page) jsonLD() ld {
	var out ld
	p.doc.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		var v any
		if json.Unmarshal([]byte(s.Text()), &v) != nil {
			return
		}
		walkLD(v, &out)
	})
	return out
}

// walkLD finds the first article-like object in a JSON-LD value (which may be a
// list or an @graph) and copies its fields.
func walkLD(v any, out *ld) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			walkLD(e, out)
		}
	case map[string]any:
		if g, ok := x["@graph"]; ok {
			walkLD(g, out)
		}
		typ := strings.ToLower(ldString(x["@type"]))
		if !strings.Contains(typ, "article") && !strings.Contains(typ, "posting") && typ != "report" {
			return
		}
		if out.Headline == "" {
			out.Headline = text(ldString(x["headline"]))
			out.Section = text(ldString(x["articleSection"]))
			out.Published = ldString(x["datePublished"])
			out.Author = text(ldString(x["author"]))
			out.Description = text(ldString(x["description"]))
			for _, k := range ldStrings(x["keywords"]) {
				for _, t := range strings.FieldsFunc(k, func(r rune) bool { return r == ',' || r == '،' }) {
					if t = text(t); t != "" {
						out.Keywords = append(out.Keywords, t)
					}
				}
			}
			out.Images = ldStrings(x["image"])
		}
	}
}

// ldString reads a JSON-LD value that may be a string, a list, or an object
// with a name or url.
func ldString(v any) string {
	if s := ldStrings(v); len(s) > 0 {
		return s[0]
	}
	return ""
}

func ldStrings(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, ldStrings(e)...)
		}
		return out
	case map[string]any:
		for _, k := range []string{"name", "url", "@value"} {
			if s, ok := x[k].(string); ok {
				return []string{s}
			}
		}
	}
	return nil
}

var titleSeparators = regexp.MustCompile(`\s+[|\-–—:«»]+\s+|\s*\|\s*`)

// title picks the headline element that agrees with the document title or
// og:title, so a site name in <title> or a sidebar heading is not taken.
func (p *page) title(l ld) string {
	docTitle := text(p.doc.Find("head title").First().Text())
	og := p.meta("og:title", "twitter:title")
	var first *goquery.Selection
	var chosen, inDocTitle *goquery.Selection
	p.doc.Find("h1, h2, h3, [itemprop=headline], [class], [id]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		n := s.Nodes[0]
		if n.Data == "meta" || n.Data == "body" || n.Data == "html" {
			return true
		}
		isHead := n.Data == "h1" || s.AttrOr("itemprop", "") == "headline" || is(n, "title")
		if !isHead || is(n, "kicker") || is(n, "lead") || is(n, "noise") {
			return true
		}
		t := text(s.Text())
		if t == "" || len([]rune(t)) > 300 {
			return true
		}
		if first == nil && (n.Data == "h1" || s.AttrOr("itemprop", "") == "headline") {
			first = s
		}
		if t == og || t == l.Headline {
			chosen = s
			return false
		}
		// «headline – site name»: the site name (a "site-title" in the
		// masthead) is in the document title too, so of the elements found
		// there the longest is the headline.
		if docTitle != "" && (strings.Contains(docTitle, t) || strings.Contains(t, docTitle)) && (inDocTitle == nil || len(t) > len(text(inDocTitle.Text()))) {
			inDocTitle = s
		}
		return true
	})
	if chosen == nil {
		chosen = inDocTitle
	}
	if chosen == nil {
		chosen = first
	}
	if chosen != nil {
		p.consume(chosen)
		return text(chosen.Text())
	}
	for _, t := range []string{og, l.Headline} {
		if t != "" {
			return t
		}
	}
	// The longest part of «title | site» is the headline.
	best := ""
	for _, part := range titleSeparators.Split(docTitle, -1) {
		if len(part) > len(best) {
			best = text(part)
		}
	}
	return best
}

func (p *page) kicker() string {
	var out string
	p.doc.Find("[class], [id]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if !is(s.Nodes[0], "kicker") || is(s.Nodes[0], "noise") {
			return true
		}
		if t := text(s.Text()); t != "" && len([]rune(t)) <= 200 {
			out = t
			p.consume(s)
			return false
		}
		return true
	})
	return out
}

// lead finds the lead (لید) or سوتیتر: an element marked as such, or the
// itemprop=description of the article.
func (p *page) lead(title string) string {
	var out string
	p.doc.Find("[class], [id], [itemprop=description]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		n := s.Nodes[0]
		if n.Data == "meta" || n.Data == "body" || is(n, "noise") {
			return true
		}
		if !is(n, "lead") && s.AttrOr("itemprop", "") != "description" {
			return true
		}
		t := text(s.Text())
		if r := len([]rune(t)); r < 20 || r > 2000 || t == title {
			return true
		}
		// A lead is one block of text: a container with several paragraphs is
		// the body (some CMSs call the body "summary" or "intro").
		if s.Find("p, div, li").Length() > 1 {
			return true
		}
		out = t
		p.consume(s)
		return false
	})
	return out
}

var isoLayouts = []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", time.RFC1123Z, time.RFC1123}

// parseISO reads a machine date; one without a zone is Tehran time, as Persian
// sites write their local clock.
func parseISO(s string) *article.Date {
	s = strings.TrimSpace(persian.ASCIIDigits(s))
	for _, l := range isoLayouts {
		t, err := time.ParseInLocation(l, s, persian.Tehran)
		if err == nil {
			if t.Year() < 1900 || t.Year() > 2200 {
				return nil
			}
			return &article.Date{Time: t, HasClock: len(l) > len("2006-01-02")}
		}
	}
	return nil
}

func parseAnyDate(s string) *article.Date {
	if d := parseISO(s); d != nil {
		return d
	}
	if t, clock, err := persian.ParseJalali(s); err == nil {
		return &article.Date{Time: t, HasClock: clock}
	}
	return nil
}

// published reads the publication date: machine-readable metadata first, then
// the Jalali text a newsroom prints near the title («۱۴۰۳/۰۵/۰۵ - ۲۱:۳۰»,
// «۵ مرداد ۱۴۰۳»).
func (p *page) published(l ld) *article.Date {
	for _, s := range []string{
		p.meta("article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "publish-date", "DC.date.issued", "date"),
		l.Published,
		p.doc.Find("[itemprop=datePublished]").AttrOr("datetime", ""),
		p.doc.Find("time[datetime]").First().AttrOr("datetime", ""),
	} {
		if d := parseAnyDate(s); d != nil {
			return d
		}
	}
	var out *article.Date
	try := func(s *goquery.Selection) bool {
		t := text(s.Text())
		if t == "" || len([]rune(t)) > 120 {
			return true
		}
		if d := parseAnyDate(t); d != nil {
			out = d
			p.consume(s)
			return false
		}
		return true
	}
	p.doc.Find("[class], [id], time").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if s.Nodes[0].Data != "time" && !is(s.Nodes[0], "date") {
			return true
		}
		return try(s)
	})
	if out == nil {
		// Undeclared: a short element outside paragraphs holding only a date.
		p.doc.Find("span, div, li, small, b").EachWithBreak(func(_ int, s *goquery.Selection) bool {
			if s.Children().Length() > 0 || s.Closest("p").Length() > 0 {
				return true
			}
			return try(s)
		})
	}
	return out
}

var newsIDRe = regexp.MustCompile(`(?:کد\s*خبر|شناسه\s*خبر|کد\s*مطلب|شماره\s*خبر|کد\s*گزارش|News\s*ID)\s*[:：]?\s*([0-9۰-۹]{2,})`)

func (p *page) newsID() string {
	var out string
	p.doc.Find("body *").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if s.Children().Length() > 3 {
			return true
		}
		t := text(s.Text())
		if len(t) > 200 {
			return true
		}
		if m := newsIDRe.FindStringSubmatch(t); m != nil {
			out = persian.ASCIIDigits(m[1])
			if s.Children().Length() == 0 && len([]rune(t)) < 40 {
				p.consume(s)
			}
			return false
		}
		return true
	})
	return out
}

func splitList(s string) []string {
	var out []string
	for _, t := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '،' || r == ';' }) {
		if t = text(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func (p *page) tags(l ld) []string {
	var out []string
	add := func(t string) {
		t = strings.TrimLeft(text(t), "#")
		t = strings.ReplaceAll(t, "_", " ")
		if t != "" && len([]rune(t)) <= 60 {
			out = append(out, t)
		}
	}
	p.doc.Find(`a[rel="tag"]`).Each(func(_ int, s *goquery.Selection) { add(s.Text()) })
	if len(out) == 0 {
		p.doc.Find("[class], [id]").Each(func(_ int, s *goquery.Selection) {
			if !is(s.Nodes[0], "tags") || s.ParentsFiltered("[class]").FilterFunction(func(_ int, q *goquery.Selection) bool { return is(q.Nodes[0], "tags") }).Length() > 0 {
				return
			}
			items := s.Find("a")
			if items.Length() == 0 {
				items = s.Find("li")
			}
			items.Each(func(_ int, a *goquery.Selection) { add(a.Text()) })
		})
	}
	if len(out) == 0 {
		p.doc.Find(`meta[property="article:tag"]`).Each(func(_ int, s *goquery.Selection) { add(s.AttrOr("content", "")) })
	}
	if len(out) == 0 {
		for _, k := range l.Keywords {
			add(k)
		}
	}
	if len(out) == 0 {
		for _, k := range splitList(p.meta("keywords", "news_keywords")) {
			add(k)
		}
	}
	out = dedupe(out)
	if len(out) > 30 {
		out = out[:30]
	}
	return out
}

var homeCrumbs = map[string]bool{"خانه": true, "صفحه اصلی": true, "صفحه نخست": true, "home": true, "Home": true}

func (p *page) category(l ld) string {
	if c := p.meta("article:section"); c != "" {
		return c
	}
	if l.Section != "" {
		return l.Section
	}
	var out string
	p.doc.Find(`[class], [id], [itemtype*="BreadcrumbList"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if !is(s.Nodes[0], "breadcrumb") && !strings.Contains(s.AttrOr("itemtype", ""), "BreadcrumbList") {
			return true
		}
		// The desk is the first crumb after the home link; deeper crumbs are
		// sub-desks or the headline itself.
		s.Find("a").EachWithBreak(func(_ int, a *goquery.Selection) bool {
			if t := text(a.Text()); t != "" && !homeCrumbs[t] {
				out = t
				return false
			}
			return true
		})
		return out == ""
	})
	if out != "" {
		return out
	}
	p.doc.Find("[class], [id]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if !is(s.Nodes[0], "category") || is(s.Nodes[0], "noise") {
			return true
		}
		if t := text(s.Text()); t != "" && len([]rune(t)) <= 40 {
			out = t
			return false
		}
		return true
	})
	if out != "" {
		return out
	}
	// A labelled line in the news details: «سرویس: اقتصادی», the label and
	// the value in one element or in two side by side.
	p.doc.Find("li, span, div, p, dt, td").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		t := text(s.Text())
		if len([]rune(t)) > 50 {
			return true
		}
		if m := deskLineRe.FindStringSubmatch(t); m != nil {
			if m[1] != "" {
				out = m[1]
			} else if next := text(s.Next().Text()); next != "" && len([]rune(next)) <= 40 {
				out = next
			}
		}
		return out == ""
	})
	return out
}

var deskLineRe = regexp.MustCompile(`^(?:سرویس|گروه خبری|گروه|بخش)\s*[:：]\s*(.{0,40})$`)

var bylinePrefix = regexp.MustCompile(`^(?:نویسنده|خبرنگار|گزارش|به قلم|نوشته|مترجم|ترجمه|By)\s*[::]?\s*`)

func (p *page) author(l ld) string {
	clean := func(s string) string {
		s = text(bylinePrefix.ReplaceAllString(text(s), ""))
		if r := len([]rune(s)); r == 0 || r > 80 {
			return ""
		}
		return s
	}
	var out string
	p.doc.Find(`[rel="author"], [itemprop="author"], [class], [id]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		n := s.Nodes[0]
		if n.Data == "meta" || n.Data == "link" || !(s.AttrOr("rel", "") == "author" || s.AttrOr("itemprop", "") == "author" || is(n, "author")) {
			return true
		}
		if t := clean(s.Text()); t != "" {
			out = t
			p.consume(s)
			return false
		}
		return true
	})
	if out != "" {
		return out
	}
	if t := clean(l.Author); t != "" {
		return t
	}
	return clean(p.meta("author", "article:author"))
}

// images collects the pictures of the article with their captions: figures
// (the lead photo usually sits in one above the body) and the social-card image.
func (p *page) images(l ld) []article.Image {
	var out []article.Image
	seen := map[string]bool{}
	add := func(src, caption string) {
		u := p.abs(src)
		if u == "" || seen[u] {
			return
		}
		seen[u] = true
		out = append(out, article.Image{URL: u, Caption: captionText(caption)})
	}
	p.doc.Find("figure").Each(func(_ int, f *goquery.Selection) {
		cap := f.Find("figcaption").Text()
		f.Find("img").Each(func(_ int, img *goquery.Selection) {
			c := cap
			if text(c) == "" {
				c = img.AttrOr("alt", "")
			}
			add(imgSrc(img.Nodes[0]), c)
		})
	})
	for _, src := range append([]string{p.meta("og:image", "twitter:image")}, l.Images...) {
		if src != "" {
			add(src, "")
		}
	}
	return out
}

// captionLabel is the screen-reader label some sites put before a caption.
var captionLabel = regexp.MustCompile(`^(?:توضیح تصویر|منبع تصویر|عکس)\s*[،,:]\s*`)

func captionText(s string) string { return captionLabel.ReplaceAllString(text(s), "") }

// imgSrc reads the real source of a possibly lazy-loaded image.
func imgSrc(n *html.Node) string {
	var src string
	for _, k := range []string{"data-src", "data-original", "data-lazy-src", "src"} {
		for _, a := range n.Attr {
			if a.Key == k && strings.TrimSpace(a.Val) != "" && !strings.HasPrefix(a.Val, "data:") {
				return a.Val
			}
		}
	}
	return src
}
