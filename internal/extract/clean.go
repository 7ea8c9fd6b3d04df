package extract

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// noiseTags never hold article text.
const noiseTags = "script, style, noscript, iframe, form, textarea, button, select, svg, template, nav, footer, aside, object, embed"

// paraText is the length of paragraph text under a node: what the article
// guard weighs.
func paraText(s *goquery.Selection) int {
	n := 0
	s.Find("p").Each(func(_ int, p *goquery.Selection) { n += len(text(p.Text())) })
	return n
}

// holdsArticle keeps cleaning from deleting the article itself when a site
// wraps it in a container whose name sounds like noise ("content-side").
func (p *page) holdsArticle(s *goquery.Selection, total int) bool {
	if s.Find("h1, [itemprop=articleBody]").Length() > 0 || s.Is("[itemprop=articleBody]") {
		return true
	}
	return total > 0 && paraText(s)*10 > total*4
}

// articleTags reports whether s is an article's own footer holding its tags
// (WordPress's <footer class="entry-footer"> inside <article>): a footer, but
// not the site's. Tag links in a site footer or sidebar are still dropped.
func articleTags(s *goquery.Selection) bool {
	if s.Closest("article").Length() == 0 || s.Is("article") {
		return false
	}
	if len([]rune(text(s.Text()))) > 400 {
		return false
	}
	return s.Find(`a[rel="tag"]`).Length() > 0 || isSel(s, "tags") || s.Find("[class]").FilterFunction(func(_ int, q *goquery.Selection) bool { return is(q.Nodes[0], "tags") }).Length() > 0
}

// dropNoise removes menus, tickers, comments, share tools, sidebars and ads
// before anything is read, so none of their text can be taken for the title,
// a date or the body.
func (p *page) dropNoise() {
	total := paraText(p.doc.Selection)
	p.doc.Find(noiseTags).Each(func(_ int, s *goquery.Selection) {
		if s.Is("script, style, noscript, template") || !p.holdsArticle(s, total) && !articleTags(s) {
			s.Remove()
		}
	})
	p.doc.Find("header").Each(func(_ int, s *goquery.Selection) {
		if !p.holdsArticle(s, total) && s.Find("[class], [id]").FilterFunction(func(_ int, q *goquery.Selection) bool {
			return is(q.Nodes[0], "title") || is(q.Nodes[0], "kicker")
		}).Length() == 0 {
			s.Remove()
		}
	})
	p.doc.Find("[class], [id]").Each(func(_ int, s *goquery.Selection) {
		if is(s.Nodes[0], "noise") && !p.holdsArticle(s, total) && !articleTags(s) {
			s.Remove()
		}
	})
	// Elements hidden by markup are not read by people either.
	p.doc.Find(`[hidden], [style*="display:none"], [style*="display: none"], [aria-hidden="true"]`).Remove()
}

// dropBoxes removes what was read as metadata (title, kicker, lead, tags,
// breadcrumb, date lines) and boxes headed «اخبار مرتبط» and the like, so the
// body extractor sees only the article text.
func (p *page) dropBoxes() {
	for _, n := range p.consumed {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	total := paraText(p.doc.Selection)
	p.doc.Find("[class], [id]").Each(func(_ int, s *goquery.Selection) {
		n := s.Nodes[0]
		if (is(n, "tags") || is(n, "breadcrumb") || is(n, "kicker")) && !p.holdsArticle(s, total) {
			s.Remove()
			return
		}
		// Date lines: short elements marked as dates.
		if is(n, "date") && len([]rune(text(s.Text()))) < 80 && !p.holdsArticle(s, total) {
			s.Remove()
		}
	})
	p.doc.Find(`a[rel="tag"]`).Remove()
	p.doc.Find("time").Each(func(_ int, s *goquery.Selection) {
		if len([]rune(text(s.Text()))) < 80 && s.Closest("p").Length() == 0 {
			s.Remove()
		}
	})
	heads := map[string]bool{}
	for _, h := range rules.lines["boxheads"] {
		heads[strings.TrimRight(h, ": :")] = true
	}
	p.doc.Find("h2, h3, h4, h5, h6, strong, b, span, div, p").Each(func(_ int, s *goquery.Selection) {
		if s.Nodes[0].Parent == nil || s.Children().Length() > 1 {
			return
		}
		if !heads[strings.TrimRight(text(s.Text()), ": :")] {
			return
		}
		// Remove the smallest container the heading opens: its parent, unless
		// that parent holds the article, then the heading and the list after it.
		box := s.Parent()
		for box.Length() > 0 && box.Is("b, strong, span, p") {
			box = box.Parent()
		}
		if box.Length() > 0 && !box.Is("body, html") && !p.holdsArticle(box, total) {
			box.Remove()
			return
		}
		s.NextFilteredUntil("ul, ol, div", "p").First().Remove()
		s.Remove()
	})
	detachEmpty(p.doc.Nodes[0])
}

// detachEmpty removes elements left without text or images, which would
// otherwise split paragraphs.
func detachEmpty(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			detachEmpty(c)
			if c.FirstChild == nil && !voidTags[c.Data] {
				n.RemoveChild(c)
			}
		}
		c = next
	}
}

var voidTags = map[string]bool{"img": true, "br": true, "hr": true, "meta": true, "link": true, "source": true, "picture": true, "video": true, "audio": true, "input": true, "base": true}
