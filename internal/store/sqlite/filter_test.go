package sqlite

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"khabar/internal/search"
	"khabar/internal/store/storetest"
)

// TestSearchFilters: the query language's filters over the analysed fixtures
// (a1 and a2 international, a3 economy; times a1 < a2 < a3).
func TestSearchFilters(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t, Options{})
	if _, err := db.PutArticles(ctx, storetest.AnalysedArticles()); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkSeen(ctx, "tasnim", "https://www.tasnimnews.com/fa/rss/feed", []string{"a3"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		q      search.Query
		want   []string
		total  int
		recent bool
	}{
		{q: search.Query{Text: "entity:sergey-lavrov"}, want: []string{"a2", "a1"}},
		{q: search.Query{Text: "entity:لاوروف"}, want: []string{"a2", "a1"}},
		{q: search.Query{Text: "entity:Lavrov"}, want: []string{"a2", "a1"}}, // a word of a name
		{q: search.Query{Text: `entity:"sergey lavrov"`}, want: []string{"a2", "a1"}},
		{q: search.Query{Text: "entity:لاوروف entity:wang-yi"}, want: []string{"a1"}},
		{q: search.Query{Text: "entity:nobody"}, want: []string{}},
		{q: search.Query{Text: "category:economy"}, want: []string{"a3"}},
		{q: search.Query{Text: "category:ECONOMY"}, want: []string{"a3"}},
		{q: search.Query{Text: "source:تسنیم"}, want: []string{"a3", "a2", "a1"}},
		{q: search.Query{Text: `source:"خبرگزاري تسنيم"`}, want: []string{"a3", "a2", "a1"}},
		{q: search.Query{Text: "source:تسن"}, want: []string{}},
		{q: search.Query{Text: "source:tasnim"}, want: []string{"a3"}},
		{q: search.Query{Text: "source:100%_"}, want: []string{}},
		{q: search.Query{Text: "source:تاس category:international"}, want: []string{"a2", "a1"}},
		{q: search.Query{Text: "since:2025-07-11"}, want: []string{"a3", "a2"}},
		{q: search.Query{Text: "until:1404/04/19"}, want: []string{"a1"}},
		{q: search.Query{Text: "since:۱۴۰۴/۰۴/۲۰ until:۱۴۰۴/۰۴/۲۰"}, want: []string{"a2"}},
		// Words and filters together, by relevance and newest first.
		{q: search.Query{Text: "بریکس category:economy"}, want: []string{"a3"}},
		{q: search.Query{Text: "بریکس category:international", Recent: true}, want: []string{"a2", "a1"}},
		{q: search.Query{Text: "entity:china لاوروف", Recent: true}, want: []string{"a3", "a1"}},
		// A form's filter joins the text's.
		{q: search.Query{Text: "بریکس", Filter: search.Filter{Category: "international"}, Recent: true}, want: []string{"a2", "a1"}},
		{q: search.Query{Filter: search.Filter{Entities: []string{"brics"}}}, want: []string{"a2"}},
		// Pages: the total counts every match, also past the end.
		{q: search.Query{Text: "category:international", Limit: 1}, want: []string{"a2"}, total: 2},
		{q: search.Query{Text: "category:international", Limit: 1, Offset: 5}, want: []string{}, total: 2},
		{q: search.Query{Text: "لاوروف category:international", Limit: 1, Offset: 5}, want: []string{}, total: 2},
	} {
		res, err := db.Search(ctx, tc.q)
		if err != nil {
			t.Errorf("Search(%+v): %v", tc.q, err)
			continue
		}
		got := []string{}
		for _, h := range res.Hits {
			got = append(got, h.Article.ID)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Search(%q, %+v) = %q, want %q", tc.q.Text, tc.q.Filter, got, tc.want)
		}
		total := tc.total
		if total == 0 {
			total = len(tc.want)
		}
		if res.Total != total {
			t.Errorf("Search(%q): total %d, want %d", tc.q.Text, res.Total, total)
		}
	}
	for _, tc := range []struct {
		text string
		err  error
	}{
		{"since:yesterday", search.ErrBadFilter},
		{"category:", search.ErrBadFilter},
		{"«»", search.ErrEmptyQuery},
	} {
		if _, err := db.Search(ctx, search.Query{Text: tc.text}); !errors.Is(err, tc.err) {
			t.Errorf("Search(%q) = %v, want %v", tc.text, err, tc.err)
		}
	}
}
