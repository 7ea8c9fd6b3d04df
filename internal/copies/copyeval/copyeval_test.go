package copyeval

import (
	"testing"
	"time"

	"khabar/internal/article"
	"khabar/internal/copies"
	"khabar/internal/textdump"
)

func TestGenerateIsDeterministicAndDetected(t *testing.T) {
	body := []string{
		"به گزارش خبرگزاری تسنیم، وزیر امور خارجه چین در دیدار با سرگئی لاوروف اعلام کرد که پکن آماده ادامه همکاری با مسکو برای حفاظت از منافع ملی دو طرف است.",
		"او اشاره کرد که در مواجهه با شرایط بین‌المللی ناپایدار و پیچیده کنونی، چین آماده است با روسیه همکاری کند تا اهداف اولیه در راستای دوستی و حسن همجواری را حفظ کند.",
		"وی همچنین اشاره کرد که روابط چین و روسیه دارای اعتماد سیاسی متقابل قوی، هماهنگی استراتژیک عمیق و چشم‌اندازهای گسترده برای همکاری‌های سودآور است.",
		"سرگئی لاوروف نیز در دیدار با همتای چینی خود تأکید کرد که روسیه و چین باید به‌طور مشترک در برابر دخالت خارجی در امور جنوب شرق آسیا مقابله کنند.",
	}
	orig := &article.Article{ID: "o", Title: "تأکید چین بر همکاری با روسیه", Body: body, OriginalSource: "خبرگزاری تسنیم"}
	a, b := Generate([]*article.Article{orig}, 20, 9), Generate([]*article.Article{orig}, 20, 9)
	for i := range a {
		if string(TextDump(a[i].Article)) != string(TextDump(b[i].Article)) {
			t.Fatalf("copy %d differs between runs with one seed", i)
		}
	}
	if len(orig.Body) != 4 || orig.Body[0] != body[0] {
		t.Fatal("Generate changed the original")
	}
	ix := copies.NewIndex()
	ix.Add("o", time.Time{}, copies.Sign(orig.Body, orig.Lead))
	for _, c := range a {
		// Through the text-dump parser, as `khabar ingest` reads them.
		parsed, err := textdump.Parse(TextDump(c.Article))
		if err != nil {
			t.Fatalf("%v: %v", c.Transforms, err)
		}
		if m, _ := ix.Lookup(copies.Sign(parsed.Body, parsed.Lead)); m.CopyOf != "o" {
			t.Errorf("copy %v not detected: %+v", c.Transforms, m)
		}
	}
}
