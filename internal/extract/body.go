package extract

import (
	"regexp"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"khabar/internal/article"
)

// body finds the main text with go-readability on the cleaned page and splits
// it into the paragraphs the newsroom wrote; headings inside it are returned as
// subheadings too. When readability finds nothing (very short pages), the
// container with the most paragraph text is used.
func (p *page) body(a *article.Article) (body, subheads []string) {
	root := p.mainNode()
	if root == nil {
		return nil, nil
	}
	var blocks []block
	walkBlocks(root, &blocks)
	// Title, lead or kicker repeated at the top of the body are page chrome;
	// further down, a repeated sentence is the writer's and stays.
	skip := map[string]bool{text(a.Title): true, text(a.Lead): true, text(a.Kicker): true, "": true}
	for i, b := range blocks {
		t := stripEndMarker(b.text)
		// Without a marked lead, an opening paragraph set all in bold is the
		// lead: the convention of many Persian desks (and the BBC's).
		if i == 0 && a.Lead == "" && b.bold && len([]rune(t)) > 60 {
			a.Lead = t
			continue
		}
		if t == "" || len(body) == 0 && skip[t] || isNewsIDLine(t) {
			continue
		}
		body = append(body, t)
		if b.heading {
			subheads = append(subheads, t)
		}
	}
	// «منبع: خبرگزاری برنا» closing an aggregator's copy credits the source;
	// it is not the article's text. Page keeps the name as the original
	// source when the text names none.
	if n := len(body); n > 1 {
		if m := sourceLineRe.FindStringSubmatch(body[n-1]); m != nil {
			p.credit = text(m[1])
			body = body[:n-1]
		}
	}
	for _, img := range b2imgs(root) {
		a.Images = appendImage(a.Images, p, img)
	}
	return body, subheads
}

func (p *page) mainNode() *html.Node {
	if len(p.doc.Nodes) == 0 {
		return nil
	}
	// ParseDocument changes the tree it is given; goquery's copy is no longer
	// needed after this point except for the fallback, so hand it a clone.
	clone := cloneTree(p.doc.Nodes[0])
	parser := readability.NewParser()
	parser.CharThresholds = 200
	if art, err := parser.ParseDocument(clone, p.base); err == nil && art.Node != nil && len(text(nodeText(art.Node))) > 0 {
		return art.Node
	}
	best, bestLen := (*goquery.Selection)(nil), 0
	p.doc.Find("div, article, section, main, td, body").Each(func(_ int, s *goquery.Selection) {
		n := 0
		s.ChildrenFiltered("p").Each(func(_ int, q *goquery.Selection) { n += len(text(q.Text())) })
		if n > bestLen {
			best, bestLen = s, n
		}
	})
	if best == nil {
		return nil
	}
	return best.Nodes[0]
}

func cloneTree(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace, Attr: append([]html.Attribute(nil), n.Attr...)}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.AppendChild(cloneTree(ch))
	}
	return c
}

func nodeText(n *html.Node) string {
	var sb strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
			sb.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return sb.String()
}

type block struct {
	text          string
	heading, bold bool
}

var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "header": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "dl": true, "dd": true, "dt": true, "blockquote": true,
	"pre": true, "figure": true, "table": true, "tr": true, "td": true, "th": true, "hr": true,
}

// walkBlocks emits one block per paragraph. <br> also ends a paragraph:
// many Persian CMSs write the whole story in one element with <br><br>
// between paragraphs.
func walkBlocks(root *html.Node, out *[]block) {
	var sb strings.Builder
	flush := func(n *html.Node) {
		if t := text(sb.String()); t != "" {
			b := block{text: t}
			if n != nil {
				b.bold = boldOnly(n)
				b.heading = isHeading(n, t, b.bold)
			}
			*out = append(*out, b)
		}
		sb.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			sb.WriteString(n.Data)
			return
		case html.ElementNode:
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			return
		}
		switch n.Data {
		case "script", "style", "figcaption", "noscript":
			return
		case "br":
			flush(nil)
			return
		}
		if !blockTags[n.Data] {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			return
		}
		flush(nil)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		flush(n)
	}
	walk(root)
	flush(nil)
}

// isHeading: h2–h6, or a short paragraph that is bold all through (the
// crosshead style of most Persian CMS editors).
func isHeading(n *html.Node, t string, bold bool) bool {
	switch n.Data {
	case "h2", "h3", "h4", "h5", "h6":
		return true
	case "p", "div":
		return bold && len([]rune(t)) <= 100 && !strings.ContainsAny(t[max(0, len(t)-3):], ".:؟?!")
	}
	return false
}

// boldOnly reports whether all the text of n sits in one <b> or <strong>.
func boldOnly(n *html.Node) bool {
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" {
			continue
		}
		if only != nil {
			return false
		}
		if c.Type == html.ElementNode && (c.Data == "p" || c.Data == "div") {
			return boldOnly(c) && onlyChild(n, c)
		}
		if c.Type != html.ElementNode || (c.Data != "strong" && c.Data != "b") {
			return false
		}
		only = c
	}
	return only != nil
}

func onlyChild(n, c *html.Node) bool {
	for x := n.FirstChild; x != nil; x = x.NextSibling {
		if x != c && !(x.Type == html.TextNode && strings.TrimSpace(x.Data) == "") {
			return false
		}
	}
	return true
}

// stripEndMarker drops «انتهای پیام/» and its kin, alone or glued to the
// last sentence.
func stripEndMarker(t string) string {
	for _, m := range rules.lines["endmarkers"] {
		if t == m {
			return ""
		}
		if strings.HasSuffix(t, m) {
			t = text(strings.TrimSuffix(t, m))
		}
	}
	return t
}

// sourceLineRe matches a closing source credit: «منبع: ایسنا», «منبع خبر: تسنیم».
var sourceLineRe = regexp.MustCompile(`^(?:منبع|منبع خبر|منبع مطلب)\s*[:：]\s*(\S.{0,60})$`)

func isNewsIDLine(t string) bool {
	return len([]rune(t)) < 40 && newsIDRe.MatchString(t)
}

// b2imgs lists the images inside the body with their captions.
func b2imgs(root *html.Node) []article.Image {
	var out []article.Image
	goquery.NewDocumentFromNode(root).Find("img").Each(func(_ int, s *goquery.Selection) {
		cap := s.Closest("figure").Find("figcaption").Text()
		if text(cap) == "" {
			cap = s.AttrOr("alt", s.AttrOr("title", ""))
		}
		out = append(out, article.Image{URL: imgSrc(s.Nodes[0]), Caption: captionText(cap)})
	})
	return out
}

func appendImage(imgs []article.Image, p *page, img article.Image) []article.Image {
	u := p.abs(img.URL)
	if u == "" {
		return imgs
	}
	for i, have := range imgs {
		if have.URL == u {
			if have.Caption == "" {
				imgs[i].Caption = img.Caption
			}
			return imgs
		}
	}
	return append(imgs, article.Image{URL: u, Caption: img.Caption})
}

// Fragment splits an HTML fragment (a feed item's content or summary) into
// paragraphs, with end markers dropped. Plain text comes back as its lines.
func Fragment(s string) []string {
	if !strings.Contains(s, "<") {
		var out []string
		for _, line := range strings.Split(s, "\n") {
			if t := stripEndMarker(text(line)); t != "" {
				out = append(out, t)
			}
		}
		return out
	}
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return nil
	}
	var blocks []block
	walkBlocks(root, &blocks)
	var out []string
	for _, b := range blocks {
		if t := stripEndMarker(b.text); t != "" {
			out = append(out, t)
		}
	}
	return out
}
