package entities

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"
)

// peymaSentence is one sentence of the PEYMA NER corpus with its gold spans.
type peymaSentence struct {
	text string
	gold []Span
}

// readPEYMA reads a PEYMA split (token|TAG per line, blank line between
// sentences) as sentences of tokens joined by single spaces.
func readPEYMA(t *testing.T, path string) []peymaSentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skip("PEYMA not found:", err)
	}
	defer f.Close()
	var out []peymaSentence
	var b strings.Builder
	var gold []Span
	cur := -1
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			if b.Len() > 0 {
				out = append(out, peymaSentence{b.String(), gold})
			}
			b.Reset()
			gold, cur = nil, -1
			continue
		}
		i := strings.LastIndex(line, "|")
		if i < 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		st := b.Len()
		b.WriteString(line[:i])
		switch tag := line[i+1:]; {
		case strings.HasPrefix(tag, "B_"):
			gold = append(gold, Span{Start: st, End: b.Len(), Type: tag[2:]})
			cur = len(gold) - 1
		case strings.HasPrefix(tag, "I_") && cur >= 0:
			gold[cur].End = b.Len()
		default:
			cur = -1
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPEYMAAgreement compares the gazetteer's name matches with PEYMA's
// hand annotation on its dev split. PEYMA marks an organization's whole name
// («شهرداری تهران») where the gazetteer finds the place inside it (the
// recognizer's span wins there in Link), and leaves epithets such as «مقام
// معظم رهبری» unmarked, so agreement is not precision; but a gazetteer name
// matched where PEYMA sees no entity at all is almost always a false
// positive («گروه 20 نفره» as the G20), and that rate must stay low.
func TestPEYMAAgreement(t *testing.T) {
	l := testLinker(t)
	sents := readPEYMA(t, "../../../shared/data/peyma/dev.txt")
	exact, nested, none, total := 0, 0, 0, 0
	for _, s := range sents {
		// PEYMA's news is from 2016–2018; titles are not counted here.
		for _, m := range l.Find(s.text, time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)) {
			if m.Kind != ByName {
				continue
			}
			total++
			hit := 0
			for _, g := range s.gold {
				switch {
				case m.Start == g.Start && m.End == g.End && g.Type == m.Record.Type:
					hit = 2
				case m.Start < g.End && g.Start < m.End:
					hit = max(hit, 1)
				}
			}
			switch hit {
			case 2:
				exact++
			case 1:
				nested++
			default:
				none++
				t.Logf("no PEYMA entity: %q (%s)", s.text[m.Start:m.End], m.Record.ID)
			}
		}
	}
	t.Logf("%d sentences, %d gazetteer names: %d exactly a PEYMA entity of the same type, %d overlapping one, %d outside any",
		len(sents), total, exact, nested, none)
	if total == 0 || float64(none)/float64(total) > 0.05 {
		t.Errorf("%d of %d gazetteer names fall outside every PEYMA entity (over 5%%)", none, total)
	}
}
