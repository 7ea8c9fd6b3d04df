package ner

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"khabar/internal/metrics"
)

// Sentence is one labelled PEYMA sentence.
type Sentence struct {
	Tokens []string
	Tags   []string
}

// ReadPEYMA reads PEYMA's format: `token|TAG` per line, a blank line between
// sentences. A token may contain a space (PEYMA's spelling of a ZWNJ word).
// Lines without a bar are read CoNLL style, `token TAG` (see conllTag), so
// that ARMAN-format files can be scored too.
func ReadPEYMA(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(l) == "" {
			if len(cur.Tokens) > 0 {
				out = append(out, cur)
				cur = Sentence{}
			}
			continue
		}
		var tok, tag string
		if i := strings.LastIndexByte(l, '|'); i >= 0 {
			tok, tag = strings.TrimSpace(l[:i]), strings.TrimSpace(l[i+1:])
			if tok == "" {
				tok = "|" // PEYMA writes a lone bar as "| |O"
			}
		} else if i := strings.LastIndexAny(l, " \t"); i > 0 {
			// CoNLL style, as ARMAN and most NER sets write it: token, space
			// or tab, tag («B-pers»).
			tok, tag = strings.TrimSpace(l[:i]), conllTag(strings.TrimSpace(l[i+1:]))
		} else {
			return nil, fmt.Errorf("line %d: no |TAG in %q", line, l)
		}
		if tag != "O" && !(len(tag) > 2 && (tag[:2] == "B_" || tag[:2] == "I_")) {
			return nil, fmt.Errorf("line %d: bad tag %q", line, tag)
		}
		cur.Tokens = append(cur.Tokens, tok)
		cur.Tags = append(cur.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(cur.Tokens) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

// conllTag turns a CoNLL-style tag («B-pers», «I-ORG») into PEYMA's spelling
// («B_PER»): ARMAN's person, organization and location types map to PEYMA's;
// its other types (fac, event, pro) keep their names, upper-cased, and so
// count as entities the model never predicts.
func conllTag(t string) string {
	if len(t) < 3 || (t[1] != '-' && t[1] != '_') || (t[0] != 'B' && t[0] != 'I') {
		return t
	}
	typ := strings.ToUpper(t[2:])
	switch typ {
	case "PERS", "PERSON":
		typ = "PER"
	case "ORGANIZATION":
		typ = "ORG"
	case "LOCATION":
		typ = "LOC"
	}
	return t[:1] + "_" + typ
}

// ReadPEYMAFile reads a PEYMA file from disk.
func ReadPEYMAFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := ReadPEYMA(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// Counts are one entity type's CoNLL-style tallies: an entity is right only if
// both its span and its type match the gold entity exactly.
type Counts struct {
	Gold, Predicted, Correct int
}

func (c Counts) Precision() float64 { return metrics.Ratio(c.Correct, c.Predicted) }
func (c Counts) Recall() float64    { return metrics.Ratio(c.Correct, c.Gold) }
func (c Counts) F1() float64        { return metrics.F1(c.Precision(), c.Recall()) }

// Score compares predicted and gold tag sequences per entity type; the "" key
// holds the micro-averaged total.
func Score(gold, pred [][]string) map[string]Counts {
	out := map[string]Counts{}
	for i := range gold {
		g := tagChunks(gold[i])
		p := tagChunks(pred[i])
		gs := map[chunk]bool{}
		for _, c := range g {
			gs[c] = true
			k := out[c.typ]
			k.Gold++
			out[c.typ] = k
		}
		for _, c := range p {
			k := out[c.typ]
			k.Predicted++
			if gs[c] {
				k.Correct++
			}
			out[c.typ] = k
		}
	}
	return withTotal(out)
}

// withTotal adds the micro-averaged total of the per-type counts under "".
func withTotal(out map[string]Counts) map[string]Counts {
	var tot Counts
	for _, c := range out {
		tot.Gold += c.Gold
		tot.Predicted += c.Predicted
		tot.Correct += c.Correct
	}
	out[""] = tot
	return out
}

// ScoreTypes lists the entity types of a score table in order.
func ScoreTypes(s map[string]Counts) []string {
	var out []string
	for t := range s {
		if t != "" {
			out = append(out, t)
		}
	}
	sort.Strings(out)
	return out
}

// tagChunks reads entities off BIO tags as conlleval does: an I_ tag that does
// not continue an entity of its type starts a new one.
func tagChunks(tags []string) []chunk {
	var out []chunk
	typ := func(t string) string {
		if len(t) > 2 {
			return t[2:]
		}
		return ""
	}
	for i := 0; i < len(tags); i++ {
		ty := typ(tags[i])
		if ty == "" {
			continue
		}
		j := i + 1
		for j < len(tags) && tags[j][0] == 'I' && typ(tags[j]) == ty {
			j++
		}
		out = append(out, chunk{i, j, ty})
		i = j - 1
	}
	return out
}

type chunk struct {
	start, end int
	typ        string
}
