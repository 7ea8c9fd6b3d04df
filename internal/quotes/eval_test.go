package quotes

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"io/fs"
	"strings"
	"testing"

	"khabar/internal/article"
	"khabar/internal/demo"
	"khabar/internal/events"
	"khabar/internal/events/discourse"
	"khabar/internal/persian"
	"khabar/internal/pipeline"
)

func TestSameSpeaker(t *testing.T) {
	ids := func(name string) string {
		if persian.Fold(name) == persian.Fold("سرگئی لاوروف") {
			return "sergey-lavrov"
		}
		return ""
	}
	tests := []struct {
		label string
		actor article.Actor
		want  bool
	}{
		{"سرگئی لاوروف", article.Actor{ID: "sergey-lavrov", Name: "لاوروف"}, true}, // same id
		{"لاوروف", article.Actor{Name: "سرگئی لاوروف"}, true},                      // tail of the name
		{"سرگئی لاوروف", article.Actor{Name: "لاوروف"}, false},                     // the label is longer than the name
		{"مجید تخت روانچی", article.Actor{Name: "مجید تخت روان‌چی"}, true},         // a ZWNJ inside a word
		{"محمود احمدی‌نژاد", article.Actor{Name: "محمود احمدی نژاد"}, true},        // spaced compound
		{"علی سلیمانی", article.Actor{Name: "سلیمانی"}, false},
		{"رضا رحمانی", article.Actor{Name: "غلامرضا رحمانی"}, false}, // a tail on a word boundary only
		{"بانک مرکزی", article.Actor{Code: "IRNGOV", Name: "بانک مرکزی"}, true},
		{"-", article.Actor{}, true},
		{"-", article.Actor{Name: "کشاورزان"}, false},
	}
	for _, tt := range tests {
		if got := SameSpeaker(tt.label, ids, tt.actor); got != tt.want {
			t.Errorf("SameSpeaker(%q, %+v) = %v, want %v", tt.label, tt.actor, got, tt.want)
		}
	}
}

func TestEvaluate(t *testing.T) {
	gold := `# a tiny synthetic set
dev	a1	وی گفت: امروز	علی رضایی	reported
dev	a1	گفت‌وگوی او با	-	-
dev	a1	رضایی افزود	علی رضایی	direct
test	b2	سخنگو اعلام کرد	-	reported
test	b2	سخنگو اعلام کرد	مریم احمدی	reported
`
	rows, err := ReadGold(strings.NewReader(gold))
	if err != nil {
		t.Fatal(err)
	}
	q := func(name string, direct bool) article.Quote {
		return article.Quote{Speaker: article.Actor{Name: name}, Direct: direct}
	}
	found := []Found{
		{"a1", "وی گفت: امروز هوا خوب است.", q("علی رضایی", false)},         // right
		{"a1", "گفت‌وگوی او با خبرنگار ما.", q("علی رضایی", false)},         // a quote where none is
		{"a1", "رضایی افزود: «فردا هم».", q("رضایی", true)},                 // found, speaker too short
		{"a1", "جمله‌ای که کسی برچسب نزد گفت: بله.", q("علی رضایی", false)}, // outside
		{"b2", "سخنگو اعلام کرد که ... و مریم احمدی گفت ...", q("مریم احمدی", false)},
		{"zz", "سخنگو اعلام کرد", q("x", false)}, // an article nobody labelled
	}
	res := Evaluate(rows, found, nil)
	want := map[string]Counts{
		"dev":  {Split: "dev", Sentences: 3, Gold: 2, Found: 3, Matched: 2, Speaker: 1, Kind: 2, Outside: 1},
		"test": {Split: "test", Sentences: 1, Gold: 2, Found: 1, Matched: 1, Speaker: 1, Kind: 1},
		"all":  {Split: "all", Sentences: 4, Gold: 4, Found: 4, Matched: 3, Speaker: 2, Kind: 3, Outside: 1},
	}
	for _, c := range res.Splits {
		if c != want[c.Split] {
			t.Errorf("%s: got %+v\nwant %+v", c.Split, c, want[c.Split])
		}
	}
	all := res.Splits[2]
	if p, r := all.Precision(), all.Recall(); p != 0.75 || r != 0.75 {
		t.Errorf("all: P %.2f R %.2f, want 0.75 0.75", p, r)
	}
	if a := all.SpeakerAccuracy(); a < 0.66 || a > 0.67 {
		t.Errorf("speaker accuracy %.3f, want 2/3", a)
	}
	// Sentences with a difference: the «گفت‌وگو» false alarm, the short
	// speaker, the missed second quote at b2, and the outside quote.
	if len(res.Errors) != 4 {
		t.Errorf("%d error entries, want 4:\n%s", len(res.Errors), strings.Join(res.Errors, "\n"))
	}
}

func TestReadGoldErrors(t *testing.T) {
	for _, bad := range []string{
		"dev\ta\tkey\tX\n",          // four fields
		"dev\ta\tkey\tX\tquoted\n",  // unknown kind
		"dev\ta\tkey\tعلی\t-\n",     // a speaker on a sentence without a quote
		"dev\ta\t\tعلی\treported\n", // no key
	} {
		if _, err := ReadGold(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadGold(%q): no error", bad)
		}
	}
}

// TestGold checks the labelled set against the bundled corpus it was drawn
// from: every article is there, every key begins exactly one of its
// sentences, and the split is the one the hash rule gives.
func TestGold(t *testing.T) {
	rows, err := Gold()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 150 {
		t.Fatalf("%d gold rows", len(rows))
	}
	want := map[string]bool{}
	for _, r := range rows {
		want[r.Article] = true
	}
	sents := map[string][]string{}
	p := &pipeline.Pipeline{Normalizer: persian.Normalizer{}}
	for _, name := range []string{"fars-news.jsonl.gz", "news-2025-4agencies.jsonl"} {
		data, err := fs.ReadFile(demo.Corpus(), name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if data, err = io.ReadAll(zr); err != nil {
				t.Fatal(err)
			}
		}
		for _, line := range bytes.Split(data, []byte("\n")) {
			id := lineID(line, want)
			if id == "" {
				continue
			}
			res, err := p.Parse(context.Background(), pipeline.Document{Path: strings.TrimSuffix(name, ".gz"), Data: line})
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range res.Articles {
				for _, s := range discourse.Read(a) {
					sents[id] = append(sents[id], events.MatchForm(s.Text))
				}
			}
		}
	}
	for _, r := range rows {
		ss, ok := sents[r.Article]
		if !ok {
			t.Errorf("article %s is not in the bundled corpus", r.Article)
			continue
		}
		n := 0
		for _, s := range ss {
			if strings.HasPrefix(s, events.MatchForm(r.Key)) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: key %q is in %d sentences", r.Article, r.Key, n)
		}
		split := "dev"
		if fnv32(r.Article)%2 == 1 {
			split = "test"
		}
		if r.Split != split {
			t.Errorf("%s: split %s, the hash says %s", r.Article, r.Split, split)
		}
	}
}

// lineID returns the id or link of a corpus JSON line when it is wanted.
func lineID(line []byte, want map[string]bool) string {
	for id := range want {
		if bytes.Contains(line, []byte(`"id": "`+id+`"`)) || bytes.Contains(line, []byte(`"link": "`+id+`"`)) {
			return id
		}
	}
	return ""
}

func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
