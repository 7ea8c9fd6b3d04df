package entities

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Kind says how a mention names its record.
type Kind uint8

const (
	// ByName is the record's name or one of its aliases.
	ByName Kind = iota
	// ByTitle is an office the record held («وزیر امور خارجه چین»).
	ByTitle
	// ByDemonym is an adjective pointing at a country («همتای روسی»): it
	// helps code event actors but is not a mention of the country.
	ByDemonym
	// ByPartial is part of a person's name («لاوروف» after «سرگئی لاوروف»),
	// linked only when the full name is mentioned in the same article.
	ByPartial
)

func (k Kind) String() string {
	switch k {
	case ByName:
		return "name"
	case ByTitle:
		return "title"
	case ByDemonym:
		return "demonym"
	case ByPartial:
		return "partial"
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Match is a gazetteer name found in a text: Start and End are byte offsets
// into that text, covering whole tokens.
type Match struct {
	Record     *Record
	Kind       Kind
	Start, End int
}

// Linker finds gazetteer names in text. Names are compared on folded tokens
// with the spaces between them squeezed out, so «آسه‌آن», «آسه آن» and the
// ZWNJ-damaged «آسهآن» all meet, and a match always spans whole tokens. It is
// read-only after NewLinker and safe for concurrent use.
type Linker struct {
	g    *Gazetteer
	root *node
}

type node struct {
	next map[rune]*node
	// rec is set when a name ends here.
	rec  *Record
	kind Kind
	// partial lists the people whose last name ends here, when that is not
	// a name of its own.
	partial []*Record
}

// NewLinker indexes every name, alias, title and demonym of g. Two records
// claiming the same folded name is an error: the gazetteer must say which
// one a name means.
func NewLinker(g *Gazetteer) (*Linker, error) {
	l := &Linker{g: g, root: &node{}}
	for _, r := range g.Records {
		add := func(name string, k Kind) error {
			key := squeeze(name)
			if key == "" {
				return fmt.Errorf("gazetteer %s: name %q folds to nothing", r.ID, name)
			}
			return l.insert(key, r, k)
		}
		if err := add(r.Name, ByName); err != nil {
			return nil, err
		}
		if r.Latin != "" {
			// Latin names are matched too: news text gives them in
			// parentheses, «سازمان همکاری شانگهای (SCO)».
			if err := add(r.Latin, ByName); err != nil {
				return nil, err
			}
		}
		for _, a := range r.Aliases {
			if err := add(a, ByName); err != nil {
				return nil, err
			}
		}
		for _, t := range r.Titles {
			if err := add(t, ByTitle); err != nil {
				return nil, err
			}
		}
		for _, d := range r.Demonyms {
			if err := add(d, ByDemonym); err != nil {
				return nil, err
			}
		}
	}
	for _, r := range g.Records {
		if r.Type != "PER" || r.NoPartial {
			continue
		}
		words := strings.Fields(r.Name)
		if len(words) < 2 {
			continue
		}
		last := squeeze(words[len(words)-1])
		if utf8.RuneCountInString(last) < 3 || l.lookup(last) != nil {
			continue // too short to trust, or a name of its own («پوتین»)
		}
		n := l.path(last)
		n.partial = append(n.partial, r)
	}
	return l, nil
}

// squeeze folds a name and drops the spaces between its tokens.
func squeeze(s string) string {
	var b strings.Builder
	for _, t := range Tokenize(s) {
		b.WriteString(t.Fold)
	}
	return b.String()
}

// path returns the node for key, adding the nodes on the way.
func (l *Linker) path(key string) *node {
	n := l.root
	for _, c := range key {
		nx := n.next[c]
		if nx == nil {
			if n.next == nil {
				n.next = map[rune]*node{}
			}
			nx = &node{}
			n.next[c] = nx
		}
		n = nx
	}
	return n
}

func (l *Linker) insert(key string, r *Record, k Kind) error {
	n := l.path(key)
	if n.rec != nil && n.rec != r {
		return fmt.Errorf("gazetteer: %q names both %s and %s", key, n.rec.ID, r.ID)
	}
	if n.rec == nil || k < n.kind {
		n.rec, n.kind = r, k
	}
	return nil
}

// lookup returns the node where a whole folded key ends, if a name ends there.
func (l *Linker) lookup(key string) *node {
	n := l.root
	for _, c := range key {
		if n = n.next[c]; n == nil {
			return nil
		}
	}
	if n.rec == nil {
		return nil
	}
	return n
}

// Find returns the gazetteer names in text, leftmost-longest and not
// overlapping, in order. Partial names are not resolved here (see Article).
func (l *Linker) Find(text string) []Match {
	ms, _ := l.find(Tokenize(text))
	return ms
}

// partialAt is a span that may be the last name of a person. If it is not
// (no candidate is named in full in the article), the shorter name found at
// the same place, if any, is used instead.
type partialAt struct {
	cands      []*Record
	start, end int
	fallback   *Match
}

func (l *Linker) find(toks []Token) ([]Match, []partialAt) {
	var ms []Match
	var ps []partialAt
	for i := 0; i < len(toks); {
		best, bestEnd := (*node)(nil), -1
		part, partEnd := (*node)(nil), -1
		n := l.root
	walk:
		for j := i; j < len(toks); j++ {
			if j > i && !toks[j].Joined {
				break
			}
			for _, c := range toks[j].Fold {
				if n = n.next[c]; n == nil {
					break walk
				}
			}
			if n.rec != nil {
				best, bestEnd = n, j
			}
			if n.partial != nil {
				part, partEnd = n, j
			}
		}
		var m *Match
		if best != nil {
			m = &Match{Record: best.rec, Kind: best.kind, Start: toks[i].Start, End: toks[bestEnd].End}
		}
		if part != nil && partEnd > bestEnd {
			ps = append(ps, partialAt{part.partial, toks[i].Start, toks[partEnd].End, m})
			i = partEnd + 1
			continue
		}
		if m != nil {
			ms = append(ms, *m)
			i = bestEnd + 1
			continue
		}
		i++
	}
	return ms, ps
}

// Gazetteer returns the records the linker matches.
func (l *Linker) Gazetteer() *Gazetteer { return l.g }
