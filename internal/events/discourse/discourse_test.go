package discourse

import (
	"strings"
	"testing"

	"khabar/internal/article"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"بهای طلا ۱.۳ درصد افزایش یافت. قیمت دلار ثابت ماند.", []string{"بهای طلا ۱.۳ درصد افزایش یافت.", "قیمت دلار ثابت ماند."}},
		{"قیمت 3.5 درصد بالا رفت", []string{"قیمت 3.5 درصد بالا رفت"}},
		// A quotation of several sentences stays in the sentence that introduces it.
		{"وزیر امور خارجه روسیه گفت: «سایر محافل نیز اهمیت دارند. موضع ما یکسان است.» لاوروف افزود.",
			[]string{"وزیر امور خارجه روسیه گفت: «سایر محافل نیز اهمیت دارند. موضع ما یکسان است.»", "لاوروف افزود."}},
		{"چرا به ایران برگشتم؟ برای مردم!", []string{"چرا به ایران برگشتم؟", "برای مردم!"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range splitSentences(tt.text) {
			got = append(got, tt.text[sp[0]:sp[1]])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("split %q\n got  %q\n want %q", tt.text, got, tt.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	s := "رئیس‌جمهور روسيه، «پوتين»"
	toks := Tokenize(s)
	var folds []string
	for _, tk := range toks {
		folds = append(folds, tk.Fold)
		if s[tk.Start:tk.End] == "" {
			t.Errorf("empty span for %q", tk.Fold)
		}
	}
	if got := strings.Join(folds, " "); got != "رییس جمهور روسیه پوتین" {
		t.Errorf("folds %q", got)
	}
	if toks[3].Punct != "،«" {
		t.Errorf("punctuation before «پوتین»: %q", toks[3].Punct)
	}
}

func TestTables(t *testing.T) {
	for _, tt := range []struct {
		s, iso  string
		capital bool
	}{{"چین", "CHN", false}, {"پکن", "CHN", true}, {"ایالات متحده آمریکا", "USA", false}, {"رژیم صهیونیستی", "ISR", false}, {"کشورمان", "IRN", false}} {
		iso, capital, ok := CountryCode(tt.s)
		if !ok || iso != tt.iso || capital != tt.capital {
			t.Errorf("CountryCode(%q) = %q %v %v", tt.s, iso, capital, ok)
		}
	}
	if _, _, ok := CountryCode("چینی"); ok {
		t.Error("a demonym is not a country name")
	}
	for s, want := range map[string]string{"سازمان ملل": "IGOUNO", "سازمان همکاری شانگهای": "IGOSCO", "بریکس": "IGOBRI", "حزب‌الله": "LBNREBHEZ"} {
		if got, _ := OrgCode(s); got != want {
			t.Errorf("OrgCode(%q) = %q, want %q", s, got, want)
		}
	}
	for s, want := range map[string]string{"وزارت امور خارجه چین": "GOV", "ارتش لبنان": "MIL", "مجلس عوام انگلیس": "LEG", "باغ ملی": ""} {
		if got := RoleOf(s); got != want {
			t.Errorf("RoleOf(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestLexicon(t *testing.T) {
	lx, err := ParseLexicon("test", "دیدار {KARD}\tA\nخواستار …15 {SHOD}\tB\nحمله\tC\n")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"دو وزیر دیدار خواهند کرد", "A"},
		{"دو وزیر دیدار کرده‌اند", "A"},
		{"دو وزیر دیدار نکردند", ""},
		{"دو وزیر دیدار نمی‌کنند", ""},
		{"لاوروف خواستار مقابله مشترک با دخالت‌ها در امور جنوب شرق آسیا با چین شد", "B"},
		{"حمله به لبنان", "C"},
	}
	for _, tt := range tests {
		s := &Sentence{Text: tt.text, Tokens: Tokenize(tt.text)}
		s.Clauses = clauses(s.Tokens)
		var got []string
		for _, m := range lx.Find(s, 0, len(s.Tokens)) {
			got = append(got, m.Entry.Fields[0])
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("%q: matched %q, want %q", tt.text, got, tt.want)
		}
	}
	for _, bad := range []string{"… دیدار\tX", "دیدار {NOPE}\tX", "دیدار …x کرد\tX", "لغو تحریم\u200cها\tX"} {
		if _, err := ParseLexicon("bad", bad); err == nil {
			t.Errorf("ParseLexicon(%q) accepted", bad)
		}
	}
}

// Titles, counterparts and pronouns resolve to the people named around them.
func TestRead(t *testing.T) {
	a := &article.Article{
		Title: "وزیر امور خارجه چین با همتای روسی خود دیدار کرد",
		Body: []string{
			"وانگ ایی، وزیر امور خارجه چین، در دیدار با سرگئی لاوروف گفت که کشورش آماده همکاری است. او افزود که پکن آماده است.",
		},
	}
	for _, e := range []article.Entity{
		{Text: "وانگ ایی", Type: "PER", ID: "wang-yi", Country: "CHN"},
		{Text: "سرگئی لاوروف", Type: "PER", ID: "sergey-lavrov", Country: "RUS"},
	} {
		i := strings.Index(a.Body[0], e.Text)
		e.Place = article.Place{Para: 0, Start: i, End: i + len(e.Text)}
		a.Entities = append(a.Entities, e)
	}
	ss := Read(a)
	var got []string
	for _, s := range ss {
		for _, m := range s.Mentions {
			got = append(got, s.slice(m.From, m.To)+"="+m.Actor.Code+"/"+m.Actor.ID+"/"+m.Prep)
		}
	}
	want := []string{
		"وزیر امور خارجه چین=CHNGOV/wang-yi/", // the lead's title, named in the body
		"همتای روسی خود=RUSGOV/sergey-lavrov/با",
		"وانگ ایی=CHNGOV/wang-yi/",
		"وزیر امور خارجه چین=CHNGOV/wang-yi/",
		"سرگئی لاوروف=RUSGOV/sergey-lavrov/با",
		"کشورش=CHN//",
		"او=CHNGOV/wang-yi/",
		"پکن=CHNGOV//",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("mentions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func FuzzRead(f *testing.F) {
	f.Add("«الف. ب»", "او گفت: «چین.» 3.5 .", 0, 4)
	f.Fuzz(func(t *testing.T, title, body string, start, end int) {
		a := &article.Article{Title: title, Body: []string{body}}
		if start >= 0 && end >= start && end <= len(body) {
			a.Entities = []article.Entity{{Text: body[start:end], Type: "ORG", Place: article.Place{Para: 0, Start: start, End: end}}}
		}
		for _, s := range Read(a) {
			text := body
			if s.Para == -2 {
				text = title
			}
			if s.Para == -1 {
				text = ""
			}
			if s.Start < 0 || s.End > len(text) || s.Start > s.End || text[s.Start:s.End] != s.Text {
				t.Fatalf("sentence %+v outside its text", s.Place)
			}
			for _, m := range s.Mentions {
				if m.From < 0 || m.To > len(s.Tokens) || m.From >= m.To {
					t.Fatalf("mention tokens %d..%d of %d", m.From, m.To, len(s.Tokens))
				}
			}
		}
	})
}
