package textdump

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"reflect"
	"strings"
	"testing"

	"khabar/internal/article"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestSeedGolden(t *testing.T) {
	data, err := os.ReadFile("testdata/seed-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if a.Raw != string(data) {
		t.Error("raw text not kept verbatim")
	}
	if want := "تاکید چین بر همکاری با روسیه در جهت منافع ملی دو کشور"; a.Title != want {
		t.Errorf("title = %q", a.Title)
	}
	if !strings.HasPrefix(a.Lead, "وزیر امور خارجه چین در دیدار با سرگئی لاوروف") || strings.HasSuffix(a.Lead, "|") {
		t.Errorf("lead = %q", a.Lead)
	}
	for _, p := range a.Body {
		if p == a.Title {
			t.Error("title repeated in body")
		}
		for _, junk := range []string{"انتهای پیام", "|", "©", "گروه خبری"} {
			if strings.Contains(p, junk) {
				t.Errorf("body keeps %q: %q", junk, p)
			}
		}
	}
	wantChain := []article.Attribution{{Name: "وبانگاه"}, {Name: "خبرگزاری تسنیم", Desk: "گروه بین الملل"}, {Name: "خبرگزاری تاس"}}
	if !reflect.DeepEqual(a.Attribution, wantChain) {
		t.Errorf("attribution = %q", a.Attribution)
	}
	if a.Publisher != "وبانگاه" || a.OriginalSource != "خبرگزاری تاس" || a.NewsGroup != "1337" || a.Copyright != "خبرگزاری تسنیم" {
		t.Errorf("publisher %q original %q group %q copyright %q", a.Publisher, a.OriginalSource, a.NewsGroup, a.Copyright)
	}
	if want := []string{"لاوروف خواستار مقابله مشترک با دخالتها در امور جنوب شرق آسیا با چین شد"}; !reflect.DeepEqual(a.Subheadings, want) {
		t.Errorf("subheadings = %q", a.Subheadings)
	}
	if len(a.Body) != 8 {
		t.Errorf("%d body paragraphs, want 8", len(a.Body))
	}
	golden(t, "testdata/seed.golden.json", a)
}

func golden(t *testing.T, path string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from output:\n%s", path, got)
	}
}

func TestVariants(t *testing.T) {
	tests := []struct {
		name, in                 string
		title, lead, group, copy string
		chain                    []article.Attribution
		body                     int
		jalali                   string
	}{
		{
			name:  "no lead, end marker with slash first, date line",
			in:    "افزایش قیمت طلا در بازار تهران\n۱۴۰۴/۰۶/۱۴ - ۱۳:۳۰:۲۴\nبه گزارش خبرگزاری مهر، قیمت طلا امروز افزایش یافت و سکه امامی به ۸۵ میلیون تومان رسید.\nکارشناسان بازار می‌گویند این روند ادامه دارد.\n/انتهای پیام",
			title: "افزایش قیمت طلا در بازار تهران", chain: []article.Attribution{{Name: "خبرگزاری مهر"}}, body: 2,
			jalali: "1404/06/14 13:30",
		},
		{
			name:  "lead without pipe, «انتهای خبر», reported-by form",
			in:    "توافق تازه در مذاکرات\nدو طرف بر سر متن نهایی به توافق رسیدند.\nخبرگزاری رویترز گزارش داد که دو طرف بر سر متن نهایی به توافق رسیدند.\nجزئیات توافق هنوز منتشر نشده است.\nانتهای خبر",
			title: "توافق تازه در مذاکرات", lead: "دو طرف بر سر متن نهایی به توافق رسیدند.",
			chain: []article.Attribution{{Name: "خبرگزاری رویترز"}}, body: 2,
		},
		{
			name:  "marker glued to the last paragraph, word date",
			in:    "نشست خبری سخنگوی دولت\n۵ مرداد ۱۴۰۳\nبه نقل از ایسنا، سخنگوی دولت امروز به پرسش‌ها پاسخ داد.انتهای پیام/",
			title: "نشست خبری سخنگوی دولت", chain: []article.Attribution{{Name: "خبرگزاری ایسنا"}}, body: 1,
			jalali: "1403/05/05",
		},
		{
			name:  "only a title",
			in:    "عنوان تنها",
			title: "عنوان تنها", chain: nil, body: 0,
		},
		{
			name:  "copyright sentence and news id",
			in:    "خبر آزمایشی\nمتن خبر اینجاست.\nکد خبر: ۱۲۳۴۵\nکلیه حقوق این سایت متعلق به خبرگزاری فارس است.",
			title: "خبر آزمایشی", copy: "خبرگزاری فارس", body: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || a.Lead != tt.lead {
				t.Errorf("title %q lead %q", a.Title, a.Lead)
			}
			if len(a.Body) != tt.body {
				t.Errorf("body = %q, want %d paragraphs", a.Body, tt.body)
			}
			if !reflect.DeepEqual(a.Attribution, tt.chain) {
				t.Errorf("chain = %q want %q", a.Attribution, tt.chain)
			}
			if a.Copyright != tt.copy || a.NewsGroup != tt.group {
				t.Errorf("copyright %q group %q", a.Copyright, a.NewsGroup)
			}
			got := ""
			if a.Published != nil {
				got = a.Published.JalaliASCII()
			}
			if got != tt.jalali {
				t.Errorf("published = %q, want %q", got, tt.jalali)
			}
			for _, p := range a.Body {
				if strings.Contains(p, "انتهای") {
					t.Errorf("end marker left in %q", p)
				}
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"blank", []byte(" \n\t\n"), ErrEmpty},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrBinary},
		{"too large", make([]byte, MaxSize+1), ErrTooLarge},
		{"licence", []byte("MIT License\n\nCopyright (c) 2025 Farzad Jannati\n\nPermission is hereby granted, free of charge"), ErrNotPersian},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse(tt.in); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	// Persian with Latin names and a URL is still Persian.
	if _, err := Parse([]byte("دیدار Sergey Lavrov و Wang Yi\nبه گزارش TASS از https://tass.com/politics، لاوروف و وانگ ایی در کوالالامپور دیدار کردند.")); err != nil {
		t.Errorf("mixed-script article rejected: %v", err)
	}
	// A few invalid bytes inside Persian text: parsed, bytes kept in Raw.
	in := []byte("عنوان خبر\nمتن \xff\xfe خبر.")
	a, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	if a.Raw != string(in) || !strings.Contains(a.Body[0]+a.Lead, "\uFFFD") {
		t.Errorf("invalid UTF-8 not replaced: %+v", a)
	}
}

func FuzzParse(f *testing.F) {
	seed, _ := os.ReadFile("testdata/seed-article.txt")
	f.Add(seed)
	f.Add([]byte("عنوان\nلید |\nبه گزارش فارس، متن.\nانتهای پیام/\nگروه خبری: 12 |\n© | فارس |"))
	f.Add([]byte("\xff\xfe\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse(data)
		if err != nil {
			return
		}
		if a.Title == "" || a.Raw != string(data) || a.ID == "" {
			t.Fatalf("bad article %+v", a)
		}
	})
}
