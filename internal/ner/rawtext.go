package ner

import "strings"

// ScoreText scores the recognizer as khabar runs it, on text rather than on
// PEYMA's tokens: the sentences are written out as one text, a line each,
// with a space between tokens (so PEYMA's ZWNJ words and fixed expressions,
// «بین المللی», «بعد از ظهر», arrive as separate words, as in scraped text),
// Recognize cuts and tags it, and entities count as right when their byte
// span and type match the gold entity's. The scores have the shape of
// Score's, "" holding the totals.
func (m *Model) ScoreText(sents []Sentence) map[string]Counts {
	type span struct {
		start, end int
		typ        string
	}
	var b strings.Builder
	gold := map[span]bool{}
	for _, s := range sents {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		starts := make([]int, len(s.Tokens))
		ends := make([]int, len(s.Tokens))
		for i, tok := range s.Tokens {
			if i > 0 {
				b.WriteByte(' ')
			}
			starts[i] = b.Len()
			b.WriteString(tok)
			ends[i] = b.Len()
		}
		for _, c := range tagChunks(s.Tags) {
			gold[span{starts[c.start], ends[c.end-1], c.typ}] = true
		}
	}
	out := map[string]Counts{}
	for g := range gold {
		k := out[g.typ]
		k.Gold++
		out[g.typ] = k
	}
	for _, p := range m.Recognize(b.String()) {
		k := out[p.Type]
		k.Predicted++
		if gold[span{p.Start, p.End, p.Type}] {
			k.Correct++
		}
		out[p.Type] = k
	}
	return withTotal(out)
}
