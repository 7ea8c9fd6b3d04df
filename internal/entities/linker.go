package entities

import (
	"fmt"
	"strings"
	"time"
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

// Linker finds gazetteer names in text. Names are compared on folded tokens,
// and a text token may cover several tokens of a name, so the ZWNJ-damaged
// «آسهآن» and «رئیسجمهور» meet «آسه‌آن» and «رئیس جمهور»; the other way round
// (a name's one word split in the text) only into parts of three letters or
// more (see long), or «زن جان» would be Zanjan. Matches span whole tokens and
// never run across punctuation. A Linker is read-only after NewLinker and
// safe for concurrent use.
type Linker struct {
	g    *Gazetteer
	root *node
	// confirmed maps squeezed names that link only as recognizer spans
	// (Record.Confirmed, and the names of NoBare records) to their records.
	confirmed map[string][]*Record
	// given holds the first words of the gazetteer's people's names
	// («محمد», «علی», «سرگئی»): a person named by one of these alone is no
	// one in particular across articles.
	given map[string]bool
}

type node struct {
	next map[rune]*node
	// rec is set when a name or demonym ends here.
	rec  *Record
	kind Kind
	// titles are the offices whose name ends here, with their holders.
	titles []held
	// partial lists the people whose last name ends here, when that is not
	// a name of its own.
	partial []*Record
	// split is true when some name has a word break here, so a text token
	// may end here and the match go on with the next one.
	split bool
}

// held is one term of an office.
type held struct {
	rec *Record
	Title
}

// NewLinker indexes every name, alias, title and demonym of g. Two records
// claiming the same folded name, or the same title in overlapping terms, is
// an error: the gazetteer must say which one a name means.
func NewLinker(g *Gazetteer) (*Linker, error) {
	l := &Linker{g: g, root: &node{}, confirmed: map[string][]*Record{}, given: map[string]bool{}}
	for _, r := range g.Records {
		if r.Type == "PER" {
			if ts := Tokenize(r.Name); len(ts) > 1 {
				l.given[ts[0].Fold] = true
			}
		}
		add := func(name string, k Kind) error {
			n, err := l.path(name)
			if err != nil {
				return fmt.Errorf("gazetteer %s: %w", r.ID, err)
			}
			if n.rec != nil && n.rec != r {
				return fmt.Errorf("gazetteer: %q names both %s and %s", name, n.rec.ID, r.ID)
			}
			if n.rec == nil || k < n.kind {
				n.rec, n.kind = r, k
			}
			return nil
		}
		if !r.NoBare {
			if err := add(r.Name, ByName); err != nil {
				return nil, err
			}
		} else {
			l.confirmed[squeeze(r.Name)] = append(l.confirmed[squeeze(r.Name)], r)
		}
		for _, c := range r.Confirmed {
			k := squeeze(c)
			if k == "" {
				return nil, fmt.Errorf("gazetteer %s: name %q folds to nothing", r.ID, c)
			}
			l.confirmed[k] = append(l.confirmed[k], r)
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
		for _, d := range r.Demonyms {
			if err := add(d, ByDemonym); err != nil {
				return nil, err
			}
		}
	}
	for _, r := range g.Records {
		for _, t := range r.Titles {
			n, err := l.path(t.Text)
			if err != nil {
				return nil, fmt.Errorf("gazetteer %s: %w", r.ID, err)
			}
			if n.rec == r {
				continue // also an alias, whatever the date
			}
			if n.rec != nil {
				return nil, fmt.Errorf("gazetteer: title %q of %s is a name of %s", t.Text, r.ID, n.rec.ID)
			}
			dup := false
			for _, h := range n.titles {
				if h.rec == r && h.From.Equal(t.From) {
					dup = true
					continue
				}
				if h.rec != r && overlap(h.Title, t) {
					return nil, fmt.Errorf("gazetteer: %q names %s and %s in the same term", t.Text, h.rec.ID, r.ID)
				}
			}
			if !dup {
				n.titles = append(n.titles, held{r, t})
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
		last := words[len(words)-1]
		if utf8.RuneCountInString(squeeze(last)) < 3 || l.lookup(last) != nil {
			continue // too short to trust, or a name of its own («پوتین»)
		}
		n, err := l.path(last)
		if err != nil {
			return nil, err
		}
		n.partial = append(n.partial, r)
	}
	return l, nil
}

func overlap(a, b Title) bool {
	aEndsFirst := !a.To.IsZero() && !a.To.After(b.From)
	bEndsFirst := !b.To.IsZero() && !b.To.After(a.From)
	return !aEndsFirst && !bEndsFirst
}

// squeeze folds a name and drops the spaces between its tokens.
func squeeze(s string) string {
	var b strings.Builder
	for _, t := range Tokenize(s) {
		b.WriteString(t.Fold)
	}
	return b.String()
}

// path returns the node where name ends, adding the nodes on the way and
// marking the name's word breaks.
func (l *Linker) path(name string) (*node, error) {
	toks := Tokenize(name)
	if len(toks) == 0 {
		return nil, fmt.Errorf("name %q folds to nothing", name)
	}
	n := l.root
	for i, t := range toks {
		if i > 0 {
			n.split = true
		}
		for _, c := range t.Fold {
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
	}
	return n, nil
}

// lookup returns the node of a whole name, if a name or title ends there.
func (l *Linker) lookup(name string) *node {
	n := l.root
	for _, c := range squeeze(name) {
		if n = n.next[c]; n == nil {
			return nil
		}
	}
	if n.rec == nil && n.titles == nil {
		return nil
	}
	return n
}

// inAddress is true for a Latin span that is part of an e-mail or web
// address, «newsroom@irna.ir», where a name is no mention.
func inAddress(text string, start, end int) bool {
	if start >= len(text) || text[start] >= utf8.RuneSelf {
		return false
	}
	addr := func(c byte) bool { return c == '@' || c == '.' || c == '/' || c == '_' }
	return start > 0 && addr(text[start-1]) || end < len(text) && addr(text[end]) && end+1 < len(text) && text[end+1] < utf8.RuneSelf && text[end+1] != ' '
}

// long is true for a token of three letters or more. A name's one word may
// be split in the text only into such parts: «بندر عباس» is Bandar Abbas,
// «خاور میانه» the Middle East, but «زن جان» (woman, life) is not Zanjan.
func long(tok string) bool { return utf8.RuneCountInString(tok) >= 3 }

// at returns the record a node names on a day, and how.
func (n *node) at(day time.Time) (*Record, Kind) {
	if n.rec != nil {
		return n.rec, n.kind
	}
	for _, h := range n.titles {
		if h.Holds(day) {
			return h.rec, ByTitle
		}
	}
	return nil, 0
}

// Find returns the gazetteer names in text, leftmost-longest and not
// overlapping, in order; titles name whoever held the office on day (the
// current holder when day is zero). Partial names are not resolved here
// (see Link): they need the rest of the article.
func (l *Linker) Find(text string, day time.Time) []Match {
	ms, _ := l.find(text, Tokenize(text), day)
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

func (l *Linker) find(text string, toks []Token, day time.Time) ([]Match, []partialAt) {
	var ms []Match
	var ps []partialAt
	// An office whose holder on that day the gazetteer does not know still
	// covers its words: inside «معاون رئیس جمهور آمریکا» of 2010 no title
	// may start («رئیس جمهور آمریکا» is not the vice-president), though the
	// country may still be named.
	noTitleTo := -1
	for i := 0; i < len(toks); {
		var best *Match
		bestEnd, unheldEnd := -1, -1
		part, partEnd := (*node)(nil), -1
		n := l.root
	walk:
		for j := i; j < len(toks); j++ {
			if j > i && (!toks[j].Joined || !n.split && !(long(toks[j-1].Fold) && long(toks[j].Fold))) {
				break
			}
			for _, c := range toks[j].Fold {
				if n = n.next[c]; n == nil {
					break walk
				}
			}
			r, k := n.at(day)
			if r != nil && (k != ByTitle || i > noTitleTo) && !inAddress(text, toks[i].Start, toks[j].End) {
				best, bestEnd = &Match{Record: r, Kind: k, Start: toks[i].Start, End: toks[j].End}, j
			} else if n.titles != nil {
				unheldEnd = j
			}
			if n.partial != nil {
				part, partEnd = n, j
			}
		}
		if unheldEnd > bestEnd && unheldEnd > noTitleTo {
			noTitleTo = unheldEnd
		}
		if part != nil && partEnd > bestEnd {
			ps = append(ps, partialAt{part.partial, toks[i].Start, toks[partEnd].End, best})
			i = partEnd + 1
			continue
		}
		if best != nil {
			ms = append(ms, *best)
			i = bestEnd + 1
			continue
		}
		i++
	}
	return ms, ps
}

// Gazetteer returns the records the linker matches.
func (l *Linker) Gazetteer() *Gazetteer { return l.g }
