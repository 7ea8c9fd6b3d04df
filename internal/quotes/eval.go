package quotes

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strings"

	"khabar/internal/article"
	"khabar/internal/events"
	"khabar/internal/events/discourse"
	"khabar/internal/metrics"
	"khabar/internal/persian"
)

//go:embed testdata/gold.tsv
var goldTSV string

// GoldRow is one hand-labelled quote — or, with Kind "-", a sentence where
// none should be found — from testdata/gold.tsv; the file's header says how
// the sentences were chosen and labelled.
type GoldRow struct {
	Split, Article, Key string
	// Speaker is the name a reader would give, "-" when none can be named.
	Speaker string
	// Kind is "direct", "reported" or "-".
	Kind string
}

// Gold returns the embedded hand-labelled set.
func Gold() ([]GoldRow, error) { return ReadGold(strings.NewReader(goldTSV)) }

// ReadGold parses a gold file.
func ReadGold(r io.Reader) ([]GoldRow, error) {
	var rows []GoldRow
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("quotes gold line %d: want 5 tab-separated fields, got %d", n, len(f))
		}
		switch f[4] {
		case "direct", "reported", "-":
		default:
			return nil, fmt.Errorf("quotes gold line %d: kind %q is not direct, reported or -", n, f[4])
		}
		if f[4] == "-" && f[3] != "-" {
			return nil, fmt.Errorf("quotes gold line %d: a sentence without a quote has no speaker", n)
		}
		if f[2] == "" {
			return nil, fmt.Errorf("quotes gold line %d: empty sentence key", n)
		}
		rows = append(rows, GoldRow{f[0], f[1], f[2], f[3], f[4]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read quotes gold: %w", err)
	}
	return rows, nil
}

// Found is a quote the system found, with the sentence it was found in.
type Found struct {
	Article  string // the article's id, or its URL for articles keyed by link
	Sentence string
	Quote    article.Quote
}

// Located pairs each of the article's Quotes with its sentence, as
// internal/events/discourse splits the article (the split quotes.Find works
// on). id names the article in the result.
func Located(id string, a *article.Article) []Found {
	ss := discourse.Read(a)
	out := make([]Found, 0, len(a.Quotes))
	for _, q := range a.Quotes {
		f := Found{Article: id, Quote: q}
		for i := range ss {
			s := &ss[i]
			if s.Para == q.Para && q.Start >= s.Start && q.Start < s.Start+len(s.Text) {
				f.Sentence = s.Text
				break
			}
		}
		out = append(out, f)
	}
	return out
}

// Counts is the score of one split.
type Counts struct {
	Split string `json:"split"`
	// Sentences labelled, quotes labelled (kind not "-"), quotes found in
	// the labelled sentences.
	Sentences int `json:"sentences"`
	Gold      int `json:"gold"`
	Found     int `json:"found"`
	// Matched is the number of labelled quotes paired one-to-one with a
	// quote found at their sentence; Speaker how many of those have the
	// labelled speaker; Kind how many agree on direct/reported.
	Matched int `json:"matched"`
	Speaker int `json:"speaker"`
	Kind    int `json:"kind"`
	// Outside counts quotes found in the split's articles at sentences
	// nobody labelled (the selection caps sentences per article, so these
	// are not scored).
	Outside int `json:"outside"`
}

func (c Counts) Precision() float64 { return metrics.Ratio(c.Matched, c.Found) }
func (c Counts) Recall() float64    { return metrics.Ratio(c.Matched, c.Gold) }
func (c Counts) F1() float64        { return metrics.F1(c.Precision(), c.Recall()) }

// SpeakerAccuracy is the share of matched quotes with the right speaker.
func (c Counts) SpeakerAccuracy() float64 { return metrics.Ratio(c.Speaker, c.Matched) }

// Correct is the share of labelled quotes found with the right speaker: the
// end-to-end measure.
func (c Counts) Correct() float64 { return metrics.Ratio(c.Speaker, c.Gold) }

// Result is the score per split ("dev", "test", "all") and, for --errors,
// the sentences where found and labelled quotes differ.
type Result struct {
	Splits []Counts
	Errors []string
}

// Evaluate scores the quotes found in the gold articles against the gold
// rows. idOf gives the canonical entity id of a labelled speaker name, ""
// when it has none (nil: compare names only).
func Evaluate(rows []GoldRow, found []Found, idOf func(string) string) Result {
	type sent struct {
		split, article, key, text string
		gold                      []GoldRow
	}
	var order []string
	sents := map[string]*sent{}
	split := map[string]string{}
	for _, r := range rows {
		split[r.Article] = r.Split
		k := r.Article + "\x00" + r.Key
		s := sents[k]
		if s == nil {
			s = &sent{split: r.Split, article: r.Article, key: events.MatchForm(r.Key), text: r.Key}
			sents[k] = s
			order = append(order, k)
		}
		if r.Kind != "-" {
			s.gold = append(s.gold, r)
		}
	}
	forms := make([]string, len(found))
	used := make([]bool, len(found))
	for i, f := range found {
		forms[i] = events.MatchForm(f.Sentence)
	}
	res := map[string]*Counts{"dev": {Split: "dev"}, "test": {Split: "test"}, "all": {Split: "all"}}
	var errs []string
	for _, k := range order {
		s := sents[k]
		var at []int
		for i, f := range found {
			if f.Article == s.article && f.Sentence != "" && strings.HasPrefix(forms[i], s.key) {
				at = append(at, i)
				used[i] = true
			}
		}
		// Pair gold and found one-to-one, right speakers first, so a
		// sentence with two quotes is not scored by the order of finding.
		taken := make([]bool, len(at))
		paired := make([]int, len(s.gold))
		for g := range paired {
			paired[g] = -1
		}
		for pass := 0; pass < 2; pass++ {
			for g, gr := range s.gold {
				if paired[g] >= 0 {
					continue
				}
				for j, i := range at {
					if taken[j] || (pass == 0 && !SameSpeaker(gr.Speaker, idOf, found[i].Quote.Speaker)) {
						continue
					}
					taken[j], paired[g] = true, i
					break
				}
			}
		}
		var c Counts
		c.Sentences, c.Gold, c.Found = 1, len(s.gold), len(at)
		wrong := false
		for g, i := range paired {
			if i < 0 {
				wrong = true
				continue
			}
			c.Matched++
			q := found[i].Quote
			if SameSpeaker(s.gold[g].Speaker, idOf, q.Speaker) {
				c.Speaker++
			} else {
				wrong = true
			}
			if q.Direct == (s.gold[g].Kind == "direct") {
				c.Kind++
			}
		}
		if c.Found > c.Matched {
			wrong = true
		}
		for _, sp := range []string{s.split, "all"} {
			if r := res[sp]; r != nil {
				r.add(c)
			}
		}
		if wrong {
			errs = append(errs, describe(s.split, s.article, s.text, s.gold, found, at))
		}
	}
	for i, f := range found {
		if used[i] {
			continue
		}
		sp, ok := split[f.Article]
		if !ok {
			continue
		}
		for _, name := range []string{sp, "all"} {
			if r := res[name]; r != nil {
				r.Outside++
			}
		}
		errs = append(errs, fmt.Sprintf("[%s] %s (unlabelled sentence)\n    %s…\n    found: %s (%s)",
			sp, f.Article, firstWords(f.Sentence, 10), speakerName(f.Quote.Speaker), f.Quote.Verb))
	}
	return Result{Splits: []Counts{*res["dev"], *res["test"], *res["all"]}, Errors: errs}
}

func (c *Counts) add(d Counts) {
	c.Sentences += d.Sentences
	c.Gold += d.Gold
	c.Found += d.Found
	c.Matched += d.Matched
	c.Speaker += d.Speaker
	c.Kind += d.Kind
}

// SameSpeaker reports whether a found speaker is the labelled one: the same
// entity id when the label has one in the gazetteer and the speaker is
// linked, else the same name after persian.Fold, the label also matching
// the tail of the resolved name («لاوروف» is «سرگئی لاوروف»). A label «-»
// matches a speaker with neither id nor name.
func SameSpeaker(label string, idOf func(string) string, a article.Actor) bool {
	if label == "-" {
		return a.ID == "" && a.Name == ""
	}
	if idOf != nil && a.ID != "" {
		if id := idOf(label); id != "" && id == a.ID {
			return true
		}
	}
	l, n := strings.Join(words(label), ""), words(a.Name)
	if l == "" {
		return false
	}
	// Compared without spaces, so a ZWNJ or space inside a word («روان‌چی»,
	// «احمدی نژاد») does not count, but only from a word start on.
	for k := range n {
		if strings.Join(n[k:], "") == l {
			return true
		}
	}
	return false
}

// words folds a name and splits it into words, ZWNJ compounds and spaced
// compounds alike («احمدی‌نژاد», «احمدی نژاد»).
func words(s string) []string {
	return strings.Fields(strings.ReplaceAll(persian.Fold(s), "\u200c", " "))
}

func describe(split, art, key string, gold []GoldRow, found []Found, at []int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "[%s] %s\n    %s…\n", split, art, key)
	var g []string
	for _, r := range gold {
		g = append(g, r.Speaker+" ("+r.Kind+")")
	}
	if len(g) == 0 {
		g = []string{"(no quote)"}
	}
	fmt.Fprintf(&b, "    gold:  %s\n", strings.Join(g, "; "))
	var f []string
	for _, i := range at {
		q := found[i].Quote
		kind := "reported"
		if q.Direct {
			kind = "direct"
		}
		f = append(f, fmt.Sprintf("%s [%s %s] (%s, %s)", speakerName(q.Speaker), q.Speaker.Code, q.Speaker.ID, kind, q.Verb))
	}
	sort.Strings(f)
	if len(f) == 0 {
		f = []string{"(none)"}
	}
	fmt.Fprintf(&b, "    found: %s", strings.Join(f, "; "))
	return b.String()
}

func speakerName(a article.Actor) string {
	if a.Name != "" {
		return a.Name
	}
	return "-"
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}
