package copies

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"khabar/internal/persian"
)

// seedBody reads the body of the seed article (a Webangah copy of Tasnim),
// skipping its title, lead and trailer lines.
func seedBody(t testing.TB) []string {
	data, err := os.ReadFile("../../../shared/data/seed-article.txt")
	if err != nil {
		t.Skip("shared data missing:", err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	return lines[3 : len(lines)-3]
}

func TestContentStripsAttributionAndTrailers(t *testing.T) {
	body := seedBody(t)
	base := Sign(body, "")
	if base.Exact == 0 || !base.Near() {
		t.Fatalf("seed article too short? %+v", base)
	}
	first := strings.TrimPrefix(body[0], "به گزارش وبانگاه به نقل از گروه بین الملل خبرگزاری تسنیم به نقل از خبرگزاری «تاس»، ")
	if first == body[0] {
		t.Fatal("seed text changed: attribution prefix not found")
	}
	tests := []struct {
		name string
		edit func([]string) []string
	}{
		{"other aggregator", func(b []string) []string {
			b[0] = "به گزارش خبرفوری به نقل از تسنیم، " + first
			return b
		}},
		{"no attribution", func(b []string) []string { b[0] = first; return b }},
		{"dateline", func(b []string) []string { b[0] = "مسکو- " + "به گزارش تسنیم، " + first; return b }},
		{"trailers", func(b []string) []string {
			return append(b, "انتهای پیام/", "گروه خبری: 1337 |", "© | خبرگزاری تسنیم |")
		}},
		{"arabic letters", func(b []string) []string { return mapAll(b, strings.NewReplacer("ی", "ي", "ک", "ك").Replace) }},
		{"persian digits", func(b []string) []string { return mapAll(b, strings.NewReplacer("1", "۱", "2", "۲").Replace) }},
		{"zwnj as space", func(b []string) []string { return mapAll(b, strings.NewReplacer("\u200c", " ").Replace) }},
		{"spaces in words", func(b []string) []string {
			return mapAll(b, strings.NewReplacer("بینالمللی", "بین المللی", "رئیسجمهور", "رئیس‌جمهور").Replace)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sign(tt.edit(append([]string(nil), body...)), "")
			if got.Exact != base.Exact {
				t.Errorf("fingerprint %x, want %x (same text)", got.Exact, base.Exact)
			}
		})
	}
}

func mapAll(b []string, f func(string) string) []string {
	for i := range b {
		b[i] = f(b[i])
	}
	return b
}

func TestNearCopies(t *testing.T) {
	body := seedBody(t)
	tests := []struct {
		name string
		body []string
	}{
		{"first half", body[:(len(body)+1)/2]},
		{"dropped paragraph", append(append([]string{}, body[:2]...), body[3:]...)},
		{"reordered", append([]string{body[0], body[3], body[2], body[1]}, body[4:]...)},
		{"appended paragraph", append(append([]string{}, body...), "این خبر در حال تکمیل است و جزئیات بیشتری از این دیدار در ساعات آینده منتشر خواهد شد.")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewIndex()
			ix.Add("orig", time.Time{}, Sign(body, ""))
			m := ix.Add("copy", time.Time{}, Sign(tt.body, ""))
			if m.CopyOf != "orig" || m.Similarity < DefaultMinContainment {
				t.Errorf("got %+v, want a copy of orig", m)
			}
		})
	}
}

func TestShortAndBoilerplateNeverMatch(t *testing.T) {
	tests := []struct {
		name string
		a, b []string
	}{
		{"title only", nil, nil},
		{"boilerplate pages", []string{"انتهای پیام/", "گروه خبری: 1337 |"}, []string{"انتهای پیام/", "© | وبانگاه |"}},
		{"attribution only", []string{"به گزارش خبرگزاری فارس،"}, []string{"به گزارش خبرگزاری فارس،"}},
		{"short different items", []string{"قیمت طلا امروز کاهش یافت."}, []string{"قیمت طلا امروز افزایش یافت."}},
		{"short vs long", []string{"وزیر امور خارجه چین در دیدار با سرگئی لاوروف سخن گفت."}, seedBodyOr(t)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewIndex()
			ix.Add("a", time.Time{}, Sign(tt.a, ""))
			if m := ix.Add("b", time.Time{}, Sign(tt.b, "")); m.CopyOf != "" {
				t.Errorf("unrelated or empty items matched: %+v", m)
			}
		})
	}
}

func seedBodyOr(t *testing.T) []string {
	data, err := os.ReadFile("../../../shared/data/seed-article.txt")
	if err != nil {
		return []string{strings.Repeat("متن بلند و بی‌ربط درباره موضوعی دیگر. ", 20)}
	}
	lines := strings.Split(string(data), "\n")
	return lines[3:8]
}

func TestEarlierVersionSupersedes(t *testing.T) {
	body := seedBody(t)
	ix := NewIndex()
	t0 := time.Date(2025, 7, 10, 12, 0, 0, 0, time.UTC)
	ix.Add("late", t0.Add(2*time.Hour), Sign(body, ""))
	m := ix.Add("early", t0, Sign(body[:5], ""))
	if m.Supersedes != "late" || m.CopyOf != "" {
		t.Fatalf("got %+v, want early to supersede late", m)
	}
	if m := ix.Add("third", t0.Add(3*time.Hour), Sign(body, "")); m.CopyOf != "early" {
		t.Errorf("third copy: got %+v, want copy of early", m)
	}
	if m := ix.Add("late", time.Time{}, Signature{}); m.CopyOf != "early" {
		t.Errorf("re-adding late: got %+v, want copy of early", m)
	}
}

// TestManyCopiesStayCheap adds thousands of copies of one text: each must
// cost about as much as the first, since copies never enter the buckets.
func TestManyCopiesStayCheap(t *testing.T) {
	body := seedBody(t)
	ix := NewIndex()
	sig := Sign(body, "")
	ix.Add("orig", time.Time{}, sig)
	half := Sign(body[:len(body)/2+1], "")
	start := time.Now()
	for i := range 5000 {
		s := sig
		if i%2 == 1 {
			s = half
		}
		if m := ix.Add(fmt.Sprint("c", i), time.Time{}, s); m.CopyOf != "orig" {
			t.Fatalf("copy %d: %+v", i, m)
		}
	}
	if ix.originals != 1 {
		t.Errorf("%d originals in the buckets, want 1", ix.originals)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("5000 copies took %v", d)
	}
}

func TestSignatureRoundTrip(t *testing.T) {
	sig := Sign(seedBody(t), "")
	b, _ := sig.MarshalBinary()
	var got Signature
	if err := got.UnmarshalBinary(b); err != nil || got != sig {
		t.Fatalf("round trip: %v, %+v", err, got)
	}
	if err := got.UnmarshalBinary(b[:10]); err == nil {
		t.Error("short input accepted")
	}
}

func FuzzSign(f *testing.F) {
	f.Add("به گزارش وبانگاه به نقل از تسنیم، متن خبر\nانتهای پیام/", "لید")
	f.Add("«تاس»، ", "")
	f.Fuzz(func(t *testing.T, body, lead string) {
		s := Sign(strings.Split(body, "\n"), lead)
		if s.Exact == 0 && s.Near() {
			t.Fatal("near signature without fingerprint")
		}
		b, _ := s.MarshalBinary()
		var back Signature
		if err := back.UnmarshalBinary(b); err != nil || back != s {
			t.Fatal("round trip")
		}
	})
}

// TestAppendLettersMatchesFold checks the fast fold against persian.Fold on real text.
func TestAppendLettersMatchesFold(t *testing.T) {
	for _, p := range append(seedBody(t), "رئيس‌جمهور ك ي ۱۲۳ ٤٥ COVID-19 ﻻ é ‍ـ") {
		got, _ := appendLetters(nil, p)
		want := strings.ReplaceAll(persian.Fold(p), " ", "")
		if string(got) != want {
			t.Errorf("appendLetters(%q)\n got %q\nwant %q", p, got, want)
		}
	}
}
