package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"khabar/internal/article"
	"khabar/internal/persian"
	"khabar/internal/store"
)

// The analysis fixtures: three articles of the seed's story, with the
// entities, quotes and events the analysis stages find in the seed, filled in
// by hand. Times are Tehran wall clock: a2 is published after midnight in
// Tehran but before midnight UTC, so it lands on the next day of the timeline.

var (
	wangYi  = article.Entity{Type: "PER", ID: "wang-yi", Name: "وانگ ایی", Latin: "Wang Yi", Country: "CHN"}
	lavrov  = article.Entity{Type: "PER", ID: "sergey-lavrov", Name: "سرگئی لاوروف", Latin: "Sergey Lavrov", Country: "RUS"}
	china   = article.Entity{Type: "LOC", ID: "china", Name: "چین", Latin: "China", Country: "CHN"}
	russia  = article.Entity{Type: "LOC", ID: "russia", Name: "روسیه", Latin: "Russia", Country: "RUS"}
	brics   = article.Entity{Type: "ORG", ID: "brics", Name: "بریکس", Latin: "BRICS"}
	chnGov  = article.Actor{Code: "CHNGOV", ID: "wang-yi", Name: "وانگ ایی", Latin: "Wang Yi"}
	rusGov  = article.Actor{Code: "RUSGOV", ID: "sergey-lavrov", Name: "سرگئی لاوروف", Latin: "Sergey Lavrov"}
	tehran1 = time.Date(2025, 7, 10, 10, 0, 0, 0, persian.Tehran)
	tehran2 = time.Date(2025, 7, 11, 1, 0, 0, 0, persian.Tehran) // 2025-07-10 21:30 UTC
	tehran3 = time.Date(2025, 7, 12, 9, 0, 0, 0, persian.Tehran)
)

// mention is e as written text at paragraph para.
func mention(e article.Entity, text string, para int) article.Entity {
	e.Text = text
	e.Place = article.Place{Para: para, Start: 0, End: len(text)}
	return e
}

// AnalysedArticles returns the fixtures: a1 (Wang Yi meets Lavrov), a2
// (Lavrov thanks China for supporting Russia in BRICS), a3 (an economy
// article with an unlinked person written two ways, and China).
func AnalysedArticles() []*article.Article {
	a1 := Full("a1", tehran1)
	a1.Category = "international"
	a1.Entities = []article.Entity{
		mention(wangYi, "وانگ ایی", 0), mention(china, "چین", 0), mention(lavrov, "لاوروف", 1),
		mention(wangYi, "وزیر امور خارجه چین", 1), mention(china, "چین", 1), mention(china, "چين", 2),
		mention(russia, "روسیه", 2),
		{Text: "۱۴ تیر", Type: "DAT"}, // unlinked date: not an entity page
	}
	a1.Quotes = []article.Quote{{
		Speaker: rusGov, Text: "سایر محافل چندجانبه نیز اهمیت بالایی دارند.", Direct: true, Verb: "گفت",
		Place: article.Place{Para: 1, Start: 10, End: 90},
	}}
	a1.Events = []article.Event{
		{Source: chnGov, Target: rusGov, Action: "دیدار", CAMEO: "040", PLOVER: "CONSULT", Evidence: sentences[1]},
		{Source: chnGov, Target: rusGov, Action: "آماده همکاری", CAMEO: "036", PLOVER: "COOPERATE", Evidence: sentences[1],
			Place: article.Place{Para: -1, Start: 5, End: 40}},
	}
	a2 := Full("a2", tehran2)
	a2.Category = "international"
	a2.Entities = []article.Entity{mention(lavrov, "سرگئی لاوروف", 0), mention(russia, "روسیه", 0), mention(brics, "بریکس", 1)}
	a2.Quotes = []article.Quote{{Speaker: rusGov, Text: "مقابله مشترک با دخالت‌ها در امور جنوب شرق آسیا", Verb: "خواستار شد"}}
	a2.Events = []article.Event{{Source: rusGov, Target: article.Actor{Code: "CHN", ID: "china", Name: "چین", Latin: "China"},
		Action: "قدردانی کرد", CAMEO: "051", PLOVER: "SUPPORT", Evidence: sentences[5]}}
	a3 := Full("a3", tehran3)
	a3.Category = "economy"
	a3.Entities = []article.Entity{
		{Text: "علی رضایی", Type: "PER"}, {Text: "علي رضايي", Type: "PER"}, mention(china, "چین", 0),
	}
	return []*article.Article{a1, a2, a3}
}

// unlinkedID is the id the store gives the unlinked person of a3.
const unlinkedID = "per:علی_رضایی"

func entityStore(t *testing.T, open Opener, name string) store.EntityStore {
	t.Helper()
	s := openClosing(t, open, name)
	es, ok := s.(store.EntityStore)
	if !ok {
		t.Skipf("%T does not implement store.EntityStore", s)
	}
	put(t, s, AnalysedArticles()...)
	return es
}

func recordIDs(rs []store.EntityRecord) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func testEntities(t *testing.T, open Opener) {
	es := entityStore(t, open, "entities")
	ctx := context.Background()
	for _, tc := range []struct {
		id                 string
		want               store.EntityRecord
		articles, mentions int
	}{
		{"sergey-lavrov", store.EntityRecord{ID: "sergey-lavrov", Type: "PER", Name: "سرگئی لاوروف", Latin: "Sergey Lavrov", Country: "RUS", Articles: 2, Mentions: 2}, 2, 2},
		{"china", store.EntityRecord{ID: "china", Type: "LOC", Name: "چین", Latin: "China", Country: "CHN", Articles: 2, Mentions: 4}, 2, 4},
		// An unlinked name is an entity under the id made from its folded
		// text; both spellings are one entity, named as first written.
		{unlinkedID, store.EntityRecord{ID: unlinkedID, Type: "PER", Name: "علی رضایی", Articles: 1, Mentions: 2}, 1, 2},
	} {
		got, err := es.Entity(ctx, tc.id)
		if err != nil {
			t.Errorf("Entity(%q): %v", tc.id, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Entity(%q)\n got %+v\nwant %+v", tc.id, got, tc.want)
		}
	}
	for _, id := range []string{"nobody", "", "dat:۱۴_تیر"} {
		if _, err := es.Entity(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Entity(%q) = %v, want ErrNotFound", id, err)
		}
	}

	for _, tc := range []struct {
		typ   string
		limit int
		want  []string
	}{
		// Most articles first, then most mentions, then id.
		{"", 0, []string{"china", "russia", "sergey-lavrov", unlinkedID, "wang-yi", "brics"}},
		{"", 2, []string{"china", "russia"}},
		{"PER", 0, []string{"sergey-lavrov", unlinkedID, "wang-yi"}},
		{"org", 0, []string{"brics"}},
		{"MON", 0, []string{}},
	} {
		got, err := es.TopEntities(ctx, tc.typ, tc.limit)
		if err != nil {
			t.Fatalf("TopEntities(%q, %d): %v", tc.typ, tc.limit, err)
		}
		if !reflect.DeepEqual(recordIDs(got), tc.want) {
			t.Errorf("TopEntities(%q, %d) = %q, want %q", tc.typ, tc.limit, recordIDs(got), tc.want)
		}
	}

	for _, tc := range []struct {
		id   string
		want []string
	}{
		{"sergey-lavrov", []string{"russia", "china", "wang-yi", "brics"}},
		{unlinkedID, []string{"china"}},
		{"nobody", []string{}},
	} {
		got, err := es.CoEntities(ctx, tc.id, 10)
		if err != nil {
			t.Fatalf("CoEntities(%q): %v", tc.id, err)
		}
		if !reflect.DeepEqual(recordIDs(got), tc.want) {
			t.Errorf("CoEntities(%q) = %q, want %q", tc.id, recordIDs(got), tc.want)
		}
		if tc.id == "sergey-lavrov" && (got[0].Articles != 2 || got[1].Articles != 1) {
			t.Errorf("CoEntities shared articles: %+v", got[:2])
		}
	}

	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, persian.Tehran) }
	for _, tc := range []struct {
		id   string
		want []store.DayCount
	}{
		{"sergey-lavrov", []store.DayCount{{Day: day(2025, 7, 10), Articles: 1, Mentions: 1}, {Day: day(2025, 7, 11), Articles: 1, Mentions: 1}}},
		{"china", []store.DayCount{{Day: day(2025, 7, 10), Articles: 1, Mentions: 3}, {Day: day(2025, 7, 12), Articles: 1, Mentions: 1}}},
		{"nobody", nil},
	} {
		got, err := es.EntityTimeline(ctx, tc.id)
		if err != nil {
			t.Fatalf("EntityTimeline(%q): %v", tc.id, err)
		}
		if len(got) != len(tc.want) {
			t.Errorf("EntityTimeline(%q) = %+v, want %+v", tc.id, got, tc.want)
			continue
		}
		for i := range got {
			if !got[i].Day.Equal(tc.want[i].Day) || got[i].Articles != tc.want[i].Articles || got[i].Mentions != tc.want[i].Mentions {
				t.Errorf("EntityTimeline(%q)[%d] = %+v, want %+v", tc.id, i, got[i], tc.want[i])
			}
		}
	}

	for _, tc := range []struct {
		id   string
		q    store.ListQuery
		want []string
	}{
		{"sergey-lavrov", store.ListQuery{}, []string{"a2", "a1"}},
		{"china", store.ListQuery{Limit: 1}, []string{"a3"}},
		{"china", store.ListQuery{Limit: 1, Offset: 1}, []string{"a1"}},
		{"china", store.ListQuery{Until: tehran3}, []string{"a1"}},
		{"china", store.ListQuery{Since: tehran2}, []string{"a3"}},
		{"nobody", store.ListQuery{}, []string{}},
	} {
		got, err := es.EntityArticles(ctx, tc.id, tc.q)
		if err != nil {
			t.Fatalf("EntityArticles(%q): %v", tc.id, err)
		}
		if g := append([]string{}, ids(got)...); !reflect.DeepEqual(g, tc.want) {
			t.Errorf("EntityArticles(%q, %+v) = %q, want %q", tc.id, tc.q, g, tc.want)
		}
		for _, a := range got {
			if a.Title == "" || a.Raw != "" {
				t.Errorf("EntityArticles(%q): article %s has title %q and %d bytes of raw; want a title and no raw", tc.id, a.ID, a.Title, len(a.Raw))
			}
		}
	}

	cats, err := es.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := []store.CategoryCount{{Category: "international", Articles: 2}, {Category: "economy", Articles: 1}}; !reflect.DeepEqual(cats, want) {
		t.Errorf("Categories = %+v, want %+v", cats, want)
	}

	// An undated article counts for the entity but has no day on its
	// timeline: its sort time is when it was ingested, not when it was news.
	undated := Minimal("a4", 4)
	undated.Entities = []article.Entity{mention(china, "چین", 0)}
	put(t, es.(store.Store), undated)
	if got, err := es.Entity(ctx, "china"); err != nil || got.Articles != 3 {
		t.Errorf("Entity(china) with an undated article = %+v, %v; want 3 articles", got, err)
	}
	if got, err := es.EntityTimeline(ctx, "china"); err != nil || len(got) != 2 {
		t.Errorf("EntityTimeline(china) with an undated article = %+v, %v; want its 2 dated days", got, err)
	}
}

func testQuotes(t *testing.T, open Opener) {
	es := entityStore(t, open, "quotes")
	ctx := context.Background()
	arts := AnalysedArticles()
	got, err := es.Quotes(ctx, "sergey-lavrov", 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.QuoteRecord{
		{Quote: arts[1].Quotes[0], ArticleRef: store.ArticleRef{ArticleID: "a2", ArticleTitle: arts[1].Title, Time: tehran2}},
		{Quote: arts[0].Quotes[0], ArticleRef: store.ArticleRef{ArticleID: "a1", ArticleTitle: arts[0].Title, Time: tehran1}},
	}
	if len(got) != len(want) {
		t.Fatalf("Quotes = %+v, want %+v", got, want)
	}
	for i := range got {
		if !got[i].Time.Equal(want[i].Time) {
			t.Errorf("quote %d time %v, want %v", i, got[i].Time, want[i].Time)
		}
		got[i].Time = want[i].Time
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("quote %d\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	for _, tc := range []struct {
		speaker string
		limit   int
		n       int
	}{{"sergey-lavrov", 1, 1}, {"wang-yi", 0, 0}, {"", 0, 0}} {
		got, err := es.Quotes(ctx, tc.speaker, tc.limit)
		if err != nil || len(got) != tc.n {
			t.Errorf("Quotes(%q, %d) = %d quotes, %v; want %d", tc.speaker, tc.limit, len(got), err, tc.n)
		}
	}
}

func testEvents(t *testing.T, open Opener) {
	es := entityStore(t, open, "events")
	ctx := context.Background()
	arts := AnalysedArticles()
	type key struct{ article, cameo string }
	for _, tc := range []struct {
		name string
		q    store.EventQuery
		want []key
	}{
		{"all, newest first then article order", store.EventQuery{}, []key{{"a2", "051"}, {"a1", "040"}, {"a1", "036"}}},
		{"actor code prefix", store.EventQuery{Actor: "chn"}, []key{{"a2", "051"}, {"a1", "040"}, {"a1", "036"}}},
		{"actor code", store.EventQuery{Actor: "CHNGOV"}, []key{{"a1", "040"}, {"a1", "036"}}},
		{"actor entity id", store.EventQuery{Actor: "china"}, []key{{"a2", "051"}}},
		{"actor nobody", store.EventQuery{Actor: "USA"}, nil},
		{"actor name", store.EventQuery{Actor: "لاوروف"}, []key{{"a2", "051"}, {"a1", "040"}, {"a1", "036"}}},
		{"actor Latin name", store.EventQuery{Actor: "Wang Yi"}, []key{{"a1", "040"}, {"a1", "036"}}},
		{"entity", store.EventQuery{Entity: "sergey-lavrov"}, []key{{"a2", "051"}, {"a1", "040"}, {"a1", "036"}}},
		{"entity is no code prefix", store.EventQuery{Entity: "CHN"}, nil},
		{"entity and actor", store.EventQuery{Entity: "china", Actor: "RUSGOV"}, []key{{"a2", "051"}}},
		{"cameo prefix", store.EventQuery{Code: "04"}, []key{{"a1", "040"}}},
		{"cameo root", store.EventQuery{Code: "0"}, []key{{"a2", "051"}, {"a1", "040"}, {"a1", "036"}}},
		{"plover", store.EventQuery{Code: "cooperate"}, []key{{"a1", "036"}}},
		{"actor and code", store.EventQuery{Actor: "RUS", Code: "SUPPORT"}, []key{{"a2", "051"}}},
		{"since", store.EventQuery{Since: tehran2}, []key{{"a2", "051"}}},
		{"until", store.EventQuery{Until: tehran2}, []key{{"a1", "040"}, {"a1", "036"}}},
		{"page", store.EventQuery{Limit: 1, Offset: 1}, []key{{"a1", "040"}}},
	} {
		got, err := es.Events(ctx, tc.q)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var keys []key
		for _, e := range got {
			keys = append(keys, key{e.ArticleID, e.CAMEO})
		}
		if !reflect.DeepEqual(keys, tc.want) {
			t.Errorf("%s: Events(%+v) = %v, want %v", tc.name, tc.q, keys, tc.want)
		}
		// The count ignores the page.
		cq := tc.q
		cq.Limit, cq.Offset = 0, 0
		all, err := es.Events(ctx, cq)
		if err != nil {
			t.Fatal(err)
		}
		if n, err := es.CountEvents(ctx, tc.q); err != nil || n != len(all) {
			t.Errorf("%s: CountEvents = %d, %v; want %d", tc.name, n, err, len(all))
		}
	}
	got, err := es.Events(ctx, store.EventQuery{Code: "036"})
	if err != nil || len(got) != 1 {
		t.Fatalf("Events(036) = %v, %v", got, err)
	}
	want := store.EventRecord{Event: arts[0].Events[1], ArticleRef: store.ArticleRef{ArticleID: "a1", ArticleTitle: arts[0].Title, Time: got[0].Time}}
	if !got[0].Time.Equal(tehran1) || !reflect.DeepEqual(got[0], want) {
		t.Errorf("event round trip\n got %+v\nwant %+v (time %v)", got[0], want, tehran1)
	}
}

// testAnalysisUpdate: an updated article's analysis replaces the old one; an
// unchanged article keeps its rows.
func testAnalysisUpdate(t *testing.T, open Opener) {
	s := openClosing(t, open, "analysis-update")
	es, ok := s.(store.EntityStore)
	if !ok {
		t.Skipf("%T does not implement store.EntityStore", s)
	}
	ctx := context.Background()
	arts := AnalysedArticles()
	put(t, s, arts...)
	again := *arts[0]
	again.Entities = nil // same raw text: unchanged, not rewritten
	if res := put(t, s, &again); res.Unchanged != 1 {
		t.Fatalf("re-put: %+v", res)
	}
	if e, err := es.Entity(ctx, "wang-yi"); err != nil || e.Articles != 1 {
		t.Errorf("after an unchanged put, wang-yi = %+v, %v; want 1 article", e, err)
	}
	updated := *arts[0]
	updated.Raw += "\nویرایش"
	updated.Category = "politics"
	updated.Entities = []article.Entity{mention(lavrov, "لاوروف", 0)}
	updated.Quotes, updated.Events = nil, nil
	if res := put(t, s, &updated); res.Updated != 1 {
		t.Fatalf("update: %+v", res)
	}
	for _, tc := range []struct {
		id                 string
		articles, mentions int
	}{{"wang-yi", 0, 0}, {"sergey-lavrov", 2, 2}, {"china", 1, 1}} {
		e, err := es.Entity(ctx, tc.id)
		if err != nil || e.Articles != tc.articles || e.Mentions != tc.mentions {
			t.Errorf("after update, Entity(%q) = %+v, %v; want %d articles, %d mentions", tc.id, e, err, tc.articles, tc.mentions)
		}
	}
	evs, err := es.Events(ctx, store.EventQuery{})
	if err != nil || len(evs) != 1 || evs[0].ArticleID != "a2" {
		t.Errorf("after update, events = %+v, %v; want a2's only", evs, err)
	}
	qs, err := es.Quotes(ctx, "sergey-lavrov", 0)
	if err != nil || len(qs) != 1 || qs[0].ArticleID != "a2" {
		t.Errorf("after update, quotes = %+v, %v; want a2's only", qs, err)
	}
	cats, err := es.Categories(ctx)
	if want := []store.CategoryCount{{Category: "economy", Articles: 1}, {Category: "international", Articles: 1}, {Category: "politics", Articles: 1}}; err != nil || !reflect.DeepEqual(cats, want) {
		t.Errorf("after update, Categories = %+v, %v; want %+v", cats, err, want)
	}
	// The stored article carries the new analysis too.
	same(t, get(t, s, "a1"), &updated)
}
