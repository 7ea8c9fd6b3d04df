// Package discourse reads an article the way the quote finder and the event
// coder need it: sentences of folded tokens with byte spans, the actors each
// sentence mentions — linked entities, countries and capitals, titles such as
// «وزیر امور خارجه روسیه», counterparts «همتای چینی خود», pronouns «او»، «وی»،
// «کشورش» — each resolved to a CAMEO-style actor code and, when it can be, to
// the entity it refers to (a title or pronoun to the person named before).
//
// Actor codes: a country's ISO-3 code alone for the country («چین» → CHN);
// country plus role for people and bodies (CHNGOV, IRNMIL, USALEG, from the
// title or name words in roles.tsv; a linked person with a country and no
// title is taken as GOV, since the gazetteer's people are office holders); a
// capital as subject stands for its government («پکن» → CHNGOV);
// organizations from orgs.tsv (IGOUNO, IGOSCO, ...). An actor whose country is
// unknown has the role alone, or no code.
package discourse

import (
	"sort"
	"strings"

	"khabar/internal/article"
)

// Kind says how an actor was mentioned.
type Kind int

const (
	Named       Kind = iota // a linked entity, or a country, capital or organization name
	Title                   // «وزیر امور خارجه چین»
	Counterpart             // «همتای روسی خود»
	Pronoun                 // «او»، «وی»، «ایشان»
	Possessive              // «کشورش»: the country of the person spoken of
	Anaphor                 // «این کشور», «دولت این کشور», «این رژیم»: the country named just before
)

// Mention is one actor mentioned in a sentence.
type Mention struct {
	// From, To are token indexes into Sentence.Tokens (To exclusive).
	From, To int
	Kind     Kind
	// Type is PER, ORG or LOC.
	Type    string
	Country string
	Role    string
	// Entity is the linked entity the mention is (or was resolved to).
	Entity *article.Entity
	// Actor is the resolved actor; Actor.Code is empty when unknown.
	Actor article.Actor
	// State is true for a country or capital named as such («چین», «پکن»,
	// «کشورش»): a place that can act, speak or be acted on.
	State bool
	// InQuote is true inside «...»: people named in a quotation are not
	// antecedents of the pronouns that follow it.
	InQuote bool
	// orgTitle marks a title anchored on an organization or place
	// («مدیرعامل پتروشیمی کرمانشاه»), which no country-wide guess may resolve.
	orgTitle bool
	// Prep is the preposition governing the mention («با», «از», «به», «در»
	// ...), empty for a bare noun phrase such as a subject.
	Prep string
}

// Resolved says whether the mention could be given an actor: a code, a
// linked entity, or at least a name (a person the gazetteer does not know).
func (m *Mention) Resolved() bool {
	return m.Actor.Code != "" || m.Actor.ID != "" || m.Actor.Name != ""
}

// Sentence is one sentence of an article.
type Sentence struct {
	article.Place
	Text     string
	Tokens   []Token
	Mentions []Mention
	// Clauses lists the token indexes where clauses start (0 first): after
	// «که», a colon or a semicolon.
	Clauses []int
}

// Clause returns the token range of the clause holding token i.
func (s *Sentence) Clause(i int) (from, to int) {
	from, to = 0, len(s.Tokens)
	for _, c := range s.Clauses {
		if c <= i {
			from = c
		} else {
			to = c
			break
		}
	}
	return from, to
}

// Subject returns the first resolved mention in tokens [from, to) that no
// preposition governs, or nil. In Persian's subject–object–verb order that is
// the clause's subject.
func (s *Sentence) Subject(from, to int) *Mention {
	for i := range s.Mentions {
		m := &s.Mentions[i]
		if m.From >= from && m.To <= to && m.Prep == "" && m.Resolved() {
			return m
		}
	}
	return nil
}

// MentionAt returns the mention covering token i, or nil.
func (s *Sentence) MentionAt(i int) *Mention {
	for k := range s.Mentions {
		if m := &s.Mentions[k]; m.From <= i && i < m.To {
			return m
		}
	}
	return nil
}

// slice returns the text of tokens [from, to).
func (s *Sentence) slice(from, to int) string {
	start, end := s.Span(from, to)
	return s.Text[start-s.Start : end-s.Start]
}

// Span returns the byte span of tokens [from, to) in the paragraph.
func (s *Sentence) Span(from, to int) (start, end int) {
	return s.Tokens[from].Start, s.Tokens[to-1].End
}

// prepositions that can govern an actor noun phrase.
var prepositions = map[string]bool{
	"با": true, "از": true, "به": true, "در": true, "بر": true, "برای": true,
	"علیه": true, "ضد": true, "نزد": true, "درباره": true, "توسط": true, "همراه": true,
	// «میان واشنگتن و تهران», «بین ایران و آمریکا»: the pair is between,
	// neither is a subject.
	"میان": true, "بین": true,
}

var pronouns = map[string]bool{"او": true, "وی": true, "ایشان": true}

// titleAdjectives may stand between a title and its body («عضو ارشد حماس»).
var titleAdjectives = map[string]bool{
	"ارشد": true, "سابق": true, "پیشین": true, "کنونی": true, "جدید": true, "ویژه": true, "عالی": true,
}

// anaphorAt returns the length of «این کشور» or «این رژیم» at token i, or 0.
// «این کشورها», «این کشور و ...» plural or joined readings are not taken.
func anaphorAt(toks []Token, i int) int {
	if toks[i].Fold != "این" || i+1 >= len(toks) || toks[i+1].Punct != "" {
		return 0
	}
	switch toks[i+1].Fold {
	case "کشور", "رژیم":
		return 2
	}
	return 0
}

// IsPreposition says whether the folded word is a preposition that can
// govern an actor.
func IsPreposition(fold string) bool { return prepositions[fold] }

// Read splits the article into sentences and resolves the actors they
// mention. Entities must already be on the article (Place offsets into the
// title, lead and body).
func Read(a *article.Article) []Sentence {
	t := load()
	byPara := map[int][]*article.Entity{}
	for i := range a.Entities {
		e := &a.Entities[i]
		byPara[e.Para] = append(byPara[e.Para], e)
	}
	var out []Sentence
	for _, p := range paragraphs(a) {
		for _, span := range splitSentences(p.text) {
			s := Sentence{
				Place:  article.Place{Para: p.para, Start: span[0], End: span[1]},
				Text:   p.text[span[0]:span[1]],
				Tokens: tokenizeAt(p.text[span[0]:span[1]], span[0]),
			}
			if len(s.Tokens) == 0 {
				continue
			}
			s.Clauses = clauses(s.Tokens)
			s.Mentions = mentions(t, &s, byPara[p.para])
			out = append(out, s)
		}
	}
	resolve(out)
	return out
}

func clauses(toks []Token) []int {
	cl := []int{0}
	for i, tk := range toks {
		switch {
		case i > 0 && strings.ContainsAny(tk.Punct, ":؛;"):
			cl = append(cl, i)
		case tk.Fold == "که" && i+1 < len(toks):
			cl = append(cl, i+1)
		}
	}
	return cl
}

// mentions finds the actor mentions of one sentence: candidates from the
// linked entities and the tables, longest first without overlaps.
func mentions(t *tables, s *Sentence, ents []*article.Entity) []Mention {
	toks := s.Tokens
	var cands []Mention
	for _, e := range ents {
		if e.Start < s.Start || e.End > s.End {
			continue
		}
		if e.Type != "PER" && e.Type != "ORG" && e.Type != "LOC" {
			continue
		}
		from, to := -1, -1
		for i, tk := range toks {
			if tk.End > e.Start && tk.Start < e.End {
				if from < 0 {
					from = i
				}
				to = i + 1
			}
		}
		if from < 0 {
			continue
		}
		m := Mention{From: from, To: to, Kind: Named, Type: e.Type, Country: e.Country, Entity: e}
		if e.Type == "LOC" || e.Country == "" {
			iso, capital, ok := CountryCode(e.Text)
			if !ok {
				iso, capital, ok = CountryCode(e.Name)
			}
			if ok {
				m.Country, m.State = iso, e.Type == "LOC"
				if capital {
					m.Role = "GOV"
				}
			}
		}
		cands = append(cands, m)
	}
	for i := 0; i < len(toks); i++ {
		if code, n := t.orgs.at(toks, i); n > 0 {
			cands = append(cands, Mention{From: i, To: i + n, Kind: Named, Type: "ORG", Actor: article.Actor{Code: code, Name: s.slice(i, i+n)}})
		}
		if cw, n := t.countries.at(toks, i); n > 0 {
			m := Mention{From: i, To: i + n, Kind: Named, Type: "LOC", Country: cw.iso}
			switch cw.kind {
			case 'n':
				m.State = true
			case 'c':
				m.Role, m.State = "GOV", true
			case 'd':
				// «مقامات آمریکایی», «نظامیان اسرائیلی»: a role word and a
				// demonym name a country's officials or forces; a demonym
				// alone («میانجی‌های مصری») names the country.
				if i > 0 && toks[i].Punct == "" {
					if rw, rn := t.roles.at(toks, i-1); rn == 1 && rw.person {
						m.From, m.Role, m.Type = i-1, rw.role, "PER"
					}
				}
			}
			m.Actor.Name = s.slice(m.From, m.To)
			cands = append(cands, m)
		}
		if rw, n := t.roles.at(toks, i); n > 0 {
			// A title needs a country right after it, up to three words on:
			// «وزیر امور خارجه چین», «سفیر ایران», «وزارت خارجه آمریکا». A
			// preposition ends the title: in «نماینده ایران در سازمان ملل از
			// آمریکا خواست» no «سازمان ... آمریکا» is an American body.
			for k := i + n; k < len(toks) && k <= i+n+3; k++ {
				if toks[k].Punct != "" || prepositions[toks[k].Fold] {
					break
				}
				if cw, cn := t.countries.at(toks, k); cn > 0 && (k <= i+n+2 || cw.kind == 'n') {
					// Three words on only for a country's name: «گروهک‌های
					// سیاسی مخالف نظام جمهوری اسلامی»; a demonym that far
					// qualifies something else («سخنگوی دو گروه مسلح عراقی»).
					typ := "PER"
					if !rw.person {
						typ = "ORG"
					}
					role := rw.role
					for j := i + n; j < k; j++ {
						// «رهبر مخالفان اوکراین»: the leader of the
						// country's opposition, not of the country.
						if ow, on := t.roles.at(toks, j); on > 0 && ow.role == "OPP" {
							role = "OPP"
						}
					}
					cands = append(cands, Mention{From: i, To: k + cn, Kind: Title, Type: typ, Country: cw.iso, Role: role})
					break
				}
			}
		}
		if n := anaphorAt(toks, i); n > 0 {
			// «این کشور», «این رژیم»; with a title before it («دولت این
			// کشور», «مقامات این کشور») the country's officials or body.
			m := Mention{From: i, To: i + n, Kind: Anaphor, Type: "LOC", State: true}
			for j := i - 1; j >= 0 && j >= i-3; j-- {
				if rw, rn := t.roles.at(toks, j); rn > 0 && j+rn == i && toks[i].Punct == "" {
					m.From, m.Role, m.State, m.Type = j, rw.role, false, "ORG"
					if rw.person {
						m.Type = "PER"
					}
					break
				}
			}
			cands = append(cands, m)
		}
		switch f := toks[i].Fold; {
		case pronouns[f]:
			cands = append(cands, Mention{From: i, To: i + 1, Kind: Pronoun, Type: "PER"})
		case f == "کشورش" || f == "کشورشان":
			cands = append(cands, Mention{From: i, To: i + 1, Kind: Possessive, Type: "LOC", State: true})
		case (f == "همتای" || f == "همتایان") && i+1 < len(toks):
			if cw, n := t.countries.at(toks, i+1); n > 0 {
				to := i + 1 + n
				if to < len(toks) && toks[to].Fold == "خود" && toks[to].Punct == "" {
					to++
				}
				cands = append(cands, Mention{From: i, To: to, Kind: Counterpart, Type: "PER", Country: cw.iso, Role: "GOV"})
			}
		}
	}
	// «سخنگوی کرملین», «سخنگوی کاخ سفید»: a title on a national body of the
	// organizations table is an official of that country, in the body's role.
	// A title on an international body or an armed group («دبیرکل سازمان
	// ملل», «عضو ارشد جنبش حماس», «سخنگوی ناتو») is one of its officials,
	// coded as the body (IGOUNO, PSEREBHAM); an adjective may come between.
	for i := range toks {
		rw, n := t.roles.at(toks, i)
		if n == 0 || !rw.person || i+n >= len(toks) || toks[i+n].Punct != "" {
			continue
		}
		at := i + n
		if titleAdjectives[toks[at].Fold] && at+1 < len(toks) && toks[at+1].Punct == "" {
			at++
		}
		code, on := t.orgs.at(toks, at)
		if on == 0 || len(code) < 6 {
			continue
		}
		switch _, national := t.isoCodes[code[:3]]; {
		case strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") || national && strings.Contains(code[3:], "REB"):
			cands = append(cands, Mention{From: i, To: at + on, Kind: Title, Type: "PER", Country: code[:3], Role: code[3:]})
			for k := range cands {
				// The recognizer's span may be the whole title
				// («دبیرکل سازمان ملل متحد»): it wins at equal length,
				// with the title's code.
				if c := &cands[k]; c.Entity != nil && c.From == i && c.To == at+on && c.Country == "" {
					c.Country, c.Role = code[:3], code[3:]
				}
			}
		case national && at == i+n:
			cands = append(cands, Mention{From: i, To: i + n + on, Kind: Title, Type: "PER", Country: code[:3], Role: code[3:6]})
		}
	}
	// «مدیرعامل پتروشیمی کرمانشاه», «فرماندار گنبدکاووس»: a person's title
	// anchored on an organization or place names an official of it.
	for _, c := range append([]Mention(nil), cands...) {
		if c.Entity == nil || (c.Type != "ORG" && c.Type != "LOC") {
			continue
		}
		for j := c.From - 1; j >= 0 && j >= c.From-3; j-- {
			if rw, n := t.roles.at(toks, j); n > 0 && rw.person && j+n == c.From {
				if toks[c.From].Punct == "" {
					cands = append(cands, Mention{From: j, To: c.To, Kind: Title, Type: "PER", Country: c.Country, Role: rw.role, orgTitle: true})
				}
				break
			}
		}
	}
	// Longest first; at equal length a linked entity beats a table match.
	sort.SliceStable(cands, func(i, j int) bool {
		li, lj := cands[i].To-cands[i].From, cands[j].To-cands[j].From
		if li != lj {
			return li > lj
		}
		return cands[i].Entity != nil && cands[j].Entity == nil
	})
	used := make([]bool, len(toks))
	var out []Mention
	for _, c := range cands {
		free := true
		for k := c.From; k < c.To; k++ {
			if used[k] {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		for k := c.From; k < c.To; k++ {
			used[k] = true
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].From < out[j].From })
	skip := attributionEnd(toks)
	kept := out[:0]
	for _, m := range out {
		if m.From < skip {
			continue
		}
		kept = append(kept, m)
	}
	out = kept
	depth := make([]int, len(toks))
	d := 0
	for i, tk := range toks {
		d += strings.Count(tk.Punct, "«") - strings.Count(tk.Punct, "»")
		if d < 0 {
			d = 0
		}
		depth[i] = d
	}
	for i := range out {
		out[i].Prep = governingPrep(toks, out, i, skip)
		out[i].InQuote = depth[out[i].From] > 0
	}
	return out
}

// attributionEnd returns the first token after an opening «به گزارش X به نقل
// از Y،»: the agencies named there are the source of the text, not actors.
func attributionEnd(toks []Token) int {
	// «گروه بین‌الملل خبرگزاری تسنیم - ...»: a dateline-like desk and agency
	// closed by a dash or colon.
	for i := 1; i < len(toks) && i < 10; i++ {
		if strings.ContainsAny(toks[i].Punct, "-–—:") {
			for _, tk := range toks[:i] {
				if tk.Fold == "خبرگزاری" || tk.Fold == "گروه" {
					return i
				}
			}
			break
		}
	}
	if len(toks) < 2 || toks[0].Fold != "به" || (toks[1].Fold != "گزارش" && toks[1].Fold != "نقل") {
		return 0
	}
	const maxAttribution = 16 // «به گزارش گروه بین‌الملل خبرگزاری فارس به نقل از روزنامه "الدستور" چاپ اردن،»
	for i := 2; i < len(toks) && i <= maxAttribution; i++ {
		if strings.ContainsAny(toks[i].Punct, "،,؛;") {
			return i
		}
	}
	// No comma closes it («به گزارش فارس جرج بوش ... متهم کرد»): only the
	// agency's name, one word or «خبرگزاری X», is the source of the text.
	if toks[1].Fold == "گزارش" && len(toks) > 4 {
		if toks[2].Fold == "خبرگزاری" {
			return 4
		}
		return 3
	}
	return 0
}

// governingPrep finds the preposition before mention i: up to three words
// back («از حمایت چین»), not across punctuation or another mention. An
// appositive after a comma («با همتای روسی خود، سرگئی لاوروف») takes the
// preposition of the mention it renames.
//
// Nothing before lo (the end of an attribution «به گزارش فارس») governs it.
func governingPrep(toks []Token, ms []Mention, i, lo int) string {
	m := ms[i]
	if i > 0 && ms[i-1].To == m.From && strings.ContainsAny(toks[m.From].Punct, "،,") && !objectNext(toks, m.To) {
		return ms[i-1].Prep
	}
	// «به عربستان، امارات و کویت»: a conjunct takes the preposition of the
	// actor it is joined to.
	if i > 0 && m.From >= 1 && ms[i-1].To == m.From-1 && toks[m.From-1].Fold == "و" && toks[m.From-1].Punct == "" && toks[m.From].Punct == "" {
		return ms[i-1].Prep
	}
	for j := m.From - 1; j >= lo && j >= m.From-3; j-- {
		if toks[j+1].Punct != "" {
			return ""
		}
		if i > 0 && j < ms[i-1].To {
			return ""
		}
		if prepositions[toks[j].Fold] {
			if toks[j].Fold == "از" && (j > 0 && partitive[toks[j-1].Fold] && toks[j].Punct == "" || j+1 < len(toks) && toks[j+1].Fold == "جمله") {
				// «بیش از 100 سازمان», «یکی از مقامات», «از جمله
				// پزشکان بدون مرز»: a quantity or a list, not a
				// preposition; the phrase can be a subject.
				return ""
			}
			return toks[j].Fold
		}
	}
	return ""
}

// partitive words before «از» that make it a quantity («بیش از», «یکی از»).
var partitive = map[string]bool{
	"بیش": true, "کمتر": true, "یکی": true, "برخی": true, "بسیاری": true, "بعضی": true,
	"تعدادی": true, "شماری": true, "جمعی": true, "گروهی": true, "هزاران": true, "صدها": true,
	"دهها": true, "بیشتر": true, "اکثر": true,
}

// objectNext says whether «را» follows token i within two words: the phrase
// before it is an object, not an appositive of the phrase before the comma.
func objectNext(toks []Token, i int) bool {
	for k := i; k < len(toks) && k <= i+2; k++ {
		if k > i && toks[k].Punct != "" {
			return false
		}
		if toks[k].Fold == "را" {
			return true
		}
	}
	return false
}
