package stories

import (
	"cmp"
	"slices"
	"time"
)

// Version is one article of a stored story, as listings and the syndication
// graph read it (the store's rows, without the text).
type Version struct {
	ID, Title, Source, URL, Path string
	// Published is zero when unknown.
	Published  time.Time
	CopyOf     string
	Similarity float64
	Story      string
	// StoryTitle is the story's title as of when this version was assigned.
	StoryTitle string
	Score      float64
	seq        int
}

// Summary is a stored story with its versions, for listing.
type Summary struct {
	ID, Title string
	FirstSeen time.Time
	Sources   []string
	// Versions are ordered by publication time (undated last), then assignment.
	Versions []Version
	// Copies counts versions that copy another; Independent the rest.
	Copies, Independent int
}

// Summarize groups versions (in assignment order) into stories, ranked as
// SortStories ranks them: more sources first, then the most recent.
func Summarize(vs []Version) []Summary {
	byStory := map[string]*Summary{}
	var order []string
	for i, v := range vs {
		v.seq = i
		s, ok := byStory[v.Story]
		if !ok {
			s = &Summary{ID: v.Story}
			byStory[v.Story] = s
			order = append(order, v.Story)
		}
		s.Versions = append(s.Versions, v)
		if v.StoryTitle != "" {
			s.Title = v.StoryTitle // the latest assignment knows the latest centre
		}
	}
	out := make([]Summary, 0, len(order))
	for _, id := range order {
		s := byStory[id]
		slices.SortStableFunc(s.Versions, compareVersions)
		seen := map[string]bool{}
		for _, v := range s.Versions {
			if !v.Published.IsZero() && (s.FirstSeen.IsZero() || v.Published.Before(s.FirstSeen)) {
				s.FirstSeen = v.Published
			}
			if v.Source != "" && !seen[v.Source] {
				seen[v.Source] = true
				s.Sources = append(s.Sources, v.Source)
			}
			if v.CopyOf != "" {
				s.Copies++
			} else {
				s.Independent++
			}
		}
		if s.Title == "" {
			s.Title = s.Versions[0].Title
		}
		out = append(out, *s)
	}
	slices.SortStableFunc(out, func(a, b Summary) int {
		if c := cmp.Compare(len(b.Sources), len(a.Sources)); c != 0 {
			return c
		}
		if c := b.FirstSeen.Compare(a.FirstSeen); c != 0 {
			return c
		}
		if c := cmp.Compare(len(b.Versions), len(a.Versions)); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out
}

func compareVersions(a, b Version) int {
	switch {
	case a.Published.IsZero() != b.Published.IsZero():
		if a.Published.IsZero() {
			return 1
		}
		return -1
	case !a.Published.Equal(b.Published):
		return a.Published.Compare(b.Published)
	}
	return cmp.Compare(a.seq, b.seq)
}

// Edge is one copy in a story: To's article copies From's.
type Edge struct {
	From, To       string // sources
	Original, Copy string // article ids
	Similarity     float64
	Lag            time.Duration
	HasLag         bool // both versions dated
}

// Graph is a story's syndication graph.
type Graph struct {
	Story string
	// First is the earliest version (by publication time, else assignment order).
	First Version
	Edges []Edge
}

// StoryGraph derives who published first and who copied whom in a story.
func StoryGraph(s Summary) Graph {
	g := Graph{Story: s.ID}
	if len(s.Versions) == 0 {
		return g
	}
	g.First = s.Versions[0]
	byID := map[string]Version{}
	for _, v := range s.Versions {
		byID[v.ID] = v
	}
	for _, v := range s.Versions {
		if v.CopyOf == "" {
			continue
		}
		o, ok := byID[v.CopyOf]
		if !ok {
			continue
		}
		e := Edge{From: o.Source, To: v.Source, Original: o.ID, Copy: v.ID, Similarity: v.Similarity}
		if !o.Published.IsZero() && !v.Published.IsZero() {
			e.Lag, e.HasLag = v.Published.Sub(o.Published), true
		}
		g.Edges = append(g.Edges, e)
	}
	return g
}

// SourceStats are a source's syndication figures.
type SourceStats struct {
	Source string
	// Articles counts its versions; Originals those that copy nobody.
	Articles, Originals int
	// OriginalityRate is Originals / Articles.
	OriginalityRate float64
	// FirstInStories counts the stories (of two or more sources) it published first.
	FirstInStories int
	// Copies counts, per source, how many of this source's articles copy it; CopiedBy the reverse.
	Copies, CopiedBy []SourceCount
	// MedianLag is the median delay of its dated copies after their originals.
	MedianLag time.Duration
	LagCount  int
}

// SourceCount is a source and a count.
type SourceCount struct {
	Source string `json:"source"`
	N      int    `json:"n"`
}

// Syndication computes every source's figures from stored versions.
func Syndication(vs []Version) map[string]*SourceStats {
	stats := map[string]*SourceStats{}
	get := func(src string) *SourceStats {
		s, ok := stats[src]
		if !ok {
			s = &SourceStats{Source: src}
			stats[src] = s
		}
		return s
	}
	copies := map[string]map[string]int{}
	copiedBy := map[string]map[string]int{}
	lags := map[string][]time.Duration{}
	for _, sum := range Summarize(vs) {
		for _, v := range sum.Versions {
			s := get(v.Source)
			s.Articles++
			if v.CopyOf == "" {
				s.Originals++
			}
		}
		if len(sum.Sources) > 1 {
			get(sum.Versions[0].Source).FirstInStories++
		}
		for _, e := range StoryGraph(sum).Edges {
			add(copies, e.To, e.From)
			add(copiedBy, e.From, e.To)
			if e.HasLag {
				lags[e.To] = append(lags[e.To], e.Lag)
			}
		}
	}
	for src, s := range stats {
		if s.Articles > 0 {
			s.OriginalityRate = float64(s.Originals) / float64(s.Articles)
		}
		s.Copies, s.CopiedBy = ranked(copies[src]), ranked(copiedBy[src])
		if l := lags[src]; len(l) > 0 {
			slices.Sort(l)
			s.MedianLag, s.LagCount = l[len(l)/2], len(l)
			if len(l)%2 == 0 {
				s.MedianLag = (l[len(l)/2-1] + l[len(l)/2]) / 2
			}
		}
	}
	return stats
}

func add(m map[string]map[string]int, a, b string) {
	if m[a] == nil {
		m[a] = map[string]int{}
	}
	m[a][b]++
}

func ranked(m map[string]int) []SourceCount {
	out := make([]SourceCount, 0, len(m))
	for s, n := range m {
		out = append(out, SourceCount{s, n})
	}
	slices.SortFunc(out, func(a, b SourceCount) int {
		if c := cmp.Compare(b.N, a.N); c != 0 {
			return c
		}
		return cmp.Compare(a.Source, b.Source)
	})
	return out
}
