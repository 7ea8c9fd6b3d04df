package ner

import (
	"os"
	"strings"
	"testing"
)

const dataDir = "../../../shared/data"

func readData(t testing.TB, rel string) string {
	b, err := os.ReadFile(dataDir + "/" + rel)
	if err != nil {
		t.Skipf("shared data missing: %v", err)
	}
	return string(b)
}

func TestTokenize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"وانگ ایی، وزیر امور خارجه چین", []string{"وانگ", "ایی", "،", "وزیر", "امور", "خارجه", "چین"}},
		{"نشست‌های اتحادیه (آسه‌آن).", []string{"نشست‌های", "اتحادیه", "(", "آسه‌آن", ")", "."}},
		{"رشد ۱.۵ درصدی در ساعت 9:30 و سال‌های 1301-1395", []string{"رشد", "۱.۵", "درصدی", "در", "ساعت", "9:30", "و", "سال‌های", "1301-1395"}},
		{"«سایر محافل» گفت: ۲۰٪", []string{"«", "سایر", "محافل", "»", "گفت", ":", "۲۰", "٪"}},
		{"‌نیم‌فاصله‌ ", []string{"نیم‌فاصله"}},
		{"گروه خبری: 1337.", []string{"گروه", "خبری", ":", "1337", "."}},
	} {
		var got []string
		for _, tok := range tokenize(tc.in) {
			if tc.in[tok.Start:tok.End] != tok.Text {
				t.Errorf("%q: token %q at %d:%d", tc.in, tok.Text, tok.Start, tok.End)
			}
			got = append(got, tok.Text)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("tokenize(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestReadPEYMA(t *testing.T) {
	in := "به|O\nگزارش|O\nخبرگزاری|B_ORG\nمهر|I_ORG\n| |O\n\nروش های|O\n"
	s, err := ReadPEYMA(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 2 || len(s[0].Tokens) != 5 || s[0].Tokens[4] != "|" || s[1].Tokens[0] != "روش های" || s[0].Tags[3] != "I_ORG" {
		t.Fatalf("got %q", s)
	}
	if _, err := ReadPEYMA(strings.NewReader("word|X_PER\n")); err == nil {
		t.Error("bad tag accepted")
	}
}

func TestScore(t *testing.T) {
	gold := [][]string{{"B_PER", "I_PER", "O", "B_LOC", "O", "I_ORG"}}
	pred := [][]string{{"B_PER", "O", "O", "B_LOC", "O", "B_ORG"}}
	s := Score(gold, pred)
	for _, tc := range []struct {
		typ  string
		want Counts
	}{
		{"PER", Counts{Gold: 1, Predicted: 1, Correct: 0}},
		{"LOC", Counts{Gold: 1, Predicted: 1, Correct: 1}},
		// conlleval: an I_ after O starts an entity, which matches B_ORG there.
		{"ORG", Counts{Gold: 1, Predicted: 1, Correct: 1}},
		{"", Counts{Gold: 3, Predicted: 3, Correct: 2}},
	} {
		if s[tc.typ] != tc.want {
			t.Errorf("%q: got %+v want %+v", tc.typ, s[tc.typ], tc.want)
		}
	}
}

// TestRecognizeSeed checks the names in the seed article, in the repaired form
// the pipeline gives the tagger (ZWNJ restored by hand here).
func TestRecognizeSeed(t *testing.T) {
	m := Default()
	for _, tc := range []struct {
		text string
		want []string // "TYPE text"
	}{
		{
			"به گزارش وبانگاه به نقل از گروه بین‌الملل خبرگزاری تسنیم به نقل از خبرگزاری «تاس»، وانگ ایی، وزیر امور خارجه چین، شب گذشته در دیدار با همتای روسی خود، سرگئی لاوروف، در حاشیه نشست‌های اتحادیه کشورهای جنوب شرق آسیا (آسه‌آن)، تاکید کرد که کشورش آماده همکاری با روسیه برای حفاظت از منافع اصلی دو کشور است.",
			// PEYMA tags a ministry inside a title as ORG («وزیر امور خارجه
			// فرانسه» → ORG «امور خارجه فرانسه»), and so does the model.
			[]string{"ORG خبرگزاری تسنیم", "PER وانگ ایی", "ORG امور خارجه چین", "PER سرگئی لاوروف", "LOC روسیه"},
		},
		{
			"وی همچنین اشاره کرد که روابط چین و روسیه دارای اعتماد سیاسی متقابل قوی است.",
			[]string{"LOC چین", "LOC روسیه"},
		},
		{
			"لاوروف همچنین یادآور شد که ولادیمیر پوتین، رئیس‌جمهور روسیه، و شی جین‌پینگ، رئیس‌جمهور چین، همواره به این موضوعات توجه داشته‌اند.",
			[]string{"PER ولادیمیر پوتین", "LOC روسیه", "LOC چین"},
		},
	} {
		found := map[string]bool{}
		for _, s := range m.Recognize(tc.text) {
			found[s.Type+" "+tc.text[s.Start:s.End]] = true
		}
		for _, w := range tc.want {
			if !found[w] {
				t.Errorf("%s not found in %q; found %v", w, tc.text, found)
			}
		}
	}
}

func TestTag(t *testing.T) {
	m := Default()
	got := m.Tag([]string{"سعید", "پورعلی", "معاون", "فرهنگی", "جهاد", "دانشگاهی", "کشور"})
	want := []string{"B_PER", "I_PER", "O", "O", "B_ORG", "I_ORG", "I_ORG"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v want %v", got, want)
	}
	if got := m.Tag(nil); len(got) != 0 {
		t.Errorf("Tag(nil) = %v", got)
	}
}

// TestDevFloor scores the embedded model on PEYMA dev. The shipped model is
// trained on train and dev (features and epochs were chosen on dev with a
// train-only model, `go run gen.go -with-dev=false -dev`), so it must fit dev
// well; a broken build or a feature that is extracted differently in
// training and tagging shows up as a drop.
func TestDevFloor(t *testing.T) {
	readData(t, "peyma/dev.txt")
	dev, err := ReadPEYMAFile(dataDir + "/peyma/dev.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := Score(goldTags(dev), Default().tagAll(dev))[""]
	t.Logf("dev: P %.4f R %.4f F1 %.4f", s.Precision(), s.Recall(), s.F1())
	if s.F1() < 0.90 {
		t.Errorf("dev F1 %.4f below the 0.90 floor of a model trained on dev", s.F1())
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := Default()
	var buf strings.Builder
	if err := writeModel(&buf, m); err != nil {
		t.Fatal(err)
	}
	if buf.String() != string(embedded) {
		t.Error("writing the loaded model does not give the embedded bytes back")
	}
	if _, err := Load(strings.NewReader("not gzip")); err == nil {
		t.Error("garbage accepted")
	}
}

func FuzzRecognize(f *testing.F) {
	f.Add("وانگ ایی، وزیر امور خارجه چین، با سرگئی لاوروف دیدار کرد.")
	f.Add("در ۱۲ مرداد ۱۴۰۴ ساعت 9:30 قیمت ۲۰٪ و 1.5 میلیون ریال شد")
	f.Add("\u200c\u200cآسه\u200cآن\u200c«»\xff\xfe")
	f.Add("")
	m := Default()
	f.Fuzz(func(t *testing.T, s string) {
		// Rune boundaries as range decodes them (a stray byte is one rune).
		bound := map[int]bool{len(s): true}
		for i := range s {
			bound[i] = true
		}
		last := 0
		for _, sp := range m.Recognize(s) {
			if sp.Start < last || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %+v after %d in %q", sp, last, s)
			}
			if !bound[sp.Start] || !bound[sp.End] {
				t.Fatalf("span %+v not on rune boundaries in %q", sp, s)
			}
			if sp.Type == "" {
				t.Fatalf("span without type %+v", sp)
			}
			last = sp.End
		}
	})
}

func BenchmarkRecognize(b *testing.B) {
	text := readData(b, "seed-article.txt")
	m := Default()
	ntok := len(tokenize(text))
	b.ResetTimer()
	for b.Loop() {
		m.Recognize(text)
	}
	b.ReportMetric(float64(ntok*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(strings.NewReader(string(embedded))); err != nil {
			b.Fatal(err)
		}
	}
}
