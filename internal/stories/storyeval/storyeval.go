// Package storyeval scores a clustering of articles into stories against
// hand-labelled groups: pairwise precision/recall/F1 over same-story pairs
// (which singletons cannot flatter) and B-cubed precision/recall/F1.
package storyeval

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"

	"khabar/internal/metrics"
)

// Label is one labelled article.
type Label struct {
	Group, Kind, ID, Title string
}

// ReadLabels reads the tab-separated gold file: group, kind, article id, title.
func ReadLabels(r io.Reader) ([]Label, error) {
	var out []Label
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("labels line %d: want group, kind, id", line)
		}
		l := Label{Group: f[0], Kind: f[1], ID: f[2]}
		if len(f) > 3 {
			l.Title = f[3]
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("labels: %w", err)
	}
	return out, nil
}

// Scores are the clustering metrics over a labelled set.
type Scores struct {
	Items                      int
	GoldPairs, PredPairs, Both int
	PairP, PairR, PairF1       float64
	BCubedP, BCubedR, BCubedF1 float64
}

// Score compares predicted story ids (by article id) with the gold groups,
// over the labelled articles only. An article with no prediction is its own story.
func Score(labels []Label, pred map[string]string) Scores {
	n := len(labels)
	s := Scores{Items: n}
	predOf := func(l Label) string {
		if p, ok := pred[l.ID]; ok {
			return p
		}
		return "unassigned:" + l.ID
	}
	goldSize := map[string]int{}
	predSize := map[string]int{}
	both := map[[2]string]int{}
	for _, l := range labels {
		p := predOf(l)
		goldSize[l.Group]++
		predSize[p]++
		both[[2]string{l.Group, p}]++
	}
	pairs := func(k int) int { return k * (k - 1) / 2 }
	for _, k := range goldSize {
		s.GoldPairs += pairs(k)
	}
	for _, k := range predSize {
		s.PredPairs += pairs(k)
	}
	for _, k := range both {
		s.Both += pairs(k)
	}
	s.PairP = metrics.Ratio(s.Both, s.PredPairs)
	s.PairR = metrics.Ratio(s.Both, s.GoldPairs)
	s.PairF1 = metrics.F1(s.PairP, s.PairR)
	// B-cubed: for each item, the share of its predicted cluster in its gold
	// group (precision) and of its gold group in its predicted cluster (recall).
	for _, l := range labels {
		p := predOf(l)
		c := float64(both[[2]string{l.Group, p}])
		s.BCubedP += c / float64(predSize[p])
		s.BCubedR += c / float64(goldSize[l.Group])
	}
	if n > 0 {
		s.BCubedP /= float64(n)
		s.BCubedR /= float64(n)
	}
	s.BCubedF1 = metrics.F1(s.BCubedP, s.BCubedR)
	return s
}

//go:embed gold/gold.tsv
var goldData string

// Gold returns the hand-labelled story groups (see gold/README.md).
func Gold() ([]Label, error) { return ReadLabels(strings.NewReader(goldData)) }
