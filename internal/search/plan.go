package search

import "unicode/utf8"

// A query plan is an AND of Groups. A Group matches when any of its Alts does;
// an Alt matches when all of its Phrases occur; a Phrase is index terms that
// must stand next to each other. Backends render a plan in their own syntax.
type (
	Group  []Alt
	Alt    []Phrase
	Phrase []string
)

// Words written run together or apart meet through the plan, not through the
// index: without a ZWNJ model «رئیسجمهور» stays one token in the query (or in
// a document), while «رئیس جمهور» is two. So a query token also matches as two
// adjacent index terms («رییسجمهور» → "رییس جمهور"), and two adjacent query
// tokens also match as one joined term. Only forms the index actually holds
// become alternatives, which keeps the plan small and its meaning tight.

// maxSplits caps the split alternatives of one query token.
const maxSplits = 3

// minPartRunes is the shortest half of a split: one letter is never a word part
// worth matching on its own.
const minPartRunes = 2

// Candidates lists the index terms Plan may use beyond the query terms
// themselves: both halves of every split of each term and the join of every
// two adjacent terms. A backend looks them up in its vocabulary in one go.
func Candidates(terms []string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(t string) {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for i, t := range terms {
		for _, s := range splits(t) {
			add(s[0])
			add(s[1])
		}
		if i+1 < len(terms) {
			add(join(t, terms[i+1]))
		}
	}
	return out
}

// Plan builds the query plan for terms (from QueryTerms). known reports whether
// an index term occurs in the index; it is asked only about Candidates(terms).
func Plan(terms []string, known func(string) bool) []Group {
	var groups []Group
	for i := 0; i < len(terms); i++ {
		t := terms[i]
		if i+1 < len(terms) {
			if j := join(t, terms[i+1]); known(j) {
				groups = append(groups, Group{
					Alt{Phrase{t}, Phrase{terms[i+1]}},
					Alt{Phrase{t, terms[i+1]}},
					Alt{Phrase{j}},
				})
				i++
				continue
			}
		}
		g := Group{Alt{Phrase{t}}}
		for _, s := range splits(t) {
			if len(g) > maxSplits {
				break
			}
			if known(s[0]) && known(s[1]) {
				g = append(g, Alt{Phrase{s[0], s[1]}})
			}
		}
		// The words as written, side by side: a document holding the phrase
		// holds t, so the matches stay the same, but relevance ranking (bm25
		// and Bleve alike score every matched alternative) now prefers it.
		if i+1 < len(terms) {
			g = append(g, Alt{Phrase{t, terms[i+1]}})
		}
		groups = append(groups, g)
	}
	return groups
}

// HighlightTerms lists every index term a plan can match on, for snippets.
func HighlightTerms(groups []Group) []string {
	var out []string
	seen := map[string]bool{}
	for _, g := range groups {
		for _, a := range g {
			for _, p := range a {
				for _, t := range p {
					if !seen[t] {
						seen[t] = true
						out = append(out, t)
					}
				}
			}
		}
	}
	return out
}

// splits returns the two-part splits of a term, each half in index form.
func splits(t string) [][2]string {
	if utf8.RuneCountInString(t) < 2*minPartRunes {
		return nil
	}
	var out [][2]string
	n := 0
	for i := range t {
		if n >= minPartRunes && utf8.RuneCountInString(t[i:]) >= minPartRunes {
			out = append(out, [2]string{Stem(t[:i]), Stem(t[i:])})
		}
		n++
	}
	return out
}

// join is the index form of two terms written as one word.
func join(a, b string) string { return Stem(a + b) }
