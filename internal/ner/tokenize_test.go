package ner

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"khabar/internal/persian"
)

// Running text is cut as PEYMA cuts it: spaced ZWNJ words and fixed
// expressions joined, blessings and addresses whole, and nothing joined
// across a line break, a mark, a number or two words of their own.
func TestTokenizePEYMAConventions(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"روز سه شنبه تیم های ملی", []string{"روز", "سه شنبه", "تیم های", "ملی"}},
		{"بعد از ظهر امروز از جمله", []string{"بعد از ظهر", "امروز", "از جمله"}},
		// A ZWNJ word and a bound suffix after it: «برنامه‌ریزی ها».
		{"برنامه‌ریزی ها", []string{"برنامه‌ریزی ها"}},
		// «می رود» is a verb, not the river «رود» before «ژاپن».
		{"انتظار می رود ژاپن", []string{"انتظار", "می رود", "ژاپن"}},
		{"حسن روحانی", []string{"حسن", "روحانی"}},
		{"سه\nشنبه", []string{"سه", "شنبه"}},
		{"سه  شنبه", []string{"سه", "شنبه"}},
		{"سه، شنبه", []string{"سه", "،", "شنبه"}},
		// PEYMA keeps «...» whole, inside its sentence.
		{"و ... از جمله 5...", []string{"و", "...", "از جمله", "5", "..."}},
		{"حضرت زینب (س) و امام خمینی(ره)", []string{"حضرت", "زینب", "(س)", "و", "امام", "خمینی", "(ره)"}},
		{"سازمان ملل (UN) و (آسه‌آن)", []string{"سازمان", "ملل", "(", "UN", ")", "و", "(", "آسه‌آن", ")"}},
		{"انتخاب (Entekhab.ir): www.isba.ir.", []string{"انتخاب", "(", "Entekhab.ir", ")", ":", "www.isba.ir", "."}},
		{"newsroom@irna.ir و https://t.me/x/ و U.S. و e.g", []string{"newsroom@irna.ir", "و", "https://t.me/x/", "و", "U", ".", "S", ".", "و", "e", ".", "g"}},
		{"23,078 نفر و ۱۲٬۵۰۰ تن و 1,2", []string{"23,078", "نفر", "و", "۱۲٬۵۰۰", "تن", "و", "1", ",", "2"}},
	} {
		var got []string
		for _, tok := range tokenize(tc.in) {
			if tc.in[tok.Start:tok.End] != tok.Text || tok.Fold != foldToken(tok.Text) {
				t.Errorf("%q: token %q at %d:%d fold %q", tc.in, tok.Text, tok.Start, tok.End, tok.Fold)
			}
			got = append(got, tok.Text)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("tokenize(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

// A line break ends a sentence as a full stop does.
func TestCutSentences(t *testing.T) {
	text := "عنوان خبر\nعلی لاریجانی گفت. او به تهران آمد؟ بله\r\n\nپایان"
	sents, folded := cut(text)
	var got []string
	for i, s := range sents {
		var w []string
		for k, tok := range s {
			w = append(w, tok.Text)
			if folded[i][k] != tok.Fold {
				t.Errorf("fold %q of %q", folded[i][k], tok.Text)
			}
		}
		got = append(got, strings.Join(w, " "))
	}
	want := []string{"عنوان خبر", "علی لاریجانی گفت .", "او به تهران آمد ؟", "بله", "پایان"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if s, f := cut(""); len(s) != 0 || len(f) != 0 {
		t.Errorf("cut of nothing: %v", s)
	}
}

// joins.txt is what genjoins.go writes from PEYMA train now.
func TestJoinsTable(t *testing.T) {
	readData(t, "peyma/train.txt")
	train, err := ReadPEYMAFile(dataDir + "/peyma/train.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(BuildJoins(train), joinsText) {
		t.Error("joins.txt is stale: run `go generate` (go run genjoins.go) in internal/ner")
	}
	jt := defaultJoins()
	if len(jt.seqs) < 1000 || !jt.suffix["های"] || !jt.prefix["می"] || !jt.seqs["سه شنبه"] {
		t.Errorf("table: %d sequences, suffix های %v, prefix می %v", len(jt.seqs), jt.suffix["های"], jt.prefix["می"])
	}
	if _, err := readJoins([]byte("join تنها\n")); err == nil {
		t.Error("a one-word join accepted")
	}
	if _, err := readJoins([]byte("what\n")); err == nil {
		t.Error("a line of no kind accepted")
	}
}

// checkCut asserts what every cut must give: tokens in text order whose
// offsets give their text back, nothing between them but spaces, ZWNJs and
// bytes no token takes, no line break inside a token, and every token in
// exactly one sentence.
func checkCut(t *testing.T, text string) {
	t.Helper()
	sents, folded := cut(text)
	if len(sents) != len(folded) {
		t.Fatalf("%d sentences, %d folded", len(sents), len(folded))
	}
	last := 0
	for si, s := range sents {
		if len(s) == 0 || len(folded[si]) != len(s) {
			t.Fatalf("sentence %d: %d tokens, %d folds", si, len(s), len(folded[si]))
		}
		for _, tok := range s {
			if tok.Start < last || tok.End <= tok.Start || tok.End > len(text) || text[tok.Start:tok.End] != tok.Text {
				t.Fatalf("token %q at %d:%d after %d in %q", tok.Text, tok.Start, tok.End, last, text)
			}
			for _, r := range text[last:tok.Start] {
				if !(unicode.IsSpace(r) || unicode.IsControl(r) || r == persian.ZWNJ || r == persian.ZWJ || r == utf8.RuneError) {
					t.Fatalf("%q skipped before %q in %q", r, tok.Text, text)
				}
			}
			if strings.ContainsAny(tok.Text, "\n\r") {
				t.Fatalf("token %q spans a line break", tok.Text)
			}
			last = tok.End
		}
	}
	for _, r := range text[last:] {
		if !(unicode.IsSpace(r) || unicode.IsControl(r) || r == persian.ZWNJ || r == persian.ZWJ || r == utf8.RuneError) {
			t.Fatalf("%q skipped at the end of %q", r, text)
		}
	}
}

// Real Fars News paragraphs, as stored and normalized, cut cleanly; no
// entity the recognizer finds in them crosses a line.
func TestCutFars(t *testing.T) {
	raw := readData(t, "fars-news/fars-news-1.json")
	var arts []struct {
		Title      string   `json:"title"`
		Abstract   string   `json:"abstract"`
		Paragraphs []string `json:"paragraphs"`
	}
	if err := json.Unmarshal([]byte(raw), &arts); err != nil {
		t.Fatal(err)
	}
	m := Default()
	n := 0
	for _, a := range arts[:min(40, len(arts))] {
		text := strings.Join(append([]string{a.Title, a.Abstract}, a.Paragraphs...), "\n")
		for _, s := range []string{text, persian.Normalize(text)} {
			checkCut(t, s)
			for _, sp := range m.Recognize(s) {
				if strings.ContainsAny(s[sp.Start:sp.End], "\n\r") {
					t.Errorf("%s span %q crosses a line", sp.Type, s[sp.Start:sp.End])
				}
			}
			n += len(tokenize(s))
		}
	}
	if n == 0 {
		t.Error("no tokens")
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("روز سه شنبه تیم های ملی، بعد از ظهر\nحضرت زینب (س) (Entekhab.ir) 23,078")
	f.Add("newsroom@irna.ir https://t.me/x (ع (ره ( ) ۱۲٬۵۰۰, می")
	f.Add("\u200cسه\u00a0شنبه\u202fها\xff\xfe (")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		checkCut(t, s)
	})
}

// BenchmarkCut measures the tokenizer alone, a small share of Recognize.
func BenchmarkCut(b *testing.B) {
	text := readData(b, "seed-article.txt")
	ntok := len(tokenize(text))
	b.ResetTimer()
	for b.Loop() {
		cut(text)
	}
	b.ReportMetric(float64(ntok*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
