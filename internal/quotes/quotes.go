// Package quotes finds who said what in an article: quotations in guillemets
// or quote marks after or before a speech verb («X گفت: «...»»), reported
// speech («X تاکید کرد که ...», «به گفته X، ...»), each with its speaker
// resolved to an actor — the clause's subject, or, when the subject is a
// pronoun («او»، «وی») or a title («وزیر امور خارجه روسیه»), the person it
// refers to (see internal/events/discourse). The speech verbs are data
// (verbs.tsv).
package quotes

import (
	_ "embed"
	"strings"
	"sync"

	"khabar/internal/article"
	"khabar/internal/events/discourse"
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

// FindIn is Find over sentences already read, so an analyzer that also codes
// events reads the article once.
func FindIn(ss []discourse.Sentence) []article.Quote {
	var out []article.Quote
	for i := range ss {
		out = append(out, inSentence(&ss[i])...)
	}
	return out
}

func inSentence(s *discourse.Sentence) []article.Quote {
	var out []article.Quote
	toks := s.Tokens
	// «به گفته X، ...»: the speaker comes first, the speech after the comma.
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Fold != "به" || toks[i+1].Fold != "گفته" || toks[i+1].Punct != "" {
			continue
		}
		m := s.MentionAt(i + 2)
		if m == nil || !m.Resolved() {
			continue
		}
		if m.To < len(toks) && strings.ContainsAny(toks[m.To].Punct, "،,") {
			if q, ok := content(s, m.To, "به گفته", m.Actor); ok {
				out = append(out, q)
			}
		}
	}
	for _, mt := range verbs().Find(s, 0, len(toks)) {
		// «گفت‌وگو» is talk, not speech.
		if mt.To+1 < len(toks) && toks[mt.To].Fold == "و" && toks[mt.To+1].Fold == "گو" {
			continue
		}
		verb := s.Text[toks[mt.From].Start-s.Start : toks[mt.To-1].End-s.Start]
		from, _ := s.Clause(mt.From)
		next := mt.To
		if next == len(toks) || strings.ContainsAny(toks[next].Punct, ".؟?!") {
			// «...»، وی افزود. — the speaker stands between the quotation
			// and the verb.
			if closed := closingTok(s, mt.From); closed >= 0 {
				if sp := speaker(s, closed, mt.From); sp != nil {
					if q, ok := before(s, sp.From, verb, sp.Actor); ok {
						out = append(out, q)
					}
				}
			}
			continue
		}
		sp := speaker(s, from, mt.From)
		if sp == nil {
			continue
		}
		switch {
		case next < len(toks) && toks[next].Fold == "که" && !strings.ContainsAny(toks[next].Punct, "،,."):
			if q, ok := content(s, next+1, verb, sp.Actor); ok {
				out = append(out, q)
			}
		case next < len(toks) && strings.Contains(toks[next].Punct, ":"):
			if q, ok := content(s, next, verb, sp.Actor); ok {
				out = append(out, q)
			}
		}
	}
	return out
}

// speaker is the clause's subject when it can speak: a person, an
// organization, or a country or capital («چین اعلام کرد»), not a city or
// region («نماینده سمنان ... گفت» is said by the member, not by Semnan).
func speaker(s *discourse.Sentence, from, to int) *discourse.Mention {
	for i := range s.Mentions {
		m := &s.Mentions[i]
		if m.From < from || m.To > to || m.Prep != "" || !m.Resolved() {
			continue
		}
		if m.Type == "LOC" && !m.State {
			return nil
		}
		return m
	}
	return nil
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
		if strings.Trim(rest[end+len(p[1]):], " .،") != "" {
			continue
		}
		return strings.TrimSpace(rest[:end]), true
	}
	return "", false
}
