package ner

import (
	"sort"
	"strings"
)

// gazetteer maps folded entity phrases seen in training to their type, so
// that a name seen once as a whole («سازمان ملل») is recognized as a whole.
// A phrase is kept only if it is tagged as that entity at least half of the
// times it occurs, so common words that are sometimes a name (مهر: a month,
// a news agency and a word) stay out.
type gazetteer struct {
	phrases map[string]uint8 // phrase → index into gazTypes
	// first maps a phrase's first word to the length of the longest phrase
	// it opens: most words open none, and match skips them with one look-up
	// instead of joining a key for every length.
	first map[string]int
	// ext marks the hand-written gazetteer (Sources.Names): its matches go to
	// tokFeat.ext, apart from the training-set gazetteer's.
	ext bool
}

var gazTypes = []string{"", "PER", "ORG", "LOC", "DAT", "TIM", "MON", "PCT"}

const gazMaxLen = 6

func gazKey(folds []string) string { return strings.Join(folds, "\x1f") }

// buildGazetteer collects the entity phrases of the sentences.
func buildGazetteer(sents []Sentence) *gazetteer {
	typeIdx := map[string]uint8{}
	for i, t := range gazTypes {
		typeIdx[t] = uint8(i)
	}
	asEntity := map[string]map[uint8]int{}
	folded := make([][]string, len(sents))
	for si, s := range sents {
		f := make([]string, len(s.Tokens))
		for i, t := range s.Tokens {
			f[i] = foldToken(t)
		}
		folded[si] = f
		for _, c := range tagChunks(s.Tags) {
			if c.end-c.start > gazMaxLen {
				continue
			}
			k := gazKey(f[c.start:c.end])
			if asEntity[k] == nil {
				asEntity[k] = map[uint8]int{}
			}
			asEntity[k][typeIdx[c.typ]]++
		}
	}
	occur := map[string]int{}
	for _, f := range folded {
		for i := range f {
			for l := 1; l <= gazMaxLen && i+l <= len(f); l++ {
				k := gazKey(f[i : i+l])
				if asEntity[k] != nil {
					occur[k]++
				}
			}
		}
	}
	g := &gazetteer{}
	for k, types := range asEntity {
		best, bestN := uint8(0), 0
		for t, n := range types {
			if n > bestN || n == bestN && t < best {
				best, bestN = t, n
			}
		}
		if 2*bestN >= occur[k] {
			g.add(k, best)
		}
	}
	return g
}

// add adds a phrase (gazKey of its folded words) of type t.
func (g *gazetteer) add(k string, t uint8) {
	if g.phrases == nil {
		g.phrases, g.first = map[string]uint8{}, map[string]int{}
	}
	g.phrases[k] = t
	n := strings.Count(k, "\x1f") + 1
	w, _, _ := strings.Cut(k, "\x1f")
	g.first[w] = max(g.first[w], n)
}

// match marks each token with the gazetteer phrases covering it: a code of
// type<<2 | position (0 single, 1 begin, 2 inside, 3 end).
func (g *gazetteer) match(toks []tokFeat) {
	if g == nil || len(g.phrases) == 0 {
		return
	}
	folds := make([]string, len(toks))
	for i := range toks {
		folds[i] = toks[i].fold
	}
	for i := range toks {
		for l := min(g.first[folds[i]], len(toks)-i); l >= 1; l-- {
			t, ok := g.phrases[gazKey(folds[i:i+l])]
			if !ok {
				continue
			}
			for j := i; j < i+l; j++ {
				pos := uint8(2)
				switch {
				case l == 1:
					pos = 0
				case j == i:
					pos = 1
				case j == i+l-1:
					pos = 3
				}
				if g.ext {
					toks[j].ext = append(toks[j].ext, t<<2|pos)
				} else {
					toks[j].gaz = append(toks[j].gaz, t<<2|pos)
				}
			}
		}
	}
}

// sortedPhrases lists the phrases in a fixed order for the model file.
func (g *gazetteer) sortedPhrases() []string {
	out := make([]string, 0, len(g.phrases))
	for k := range g.phrases {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Name is an entity name from a hand-written gazetteer, with its PEYMA type.
type Name struct {
	Text, Type string
}

// nameGazetteer folds the names into a gazetteer of their token sequences;
// names of types PEYMA does not have are left out.
func nameGazetteer(names []Name) *gazetteer {
	g := &gazetteer{ext: true}
	for _, n := range names {
		t, ok := gazTypeIndex[n.Type]
		if !ok || t == 0 {
			continue
		}
		var folds []string
		for _, tok := range tokenize(n.Text) {
			folds = append(folds, foldToken(tok.Text))
		}
		if len(folds) == 0 || len(folds) > gazMaxLen {
			continue
		}
		k := gazKey(folds)
		if old, ok := g.phrases[k]; ok && old != t {
			t = min(old, t) // one name of two types: the first in gazTypes order, for a fixed result
		}
		g.add(k, t)
	}
	return g
}
