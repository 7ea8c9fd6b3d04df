// Package storetest is the conformance suite every store.Store backend must
// pass: a backend's test calls Run with a function that opens its store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"khabar/internal/article"
	"khabar/internal/persian"
	"khabar/internal/store"
)

// Opener opens the store called name. Opening a name again after Close must
// give back the same data (that is what the reopen test checks); different
// names are independent stores. The suite closes what it opens.
type Opener func(t *testing.T, name string) store.Store

// Run runs the suite. Each subtest uses its own store name.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, open Opener)
	}{
		{"RoundTrip", testRoundTrip},
		{"Unchanged", testUnchanged},
		{"Updated", testUpdated},
		{"NotFound", testNotFound},
		{"Order", testOrder},
		{"Paging", testPaging},
		{"TimeRange", testTimeRange},
		{"AtomicBatch", testAtomicBatch},
		{"DuplicateInBatch", testDuplicateInBatch},
		{"Empty", testEmpty},
		{"Closed", testClosed},
		{"Reopen", testReopen},
		{"Concurrent", testConcurrent},
		{"Cancelled", testCancelled},
		{"Entities", testEntities},
		{"Quotes", testQuotes},
		{"Events", testEvents},
		{"AnalysisUpdate", testAnalysisUpdate},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open) })
	}
}

// Sentences from the seed article (../shared/data/seed-article.txt), normalized:
// the suite stores real Persian text, with ZWNJs, guillemets and Latin inside.
var sentences = []string{
	"تاکید چین بر همکاری با روسیه در جهت منافع ملی دو کشور",
	"وزیر امور خارجه چین در دیدار با سرگئی لاوروف اعلام کرد که پکن آماده ادامه همکاری با مسکو برای حفاظت از منافع ملی دو طرف است.",
	"لاوروف خواستار مقابله مشترک با دخالت‌ها در امور جنوب شرق آسیا با چین شد",
	"وزیر امور خارجه روسیه گفت: «سایر محافل چندجانبه نیز اهمیت بالایی دارند.»",
	"ولادیمیر پوتین، رئیس‌جمهور روسیه، و شی جین‌پینگ، رئیس‌جمهور چین، همواره به این موضوعات توجه داشته‌اند.",
	"لاوروف همچنین از حمایت چین از ریاست روسیه در گروه بریکس (BRICS) قدردانی کرد.",
}

// Full returns an article with every field set, published at t.
func Full(id string, t time.Time) *article.Article {
	s := func(i int) string { return sentences[i%len(sentences)] }
	return &article.Article{
		ID:          id,
		Title:       s(0),
		Lead:        s(1),
		Body:        []string{s(2), s(3), s(4), s(5)},
		Subheadings: []string{s(2)},
		Publisher:   "وبانگاه",
		Attribution: []article.Attribution{
			{Name: "وبانگاه"},
			{Name: "خبرگزاری تسنیم", Desk: "گروه بین الملل"},
			{Name: "خبرگزاری تاس"},
		},
		OriginalSource: "خبرگزاری تاس",
		NewsGroup:      "1337",
		Copyright:      "خبرگزاری تسنیم",
		Published:      &article.Date{Time: t.UTC(), HasClock: true},
		Raw:            "raw " + id + "\n" + s(0) + "\n" + strings.Join(sentences, "\n"),
		URL:            "https://example.ir/news/" + id,
		Kicker:         "دیپلماسی",
		Tags:           []string{"چین", "روسیه"},
		Section:        "بین الملل",
		Author:         "گروه بین الملل",
		NewsID:         id,
		Images:         []article.Image{{URL: "https://example.ir/img/" + id + ".jpg", Caption: s(0)}},
		Path:           "/data/" + id + ".txt",
	}
}

// Minimal returns an article with only an id, a title and raw text: no date.
func Minimal(id string, i int) *article.Article {
	title := sentences[i%len(sentences)]
	return &article.Article{ID: id, Title: title, Raw: id + "\n" + title}
}

func put(t *testing.T, s store.Store, arts ...*article.Article) store.PutResult {
	t.Helper()
	res, err := s.PutArticles(context.Background(), arts)
	if err != nil {
		t.Fatalf("PutArticles: %v", err)
	}
	return res
}

func get(t *testing.T, s store.Store, id string) *article.Article {
	t.Helper()
	a, err := s.Article(context.Background(), id)
	if err != nil {
		t.Fatalf("Article(%q): %v", id, err)
	}
	return a
}

// same compares two articles, all fields but Ingested, which the store sets.
func same(t *testing.T, got, want *article.Article) {
	t.Helper()
	g, w := *got, *want
	g.Ingested, w.Ingested = time.Time{}, time.Time{}
	if g.Published != nil && w.Published != nil && g.Published.Time.Equal(w.Published.Time) {
		w.Published = &article.Date{Time: g.Published.Time, HasClock: w.Published.HasClock}
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("stored article differs\n got: %+v\nwant: %+v", g, w)
	}
}

func count(t *testing.T, s store.Store) int {
	t.Helper()
	n, err := s.CountArticles(context.Background())
	if err != nil {
		t.Fatalf("CountArticles: %v", err)
	}
	return n
}

func ids(arts []*article.Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.ID
	}
	return out
}

func openClosing(t *testing.T, open Opener, name string) store.Store {
	s := open(t, name)
	t.Cleanup(func() { s.Close() })
	return s
}

func testRoundTrip(t *testing.T, open Opener) {
	s := openClosing(t, open, "roundtrip")
	day := time.Date(2025, 7, 10, 0, 0, 0, 0, persian.Tehran)
	noClock := Full("no-clock", day)
	noClock.Published.HasClock = false
	tehran := Full("tehran-zone", time.Date(2025, 7, 10, 21, 30, 5, 123456789, persian.Tehran))
	emptySlices := Minimal("empty-slices", 1)
	emptySlices.Body, emptySlices.Tags, emptySlices.Attribution = []string{}, []string{}, []article.Attribution{}
	badUTF8 := Minimal("bad-utf8", 2)
	badUTF8.Raw = "\xff\xfe raw bytes kept verbatim \x00 " + badUTF8.Raw
	cases := []*article.Article{
		Full("full", time.Date(2025, 7, 10, 18, 0, 0, 0, time.UTC)),
		noClock, tehran, Minimal("minimal", 0), emptySlices, badUTF8,
	}
	before := time.Now().Add(-time.Minute)
	res := put(t, s, cases...)
	if res.New != len(cases) || res.Unchanged != 0 || res.Updated != 0 {
		t.Fatalf("PutResult = %+v, want %d new", res, len(cases))
	}
	if !reflect.DeepEqual(res.NewIDs, ids(cases)) {
		t.Errorf("NewIDs = %q, want %q", res.NewIDs, ids(cases))
	}
	for _, want := range cases {
		got := get(t, s, want.ID)
		same(t, got, want)
		if got.Ingested.Before(before) || got.Ingested.After(time.Now().Add(time.Minute)) {
			t.Errorf("%s: Ingested = %v, want about now", want.ID, got.Ingested)
		}
		if got.Published != nil && !got.Published.Time.Equal(want.Published.Time) {
			t.Errorf("%s: Published = %v, want %v", want.ID, got.Published.Time, want.Published.Time)
		}
	}
	if n := count(t, s); n != len(cases) {
		t.Errorf("CountArticles = %d, want %d", n, len(cases))
	}
}

func testUnchanged(t *testing.T, open Opener) {
	s := openClosing(t, open, "unchanged")
	a := Full("a", time.Date(2025, 7, 10, 18, 0, 0, 0, time.UTC))
	put(t, s, a)
	first := get(t, s, "a")
	// Same id and raw text: nothing is rewritten, even if a parsed field differs
	// (a newer parser run); the ingestion time stays.
	again := *a
	again.Title = "عنوان دیگر"
	res := put(t, s, &again, Minimal("b", 1))
	if res.New != 1 || res.Unchanged != 1 || res.Updated != 0 || !reflect.DeepEqual(res.NewIDs, []string{"b"}) {
		t.Fatalf("PutResult = %+v, want 1 new (b), 1 unchanged", res)
	}
	got := get(t, s, "a")
	if got.Title != a.Title || !got.Ingested.Equal(first.Ingested) {
		t.Errorf("unchanged article was rewritten: title %q ingested %v (was %v)", got.Title, got.Ingested, first.Ingested)
	}
	if n := count(t, s); n != 2 {
		t.Errorf("CountArticles = %d, want 2", n)
	}
}

func testUpdated(t *testing.T, open Opener) {
	s := openClosing(t, open, "updated")
	put(t, s, Minimal("a", 0))
	first := get(t, s, "a")
	b := Full("a", time.Date(2025, 7, 10, 18, 0, 0, 0, time.UTC))
	res := put(t, s, b)
	if res.Updated != 1 || res.New != 0 || !reflect.DeepEqual(res.NewIDs, []string{"a"}) {
		t.Fatalf("PutResult = %+v, want 1 updated", res)
	}
	got := get(t, s, "a")
	same(t, got, b)
	if !got.Ingested.Equal(first.Ingested) {
		t.Errorf("update changed the ingestion time: %v, was %v", got.Ingested, first.Ingested)
	}
	if n := count(t, s); n != 1 {
		t.Errorf("CountArticles = %d, want 1", n)
	}
}

func testNotFound(t *testing.T, open Opener) {
	s := openClosing(t, open, "notfound")
	put(t, s, Minimal("here", 0))
	for _, id := range []string{"missing", "", "HERE", "here "} {
		a, err := s.Article(context.Background(), id)
		if !errors.Is(err, store.ErrNotFound) || a != nil {
			t.Errorf("Article(%q) = %v, %v; want nil and an error wrapping ErrNotFound", id, a, err)
		}
	}
}

func testOrder(t *testing.T, open Opener) {
	s := openClosing(t, open, "order")
	base := time.Date(2025, 7, 10, 12, 0, 0, 0, time.UTC)
	// Put out of order, in two batches: the listing follows publication time.
	put(t, s, Full("day2", base.Add(24*time.Hour)), Full("day0", base))
	put(t, s, Full("day3", base.Add(48*time.Hour)), Full("day1", base.Add(time.Hour)))
	got, err := s.Articles(context.Background(), store.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"day3", "day2", "day1", "day0"}
	if !reflect.DeepEqual(ids(got), want) {
		t.Errorf("Articles order = %q, want %q", ids(got), want)
	}
	// An undated article sorts by its ingestion time (now), so before 2025.
	put(t, s, Minimal("undated", 0))
	got, err = s.Articles(context.Background(), store.ListQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids(got), []string{"undated"}) {
		t.Errorf("newest = %q, want the undated article ingested now", ids(got))
	}
}

func testPaging(t *testing.T, open Opener) {
	s := openClosing(t, open, "paging")
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var arts []*article.Article
	for i := range 120 {
		arts = append(arts, Full(fmt.Sprintf("a%03d", i), base.Add(time.Duration(i)*time.Hour)))
	}
	put(t, s, arts...)
	var seen []string
	for off := 0; ; off += 25 {
		page, err := s.Articles(context.Background(), store.ListQuery{Limit: 25, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		if len(page) > 25 {
			t.Fatalf("page of %d, limit 25", len(page))
		}
		seen = append(seen, ids(page)...)
	}
	if len(seen) != 120 || seen[0] != "a119" || seen[119] != "a000" {
		t.Errorf("paged through %d articles, first %q last %q; want 120 from a119 to a000", len(seen), seen[0], seen[len(seen)-1])
	}
	def, err := s.Articles(context.Background(), store.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(def) != store.DefaultLimit {
		t.Errorf("Articles without a limit returned %d, want DefaultLimit %d", len(def), store.DefaultLimit)
	}
}

func testTimeRange(t *testing.T, open Opener) {
	s := openClosing(t, open, "timerange")
	base := time.Date(2025, 7, 10, 0, 0, 0, 0, time.UTC)
	for i := range 5 {
		put(t, s, Full(fmt.Sprintf("d%d", i), base.Add(time.Duration(i)*24*time.Hour)))
	}
	got, err := s.Articles(context.Background(), store.ListQuery{Since: base.Add(24 * time.Hour), Until: base.Add(3 * 24 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"d2", "d1"}; !reflect.DeepEqual(ids(got), want) {
		t.Errorf("Since day 1 until day 3 = %q, want %q (Since inclusive, Until exclusive)", ids(got), want)
	}
}

func testAtomicBatch(t *testing.T, open Opener) {
	s := openClosing(t, open, "atomic")
	put(t, s, Minimal("before", 0))
	for _, bad := range []struct {
		name string
		art  *article.Article
		msg  string
	}{
		{"nil", nil, "article 3 of 4"},
		{"empty id", &article.Article{Title: sentences[0], Raw: sentences[0]}, "empty id"},
		{"invalid id", &article.Article{ID: "\xff", Title: sentences[0], Raw: sentences[0]}, "UTF-8"},
	} {
		batch := []*article.Article{Minimal("g1", 1), Full("g2", time.Now()), bad.art, Minimal("g3", 3)}
		res, err := s.PutArticles(context.Background(), batch)
		if err == nil {
			t.Fatalf("%s: batch with a bad article stored: %+v", bad.name, res)
		}
		if !strings.Contains(err.Error(), bad.msg) {
			t.Errorf("%s: error %q does not name the problem (%q)", bad.name, err, bad.msg)
		}
		if res.New != 0 || res.NewIDs != nil {
			t.Errorf("%s: failed batch reports writes: %+v", bad.name, res)
		}
		if n := count(t, s); n != 1 {
			t.Errorf("%s: %d articles after a failed batch, want the 1 from before", bad.name, n)
		}
		for _, id := range []string{"g1", "g2", "g3"} {
			if _, err := s.Article(context.Background(), id); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("%s: article %s of the failed batch: %v, want not found", bad.name, id, err)
			}
		}
	}
	// The store still works after the failures.
	if res := put(t, s, Minimal("g1", 1)); res.New != 1 {
		t.Errorf("put after failed batches: %+v", res)
	}
}

func testDuplicateInBatch(t *testing.T, open Opener) {
	s := openClosing(t, open, "dup")
	a := Minimal("a", 0)
	b := Full("a", time.Date(2025, 7, 10, 18, 0, 0, 0, time.UTC))
	res := put(t, s, a, a, b)
	if res.New != 1 || res.Unchanged != 1 || res.Updated != 1 {
		t.Errorf("PutResult = %+v, want new, unchanged, updated", res)
	}
	same(t, get(t, s, "a"), b)
	if n := count(t, s); n != 1 {
		t.Errorf("CountArticles = %d, want 1", n)
	}
}

func testEmpty(t *testing.T, open Opener) {
	s := openClosing(t, open, "empty")
	res, err := s.PutArticles(context.Background(), nil)
	if err != nil || res.New+res.Updated+res.Unchanged != 0 {
		t.Errorf("PutArticles(nil) = %+v, %v", res, err)
	}
	got, err := s.Articles(context.Background(), store.ListQuery{})
	if err != nil || len(got) != 0 {
		t.Errorf("Articles on an empty store = %d, %v", len(got), err)
	}
	if n := count(t, s); n != 0 {
		t.Errorf("CountArticles = %d", n)
	}
}

func testClosed(t *testing.T, open Opener) {
	s := open(t, "closed")
	put(t, s, Minimal("a", 0))
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	ctx := context.Background()
	_, e1 := s.Article(ctx, "a")
	_, e2 := s.Articles(ctx, store.ListQuery{})
	_, e3 := s.PutArticles(ctx, []*article.Article{Minimal("b", 1)})
	_, e4 := s.CountArticles(ctx)
	for i, err := range []error{e1, e2, e3, e4} {
		if !errors.Is(err, store.ErrClosed) {
			t.Errorf("call %d after Close: %v, want an error wrapping ErrClosed", i+1, err)
		}
	}
}

func testReopen(t *testing.T, open Opener) {
	s := open(t, "reopen")
	a := Full("a", time.Date(2025, 7, 10, 18, 0, 0, 0, time.UTC))
	put(t, s, a, Minimal("b", 1))
	ingested := get(t, s, "a").Ingested
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openClosing(t, open, "reopen")
	got := get(t, s, "a")
	same(t, got, a)
	if !got.Ingested.Equal(ingested) {
		t.Errorf("Ingested after reopen = %v, want %v", got.Ingested, ingested)
	}
	if n := count(t, s); n != 2 {
		t.Errorf("CountArticles after reopen = %d, want 2", n)
	}
	if res := put(t, s, a); res.Unchanged != 1 {
		t.Errorf("re-put after reopen: %+v, want unchanged", res)
	}
}

func testConcurrent(t *testing.T, open Opener) {
	s := openClosing(t, open, "concurrent")
	const writers, batches, size = 4, 5, 20
	var wg sync.WaitGroup
	errs := make(chan error, writers*batches)
	for w := range writers {
		wg.Go(func() {
			for b := range batches {
				var arts []*article.Article
				for i := range size {
					arts = append(arts, Minimal(fmt.Sprintf("w%d-b%d-%d", w, b, i), i))
				}
				if _, err := s.PutArticles(context.Background(), arts); err != nil {
					errs <- err
				}
				if _, err := s.Articles(context.Background(), store.ListQuery{Limit: 10}); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := count(t, s); n != writers*batches*size {
		t.Errorf("CountArticles = %d, want %d", n, writers*batches*size)
	}
}

func testCancelled(t *testing.T, open Opener) {
	s := openClosing(t, open, "cancelled")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.PutArticles(ctx, []*article.Article{Minimal("a", 0)}); err == nil {
		t.Error("PutArticles with a cancelled context succeeded")
	}
	if n := count(t, s); n != 0 {
		t.Errorf("CountArticles = %d after a cancelled put", n)
	}
}
