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
	for i := range ss {
		out = append(out, inSentence(&ss[i])...)
	}
	return out
}

func inSentence(s *discourse.Sentence) []article.Event {
	var out []article.Event
	seen := map[string]bool{}
	for _, mt := range Lexicon().Find(s, 0, len(s.Tokens)) {
		f := mt.Entry.Fields
		if len(f) < 3 {
			continue
		}
		cameo, plover, preps := f[0], f[1], strings.Split(f[2], "|")
		after := len(f) > 4 && f[4] == "after"
		var src, tgt *discourse.Mention
		if after {
			src, tgt = genitive(s, mt, preps)
		} else {
			src = source(s, mt, preps)
			if src != nil {
				tgt = target(s, mt, src, preps)
			}
		}
		if src == nil {
			continue
		}
		if tgt == nil && !contains(preps, "-") {
			continue
		}
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
	return out
}

// source is the subject of the action's clause: the first bare actor before
// the action, else the subject of the clause before («X تاکید کرد که آماده
// همکاری است»: X). Only a nominal pattern that ends in its preposition may
// have its source after it («در دیدار با X، Y گفت»: Y).
func source(s *discourse.Sentence, mt discourse.Match, preps []string) *discourse.Mention {
	from, to := s.Clause(mt.From)
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

// subject is the first coded actor in tokens [from, to) that no preposition
// governs and no «را» marks as an object. A person with no actor code is
// passed over: in «کوربین خاطر نشان کرد دولت انگلیس به اسرائیل کمک می‌کند»
// the speaker is unknown to the gazetteer and the helper is the government.
func subject(s *discourse.Sentence, from, to int) *discourse.Mention {
	for i := range s.Mentions {
		m := &s.Mentions[i]
		if m.From >= from && m.To <= to && m.Prep == "" && coded(m) && !(m.To < len(s.Tokens) && s.Tokens[m.To].Fold == "را") {
			return m
		}
	}
	return nil
}

// coded says whether the mention has an actor code an event can use: a role
// alone («GOV» for an official of an unknown country) says too little.
func coded(m *discourse.Mention) bool {
	c := m.Actor.Code
	return len(c) > 3 || len(c) == 3 && !roleOnly[c]
}

var roleOnly = map[string]bool{
	"GOV": true, "MIL": true, "LEG": true, "JUD": true, "COP": true, "BUS": true,
	"EDU": true, "MED": true, "PTY": true, "REL": true, "CVL": true, "IGO": true, "NGO": true,
}

// target is the first coded actor in the action's clause that one of the
// entry's prepositions governs (or that «را» follows), other than the source.
// When the pattern ends in its preposition («دیدار با») the target is the
// actor right after it.
func target(s *discourse.Sentence, mt discourse.Match, src *discourse.Mention, preps []string) *discourse.Mention {
	from, to := s.Clause(mt.From)
	last := s.Tokens[mt.To-1].Fold
	if contains(preps, last) {
		for i := range s.Mentions {
			m := &s.Mentions[i]
			if m.From >= mt.To && m.From <= mt.To+2 && coded(m) && !same(m, src) {
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
			if !coded(m) || m.Prep != "" && m.From > head || punctBetween(s, head, m.From) {
				return nil, nil
			}
			src = m
			continue
		}
		if m.From > to {
			break
		}
		if coded(m) && !same(m, src) && contains(preps, m.Prep) {
			return src, m
		}
	}
	return nil, nil
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
		if k > m.To && s.Tokens[k].Punct != "" {
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
