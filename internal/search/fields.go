package search

import (
	"strings"
	"unicode/utf8"

	"khabar/internal/article"
)

// Fields is an article as an index sees it: three columns of index terms
// (Terms) separated by single spaces, so any backend tokenizer that splits on
// spaces sees exactly the terms Go made.
type Fields struct {
	// Title is the title; it weighs most in ranking.
	Title string
	// Text is kicker, lead, body and tags.
	Text string
	// Alt holds, once each, the terms of the raw text that title and text lack:
	// the unrepaired spellings («رئیسجمهور» where the text now has
	// «رئیس‌جمهور»), so a query in either form finds the article. Only terms
	// with a non-ASCII letter qualify: unrepaired forms are Persian words, and
	// this keeps the keys and \u escapes of a JSON raw out.
	Alt string
}

// IndexFields returns the index columns of an article. addTerm, if not nil, is
// called once with each distinct term (for a vocabulary).
func IndexFields(a *article.Article, addTerm func(string)) Fields {
	titleTerms := Terms(a.Title)
	var tb strings.Builder
	for _, s := range [][]string{{a.Kicker, a.Lead}, a.Body, a.Tags} {
		for _, p := range s {
			if p != "" {
				tb.WriteString(p)
				tb.WriteByte('\n')
			}
		}
	}
	textTerms := Terms(tb.String())
	have := make(map[string]bool, len(titleTerms)+len(textTerms))
	for _, t := range titleTerms {
		have[t] = true
	}
	for _, t := range textTerms {
		have[t] = true
	}
	var altTerms []string
	scanTerms(a.Raw, func(t string, _ int) {
		if !have[t] && hasNonASCII(t) {
			have[t] = true
			altTerms = append(altTerms, t)
		}
	})
	if addTerm != nil {
		for t := range have {
			addTerm(t)
		}
	}
	return Fields{
		Title: strings.Join(titleTerms, " "),
		Text:  strings.Join(textTerms, " "),
		Alt:   strings.Join(altTerms, " "),
	}
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}
