package entities

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"khabar/internal/article"
	"khabar/internal/persian"
	"khabar/internal/provenance"
)

// Span is a named-entity span from a statistical recognizer: byte offsets
// into one paragraph and a PEYMA type.
type Span struct {
	Start, End int
	Type       string
}

// Recognizer finds entity spans in one paragraph. It must be safe for
// concurrent use.
type Recognizer func(text string) []Span

// para is one analysed paragraph of an article.
type para struct {
	place    int
	text     string
	matches  []Match
	partials []partialAt
	// attrEnd is where an attribution clause at its start ends (0: none).
	attrEnd int
}

// Paragraphs lists an article's texts with their Place.Para numbers: -2 the
// title, -1 the lead, then the body paragraphs.
func Paragraphs(a *article.Article) (places []int, texts []string) {
	places = append(places, -2, -1)
	texts = append(texts, a.Title, a.Lead)
	for i, p := range a.Body {
		places = append(places, i)
		texts = append(texts, p)
	}
	return places, texts
}

// Link finds the entities of an article: gazetteer names and titles, partial
// names of people named in full elsewhere in the same article, and, when rec
// is not nil, the recognizer's spans that the gazetteer does not cover (as
// corpus entities with an id made from the folded name, so that the same
// name groups across articles). Demonyms are not entities. The result is in
// reading order.
func (l *Linker) Link(a *article.Article, rec Recognizer) []article.Entity {
	places, texts := Paragraphs(a)
	var day time.Time
	if a.Published != nil {
		day = a.Published.Time
	}
	paras := make([]para, 0, len(texts))
	seen := map[*Record]int{}
	for i, t := range texts {
		if t == "" {
			continue
		}
		toks := Tokenize(t)
		attrEnd := 0
		if places[i] < 2 {
			toks, attrEnd = skipAttribution(t, toks)
		}
		ms, ps := l.find(t, toks, day)
		for _, m := range ms {
			if m.Kind == ByName || m.Kind == ByTitle {
				seen[m.Record]++
			}
		}
		paras = append(paras, para{place: places[i], text: t, matches: ms, partials: ps, attrEnd: attrEnd})
	}
	var out []article.Entity
	var corpus []*corpusMention
	for pi := range paras {
		p := &paras[pi]
		ms := p.matches
		for _, pa := range p.partials {
			if r := pickPartial(pa.cands, seen); r != nil {
				ms = append(ms, Match{Record: r, Kind: ByPartial, Start: pa.start, End: pa.end})
			} else if pa.fallback != nil {
				ms = append(ms, *pa.fallback)
			}
		}
		sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
		if rec != nil {
			var cs []*corpusMention
			ms, cs = l.mergeSpans(p, ms, rec(p.text))
			corpus = append(corpus, cs...)
		}
		prev := -1
		for _, m := range ms {
			if m.Kind == ByDemonym || cites(p, m) {
				continue
			}
			if prev >= 0 && repeats(p.text, out[prev], m) {
				continue
			}
			out = append(out, entityOf(p.place, p.text, m))
			prev = len(out) - 1
		}
	}
	if len(corpus) > 0 {
		out = append(out, l.corpusEntities(corpus)...)
		// Para numbers are in reading order: -2 title, -1 lead, then body.
		sort.SliceStable(out, func(i, j int) bool {
			if out[i].Para != out[j].Para {
				return out[i].Para < out[j].Para
			}
			return out[i].Start < out[j].Start
		})
	}
	return out
}

// skipAttribution drops the tokens of an attribution clause at the start of
// a paragraph («به گزارش خبرگزاری فارس به نقل از رویترز،»): the outlets there
// are the article's provenance (Article.Attribution), not what it is about,
// and counting them would put Fars in every Fars article.
func skipAttribution(text string, toks []Token) ([]Token, int) {
	c, ok := provenance.Find(text)
	if !ok {
		return toks, 0
	}
	out := toks[:0:0]
	for _, t := range toks {
		if t.End <= c.Start || t.Start >= c.End {
			out = append(out, t)
		}
	}
	return out, c.End
}

// citeWords introduce an outlet as the source of the text, not as news:
// «به گزارش فارس»، «با خبرنگار پارلمانی فارس».
var citeWords = map[string]bool{"گزارش": true, "خبرنگار": true, "خبرنگاران": true}

// interviewWords end «در گفت‌وگو با فارس»: the outlet is the interviewer.
var interviewWords = map[string]bool{"گو": true, "وگو": true, "گفتگو": true, "وگوی": true, "گفتگوی": true, "مصاحبه": true, "اختصاصی": true}

// cites is true for a news outlet named as the article's source: after
// «به گزارش» or «خبرنگار» (a desk word may come between), as the
// interviewer, or opening the lead or first paragraphs, «خبرگزاری فارس: ...».
// The attribution clause itself is skipped earlier (skipAttribution); this
// catches the forms provenance.Find does not.
func cites(p *para, m Match) bool {
	if m.Record.Role != "MED" {
		return false
	}
	if p.place < 2 && strings.TrimSpace(p.text[:m.Start]) == "" {
		rest := strings.TrimSpace(p.text[m.End:])
		for _, sep := range []string{":", "-", "_", "–", "—"} {
			if strings.HasPrefix(rest, sep) {
				return true
			}
		}
	}
	before := persian.FoldTokens(lastBytes(p.text[:m.Start], 80))
	n := len(before)
	switch {
	case n >= 1 && citeWords[before[n-1]], n >= 2 && citeWords[before[n-2]]:
		return true
	case n >= 2 && before[n-1] == "با" && interviewWords[before[n-2]]:
		return true
	}
	return false
}

// lastBytes is the end of s, at most n bytes, cut at a character boundary.
func lastBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// pickPartial chooses, among the people a partial name may stand for, the
// one mentioned most in the article; none when none of them is.
func pickPartial(cands []*Record, seen map[*Record]int) *Record {
	var best *Record
	for _, r := range cands {
		if seen[r] > 0 && (best == nil || seen[r] > seen[best]) {
			best = r
		}
	}
	return best
}

// repeats is true for a Latin name in parentheses right after the same
// record's Persian name: «سازمان همکاری شانگهای (SCO)» is one mention.
func repeats(text string, prev article.Entity, m Match) bool {
	if prev.ID != m.Record.ID || prev.End > m.Start {
		return false
	}
	gap := strings.TrimSpace(text[prev.End:m.Start])
	return gap == "(" && strings.HasPrefix(strings.TrimSpace(text[m.End:]), ")")
}

func entityOf(place int, text string, m Match) article.Entity {
	r := m.Record
	return article.Entity{
		Text: text[m.Start:m.End], Type: r.Type,
		ID: r.ID, Name: r.Name, Latin: r.Latin, Country: r.Country,
		Place: article.Place{Para: place, Start: m.Start, End: m.End},
	}
}

// linkedTypes are the recognizer types that name a thing an entity page can
// be about; dates, times, money and percentages are kept unlinked.
var linkedTypes = map[string]bool{"PER": true, "ORG": true, "LOC": true, "FAC": true, "EVE": true, "PRO": true}

type corpusMention struct {
	place int
	// text is the span as written; name and toks leave out an honorific
	// at its front («سردار»).
	text, name, typ string
	start, end      int
	toks            []string
}

// stripHonorifics drops honorifics from the front of a person's name, as
// long as a name is left.
func (l *Linker) stripHonorifics(c *corpusMention) {
	for {
		ts := Tokenize(c.name)
		n := l.g.honorificLen(c.name, ts)
		if n == 0 {
			return
		}
		c.toks = c.toks[n:]
		c.name = c.name[ts[n].Start:]
	}
}

// mergeSpans adds a recognizer's spans to a paragraph's gazetteer matches. A
// span that overlaps matches is dropped, unless it covers them entirely and
// is longer and either of another type («دانشگاه علوم پزشکی مازندران» is an
// organization, not Mazandaran) or an organization whose name the known one
// only begins («حزب الله کردستان عراق» is not Hezbollah, while «روابط عمومی
// شورای نگهبان» stays the Guardian Council): then it replaces them. A span
// that is a confirmed name of a record of its type links to it («فارس» as
// ORG is Fars News Agency); one of the gazetteer's not-names is dropped; the
// rest become corpus entities.
func (l *Linker) mergeSpans(p *para, ms []Match, spans []Span) ([]Match, []*corpusMention) {
	var cs []*corpusMention
	drop := map[int]bool{}
	for _, s := range spans {
		if s.Start < 0 || s.End > len(p.text) || s.Start >= s.End ||
			!utf8.RuneStart(p.text[s.Start]) || (s.End < len(p.text) && !utf8.RuneStart(p.text[s.End])) {
			continue // not a span of this text: a recognizer bug must not corrupt the article
		}
		if s.Start < p.attrEnd {
			continue // in the attribution clause: provenance, not content
		}
		s.End = trimBlessing(p.text, s.Start, s.End)
		text := p.text[s.Start:s.End]
		var toks []string
		for _, t := range Tokenize(text) {
			toks = append(toks, t.Fold)
		}
		key := strings.Join(toks, "")
		if len(toks) == 0 || l.g.NotNames[key] {
			continue
		}
		var over []int
		wins := true
		for i, m := range ms {
			if m.End <= s.Start || m.Start >= s.End {
				continue
			}
			over = append(over, i)
			if m.Start < s.Start || m.End > s.End || m.End-m.Start == s.End-s.Start || m.Kind == ByTitle ||
				m.Record.Type == s.Type && !(s.Type == "ORG" && m.Start == s.Start) && !l.otherPerson(p.text, s, m) {
				wins = false
			}
		}
		if len(over) > 0 && !wins {
			continue
		}
		for _, i := range over {
			drop[i] = true
		}
		if r := confirmedOf(l.confirmed[key], s.Type); r != nil {
			ms = append(ms, Match{Record: r, Kind: ByName, Start: s.Start, End: s.End})
			continue
		}
		c := &corpusMention{place: p.place, text: text, name: text, typ: s.Type, start: s.Start, end: s.End, toks: toks}
		if s.Type == "PER" {
			l.stripHonorifics(c)
		}
		cs = append(cs, c)
	}
	if len(drop) > 0 {
		kept := ms[:0]
		for i, m := range ms {
			if !drop[i] {
				kept = append(kept, m)
			}
		}
		ms = kept
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	return ms, cs
}

// otherPerson reports a recognized person whose name adds, before the
// gazetteer name it ends with, a given name that person's record does not
// have: «هادی زارع‌پور» is not Issa Zarepour, though «زارع‌پور» names him.
// Honorifics («آقای», «دکتر») are no given names, nor are «سید» and «امیر»,
// which are titles as often as names.
func (l *Linker) otherPerson(text string, s Span, m Match) bool {
	if s.Type != "PER" || m.Record.Type != "PER" || m.Start <= s.Start || m.End != s.End {
		return false
	}
	own := map[string]bool{}
	for _, n := range append([]string{m.Record.Name}, m.Record.Aliases...) {
		for _, t := range Tokenize(n) {
			own[t.Fold] = true
		}
	}
	for _, t := range Tokenize(text[s.Start:m.Start]) {
		if l.given[t.Fold] && !own[t.Fold] && !titleLike[t.Fold] && !l.honorific(t.Fold) {
			return true
		}
	}
	return false
}

// titleLike are given names that are also titles («سید», «امیر»).
var titleLike = map[string]bool{"سید": true, "سیده": true, "امیر": true, "میر": true}

// honorific reports a one-word honorific («دکتر»).
func (l *Linker) honorific(fold string) bool {
	for _, h := range l.g.Honorifics {
		if len(h) == 1 && h[0] == fold {
			return true
		}
	}
	return false
}

// trimBlessing returns the end of the span text[start:end] without a
// parenthesised blessing at its end: PEYMA tags «(ع)» of «حضرت عباس (ع)» as
// part of the name (the recognizer's tokenizer keeps it one token), which
// would make «حضرت عباس (ع)» a name of its own. Only a parenthesis of at
// most three letters at the end of the span is cut, a closed one only if
// they are Arabic-script letters.
func trimBlessing(text string, start, end int) int {
	span := text[start:end]
	i := strings.LastIndexByte(span, '(')
	if i <= 0 {
		return end
	}
	tail := span[i+1:]
	closed := false
	if j := strings.IndexByte(tail, ')'); j >= 0 {
		if j != len(tail)-1 {
			return end
		}
		tail, closed = tail[:j], true
	}
	tail = strings.TrimSpace(tail)
	if n := utf8.RuneCountInString(tail); n > 3 {
		return end
	}
	for _, r := range tail {
		// A closed one is a blessing only in Arabic script: «(UN)» is an
		// abbreviation that stays in the name.
		if !unicode.IsLetter(r) || closed && !unicode.Is(unicode.Arabic, r) {
			return end
		}
	}
	cut := strings.TrimRight(span[:i], " \u200c")
	if cut == "" {
		return end
	}
	return start + len(cut)
}

func confirmedOf(rs []*Record, typ string) *Record {
	for _, r := range rs {
		if r.Type == typ {
			return r
		}
	}
	return nil
}

// corpusEntities turns recognizer spans into entities. People named by a
// tail of a longer name in the same article («قالیباف» after «محمدباقر
// قالیباف») take the longer name's id and name.
func (l *Linker) corpusEntities(cs []*corpusMention) []article.Entity {
	full := map[string]*corpusMention{}
	for _, c := range cs {
		if !linkedTypes[c.typ] {
			continue
		}
		k := strings.Join(c.toks, " ")
		if f, ok := full[k]; !ok || len(f.name) < len(c.name) {
			full[k] = c
		}
	}
	out := make([]article.Entity, 0, len(cs))
	for _, c := range cs {
		e := article.Entity{Text: c.text, Type: c.typ, Place: article.Place{Para: c.place, Start: c.start, End: c.end}}
		if linkedTypes[c.typ] {
			head := c
			if c.typ == "PER" {
				head = fullName(c, full)
			}
			if c.typ == "PER" && len(head.toks) == 1 && l.given[head.toks[0]] {
				// A given name alone («علی», «فاطمه») is a mention in
				// this article, not an entity to follow across articles.
				out = append(out, e)
				continue
			}
			e.ID = CorpusID(head.toks)
			e.Name = head.name
		}
		out = append(out, e)
	}
	return out
}

// fullName returns the longer name of the article that a person's short
// name ends («ظفرقندی» → «محمدرضا ظفرقندی»), or c itself when there is none,
// or when two different people could be meant («علی حسینی», «محمد حسینی»).
func fullName(c *corpusMention, full map[string]*corpusMention) *corpusMention {
	var best *corpusMention
	for _, f := range full {
		if f.typ != "PER" || len(f.toks) <= len(c.toks) || !hasSuffix(f.toks, c.toks) {
			continue
		}
		switch {
		case best == nil:
			best = f
		case hasSuffix(f.toks, best.toks):
			best = f // a longer form of the same name
		case !hasSuffix(best.toks, f.toks):
			return c // two people
		}
	}
	if best == nil {
		return c
	}
	return best
}

func hasSuffix(long, short []string) bool {
	if len(short) > len(long) {
		return false
	}
	off := len(long) - len(short)
	for i, s := range short {
		if long[off+i] != s {
			return false
		}
	}
	return true
}

// translit romanizes folded Persian letters for readable corpus ids. It loses
// distinctions (س ص ث are all s), which the hash in CorpusID keeps.
var translit = map[rune]string{
	'ا': "a", 'ب': "b", 'پ': "p", 'ت': "t", 'ث': "s", 'ج': "j", 'چ': "ch", 'ح': "h",
	'خ': "kh", 'د': "d", 'ذ': "z", 'ر': "r", 'ز': "z", 'ژ': "zh", 'س': "s", 'ش': "sh",
	'ص': "s", 'ض': "z", 'ط': "t", 'ظ': "z", 'ع': "a", 'غ': "gh", 'ف': "f", 'ق': "gh",
	'ک': "k", 'گ': "g", 'ل': "l", 'م': "m", 'ن': "n", 'و': "v", 'ه': "h", 'ی': "y",
}

// CorpusID is the id of a name the gazetteer does not know, from its folded
// tokens: a rough romanization for people reading URLs, then a hash of the
// folded name so that distinct names never share an id.
func CorpusID(folded []string) string {
	var b strings.Builder
	b.WriteString("x-")
	h := fnv.New32a()
	for i, t := range folded {
		if i > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(t))
		if b.Len() > 40 {
			continue
		}
		if i > 0 {
			b.WriteByte('-')
		}
		for _, r := range t {
			switch {
			case r < 128:
				b.WriteRune(r)
			case translit[r] != "":
				b.WriteString(translit[r])
			}
		}
	}
	return fmt.Sprintf("%s-%06x", b.String(), h.Sum32()&0xffffff)
}
