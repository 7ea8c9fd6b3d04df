package stories

import (
	"time"

	"khabar/internal/article"
)

// StoryJSON is the JSON form of a story, shared by `khabar stories --json`
// and GET /api/v1/stories.
type StoryJSON struct {
	ID          string        `json:"id"`
	Title       string        `json:"title"`
	FirstSeen   *article.Date `json:"first_seen"`
	Sources     []string      `json:"sources"`
	Size        int           `json:"size"`
	Copies      int           `json:"copies"`
	Independent int           `json:"independent"`
	Articles    []VersionJSON `json:"articles"`
}

// VersionJSON is one article of a story in JSON.
type VersionJSON struct {
	ID         string        `json:"id"`
	Title      string        `json:"title"`
	Source     string        `json:"source"`
	Path       string        `json:"path,omitempty"`
	URL        string        `json:"url,omitempty"`
	Published  *article.Date `json:"published"`
	CopyOf     string        `json:"copy_of"`
	Similarity float64       `json:"similarity"`
}

// ToJSON converts a summary.
func ToJSON(s Summary) StoryJSON {
	j := StoryJSON{ID: s.ID, Title: s.Title, FirstSeen: jsonDate(s.FirstSeen), Sources: s.Sources, Size: len(s.Versions),
		Copies: s.Copies, Independent: s.Independent, Articles: []VersionJSON{}}
	if j.Sources == nil {
		j.Sources = []string{}
	}
	for _, v := range s.Versions {
		j.Articles = append(j.Articles, VersionJSON{ID: v.ID, Title: v.Title, Source: v.Source, Path: v.Path, URL: v.URL,
			Published: jsonDate(v.Published), CopyOf: v.CopyOf, Similarity: v.Similarity})
	}
	return j
}

func jsonDate(t time.Time) *article.Date {
	if t.IsZero() {
		return nil
	}
	return &article.Date{Time: t, HasClock: true}
}

// SourceJSON is a source's syndication figures in JSON.
type SourceJSON struct {
	Source          string        `json:"source"`
	Articles        int           `json:"articles"`
	Originals       int           `json:"originals"`
	OriginalityRate float64       `json:"originality_rate"`
	FirstInStories  int           `json:"first_in_stories"`
	Copies          []SourceCount `json:"copies_from"`
	CopiedBy        []SourceCount `json:"copied_by"`
	// MedianLagSeconds is null when none of its copies and their originals are both dated.
	MedianLagSeconds *float64 `json:"median_lag_seconds"`
	LagCount         int      `json:"lag_count"`
}

// ToSourceJSON converts source figures.
func ToSourceJSON(s SourceStats) SourceJSON {
	j := SourceJSON{Source: s.Source, Articles: s.Articles, Originals: s.Originals, OriginalityRate: s.OriginalityRate,
		FirstInStories: s.FirstInStories, Copies: s.Copies, CopiedBy: s.CopiedBy, LagCount: s.LagCount}
	if j.Copies == nil {
		j.Copies = []SourceCount{}
	}
	if j.CopiedBy == nil {
		j.CopiedBy = []SourceCount{}
	}
	if s.LagCount > 0 {
		sec := s.MedianLag.Seconds()
		j.MedianLagSeconds = &sec
	}
	return j
}
