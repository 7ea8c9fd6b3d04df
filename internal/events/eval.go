package events

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strings"

	"khabar/internal/article"
	"khabar/internal/metrics"
	"khabar/internal/persian"
)

//go:embed testdata/gold.tsv
var goldTSV string

// GoldRow is one hand-labelled event (or, with Source "-", a sentence with
// none) from testdata/gold.tsv; the file's header says how it was labelled.
type GoldRow struct {
	Split, Article, Key  string
	Source, Target, Root string
	PLOVER               string
}

// Gold returns the embedded hand-labelled set.
func Gold() ([]GoldRow, error) { return ReadGold(strings.NewReader(goldTSV)) }

// ReadGold parses a gold file.
func ReadGold(r io.Reader) ([]GoldRow, error) {
	var rows []GoldRow
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			return nil, fmt.Errorf("gold line %d: want 7 tab-separated fields, got %d", n, len(f))
		}
		rows = append(rows, GoldRow{f[0], f[1], f[2], f[3], f[4], f[5], f[6]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	return rows, nil
}

// Score counts matches of predicted against gold items.
type Score struct{ TP, FP, FN int }

func (s Score) Precision() float64 { return metrics.Ratio(s.TP, s.TP+s.FP) }
func (s Score) Recall() float64    { return metrics.Ratio(s.TP, s.TP+s.FN) }
func (s Score) F1() float64        { return metrics.F1(s.Precision(), s.Recall()) }

// Result is the score of one split.
type Result struct {
	Split     string
	Sentences int
	// Strict compares (source code, target code, CAMEO root) exactly;
	// Country compares actors by country (or organization) only, so CHN and
	// CHNGOV agree; PLOVER compares the set of event types per sentence.
	Strict, Country, PLOVER Score
	// Misses lists, per sentence, what was expected and what was found.
	Misses []string
}

// Evaluate scores events found in the gold articles against the gold rows,
// per split ("dev", "test") and over both ("all"). An event belongs to a gold
// sentence when its evidence contains the sentence's key, both in MatchForm.
func Evaluate(rows []GoldRow, found []article.Event) []Result {
	type sent struct {
		split, key, text string
		gold             []GoldRow
	}
	var order []string
	sents := map[string]*sent{}
	for _, r := range rows {
		k := r.Split + "\x00" + r.Key
		s := sents[k]
		if s == nil {
			s = &sent{split: r.Split, key: MatchForm(r.Key), text: persian.Fold(r.Key)}
			sents[k] = s
			order = append(order, k)
		}
		if r.Source != "-" {
			s.gold = append(s.gold, r)
		}
	}
	folded := make([]string, len(found))
	for i, e := range found {
		folded[i] = MatchForm(e.Evidence)
	}
	res := map[string]*Result{"dev": {Split: "dev"}, "test": {Split: "test"}, "all": {Split: "all"}}
	for _, k := range order {
		s := sents[k]
		strictG, countryG, ploverG := map[string]bool{}, map[string]bool{}, map[string]bool{}
		for _, g := range s.gold {
			strictG[triple(g.Source, g.Target, g.Root)] = true
			countryG[triple(country(g.Source), country(g.Target), g.Root)] = true
			ploverG[g.PLOVER] = true
		}
		strictP, countryP, ploverP := map[string]bool{}, map[string]bool{}, map[string]bool{}
		for i, e := range found {
			if !strings.Contains(folded[i], s.key) {
				continue
			}
			tgt := e.Target.Code
			if tgt == "" {
				tgt = "-"
			}
			root := e.CAMEO
			if len(root) > 2 {
				root = root[:2]
			}
			strictP[triple(e.Source.Code, tgt, root)] = true
			countryP[triple(country(e.Source.Code), country(tgt), root)] = true
			ploverP[e.PLOVER] = true
		}
		for _, split := range []string{s.split, "all"} {
			r := res[split]
			if r == nil {
				continue
			}
			r.Sentences++
			add(&r.Strict, strictG, strictP)
			add(&r.Country, countryG, countryP)
			add(&r.PLOVER, ploverG, ploverP)
			if split == "all" && !sameSet(strictG, strictP) {
				r.Misses = append(r.Misses, fmt.Sprintf("[%s] %s…\n    gold:  %s\n    found: %s", s.split, firstWords(s.text, 8), keys(strictG), keys(strictP)))
			}
		}
	}
	return []Result{*res["dev"], *res["test"], *res["all"]}
}

// MatchForm is the form in which keys and evidence are compared: folded, with
// the spaces taken out, so ZWNJ restoration («گروهکهای» → «گروهک‌های», which
// folds to two words) does not hide a sentence from its key.
func MatchForm(s string) string { return strings.ReplaceAll(persian.Fold(s), " ", "") }

func triple(src, tgt, root string) string { return src + " → " + tgt + " " + root }

// country reduces an actor code to its country or organization: CHNGOV →
// CHN, IGOUNOSEC → IGOUNO, NGO stays NGO.
func country(code string) string {
	switch {
	case strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO"):
		if len(code) > 6 {
			return code[:6]
		}
		return code
	case len(code) > 3:
		return code[:3]
	}
	return code
}

func add(s *Score, gold, pred map[string]bool) {
	for k := range pred {
		if gold[k] {
			s.TP++
		} else {
			s.FP++
		}
	}
	for k := range gold {
		if !pred[k] {
			s.FN++
		}
	}
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func keys(m map[string]bool) string {
	if len(m) == 0 {
		return "(none)"
	}
	l := make([]string, 0, len(m))
	for k := range m {
		l = append(l, k)
	}
	sort.Strings(l)
	return strings.Join(l, "; ")
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}
