package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"khabar/internal/copies/copyeval"
	"khabar/internal/pipeline"
	"khabar/internal/store"
	"khabar/internal/store/sqlite"
	"khabar/internal/stories"
)

// TestStories serves stories from the real store: the four-agency corpus
// plus generated aggregator copies of its first articles, assigned by the
// stories engine as ingestion does.
func TestStories(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir()+"/khabar.db", sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	arts := corpusArticles(t)
	cs := copyeval.Generate(arts[:10], 1, 5)
	p := &pipeline.Pipeline{}
	for _, c := range cs {
		if err := p.Process(ctx, c.Article); err != nil {
			t.Fatal(err)
		}
		arts = append(arts, c.Article)
	}
	if _, err := db.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	var as []store.StoryAssignment
	for _, r := range stories.NewEngine().AddBatch(arts) {
		as = append(as, store.StoryAssignment{ArticleID: r.ArticleID, CopyOf: r.CopyOf, Similarity: r.Similarity,
			Story: r.Story, StoryTitle: r.StoryTitle, StoryScore: r.StoryScore, Merged: r.Merged, Supersedes: r.Supersedes})
	}
	if err := db.PutStoryAssignments(ctx, as); err != nil {
		t.Fatal(err)
	}
	h := New(Deps{Store: db, Index: db}).Handler()

	var list storyList
	res, body := get(t, h, "GET", "/api/v1/stories?min_size=2&limit=100")
	if err := json.Unmarshal([]byte(body), &list); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("list: %d %v %s", res.StatusCode, err, body)
	}
	withCopy, copies := "", 0
	for _, s := range list.Stories {
		copies += s.Copies
		if s.Copies > 0 && withCopy == "" {
			withCopy = s.ID
		}
		if len(s.Articles) != s.Size || s.Copies+s.Independent != s.Size {
			t.Errorf("story %s: %d articles, size %d, %d copies + %d independent", s.ID, len(s.Articles), s.Size, s.Copies, s.Independent)
		}
	}
	if copies != len(cs) {
		t.Errorf("%d copies listed in stories, %d generated", copies, len(cs))
	}
	var detail storyDetail
	res, body = get(t, h, "GET", "/api/v1/stories/"+withCopy)
	if err := json.Unmarshal([]byte(body), &detail); err != nil || res.StatusCode != http.StatusOK || len(detail.Edges) == 0 {
		t.Fatalf("story %s: %d %v, %d copy edges", withCopy, res.StatusCode, err, len(detail.Edges))
	}
	res, body = get(t, h, "GET", "/api/v1/stories/nope")
	checkAPIError(t, res, body, http.StatusNotFound)

	src := detail.Articles[0].Source
	res, body = get(t, h, "GET", "/api/v1/sources/"+url.PathEscape(src)+"/syndication")
	var sj stories.SourceJSON
	if err := json.Unmarshal([]byte(body), &sj); err != nil || res.StatusCode != http.StatusOK || sj.Articles == 0 {
		t.Errorf("syndication of %q: %d %v %+v", src, res.StatusCode, err, sj)
	}

	for _, target := range []string{"/stories", "/stories/" + withCopy, "/syndication",
		"/stories/" + withCopy + "/copies/" + detail.Edges[0].Copy} {
		res, body := get(t, h, "GET", target)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", target, res.StatusCode)
			continue
		}
		checkPersianPage(t, doc(t, res, body))
	}
	if res, _ := get(t, h, "GET", "/stories/"+withCopy+"/copies/"+detail.First); res.StatusCode != http.StatusNotFound {
		t.Errorf("diff of an original: %d, want 404", res.StatusCode)
	}
}
