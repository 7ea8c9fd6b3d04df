package web

import (
	"errors"
	"net/http"
	"net/url"
	"time"

	"khabar/internal/copies"
	"khabar/internal/persian"
	"khabar/internal/store"
	"khabar/internal/stories"
)

// storiesPerPage is how many stories the stories page lists at a time.
const storiesPerPage = 20

type storiesPage struct {
	page
	Total   int
	Stories []storyItem
	Pager   pager
}

// storyItem is a story as lists show it; times are formatted at render time.
type storyItem struct {
	ID, Title, FirstSeen, FirstSeenISO string
	Sources                            []string
	Size, Copies, Independent          int
}

func newStoryItem(s stories.Summary) storyItem {
	it := storyItem{ID: s.ID, Title: s.Title, Sources: s.Sources, Size: len(s.Versions), Copies: s.Copies, Independent: s.Independent}
	if !s.FirstSeen.IsZero() {
		it.FirstSeen = persian.FormatJalali(s.FirstSeen, true)
		it.FirstSeenISO = s.FirstSeen.UTC().Format(time.RFC3339)
	}
	return it
}

func storyURL(id string) string { return "/stories/" + url.PathEscape(id) }

// storiesPage lists stories, most sources and most recent first: GET /stories?page=N.
func (s *Server) storiesPage(w http.ResponseWriter, r *http.Request) {
	pg, err := pageNumber(r, storiesPerPage)
	if err != nil {
		s.failPage(w, r, http.StatusBadRequest, "شمارهٔ صفحه باید عددی مثبت باشد.")
		return
	}
	_, sums, err := s.allStories(r.Context())
	if s.storyPageFailed(w, r, err) {
		return
	}
	p := storiesPage{Total: len(sums), Pager: newPager("/stories", pg, storiesPerPage, len(sums))}
	for i := (pg - 1) * storiesPerPage; i < len(sums) && i < pg*storiesPerPage; i++ {
		p.Stories = append(p.Stories, newStoryItem(sums[i]))
	}
	if len(p.Stories) == 0 && pg > 1 {
		s.failPage(w, r, http.StatusNotFound, "این صفحه از فهرست داستان‌ها خالی است.")
		return
	}
	p.Title = "داستان‌ها"
	s.render(w, r, http.StatusOK, "stories", p)
}

type storyPage struct {
	page
	Story   storyItem
	Reports []storyReport
}

// storyReport is an independent report with the copies made of it.
type storyReport struct {
	Version versionItem
	Copies  []versionItem
}

type versionItem struct {
	ID, Title, Source, Where, Published, PublishedISO string
	// SimilarityPct is the copy similarity in percent, for copies.
	SimilarityPct int
	DiffURL       string
}

func newVersionItem(storyID string, v stories.Version) versionItem {
	it := versionItem{ID: v.ID, Title: v.Title, Source: v.Source, Where: v.URL}
	if it.Where == "" {
		it.Where = v.Path
	}
	if !v.Published.IsZero() {
		it.Published = persian.FormatJalali(v.Published, true)
		it.PublishedISO = v.Published.UTC().Format(time.RFC3339)
	}
	if v.CopyOf != "" {
		it.SimilarityPct = int(v.Similarity*100 + 0.5)
		it.DiffURL = storyURL(storyID) + "/copies/" + url.PathEscape(v.ID)
	}
	return it
}

// storyPage shows a story's versions grouped into independent reports and
// the copies of each: GET /stories/{id}.
func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) {
	sum, err := s.story(r.Context(), r.PathValue("id"))
	if s.storyPageFailed(w, r, err) {
		return
	}
	p := storyPage{Story: newStoryItem(sum)}
	p.Title = sum.Title
	idx := map[string]int{}
	for _, v := range sum.Versions {
		if v.CopyOf == "" {
			idx[v.ID] = len(p.Reports)
			p.Reports = append(p.Reports, storyReport{Version: newVersionItem(sum.ID, v)})
		}
	}
	for _, v := range sum.Versions {
		if v.CopyOf == "" {
			continue
		}
		if i, ok := idx[v.CopyOf]; ok {
			p.Reports[i].Copies = append(p.Reports[i].Copies, newVersionItem(sum.ID, v))
		} else {
			// Its original is in another story (stories merged or split apart).
			p.Reports = append(p.Reports, storyReport{Version: newVersionItem(sum.ID, v)})
		}
	}
	s.render(w, r, http.StatusOK, "story", p)
}

type copyDiffPage struct {
	page
	StoryURL       string
	Original, Copy versionItem
	Rows           []diffRow
	Same, Changed  int
}

type diffRow struct {
	Op             string // same, removed, added
	Original, Copy string
}

// copyDiffPage shows a copy beside its original, paragraph by paragraph:
// GET /stories/{id}/copies/{article}.
func (s *Server) copyDiffPage(w http.ResponseWriter, r *http.Request) {
	sum, err := s.story(r.Context(), r.PathValue("id"))
	if s.storyPageFailed(w, r, err) {
		return
	}
	var cp, orig *stories.Version
	for i, v := range sum.Versions {
		if v.ID == r.PathValue("article") {
			cp = &sum.Versions[i]
		}
	}
	if cp != nil {
		for i, v := range sum.Versions {
			if v.ID == cp.CopyOf {
				orig = &sum.Versions[i]
			}
		}
	}
	if cp == nil || orig == nil {
		s.failPage(w, r, http.StatusNotFound, "این خبر در این داستان رونوشتِ خبر دیگری نیست.")
		return
	}
	oa, err := s.deps.Store.Article(r.Context(), orig.ID)
	if s.storyPageFailed(w, r, err) {
		return
	}
	ca, err := s.deps.Store.Article(r.Context(), cp.ID)
	if s.storyPageFailed(w, r, err) {
		return
	}
	p := copyDiffPage{StoryURL: storyURL(sum.ID), Original: newVersionItem(sum.ID, *orig), Copy: newVersionItem(sum.ID, *cp)}
	p.Title = "مقایسهٔ رونوشت با اصل"
	for _, d := range copies.Diff(oa.Body, ca.Body) {
		row := diffRow{Original: d.Original, Copy: d.Copy, Op: "same"}
		switch d.Op {
		case copies.Same:
			p.Same++
		case copies.Removed:
			row.Op = "removed"
			p.Changed++
		case copies.Added:
			row.Op = "added"
			p.Changed++
		}
		p.Rows = append(p.Rows, row)
	}
	s.render(w, r, http.StatusOK, "copy", p)
}

type syndicationPage struct {
	page
	Sources []sourceSyndication
}

type sourceSyndication struct {
	Source                              string
	Articles, Originals, FirstInStories int
	OriginalityPct                      int
	Copies, CopiedBy                    []stories.SourceCount
	MedianLag                           string
	LagCount                            int
}

// syndicationPage shows every source's syndication figures: GET /syndication.
func (s *Server) syndicationPage(w http.ResponseWriter, r *http.Request) {
	vs, _, err := s.allStories(r.Context())
	if s.storyPageFailed(w, r, err) {
		return
	}
	p := syndicationPage{}
	p.Title = "بازنشر"
	for _, st := range sortedSyndication(vs) {
		row := sourceSyndication{Source: st.Source, Articles: st.Articles, Originals: st.Originals, FirstInStories: st.FirstInStories,
			OriginalityPct: int(st.OriginalityRate*100 + 0.5), Copies: top(st.Copies, 3), CopiedBy: top(st.CopiedBy, 3), LagCount: st.LagCount}
		if st.LagCount > 0 {
			row.MedianLag = lagText(st.MedianLag)
		}
		p.Sources = append(p.Sources, row)
	}
	s.render(w, r, http.StatusOK, "syndication", p)
}

func top(cs []stories.SourceCount, n int) []stories.SourceCount { return cs[:min(n, len(cs))] }

// lagText writes a delay for readers: «۳ ساعت و ۱۲ دقیقه».
func lagText(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	h, m := int(d.Hours()), int(d.Minutes())%60
	switch {
	case h == 0:
		return faNumber(m) + " دقیقه"
	case m == 0:
		return faNumber(h) + " ساعت"
	}
	return faNumber(h) + " ساعت و " + faNumber(m) + " دقیقه"
}

// storyPageFailed answers a failed story read with a Persian page.
func (s *Server) storyPageFailed(w http.ResponseWriter, r *http.Request, err error) bool {
	switch {
	case err == nil:
		return false
	case errors.Is(err, errNoStories):
		s.failPage(w, r, http.StatusServiceUnavailable, "این پایگاه داده داستان‌ها را نگه نمی‌دارد.")
	case errors.Is(err, store.ErrNotFound):
		s.failPage(w, r, http.StatusNotFound, "داستانی با این شناسه پیدا نشد.")
	default:
		s.fail(w, r, http.StatusInternalServerError, "internal error", err)
	}
	return true
}
