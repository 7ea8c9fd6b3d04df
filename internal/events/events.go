// Package events codes who-did-what-to-whom in an article: for each sentence,
// an action from the lexicon (actions.tsv: Persian verbs, light-verb
// constructions and nominal phrases with their CAMEO code and PLOVER type),
// its source — the clause's subject — and its target — the actor the entry's
// preposition introduces («با X دیدار کرد», «از X قدردانی کرد», «X را محکوم
// کرد»). Actors are resolved and coded by internal/events/discourse.
package events

import (
	_ "embed"
	"strings"
	"sync"

	"khabar/internal/article"
	"khabar/internal/events/discourse"
	"khabar/internal/persian"
)

//go:embed actions.tsv
var actionsTSV string

var (
	lexOnce sync.Once
	lex     *discourse.Lexicon
)

// Lexicon returns the parsed action lexicon.
func Lexicon() *discourse.Lexicon {
	lexOnce.Do(func() {
		var err error
		lex, err = discourse.ParseLexicon("actions.tsv", actionsTSV)
		if err != nil {
			panic(err) // embedded and tested: a build defect
		}
	})
	return lex
}

// Find returns the events of the article in text order. The article's
// Entities must already be filled in.
func Find(a *article.Article) []article.Event {
	return FindIn(discourse.Read(a))
}

// FindIn is Find over sentences already read.
func FindIn(ss []discourse.Sentence) []article.Event {
	var out []article.Event
	var sides *parties
	for i := range ss {
		if sides != nil && i-sides.sentence > maxSidesGap {
			sides = nil
		}
		evs := inSentence(&ss[i], sides)
		for _, e := range evs {
			if e.PLOVER == "CONSULT" && e.Target.Code != "" {
				sides = &parties{src: e.Source, tgt: e.Target, sentence: i}
			}
		}
		out = append(out, evs...)
	}
	return out
}

// parties are the two sides of the latest meeting or talk, which «طرفین» or
// «دو طرف» in the sentences after it refer to («در این دیدار طرفین بر گسترش
// روابط تاکید کردند»).
type parties struct {
	src, tgt article.Actor
	sentence int
}

// maxSidesGap is how many sentences on «طرفین» still refers to a meeting.
const maxSidesGap = 3

// bothSides says whether a bare «طرفین», «دو طرف», «هر دو کشور» ... stands in
// tokens [from, to): the subject is the two parties together.
func bothSides(s *discourse.Sentence, from, to int) bool {
	for k := from; k < to; k++ {
		f := s.Tokens[k].Fold
		if k > 0 && discourse.IsPreposition(s.Tokens[k-1].Fold) {
			continue
		}
		if f == "طرفین" || (f == "طرف" || f == "کشور") && k > 0 && s.Tokens[k-1].Fold == "دو" {
			return true
		}
	}
	return false
}

func inSentence(s *discourse.Sentence, sides *parties) []article.Event {
	var out []article.Event
	seen := map[string]bool{}
	for _, mt := range Lexicon().Find(s, 0, len(s.Tokens)) {
		f := mt.Entry.Fields
		if len(f) < 3 {
			continue
		}
		cameo, plover, preps := f[0], f[1], strings.Split(f[2], "|")
		mode := ""
		if len(f) > 4 {
			mode = f[4]
		}
		if mode != "" && notDone(s, mt.From) || hedged(s, mt) || plover == "CONSULT" && sport(s, mt) {
			continue
		}
		var src, tgt *discourse.Mention
		switch mode {
		case "after":
			src, tgt = genitive(s, mt, preps)
		case "pair":
			// «رایزنی X و Y», else «دیدار X با Y». A bare noun is not
			// read with the clause's subject: «X با Y دیدار نمی‌کرد» has
			// the noun without its (negated) verb.
			if src, tgt = pair(s, mt); src == nil {
				src, tgt = genitive(s, mt, preps)
			}
		case "passive":
			src, tgt = passive(s, mt)
		case "quoted":
			src, tgt = quoted(s, mt)
		}
		if mode == "" || mode == "welcome" {
			if from, _ := s.Clause(mt.From); sides != nil && bothSides(s, from, mt.From) {
				// «طرفین» before the verb: the parties of the meeting
				// just reported, whatever else the clause names.
				src = &discourse.Mention{Actor: sides.src}
				tgt = &discourse.Mention{Actor: sides.tgt}
			} else if firstPerson(s.Tokens[mt.To-1].Fold) {
				// «X گفت: ما ... استقبال می‌کنیم»: the speaker's side
				// acts, whatever country the clause names.
				if src = speaker(s, mt); src == nil {
					src = weNamed(s, mt)
				}
				if src != nil {
					tgt = target(s, mt, src, preps)
				}
			} else if src = source(s, mt, preps); src != nil {
				tgt = target(s, mt, src, preps)
				if tgt == nil && symmetric[plover] {
					tgt = partner(s, src)
				}
			}
		}
		if src == nil {
			continue
		}
		if tgt == nil && !contains(preps, "-") {
			continue
		}
		if plover == "MOBILIZE" && !strings.HasSuffix(src.Actor.Code, "MIL") && !military(s, mt) {
			// A deployment is a force posture only when forces deploy:
			// «اورژانس ... آمبولانس اعزام کرد», «هیئتی را به X اعزام
			// کرد» are not.
			continue
		}
		if tgt != nil && selfDirected(src, tgt) {
			continue
		}
		if mode == "welcome" && tgt != nil && tgt.Type == "PER" && tgt.From > 0 && s.Tokens[tgt.From-1].Fold == "از" {
			// «از محمود احمدی‌نژاد به طور رسمی استقبال کرد»: a visitor
			// received, not a decision welcomed.
			cameo, plover = "043", "CONSULT"
		}
		srcs := []*discourse.Mention{src}
		if mode == "" && src.Kind == discourse.Named {
			// «آمریکا و اسرائیل ... اشغال کرده‌اند»: each conjunct of the
			// subject is a source (unless it is the target already).
			if p := partner(s, src); p != nil && (tgt == nil || !same(p, tgt) && !selfDirected(p, tgt)) {
				srcs = append(srcs, p)
			}
		}
		for _, src := range srcs {
			ev := article.Event{
				Source:   src.Actor,
				Action:   s.Text[s.Tokens[mt.From].Start-s.Start : s.Tokens[mt.To-1].End-s.Start],
				CAMEO:    cameo,
				PLOVER:   plover,
				Evidence: s.Text,
				Place:    s.Place,
			}
			if tgt != nil {
				ev.Target = tgt.Actor
			}
			key := ev.Source.Code + ev.Source.ID + "|" + ev.Target.Code + ev.Target.ID + "|" + cameo
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, ev)
		}
	}
	return out
}

// source is the subject of the action's clause: the first bare actor before
// the action, else the subject of the clause before («X تاکید کرد که آماده
// همکاری است»: X). Only a nominal pattern that ends in its preposition may
// have its source after it («در دیدار با X، Y گفت»: Y).
func source(s *discourse.Sentence, mt discourse.Match, preps []string) *discourse.Mention {
	from, to := s.Clause(mt.From)
	if c := relativeEnd(s, from, mt.From); c > 0 {
		// «صالحی ... که برای شرکت در کنفرانس آژانس در وین به سر می‌برد،
		// امروز با ... دیدار کرد»: the verb after the relative clause is
		// the main clause's, whose subject is the noun the clause follows.
		if m := subject(s, c, mt.From); m != nil {
			return m
		}
		pf, _ := s.Clause(from - 1)
		if m := subject(s, pf, from); m != nil {
			return m
		}
	}
	if m := subject(s, from, mt.From); m != nil {
		return m
	}
	if contains(preps, s.Tokens[mt.To-1].Fold) {
		if m := subject(s, mt.To, to); m != nil {
			return m
		}
	}
	if from > 0 {
		pf, _ := s.Clause(from - 1)
		if m := subject(s, pf, from); m != nil {
			return m
		}
	}
	return nil
}

// relativeEnd returns the token after the comma that closes a relative
// clause before token i, or 0: the clause starts after a «که» that follows
// an actor's name (not a verb of saying: «گفت که» opens a complement), and a
// comma comes before i.
func relativeEnd(s *discourse.Sentence, from, i int) int {
	if from < 2 || s.Tokens[from-1].Fold != "که" || s.Tokens[from-1].Punct != "" {
		return 0
	}
	named := false
	for k := range s.Mentions {
		if s.Mentions[k].To == from-1 {
			named = true
		}
	}
	if !named {
		return 0
	}
	for k := from + 1; k <= i && k < len(s.Tokens); k++ {
		if strings.ContainsAny(s.Tokens[k].Punct, "،,") {
			return k
		}
	}
	return 0
}

// subject is the first coded actor in tokens [from, to) that no preposition
// governs and no «را» marks as an object. A person with no actor code is
// passed over: in «کوربین خاطر نشان کرد دولت انگلیس به اسرائیل کمک می‌کند»
// the speaker is unknown to the gazetteer and the helper is the government.
func subject(s *discourse.Sentence, from, to int) *discourse.Mention {
	for i := range s.Mentions {
		m := &s.Mentions[i]
		if m.From >= from && m.To <= to && m.Prep == "" && coded(m) && !(m.To < len(s.Tokens) && s.Tokens[m.To].Fold == "را") && !bodyGenitive(s, m) {
			return m
		}
	}
	return nil
}

// bodyGenitive says whether a country named alone follows a word for a body,
// at most one word between and no punctuation («دادگاه مردمی غزه در انگلیس»):
// it is the genitive of a body the tables do not know, which is the subject,
// not the country.
func bodyGenitive(s *discourse.Sentence, m *discourse.Mention) bool {
	if m.Kind != discourse.Named || m.Type == "PER" || m.Country == "" || s.Tokens[m.From].Punct != "" {
		return false
	}
	for k := m.From - 1; k >= 0 && k >= m.From-2; k-- {
		if discourse.IsBodyWord(s.Tokens[k].Fold) {
			return true
		}
		if s.Tokens[k].Punct != "" {
			break
		}
	}
	return false
}

// coded says whether the mention has an actor code an event can use: a role
// alone («GOV» for an official of an unknown country) says too little (NGO
// alone is CAMEO's code for non-governmental organizations, from the
// organizations table: «سازمان‌های بشردوستانه»), and a
// news outlet («روزنامه روسی», RUSMED) is where an actor speaks, not one: «در
// گفت‌وگو با روزنامه X» is an interview, not a consultation.
func coded(m *discourse.Mention) bool {
	c := m.Actor.Code
	if strings.HasSuffix(c, "MED") {
		return false
	}
	return len(c) > 3 || len(c) == 3 && !roleOnly[c]
}

var roleOnly = map[string]bool{
	"GOV": true, "MIL": true, "LEG": true, "JUD": true, "COP": true, "BUS": true,
	"EDU": true, "MED": true, "PTY": true, "REL": true, "CVL": true, "IGO": true,
}

// target is the first coded actor in the action's clause that one of the
// entry's prepositions governs (or that «را» follows), other than the source.
// When the pattern ends in its preposition («دیدار با») the target is the
// actor right after it.
func target(s *discourse.Sentence, mt discourse.Match, src *discourse.Mention, preps []string) *discourse.Mention {
	from, to := s.Clause(mt.From)
	if c := relativeEnd(s, from, mt.From); c > 0 {
		// «X که به مصر سفر کرده است، گفت ... خواستار ... است»: Egypt is
		// in the relative clause, not the verb's.
		from = c
	}
	last := s.Tokens[mt.To-1].Fold
	if contains(preps, s.Tokens[mt.From].Fold) {
		// A pattern that starts with its preposition («از … خواست») has
		// its target in the gap, or none: «از خواست مردم» is a noun.
		for i := range s.Mentions {
			if m := &s.Mentions[i]; inGap(mt, m) && coded(m) && !same(m, src) && m.Prep == s.Tokens[mt.From].Fold {
				return m
			}
		}
		return nil
	}
	if contains(preps, last) {
		// Right after the preposition, or one word on («دیدار با آقای X»):
		// in «ملاقات با مجروحان جنگ عراق» Iraq is not who was met.
		for i := range s.Mentions {
			m := &s.Mentions[i]
			if m.From >= mt.To && m.From <= mt.To+1 && coded(m) && !same(m, src) {
				return m
			}
		}
		return nil
	}
	// Inside a pattern's gap first, then anywhere in the clause.
	var first *discourse.Mention
	for i := range s.Mentions {
		m := &s.Mentions[i]
		if m.From < from || m.To > to || m == src || !coded(m) || same(m, src) {
			continue
		}
		if m.From >= mt.From && m.To <= mt.To && !inGap(mt, m) {
			continue
		}
		if inGap(mt, m) && (m.Prep == "" || contains(preps, m.Prep)) {
			// «خواستار بازگشت ارمنستان ... شد»: a bare actor inside the
			// gap is the object of the nominal it follows.
			return m
		}
		if !contains(preps, m.Prep) && !(contains(preps, "را") && objectMarked(s, m)) {
			continue
		}
		if first == nil {
			first = m
		}
	}
	return first
}

// genitive reads a nominal event «حملات اسرائیل به لبنان»: the source is the
// first actor within a few words after the noun (adjectives may come
// between: «تهدیدهای نظامی و اقتصادی جدید آمریکا»), the target the next actor
// one of the prepositions introduces.
func genitive(s *discourse.Sentence, mt discourse.Match, preps []string) (src, tgt *discourse.Mention) {
	const maxAdjectives = 5
	_, to := s.Clause(mt.From)
	for i := range s.Mentions {
		m := &s.Mentions[i]
		if src == nil {
			// The genitive follows the pattern's first word: «حملات آمریکا
			// به ایران», «تاکید چین بر همکاری با روسیه».
			head := mt.From + 1
			if m.From < head || m.From > head+maxAdjectives {
				continue
			}
			if !coded(m) || m.Prep != "" && m.From > head || punctBetween(s, head, m.From) || prepBetween(s, head, m.From) {
				return nil, nil
			}
			src = m
			continue
		}
		// The target's phrase follows the source's: «سفر X به Y», «انتقاد X
		// از مواضع Y»; an actor further on belongs to something else («سفر
		// بوش برگرداندن اعتماد رهبران عرب به آمریکا ...»).
		if m.From > to || m.From > src.To+3 {
			break
		}
		if coded(m) && !same(m, src) && contains(preps, m.Prep) {
			return src, m
		}
	}
	return nil, nil
}

// pair reads a nominal event between two coordinated actors, as headlines
// write talks and meetings: «رایزنی صالحی و وزیر انرژی قزاقستان», «تماس
// تلفنی X و Y», «مذاکرات بین X و Y». The source is the first actor after the
// pattern (a few adjectives or «بین»/«میان» may come between), the target
// the actor right after the «و» that follows it.
func pair(s *discourse.Sentence, mt discourse.Match) (src, tgt *discourse.Mention) {
	const maxAdjectives = 3
	for i := range s.Mentions {
		m := &s.Mentions[i]
		if m.From < mt.To {
			continue
		}
		if m.From > mt.To+maxAdjectives || !coded(m) || punctBetween(s, mt.To-1, m.From) {
			return nil, nil
		}
		if m.Prep != "" && m.From > mt.To && m.Prep != "بین" && m.Prep != "میان" {
			return nil, nil
		}
		if i+1 >= len(s.Mentions) {
			return nil, nil
		}
		n := &s.Mentions[i+1]
		if m.To >= len(s.Tokens) || s.Tokens[m.To].Fold != "و" || s.Tokens[m.To].Punct != "" || n.From != m.To+1 || !coded(n) || same(m, n) {
			return nil, nil
		}
		return m, n
	}
	return nil, nil
}

// passive reads an event in the passive voice with its agent: «دو کودک
// فلسطینی به ضرب گلوله نیروهای رژیم صهیونیستی به شهادت رسیدند», «X توسط Y
// بازداشت شد». The source is the actor an agent phrase introduces, the target
// the clause's subject before it. Without an agent no one is coded: «دو
// تفنگدار آمریکایی کشته شدند» says who died, not who killed.
func passive(s *discourse.Sentence, mt discourse.Match) (src, tgt *discourse.Mention) {
	from, _ := s.Clause(mt.From)
	for i := range s.Mentions {
		m := &s.Mentions[i]
		if m.From >= from && m.To <= mt.From && coded(m) && agentBefore(s, m.From) {
			src = m
		}
	}
	if src == nil {
		return nil, nil
	}
	if from > 0 && s.Tokens[from-1].Fold == "که" {
		// «یک کودک فلسطینی که ... به ضرب گلوله X زخمی شده بود»: the
		// relative clause's subject is the noun it follows.
		for i := range s.Mentions {
			if m := &s.Mentions[i]; m.To == from-1 {
				if coded(m) && m.Prep == "" && !same(m, src) {
					return src, m
				}
				return nil, nil
			}
		}
	}
	for i := range s.Mentions {
		m := &s.Mentions[i]
		if m.From >= from && m.To <= src.From && m.Prep == "" && coded(m) && !same(m, src) {
			// A comma between them closes a clause the target was in
			// («... سرزمین‌های اشغالی فلسطین تعیین شده بود، توسط X
			// بازداشت شد»: not Palestine).
			if punctBetween(s, m.To, src.From) {
				return nil, nil
			}
			return src, m
		}
	}
	return nil, nil
}

// quoted reads an appeal told in a speaker's words: «X گفت: Y باید ...»,
// «X تاکید کرد که Y باید ...», a headline «X: Y باید ...». The source is the
// speaker, the subject of the clause of saying just before the modal's
// clause; the target is the actor the modal's clause names bare right before
// the modal. Nothing when the speaker's own side is among those who must act
// («روسیه و چین باید ...» said by Russia's minister is a joint resolve, and
// «ما باید ...» names no one else).
func quoted(s *discourse.Sentence, mt discourse.Match) (src, tgt *discourse.Mention) {
	const maxToModal = 1 // words between the target and the modal («آمریکا نیز باید»)
	from, _ := s.Clause(mt.From)
	if from == 0 {
		return nil, nil
	}
	// A speaker the tables do not know («"میخائیل گورباچف" رهبر پیشین
	// اتحاد جماهیر شوروی گفت») is not the body in his title.
	if src = speaker(s, mt); src == nil {
		return nil, nil
	}
	for i := range s.Mentions {
		m := &s.Mentions[i]
		if m.From < from || m.To > mt.From {
			continue
		}
		if m.Prep == "" && m.Actor.Code != "" && len(m.Actor.Code) >= 3 && len(src.Actor.Code) >= 3 && m.Actor.Code[:3] == src.Actor.Code[:3] {
			return nil, nil // the speaker's own side must act too
		}
		// The modal's subject: the clause's first words, or right before
		// the modal; an actor further back is often a genitive («آنچه
		// دولتمردان آمریکا از این پیام باید بفهمند»).
		if m.Prep == "" && coded(m) && !objectMarked(s, m) && (m.From == from || mt.From-m.To <= maxToModal) && !punctBetween(s, m.To, mt.From) {
			tgt = m
		}
	}
	if tgt == nil || tgt.Kind == discourse.Pronoun || tgt.Kind == discourse.Possessive || same(src, tgt) {
		return nil, nil
	}
	return src, tgt
}

// speaker returns the subject of the clause of saying that introduces the
// action's clause («X اعلام کرد: ما ... محکوم می‌کنیم»: X), or nil.
func speaker(s *discourse.Sentence, mt discourse.Match) *discourse.Mention {
	from, _ := s.Clause(mt.From)
	if from == 0 {
		return nil
	}
	pf, _ := s.Clause(from - 1)
	if !sayingBefore(s, pf, from) {
		return nil
	}
	src := subject(s, pf, from)
	if src == nil || src.InQuote {
		return nil
	}
	for i := range s.Mentions {
		if m := &s.Mentions[i]; m.From >= pf && m.From < src.From && m.Prep == "" && m.Type == "PER" {
			return nil // an unknown speaker before the body in his title
		}
	}
	return src
}

// weNamed returns the actor «ما» names at the start of the action's clause
// («ما دانشجویان دانشگاه تهران ... محکوم می‌کنیم»), or nil.
func weNamed(s *discourse.Sentence, mt discourse.Match) *discourse.Mention {
	from, _ := s.Clause(mt.From)
	if s.Tokens[from].Fold != "ما" {
		return nil
	}
	for i := range s.Mentions {
		if m := &s.Mentions[i]; m.From > from && m.From <= from+2 && m.Prep == "" && coded(m) && !punctBetween(s, from, m.From) {
			return m
		}
	}
	return nil
}

// firstPerson says whether a verb form is first person («می‌کنیم»,
// «کردیم», «دادم»): its subject is the speaker's side.
func firstPerson(fold string) bool {
	switch fold {
	case "کنم", "کردم", "دهم", "دادم", "دارم", "شوم", "شدم", "نماییم", "نمودیم":
		return true
	}
	return strings.HasSuffix(fold, "یم") && len([]rune(fold)) >= 3
}

// sayingBefore says whether tokens [from, to) are a clause of saying that
// introduces the next one: a verb of saying in its last words before «که» or
// a colon («گفت:», «تاکید کرد که», «اظهار داشت:»), or a headline's speaker
// alone before a colon («تخت روانچی: ...»).
func sayingBefore(s *discourse.Sentence, from, to int) bool {
	end := to
	if end > 0 && s.Tokens[end-1].Fold == "که" {
		end--
	} else if !strings.ContainsAny(s.Tokens[to].Punct, ":") {
		return false
	}
	for k := end - 1; k >= from && k >= end-3; k-- {
		if sayingWords[s.Tokens[k].Fold] {
			return true
		}
	}
	// «X: ...» as a headline writes a quotation: the clause is one actor.
	for i := range s.Mentions {
		if m := &s.Mentions[i]; m.From == from && m.To == end && from == 0 {
			return true
		}
	}
	return false
}

// sayingWords are the words a clause of saying ends in (folded): the verbs
// and the nouns of light verbs («تاکید کرد», «اظهار داشت», «خاطرنشان کرد»).
var sayingWords = map[string]bool{
	"گفت": true, "گفتند": true, "گوید": true, "گویند": true, "افزود": true, "افزودند": true,
	"تاکید": true, "تصریح": true, "اظهار": true, "خاطرنشان": true, "خاطر": true, "یادآور": true,
	"اعلام": true, "بیان": true, "نوشت": true, "نوشته": true,
}

// agentBefore says whether an agent phrase ends just before token i: «توسط»,
// «به دست», «از سوی», «از جانب», «به وسیله», «به ضرب گلوله».
func agentBefore(s *discourse.Sentence, i int) bool {
	if i < 1 || s.Tokens[i].Punct != "" {
		return false
	}
	w1, w2 := s.Tokens[i-1].Fold, ""
	if i >= 2 && s.Tokens[i-1].Punct == "" {
		w2 = s.Tokens[i-2].Fold
	}
	switch w1 {
	case "توسط":
		return true
	case "دست", "وسیله":
		return w2 == "به"
	case "سوی", "جانب":
		return w2 == "از"
	case "گلوله":
		return w2 == "ضرب" || w2 == "شلیک"
	}
	return false
}

// symmetric PLOVER types are done together: in «X و Y دیدار کردند» each is
// the other's partner.
var symmetric = map[string]bool{"CONSULT": true, "AGREE": true}

// partner returns the actor coordinated with the source by «و» («نخست وزیر
// کانادا و ترامپ ... گفتگو کردند»: Trump), for a symmetric event whose
// pattern names no target.
func partner(s *discourse.Sentence, src *discourse.Mention) *discourse.Mention {
	for i := range s.Mentions {
		m := &s.Mentions[i]
		if m.From == src.To+1 && s.Tokens[src.To].Fold == "و" && s.Tokens[src.To].Punct == "" && m.Prep == "" && coded(m) && !same(m, src) {
			return m
		}
	}
	return nil
}

// notDone says whether a nominal event at token i is not reported as done:
// it only dates another one («از آغاز حمله آمریکا به عراق»، «یک روز پس از
// اعلام موافقت ...»، «در سالگرد حمله عراق به کویت»: old news), or is a plan,
// a risk or a rumour («طرح حمله پنتاگون علیه ایران», «احتمال حمله», «شایعه
// دیدار X با Y»).
func notDone(s *discourse.Sentence, i int) bool {
	fold := func(k int) string {
		if k < 0 || k >= len(s.Tokens) {
			return ""
		}
		return s.Tokens[k].Fold
	}
	if fold(i-1) == anchorStart || fold(i-1) == "زمان" && fold(i-2) == "از" || unreal[fold(i-1)] || fold(i+1) == "احتمالی" {
		return true
	}
	return fold(i-1) == "از" && anchorWords[fold(i-2)]
}

var (
	anchorStart = persian.Fold("آغاز") // folded as tokens are: «اغاز»
	anchorWords = map[string]bool{"پس": true, "بعد": true, "قبل": true, "پیش": true}
	unreal      = map[string]bool{
		"سالگرد": true, "طرح": true, "احتمال": true, "خطر": true, "امکان": true, "شایعه": true,
		"شایعات": true, "تهدید": true, "برنامه": true, "گونه": true, "هرگونه": true,
	}
)

// hedged says whether the action is only possible, wished, owed or
// conditional, not done: a modal in its clause before it («این کشور باید با
// روسیه گفتگو کند», «ممکن است با ایران وارد گفتگو شود», «احتمالا», «اگر
// خواسته ما از لیبی ... گسترش روابط با ...»). The speaker's appeal is another
// event, which the lexicon does not code from a modal.
func hedged(s *discourse.Sentence, mt discourse.Match) bool {
	from, _ := s.Clause(mt.From)
	start := from
	if from > 0 && s.Tokens[from-1].Fold == "که" {
		// «ضروری است که سازمان ملل هیئت تحقیق اعزام کند»: the predicate
		// before «که» governs its complement.
		start = max(0, from-5)
	}
	for k := start; k < mt.From; k++ {
		f := s.Tokens[k].Fold
		// «به احتمال زیاد» hedges; «احتمال» alone is often what is
		// warned of («درباره احتمال از سرگیری برنامه اتمی هشدار داد»).
		if modals[f] || f == "احتمال" && k > 0 && s.Tokens[k-1].Fold == "به" {
			return true
		}
	}
	return false
}

var modals = map[string]bool{
	"باید": true, "ممکن": true, "احتمالا": true, "شاید": true, "بایستی": true,
	"ضروری": true, "لازم": true, "اجازه": true, "امیدواریم": true, "امیدوارم": true, "امیدوار": true,
	"اگر": true, "چنانچه": true,
}

// prepBetween says whether a preposition stands in tokens [from, to): the
// actor after it is not the noun's genitive («سفر به چند کشور اروپایی»).
func prepBetween(s *discourse.Sentence, from, to int) bool {
	for k := from; k < to; k++ {
		if discourse.IsPreposition(s.Tokens[k].Fold) {
			return true
		}
	}
	return false
}

// selfDirected says whether an event goes from a country to itself with a
// bare country code on one side («دولت آمریکا» → «آمریکا»): such a pair comes
// from misread phrases («سفر بوش ... به آمریکا», «مذاکره با پیونگ‌یانگ» in a
// sentence about North Korea), while a country's bodies acting on each other
// keep their roles («دادگاه مردمی غزه در انگلیس» GBRCVL → GBRGOV).
func selfDirected(src, tgt *discourse.Mention) bool {
	a, b := src.Actor.Code, tgt.Actor.Code
	if len(a) < 3 || len(b) < 3 || a[:3] != b[:3] || strings.HasPrefix(a, "IGO") || strings.HasPrefix(a, "NGO") {
		return false
	}
	// A country or capital as the target place («سفر وزیر ... به توکیو») is
	// the country itself, whatever code the capital carries.
	return len(a) == 3 || len(b) == 3 || tgt.State
}

// military says whether the action's clause names forces before it («نیروهای
// نظامی», «ناوهای جنگی», «تفنگداران»); «نیرو» alone is as often a rescue or
// work force.
func military(s *discourse.Sentence, mt discourse.Match) bool {
	from, _ := s.Clause(mt.From)
	for k := from; k < mt.To; k++ {
		if forceWords[s.Tokens[k].Fold] {
			return true
		}
	}
	return false
}

var forceWords = map[string]bool{
	"سرباز": true, "سربازان": true, "نظامی": true,
	"نظامیان": true, "ناو": true, "ناوهای": true, "جنگنده": true, "جنگنده‌های": true, "موشکی": true,
	"تفنگدار": true, "تفنگداران": true, "ارتش": true, "لشکر": true, "تیپ": true, "گردان": true,
}

// sport says whether the action's clause is about a game: «دیدار» is a
// match there («پاراگوئه و ونزوئلا در مرحله نیمه نهایی باهم دیدار خواهند
// کرد»), not a meeting of states.
func sport(s *discourse.Sentence, mt discourse.Match) bool {
	from, to := s.Clause(mt.From)
	for k := from; k < to; k++ {
		if sportWords[s.Tokens[k].Fold] {
			return true
		}
	}
	return false
}

var sportWords = map[string]bool{
	"تیم": true, "بازی": true, "مسابقه": true, "مسابقات": true, "فینال": true, "نهایی": true,
	"جام": true, "لیگ": true, "قهرمانی": true, "گل": true, "فوتبال": true, "والیبال": true,
}

// punctBetween says whether punctuation separates tokens from..to.
func punctBetween(s *discourse.Sentence, from, to int) bool {
	for k := from; k <= to && k < len(s.Tokens); k++ {
		if k > from && s.Tokens[k].Punct != "" {
			return true
		}
	}
	return false
}

// inGap says whether m lies inside a matched pattern's gap («آماده است با
// روسیه همکاری کند») rather than on one of its words.
func inGap(mt discourse.Match, m *discourse.Mention) bool {
	return m.From > mt.From && m.To < mt.To
}

// objectMarked says whether «را» follows the mention within two words
// («ادعاهای آمریکا را رد کرد»).
func objectMarked(s *discourse.Sentence, m *discourse.Mention) bool {
	for k := m.To; k < len(s.Tokens) && k <= m.To+2; k++ {
		// A comma or another bare actor between: «پزشکان بدون مرز،
		// اسرائیل را ...» marks Israel, not the doctors; a phrase with its
		// preposition may come between («سفیر ایران در مادرید را»).
		if s.Tokens[k].Punct != "" && s.Tokens[k].Fold != "را" {
			return false
		}
		if n := s.MentionAt(k); n != nil && n.Prep == "" {
			return false
		}
		if s.Tokens[k].Fold == "را" {
			return true
		}
	}
	return false
}

func same(a, b *discourse.Mention) bool {
	if a.Actor.ID != "" && a.Actor.ID == b.Actor.ID {
		return true
	}
	return a.Actor.ID == "" && b.Actor.ID == "" && a.Actor.Code == b.Actor.Code
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
