package extract

import (
	"bufio"
	_ "embed"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

//go:embed rules.txt
var rulesText string

// rules is the parsed rules.txt: section name → entries. Parsed once at start-up
// (it is read-only data compiled into the binary, like a table).
var rules = parseRules(rulesText)

type ruleSet struct {
	words map[string]map[string]bool // class-word sections
	lines map[string][]string        // text sections
}

func parseRules(s string) ruleSet {
	rs := ruleSet{words: map[string]map[string]bool{}, lines: map[string][]string{}}
	sec := ""
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			sec = line[1 : len(line)-1]
		case sec == "boxheads" || sec == "endmarkers":
			rs.lines[sec] = append(rs.lines[sec], line)
		default:
			if rs.words[sec] == nil {
				rs.words[sec] = map[string]bool{}
			}
			for _, w := range strings.Fields(line) {
				rs.words[sec][w] = true
			}
		}
	}
	return rs
}

// nameWords splits class and id values into the words rules match on.
func nameWords(n *html.Node) []string {
	var out []string
	for _, at := range n.Attr {
		if at.Key != "class" && at.Key != "id" {
			continue
		}
		for _, name := range strings.Fields(strings.ToLower(at.Val)) {
			whole := strings.NewReplacer("-", "", "_", "").Replace(name)
			out = append(out, whole)
			if whole != name {
				out = append(out, strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' })...)
			}
		}
	}
	return out
}

// is reports whether the node's class or id carries a word of the section.
func is(n *html.Node, section string) bool {
	set := rules.words[section]
	for _, w := range nameWords(n) {
		if set[w] {
			return true
		}
	}
	return false
}

func isSel(s *goquery.Selection, section string) bool {
	return len(s.Nodes) > 0 && is(s.Nodes[0], section)
}
