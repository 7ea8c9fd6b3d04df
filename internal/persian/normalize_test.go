package persian

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Arabic yeh and kaf (Fars News, 2008)",
			"ارائه خدمات بر خط بانكي در دفاتر ICT روستايي امكان پذير مي شود",
			"ارائه خدمات بر خط بانکی در دفاتر ICT روستایی امکان پذیر می‌شود"},
		{"digits to storage form",
			"در ۲۲ اوت ۲۰۲۵ (جمعه ۳۱ مرداد)", "در 22 اوت 2025 (جمعه 31 مرداد)"},
		{"Arabic-Indic digits", "سال ١٤٠٣", "سال 1403"},
		{"kashida and harakat dropped, tanvin kept",
			"قطعاً اســـلام دِین", "قطعاً اسلام دین"},
		{"space before Persian comma removed",
			"به گزارش خبرنگار اقتصادی خبرگزاری تسنیم ، اتصال", "به گزارش خبرنگار اقتصادی خبرگزاری تسنیم، اتصال"},
		{"comma glued to next word gets a space",
			"به گزارش همشهری‌آنلاین،روز گذشته", "به گزارش همشهری‌آنلاین، روز گذشته"},
		{"spaces inside guillemets",
			"نشست ادبی « معمار امنیت » برگزار شد", "نشست ادبی «معمار امنیت» برگزار شد"},
		{"space-for-ZWNJ affixes",
			"نشست های اخیر بزرگ ترین خانه ای که نمی شود",
			"نشست‌های اخیر بزرگ‌ترین خانه‌ای که نمی‌شود"},
		{"teh marbuta and heh-yeh", "دولة خانۀ", "دوله خانهٔ"},
		{"collapse spaces, keep newline", "دو  کشور \nسه", "دو کشور\nسه"},
		{"stray ZWNJs dropped, inner ones kept",
			"موتورسیکلت‌ها‌ و \u200cنشست‌\u200cها «‌سلام‌»", "موتورسیکلت‌ها و نشست‌ها «سلام»"},
		{"URL untouched", "سایت https://example.ir/a:b و", "سایت https://example.ir/a:b و"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q)\n got %q\n% x\nwant %q\n% x", tt.in, got, got, tt.want, tt.want)
			}
		})
	}
}

// TestNormalizeKeepsCorrectText runs Normalize over carefully edited text
// (the PerDT treebank sentences and recent agency articles) and checks that
// nothing but letter and digit forms change.
func TestNormalizeKeepsCorrectText(t *testing.T) {
	lines := readLines(t, "../../../shared/data/ud-perdt/perdt-dev.txt", 0)
	changed := 0
	for _, l := range lines {
		got := Normalize(l)
		want := fixSpacingFree(Letters(l))
		if got != want && Letters(got) != Letters(want) {
			changed++
			if changed <= 5 {
				t.Logf("changed:\n in  %q\n out %q", l, got)
			}
		}
	}
	// Spacing fixes apply to a few sloppy lines even in edited text; the
	// affix rules must not fire on correct text.
	if rate := float64(changed) / float64(len(lines)); rate > 0.02 {
		t.Errorf("%d of %d correct lines changed (%.1f%%)", changed, len(lines), 100*rate)
	}
}

// fixSpacingFree is the identity: correct text needs no spacing fixes. Kept as
// a function to name the intent in the check above.
func fixSpacingFree(s string) string { return s }

func readLines(t testing.TB, path string, limit int) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("shared data not available: %v", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			out = append(out, l)
		}
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	return out
}

func TestFold(t *testing.T) {
	same := [][]string{
		{"رئیس‌جمهور", "رئیس جمهور", "رئيس جمهور", "رییس جمهور"},
		{"كشورهاي", "کشورهای"},
		{"نشست‌های", "نشست های"},
		{"۱۴۰۴", "1404", "١٤٠٤"},
		{"BRICS", "brics", "Brics"},
		{"آسه‌آن", "اسه ان"},
		{"قطعاً", "قطعا"},
		{"مؤسسه", "موسسه"},
	}
	for _, group := range same {
		want := Fold(group[0])
		for _, s := range group[1:] {
			if got := Fold(s); got != want {
				t.Errorf("Fold(%q) = %q, want %q (as %q)", s, got, want, group[0])
			}
		}
	}
	if got := Fold("«سلام»، دنیا!"); got != "سلام دنیا" {
		t.Errorf("punctuation not dropped: %q", got)
	}
}

func TestPersianDigits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1404/06/14", "۱۴۰۴/۰۶/۱۴"},
		{"گروه خبری 1337", "گروه خبری ۱۳۳۷"},
		{"COVID-19 و G20", "COVID-19 و G20"},
		{"٣ نفر", "۳ نفر"},
	}
	for _, tt := range tests {
		if got := PersianDigits(tt.in); got != tt.want {
			t.Errorf("PersianDigits(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseJalali(t *testing.T) {
	// Every dated article in the 2025 agency sample must parse, and round-trip.
	f, err := os.Open("../../../shared/data/news-2025-4agencies/articles.jsonl")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 4<<20)
	n := 0
	for sc.Scan() {
		var v struct {
			DateRaw string `json:"date_raw"`
		}
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil || v.DateRaw == "" {
			continue
		}
		tm, clock, err := ParseJalali(v.DateRaw)
		if err != nil || !clock {
			t.Errorf("ParseJalali(%q): %v clock=%v", v.DateRaw, err, clock)
			continue
		}
		// «۱۴۰۴/۰۶/۱۴ - ۱۳:۳۰:۲۴» → 1404/06/14 13:30
		if !strings.Contains(v.DateRaw, "/") {
			n++
			continue // «۱۴ شهریور ۱۴۰۴ - ۱۲:۵۶»: checked by the table below
		}
		if got, want := FormatJalaliASCII(tm, true), ASCIIDigits(v.DateRaw)[:10]; !strings.HasPrefix(got, want) {
			t.Errorf("round trip %q → %q", v.DateRaw, got)
		}
		n++
	}
	if n < 50 {
		t.Errorf("only %d dates parsed", n)
	}
	tests := []struct{ in, utc string }{
		{"۱۴۰۴/۰۶/۱۴ - ۱۳:۳۰:۲۴", "2025-09-05T10:00:24Z"},
		{"۵ مرداد ۱۴۰۳", "2024-07-25T20:30:00Z"},
		{"۲۱:۳۰ - ۱۴۰۳/۰۵/۰۵", "2024-07-26T18:00:00Z"},
	}
	for _, tt := range tests {
		tm, _, err := ParseJalali(tt.in)
		if err != nil || tm.UTC().Format("2006-01-02T15:04:05Z") != tt.utc {
			t.Errorf("ParseJalali(%q) = %v, %v; want %s", tt.in, tm.UTC(), err, tt.utc)
		}
	}
	if _, _, err := ParseJalali("۱۴۰۴/۱۳/۴۰"); err == nil {
		t.Error("invalid date accepted")
	}
	if got := FormatJalali(mustParse(t, "2025-09-05T10:00:24Z"), true); got != "۱۴ شهریور ۱۴۰۴، ۱۳:۳۰" {
		t.Errorf("FormatJalali = %q", got)
	}
}

func BenchmarkNormalize(b *testing.B) {
	lines := readLines(b, "../../../shared/data/ud-perdt/perdt-test.txt", 0)
	text := strings.Join(lines, "\n")
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Normalize(text)
	}
}

func FuzzNormalize(f *testing.F) {
	f.Add("رئيسجمهور در نشست هاي اخير ، گفت «  تاس »")
	f.Add("https://x.ir/?a=1 #هشتگ 😀 \xff")
	f.Fuzz(func(t *testing.T, s string) {
		out := Normalize(s)
		// Normalizing twice changes nothing more.
		if again := Normalize(out); again != out {
			t.Fatalf("not idempotent:\n%q\n%q", out, again)
		}
	})
}

func mustParse(t *testing.T, s string) (tm time.Time) {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}
