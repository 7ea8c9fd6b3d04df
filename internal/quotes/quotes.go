// Package quotes finds who said what in an article: quotations in guillemets
// or quote marks after or before a speech verb («X گفت: «...»»), reported
// speech («X تاکید کرد که ...», «به گفته X، ...»), each with its speaker
// resolved to an actor — the clause's subject, or, when the subject is a
// pronoun («او»، «وی») or a title («وزیر امور خارجه روسیه»), the person it
// refers to (see internal/events/discourse). A speaker named only by an
// office («مدیرکل ...») is then given the person the article shows holding
// it (see holders). The speech verbs are data (verbs.tsv); `khabar eval
// quotes` scores the finder on the hand-labelled testdata/gold.tsv.
package quotes

import (
	_ "embed"
	"strings"
	"sync"

	"khabar/internal/article"
	"khabar/internal/events"
	"khabar/internal/events/discourse"
	"khabar/internal/persian"
)

//go:embed verbs.tsv
var verbsTSV string

var (
	lexOnce sync.Once
	lex     *discourse.Lexicon
)

func verbs() *discourse.Lexicon {
	lexOnce.Do(func() {
		var err error
		lex, err = discourse.ParseLexicon("verbs.tsv", verbsTSV)
		if err != nil {
			panic(err) // embedded and tested: a build defect
		}
	})
	return lex
}

// Find returns the quotations and reported speech in the article, in text
// order. The article's Entities must already be filled in.
func Find(a *article.Article) []article.Quote {
	return FindIn(discourse.Read(a))
}

// found is a quote with how its speaker was named, for the article-wide
// pass that gives an office its holder.
type found struct {
	q article.Quote
	// office is true when the speaker is named by an office
	// («مدیرکل آموزش و پرورش کهگیلویه و بویراحمد») rather than a name.
	office bool
	// person is true when the speaker is a person's name.
	person bool
	// kin is true for an office that is a relation to a named person
	// («دختر شهید غلامرضا محرابی»): only the article may say who holds it.
	kin bool
	// si is the index of the quote's sentence.
	si int
}

// FindIn is Find over sentences already read, so an analyzer that also codes
// events reads the article once.
func FindIn(ss []discourse.Sentence) []article.Quote {
	var fs []found
	for i := range ss {
		fs = inSentence(&ss[i], i, fs)
	}
	holders(ss, fs)
	var out []article.Quote
	for _, f := range fs {
		out = append(out, f.q)
	}
	return out
}

func inSentence(s *discourse.Sentence, si int, prev []found) []found {
	out := prev
	toks := s.Tokens
	// «به گفته X، ...»: the speaker comes first, the speech after the comma.
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Fold != "به" || toks[i+1].Fold != "گفته" || toks[i+1].Punct != "" {
			continue
		}
		if f := toks[i+2].Fold; f == "خود" || f == "خودش" || f == "خودشان" {
			// «او ... به گفته خودش پس از ...»: the clause's subject says
			// it of himself.
			if sp, ok := subject(s, si, 0, i, out); ok {
				if q, ok := content(s, i+3, "به گفته", sp.actor); ok {
					out = append(out, found{si: si, q: q, office: sp.office, person: sp.person, kin: sp.kin})
				}
			}
			continue
		}
		m := s.MentionAt(i + 2)
		if m == nil || !m.Resolved() {
			continue
		}
		if m.To < len(toks) && strings.ContainsAny(toks[m.To].Punct, "،,") {
			f := found{si: si, office: isOffice(m), person: isPerson(m)}
			a := m.Actor
			if p, ok := recent(out, si); ok && m.Kind == discourse.Pronoun && !spoke(out, m.Actor) {
				a, f.office, f.person, f.kin = p.q.Speaker, p.office, p.person, p.kin
			}
			if q, ok := content(s, m.To, "به گفته", a); ok {
				f.q = q
				out = append(out, f)
			}
		}
	}
	for _, mt := range verbs().Find(s, 0, len(toks)) {
		// «گفت‌وگو» is talk, not speech.
		if talk(toks, mt.To) {
			continue
		}
		if passive(toks, mt) || mt.From > 0 && toks[mt.From].Fold == "گفته" && toks[mt.From-1].Fold == "به" {
			// «به گفته X» was read above.
			continue
		}
		if mt.From > 0 && mt.Entry.Pattern == "{GOFT}" && notSaying[toks[mt.From-1].Fold] {
			// «بدرود حیات گفت» died, «ترک گفتند» left, «تبریک گفت»
			// congratulated: «گفت» makes another verb with them.
			continue
		}
		verb := s.Text[toks[mt.From].Start-s.Start : toks[mt.To-1].End-s.Start]
		next := mt.To
		if next == len(toks) || strings.ContainsAny(toks[next].Punct, ".؟?!") {
			// «...»، وی افزود. — the speaker stands between the quotation
			// and the verb.
			if closed := closingTok(s, mt.From); closed >= 0 {
				if sp, ok := subject(s, si, closed, mt.From, out); ok {
					if q, ok := before(s, sp.from, verb, sp.actor); ok {
						out = append(out, found{si: si, q: q, office: sp.office, person: sp.person, kin: sp.kin})
					}
				}
			}
			continue
		}
		from, _ := s.Clause(mt.From)
		sp, ok := speakerOf(s, si, mainClause(s, mt.From), from, mt.From, out)
		if !ok {
			continue
		}
		if source(s, mt) {
			continue
		}
		var q article.Quote
		switch {
		case toks[next].Fold == "که" && !strings.ContainsAny(toks[next].Punct, "،,."):
			q, ok = content(s, next+1, verb, sp.actor)
		case strings.Contains(toks[next].Punct, ":"):
			q, ok = content(s, next, verb, sp.actor)
		case bare(mt) && (toks[next].Punct == "" || strings.Trim(toks[next].Punct, " «،,") == "") && !noClause[toks[next].Fold]:
			// «وی افزود این اثر ...», «افزود، اخبار ...»: «گفت» and
			// «افزود» take their clause without «که» or a colon too.
			q, ok = content(s, next, verb, sp.actor)
		default:
			ok = false
		}
		if ok {
			out = append(out, found{si: si, q: q, office: sp.office, person: sp.person, kin: sp.kin})
		}
	}
	return out
}

// source says whether a «نوشت» introduces another speech verb with its
// own colon («مهر نوشت: رئیس سازمان ... خاطرنشان کرد: ...»): the agency
// is where the text comes from, and the quote is the inner one.
func source(s *discourse.Sentence, mt discourse.Match) bool {
	if !strings.HasPrefix(mt.Entry.Pattern, "نوشت") || mt.To >= len(s.Tokens) || !strings.Contains(s.Tokens[mt.To].Punct, ":") {
		return false
	}
	for _, m := range verbs().Find(s, mt.To, len(s.Tokens)) {
		if m.To < len(s.Tokens) && strings.Contains(s.Tokens[m.To].Punct, ":") {
			return true
		}
	}
	return false
}

// talk says whether the word at i ends «گفت‌وگو» or «گفت و گو» after a
// «گفت» match: talk, not speech.
func talk(toks []discourse.Token, i int) bool {
	if i >= len(toks) {
		return false
	}
	if f := toks[i].Fold; strings.HasPrefix(f, "وگو") {
		return true
	}
	return toks[i].Fold == "و" && i+1 < len(toks) && strings.HasPrefix(toks[i+1].Fold, "گو")
}

// passive says whether a «گفته» match is a passive («گفته می‌شود», «گفته
// شده است»): said by nobody in particular.
func passive(toks []discourse.Token, mt discourse.Match) bool {
	if mt.To-mt.From != 1 || toks[mt.From].Fold != "گفته" || mt.To >= len(toks) {
		return false
	}
	k := mt.To
	if toks[k].Fold == "می" && k+1 < len(toks) {
		k++
	}
	switch toks[k].Fold {
	case "شد", "شده", "شود", "میشود", "نشده", "نمیشود":
		return true
	}
	return false
}

// bare says whether the verb may take its clause with nothing between:
// «گفت» and «افزود» in their forms.
func bare(mt discourse.Match) bool {
	p := mt.Entry.Pattern
	return p == "{GOFT}" || strings.HasPrefix(p, "افزود")
}

// notSaying are nouns that make «گفتن» a verb other than saying.
var notSaying = map[string]bool{
	"بدرود": true, "حیات": true, "ترک": true, "تبریک": true, "تسلیت": true, "خوشامد": true,
	"سخن": true, "لبیک": true, "ناسزا": true, "شعر": true, "وداع": true,
}

// noClause are words after «گفت»/«افزود» that do not start the speech: a
// conjunction or a preposition goes on with the sentence.
var noClause = map[string]bool{
	"و": true, "به": true, "از": true, "با": true, "در": true, "بر": true, "برای": true,
	"است": true, "بود": true, "شد": true, "را": true, "یا": true, "تا": true,
}

// mainClause returns the start of the main clause holding token i: the
// sentence's start or the token after a colon or semicolon, not a clause
// opened by «که» («وی با اشاره به اینکه تنها نهادی که ... ، گفت»: the
// subject is «وی»).
func mainClause(s *discourse.Sentence, i int) int {
	from := 0
	for _, c := range s.Clauses {
		if c > i {
			break
		}
		if c == 0 || strings.ContainsAny(s.Tokens[c].Punct, ":؛;") {
			from = c
		}
	}
	return from
}

// speaker is who said a quote, with how the article named him.
type speaker struct {
	actor               article.Actor
	from                int // the token where the speaker's mention starts
	office, person, kin bool
}

// speakerOf finds who speaks a verb at token verb: first in the main
// clause's opening words, up to the first «که» or «اینکه» (a participial
// «با بیان اینکه ...» stands between the subject and its verb), then in the
// verb's own clause. prev are the quotes found before, whose speakers a
// surname, «وی» or «این بانک» may refer to.
func speakerOf(s *discourse.Sentence, si, main, clause, verb int, prev []found) (speaker, bool) {
	toks := s.Tokens
	if main == 0 {
		main = attribution(toks, verb)
	}
	end := verb
	for k := main; k < verb; k++ {
		if toks[k].Fold == "که" || toks[k].Fold == "اینکه" {
			end = k
			break
		}
	}
	if sp, ok := subject(s, si, main, end, prev); ok {
		return sp, true
	}
	if end < verb {
		from := clause
		if from < end {
			from = end
		}
		if from < verb {
			return subject(s, si, from, verb, prev)
		}
	}
	return speaker{}, false
}

// attribution returns the first token after an opening «به گزارش X به نقل
// از Y،» (the sources of the text, not its speaker), else 0.
func attribution(toks []discourse.Token, verb int) int {
	if len(toks) < 2 || toks[0].Fold != "به" || (toks[1].Fold != "گزارش" && toks[1].Fold != "نقل") {
		return 0
	}
	for i := 2; i < verb; i++ {
		if strings.ContainsAny(toks[i].Punct, "،,") {
			return i
		}
	}
	return 0
}

// subject reads the speaker in tokens [from, to): a surname of someone
// quoted before, a mention, or, when the recognizer found nothing, «وی» or
// «این بانک» for the last fitting speaker.
func subject(s *discourse.Sentence, si, from, to int, prev []found) (speaker, bool) {
	toks := s.Tokens
	// «... به نقل از X گفت»: X is the speaker's source, not the speaker;
	// «با اشاره به X»، «با بیان ...» is a participial, which never holds
	// the subject («شهردار این منطقه با اشاره به مسئولیت ... نیروی
	// انتظامی ... گفت»).
	for k := from; k+1 < to; k++ {
		if toks[k].Fold == "به" && k+2 < to && toks[k+1].Fold == "نقل" && toks[k+2].Fold == "از" ||
			toks[k].Fold == "با" && participle[toks[k+1].Fold] {
			to = k
			break
		}
	}
	if from >= to {
		return speaker{}, false
	}
	if first := s.MentionAt(from); first == nil || !first.Resolved() {
		// A surname or name of someone quoted before («رهنما به ... ادامه
		// داد», «افضلی اعضای ستاد را ...»).
		if p, ok := earlier(toks, from, to, prev); ok {
			return speaker{actor: p.q.Speaker, from: from, person: true}, true
		}
	}
	for i := range s.Mentions {
		m := &s.Mentions[i]
		if m.From < from || m.To > to || m.Prep != "" || !m.Resolved() {
			continue
		}
		if m.InQuote && m.From > 0 && namedWork[toks[m.From-1].Fold] {
			// «در برنامه «لقاء الیوم» الجزیره گفت»: a programme's name.
			continue
		}
		// «عضو شورای شهر کرج», «امام جمعه بوشهر» (the recognizer took
		// «جمعه بوشهر»): an office of the organization or place, held by
		// a person.
		if m.Kind == discourse.Named && (m.Type != "PER" || m.Entity == nil || m.Entity.Type != "PER") {
			if o := officeStart(toks, from, m.From); o >= 0 {
				a := m.Actor
				a.ID, a.Latin = "", ""
				a.Name = s.Text[toks[o].Start-s.Start : toks[m.To-1].End-s.Start]
				return speaker{actor: a, from: o, office: true}, true
			}
		}
		if m.Type == "LOC" && !m.State {
			// «نماینده سمنان ... گفت» is said by the member, not by Semnan.
			return speaker{}, false
		}
		if m.Type == "PER" {
			// «دختر شهید سرلشکر غلامرضا محرابی ... گفت»: his daughter
			// speaks, not he.
			for k := m.From - 1; k >= from && k >= m.From-4; k-- {
				if toks[k+1].Punct != "" {
					break
				}
				if kin[toks[k].Fold] {
					a := article.Actor{Name: s.Text[toks[k].Start-s.Start : toks[m.To-1].End-s.Start]}
					return speaker{actor: a, from: k, office: true, kin: true}, true
				}
			}
		}
		if m.Kind == discourse.Pronoun && !spoke(prev, m.Actor) {
			if p, ok := recent(prev, si); ok {
				return speaker{actor: p.q.Speaker, from: m.From, office: p.office, person: p.person, kin: p.kin}, true
			}
		}
		return speaker{actor: m.Actor, from: m.From, office: isOffice(m), person: isPerson(m)}, true
	}
	if sp, ok := phrase(s, from, to); ok {
		return sp, true
	}
	// «خلیل منتقمی‌فر با اشاره به ... گفت», «مدیر انتشارات عرفان با بیان
	// اینکه ... گفت», «X امروز در گفت‌وگو با ... گفت»: the phrase before a
	// participial or adverbial, two words at least or an office.
	for k := from + 1; k < to && k <= from+3; k++ {
		if !phraseEnd[toks[k].Fold] {
			continue
		}
		if sp, ok := phrase(s, from, k); ok && (k-from >= 2 || sp.office) {
			return sp, true
		}
		break
	}
	if len(prev) == 0 {
		return speaker{}, false
	}
	last := prev[len(prev)-1]
	switch f := toks[from].Fold; {
	case f == "وی" || f == "او" || f == "ایشان":
		// The pronoun's antecedent was not recognized; in a run of quotes
		// it is the last speaker.
		return speaker{actor: last.q.Speaker, from: from, office: last.office, person: last.person, kin: last.kin}, true
	case f == "این" && from+1 < to:
		// «این بانک تاکید کرد», «این بیانیه می‌افزاید»: the last speaker
		// that is a bank, or the issuer of the statement.
		noun := toks[from+1].Fold
		for k := len(prev) - 1; k >= 0; k-- {
			name := " " + persian.Fold(prev[k].q.Speaker.Name) + " "
			if statement[noun] || strings.Contains(name, " "+noun+" ") {
				return speaker{actor: prev[k].q.Speaker, from: from, office: prev[k].office, person: prev[k].person, kin: prev[k].kin}, true
			}
		}
	}
	return speaker{}, false
}

// phrase takes a short noun phrase standing alone before the verb as the
// speaker when the recognizer found none in it («به گزارش خبرآنلاین، حسن
// نوروزی اظهار کرد:»): one to three words, no punctuation, pronoun,
// preposition or other function word among them.
func phrase(s *discourse.Sentence, from, to int) (speaker, bool) {
	toks := s.Tokens
	if to-from < 1 || to-from > 3 || to >= len(toks) {
		return speaker{}, false
	}
	for k := from; k < to; k++ {
		f := toks[k].Fold
		if k > from && toks[k].Punct != "" || notName[f] || discourse.IsPreposition(f) || len([]rune(f)) < 2 {
			return speaker{}, false
		}
		for _, r := range f {
			if r < 0x600 {
				return speaker{}, false
			}
		}
	}
	if to-from == 1 && toks[to].Fold == "که" {
		// «ابتدا که به قوه قضائیه آمدم گفتند»: one word before «که» is
		// more likely an adverb than a name.
		return speaker{}, false
	}
	a := article.Actor{Name: s.Text[toks[from].Start-s.Start : toks[to-1].End-s.Start]}
	if offices[toks[from].Fold] {
		return speaker{actor: a, from: from, office: true}, true
	}
	return speaker{actor: a, from: from, person: to-from >= 2}, true
}

// participle nouns after «با» that open a participial before the verb.
var participle = map[string]bool{
	"اشاره": true, "بیان": true, "تاکید": true, "تأکید": true, "انتقاد": true, "اعلام": true,
	"ابراز": true, "گرامیداشت": true, "تبریک": true, "یادآوری": true, "استناد": true, "طرح": true,
}

// phraseEnd are the words that end a speaker's bare name when something
// stands between it and the verb: a preposition opening a participial or
// place («با بیان اینکه», «در گفت‌وگو با»), or a time.
var phraseEnd = map[string]bool{
	"با": true, "در": true, "ضمن": true, "طی": true, "امروز": true, "دیروز": true, "امشب": true,
	"صبح": true, "عصر": true, "ظهر": true, "شب": true, "روز": true, "هنگام": true,
}

// notName are words that a speaker's bare name cannot contain.
var notName = map[string]bool{
	"وی": true, "او": true, "ایشان": true, "این": true, "آن": true, "که": true, "و": true, "را": true,
	"نیز": true, "هم": true, "همچنین": true, "سپس": true, "امروز": true, "دیروز": true, "امشب": true,
	"اما": true, "ولی": true, "همچنان": true, "پیشتر": true, "قبلا": true, "بار": true, "دیگر": true,
	"گزارش": true, "خبر": true, "منابع": true, "برخی": true, "یک": true, "ما": true, "من": true,
	"آنها": true, "آنان": true, "شما": true, "مردم": true, "دولت": true, "مقامات": true, "کارشناسان": true,
	"همه": true, "هر": true, "چه": true, "چرا": true, "چنین": true, "سخنگو": true, "منبع": true,
	"می": true, "نمی": true, "فقط": true, "تنها": true, "حتی": true, "البته": true, "بلکه": true,
	"خود": true, "خودش": true, "وقتی": true, "اگر": true, "چون": true, "زیرا": true, "پس": true, "سال": true, "امسال": true,
}

// kin words: a relative of the person named after them speaks.
var kin = map[string]bool{
	"دختر": true, "پسر": true, "فرزند": true, "همسر": true, "مادر": true, "پدر": true,
	"برادر": true, "خواهر": true, "خانواده": true,
}

// spoke says whether a is the speaker of an earlier quote.
func spoke(prev []found, a article.Actor) bool {
	for _, p := range prev {
		if SameActor(p.q.Speaker, a) {
			return true
		}
	}
	return false
}

// recent returns the last quote before, when it is in this sentence or one
// of the two before: «وی»/«او» in a run of quotes is its speaker, even when
// the discourse reading took the last person spoken of («وی ادامه داد» after
// a daughter spoke of her father), unless that person spoke before too.
func recent(prev []found, si int) (found, bool) {
	if len(prev) == 0 {
		return found{}, false
	}
	p := prev[len(prev)-1]
	if si-p.si > 2 {
		return found{}, false
	}
	return p, p.q.Speaker.Name != "" || p.q.Speaker.ID != ""
}

// earlier returns the latest earlier quote by a named person whose name
// the words at toks[from:to] are the tail of («رهنما» for «مسعود رهنما»),
// compared without spaces so that a ZWNJ the repair put inside a word
// («روان‌چی») does not count.
func earlier(toks []discourse.Token, from, to int, prev []found) (found, bool) {
	for k := len(prev) - 1; k >= 0; k-- {
		p := prev[k]
		if !p.person {
			continue
		}
		words := strings.Fields(persian.Fold(p.q.Speaker.Name))
		if len(words) == 0 {
			continue
		}
		tails := map[string]bool{}
		for n := 1; n <= len(words); n++ {
			tails[strings.Join(words[len(words)-n:], "")] = true
		}
		text := ""
		for j := from; j < to && j < from+4; j++ {
			if j > from && toks[j].Punct != "" {
				break
			}
			text += toks[j].Fold
			if len([]rune(text)) >= 3 && tails[text] {
				return p, true
			}
		}
	}
	return found{}, false
}

// officeStart returns where an office phrase before an organization or
// place at token org begins: the word right before it («عضو شورای شهر
// کرج»), or the clause's first word when that is an office and only a few
// words without a preposition stand between («مدیرکل قرآن، عترت و نماز
// وزارت آموزش و پرورش»); -1 when the organization is named by itself.
func officeStart(toks []discourse.Token, from, org int) int {
	if org <= from || toks[org].Punct != "" && !strings.ContainsAny(toks[org].Punct, "،,") {
		return -1
	}
	if offices[toks[org-1].Fold] && toks[org].Punct == "" {
		return org - 1
	}
	if !offices[toks[from].Fold] || org-from > 6 {
		return -1
	}
	for k := from + 1; k < org; k++ {
		if discourse.IsPreposition(toks[k].Fold) || strings.ContainsAny(toks[k].Punct, "«»:؛") {
			return -1
		}
	}
	return from
}

// namedWork are nouns whose name follows in guillemets and is no speaker.
var namedWork = map[string]bool{
	"برنامه": true, "کتاب": true, "فیلم": true, "مستند": true, "سریال": true, "نشریه": true,
	"روزنامه": true, "همایش": true, "جشنواره": true, "طرح": true, "پویش": true, "شبکه": true,
}

// statement nouns: «این بیانیه می‌افزاید» is its issuer speaking.
var statement = map[string]bool{"بیانیه": true, "اطلاعیه": true, "گزارش": true, "نامه": true, "پیام": true}

// offices are words for a person's post that, right before an
// organization or place, make the phrase a person («عضو شورای شهر کرج»).
var offices = map[string]bool{
	"عضو": true, "رئیس": true, "رییس": true, "مدیرکل": true, "مدیر": true, "مدیرعامل": true,
	"سخنگوی": true, "نماینده": true, "دبیر": true, "دبیرکل": true, "معاون": true, "امام": true,
	"فرمانده": true, "فرماندار": true, "استاندار": true, "شهردار": true, "سرپرست": true,
	"دادستان": true, "مسئول": true, "مسوول": true, "مسؤول": true, "کارشناس": true, "مشاور": true, "بخشدار": true, "قائم": true,
}

// isPerson says whether a speaker mention is a person's name, or a title or
// pronoun the discourse reading resolved to a named person.
func isPerson(m *discourse.Mention) bool {
	if m.Type != "PER" {
		return false
	}
	return m.Kind == discourse.Named || (m.Entity != nil && m.Entity.Type == "PER")
}

// isOffice says whether a speaker is named by an office nobody was found to
// hold: a title or pronoun whose actor is the title's own text.
func isOffice(m *discourse.Mention) bool {
	if m.Kind == discourse.Named || m.Actor.ID != "" || (m.Entity != nil && m.Entity.Type == "PER") {
		return false
	}
	return m.Actor.Name != ""
}

// holders gives office speakers their holder, read from the article: a
// person named right before or after the office anywhere («محمدرضا
// مسیب‌زاده مدیرکل قرآن، عترت و نماز وزارت آموزش و پرورش»), or, by the news
// lead's convention, the person who speaks in the sentence after the
// article's first quote when an office said that one («مدیرکل ... گفت: ...»
// then «هادی زارع‌پور ... اظهار داشت: ...»).
func holders(ss []discourse.Sentence, fs []found) {
	held := map[string]article.Actor{}
	for _, f := range fs {
		if !f.office {
			continue
		}
		key := events.MatchForm(f.q.Speaker.Name)
		if _, ok := held[key]; ok || key == "" {
			continue
		}
		for si := range ss {
			if p, ok := beside(&ss[si], key); ok {
				held[key] = p
				break
			}
		}
	}
	if len(fs) > 1 && fs[0].office {
		key := events.MatchForm(fs[0].q.Speaker.Name)
		if _, ok := held[key]; !ok {
			first := sentenceOf(ss, fs[0].q)
			for _, f := range fs[1:] {
				at := sentenceOf(ss, f.q)
				if at == first {
					continue
				}
				if f.person && at-first <= 2 {
					held[key] = f.q.Speaker
				}
				break
			}
		}
	}
	// An office quoted between two quotes of the same named person, with
	// no other person quoted in between, is that person's office
	// («ابوالفضل مستقیمی ... اظهار کرد», «مدیرعامل سازمان پایانه‌ها ...
	// افزود», «مستقیمی ... افزود»).
	for i, f := range fs {
		key := events.MatchForm(f.q.Speaker.Name)
		if !f.office || f.kin || key == "" {
			continue
		}
		if _, ok := held[key]; ok {
			continue
		}
		var before, after *found
		for k := i - 1; k >= 0; k-- {
			if fs[k].person {
				before = &fs[k]
				break
			}
		}
		for k := i + 1; k < len(fs); k++ {
			if fs[k].person {
				after = &fs[k]
				break
			}
		}
		if before != nil && after != nil && SameActor(before.q.Speaker, after.q.Speaker) {
			held[key] = before.q.Speaker
		}
	}
	// When the article quotes one named person only, an office quoted
	// after him is his (a local news story quotes an official by name and
	// by post in turn).
	var only *article.Actor
	one := true
	for k := range fs {
		if !fs[k].person {
			continue
		}
		if only == nil {
			only = &fs[k].q.Speaker
		} else if !SameActor(*only, fs[k].q.Speaker) {
			one = false
			break
		}
	}
	if only != nil && one {
		seen := false
		for _, f := range fs {
			seen = seen || f.person
			key := events.MatchForm(f.q.Speaker.Name)
			if _, ok := held[key]; seen && f.office && !f.kin && key != "" && !ok {
				held[key] = *only
			}
		}
	}
	if len(held) == 0 {
		return
	}
	for i := range fs {
		if !fs[i].office {
			continue
		}
		p, ok := held[events.MatchForm(fs[i].q.Speaker.Name)]
		if !ok {
			continue
		}
		if p.Code == "" {
			p.Code = fs[i].q.Speaker.Code
		}
		fs[i].q.Speaker, fs[i].office, fs[i].person, fs[i].kin = p, false, true, false
	}
}

// SameActor says whether two speakers are one: the same entity id, or the
// same folded name.
func SameActor(a, b article.Actor) bool {
	if a.ID != "" || b.ID != "" {
		return a.ID == b.ID
	}
	return a.Name != "" && persian.Fold(a.Name) == persian.Fold(b.Name)
}

// beside returns the person a sentence names right before or after the
// office whose MatchForm is key.
func beside(s *discourse.Sentence, key string) (article.Actor, bool) {
	for i := range s.Mentions {
		m := &s.Mentions[i]
		if m.Kind != discourse.Named || m.Type != "PER" || m.Actor.Name == "" {
			continue
		}
		after := strings.TrimLeft(events.MatchForm(s.Text[s.Tokens[m.To-1].End-s.Start:]), "،,»")
		before := strings.TrimRight(events.MatchForm(s.Text[:s.Tokens[m.From].Start-s.Start]), "،,«")
		if strings.HasPrefix(after, key) || strings.HasSuffix(before, key) {
			return m.Actor, true
		}
	}
	return article.Actor{}, false
}

// sentenceOf returns the index of the sentence holding quote q, or -1.
func sentenceOf(ss []discourse.Sentence, q article.Quote) int {
	for i := range ss {
		s := &ss[i]
		if s.Para == q.Para && q.Start >= s.Start && q.Start < s.Start+len(s.Text) {
			return i
		}
	}
	return -1
}

// content makes a quote of the sentence from token i to its end: a direct
// quotation when it opens with a guillemet or quote mark.
func content(s *discourse.Sentence, i int, verb string, speaker article.Actor) (article.Quote, bool) {
	if i >= len(s.Tokens) {
		return article.Quote{}, false
	}
	start := s.Tokens[i].Start
	// Step back over an opening mark written right before the first word.
	for _, open := range []string{"«", "\"", "“"} {
		p := strings.LastIndex(s.Text[:start-s.Start], open)
		if p >= 0 && strings.TrimSpace(s.Text[p+len(open):start-s.Start]) == "" {
			start = s.Start + p
			break
		}
	}
	text := s.Text[start-s.Start:]
	q := article.Quote{Speaker: speaker, Verb: verb}
	if inner, ok := quoted(text); ok {
		q.Direct = true
		q.Text = inner
		q.Place = article.Place{Para: s.Para, Start: start + len(text[:strings.Index(text, inner)]), End: 0}
		q.End = q.Start + len(inner)
		return q, q.Text != ""
	}
	trimmed := strings.TrimRight(text, " .")
	q.Text = trimmed
	q.Place = article.Place{Para: s.Para, Start: start, End: start + len(trimmed)}
	// Three words at least: «... را عنوان کرد» or a bare «گفت.» says nothing.
	return q, len(strings.Fields(trimmed)) >= 3
}

// closingTok returns the first token after the last closing guillemet
// before token i, or -1.
func closingTok(s *discourse.Sentence, i int) int {
	for k := i; k > 0; k-- {
		if strings.ContainsAny(s.Tokens[k].Punct, "»”\"") {
			return k
		}
	}
	return -1
}

// before finds a quotation that ends just before the speaker («...»، وی گفت).
func before(s *discourse.Sentence, speakerTok int, verb string, speaker article.Actor) (article.Quote, bool) {
	head := s.Text[:s.Tokens[speakerTok].Start-s.Start]
	end := strings.LastIndex(head, "»")
	if end < 0 || strings.Trim(head[end+len("»"):], " ،,") != "" {
		return article.Quote{}, false
	}
	open := strings.LastIndex(head[:end], "«")
	if open < 0 {
		return article.Quote{}, false
	}
	inner := strings.TrimSpace(head[open+len("«") : end])
	if len(strings.Fields(inner)) < 3 {
		return article.Quote{}, false
	}
	st := s.Start + open + len("«") + strings.Index(head[open+len("«"):end], inner)
	return article.Quote{Speaker: speaker, Text: inner, Direct: true, Verb: verb,
		Place: article.Place{Para: s.Para, Start: st, End: st + len(inner)}}, true
}

// quoted returns the inside of a quotation that makes up all of text
// («...» with at most a final period after it).
func quoted(text string) (string, bool) {
	pairs := [][2]string{{"«", "»"}, {"\"", "\""}, {"“", "”"}}
	for _, p := range pairs {
		if !strings.HasPrefix(text, p[0]) {
			continue
		}
		rest := text[len(p[0]):]
		end := strings.LastIndex(rest, p[1])
		if end < 0 {
			continue
		}
		if after := strings.Trim(rest[end+len(p[1]):], " .،"); after != "" && !strings.HasPrefix(after, "که ") {
			// «X گفت «...» که این مسئله ...»: the writer goes on after
			// the quotation.
			continue
		}
		return strings.TrimSpace(rest[:end]), true
	}
	return "", false
}
