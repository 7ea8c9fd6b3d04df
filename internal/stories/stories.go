// Package stories groups articles about the same event across sources into
// stories, online: each article joins the story it is most similar to (by
// rarity-weighted terms, its title counted most) within a time window, or
// starts a new one; stories that turn out to be one are merged. It also
// derives the syndication graph (who published first, who copied whom and
// how fast) from stories and copy links. It is pure: no storage, no clock.
package stories

import (
	"cmp"
	"slices"
	"time"
)

// Options tune the clustering.
type Options struct {
	// Threshold is the similarity an article needs to join a story.
	Threshold float64
	// MergeThreshold is the centroid similarity at which two stories that an
	// article joins both are merged into one.
	MergeThreshold float64
	// Window bounds, for dated articles, how far from a story's articles a new
	// one may be published and still join it.
	Window time.Duration
	// UndatedWindow bounds, when either side has no date (text dumps), how many
	// articles ago the story was last joined.
	UndatedWindow int
	// SplitThreshold: an independent report whose similarity to the rest of
	// its story falls below this (the story drifted away from it) is split
	// off into a story of its own, with its copies.
	SplitThreshold float64
}

// DefaultOptions were chosen on the dev half of the labelled story groups
// (khabar eval stories --split dev); the test half was only scored.
func DefaultOptions() Options {
	return Options{Threshold: 0.18, MergeThreshold: 0.50, Window: 72 * time.Hour, UndatedWindow: 20000, SplitThreshold: 0.09}
}

// Item is one article as the clusterer sees it.
type Item struct {
	ID, Title, Source string
	// Published is zero when unknown.
	Published time.Time
	// CopyOf is the original this article copies (from copy detection): a copy
	// always joins its original's story.
	CopyOf     string
	Similarity float64
	Vector     Vector
}

// Member is an article in a story.
type Member struct {
	ID, Title, Source string
	Published         time.Time
	CopyOf            string
	Similarity        float64 // copy similarity, when CopyOf is set
	// Score is the similarity with which the article joined the story (1 for
	// the article that started it or a copy).
	Score float64
	vec   Vector
	seq   int
}

// Story is a group of articles about one event.
type Story struct {
	// ID is derived from the article that started the story, so it is stable
	// across restarts and re-runs over the same input.
	ID string
	// Title is the title of the most central article.
	Title string
	// FirstSeen is the earliest publication time (zero when no member is dated).
	FirstSeen time.Time
	// Sources lists the distinct sources, first publisher first.
	Sources []string
	Members []Member

	centroid map[uint64]float64
	norm2    float64
	nvec     int       // members summed into the centroid
	last     time.Time // latest dated member
	lastSeq  int
	mergedTo *Story
}

// Size is the number of articles.
func (s *Story) Size() int { return len(s.Members) }

// Assignment is where Add put an article.
type Assignment struct {
	Story string
	Score float64
	// Merged lists stories folded into Story by this article (their ids are gone).
	Merged []string
	// Moved lists articles split off into other stories by this article.
	Moved []Move
}

// Move is an article that a split moved to another story.
type Move struct {
	Article, Story string
}

// Clusterer assigns articles to stories one at a time. Feed it articles in
// publication order (undated ones in arrival order). Not safe for concurrent use.
type Clusterer struct {
	opts      Options
	seq       int
	stories   []*Story
	byID      map[string]*Story
	ofArticle map[string]*Story
	postings  map[uint64][]*Story
	newest    time.Time // latest publication time seen
}

// maxPosting bounds a term's posting list: a term in that many live stories
// is too common to find candidates with.
const maxPosting = 400

// indexTerms is how many of an article's heaviest terms are posted and queried.
const indexTerms = 12

// NewClusterer returns an empty clusterer.
func NewClusterer(o Options) *Clusterer {
	return &Clusterer{opts: o, byID: map[string]*Story{}, ofArticle: map[string]*Story{}, postings: map[uint64][]*Story{}}
}

// StoryOf returns the story an article is in.
func (c *Clusterer) StoryOf(articleID string) (string, bool) {
	s, ok := c.ofArticle[articleID]
	if !ok {
		return "", false
	}
	return resolve(s).ID, true
}

func resolve(s *Story) *Story {
	for s.mergedTo != nil {
		s = s.mergedTo
	}
	return s
}

// Add assigns an article to a story and returns the assignment. Adding an
// article id twice returns its current story.
func (c *Clusterer) Add(it Item) Assignment {
	if s, ok := c.ofArticle[it.ID]; ok {
		return Assignment{Story: resolve(s).ID, Score: 1}
	}
	c.seq++
	if it.Published.After(c.newest) {
		c.newest = it.Published
	}
	m := Member{ID: it.ID, Title: it.Title, Source: it.Source, Published: it.Published, CopyOf: it.CopyOf, Similarity: it.Similarity, vec: it.Vector, seq: c.seq}
	if it.CopyOf != "" {
		if s, ok := c.ofArticle[it.CopyOf]; ok {
			s = resolve(s)
			m.Score = 1
			c.join(s, m, false)
			return Assignment{Story: s.ID, Score: 1}
		}
	}
	cands := c.candidates(it)
	var best, second *Story
	var bestScore, secondScore float64
	for _, s := range cands {
		sc := c.joinScore(s, it)
		switch {
		case sc > bestScore:
			second, secondScore = best, bestScore
			best, bestScore = s, sc
		case sc > secondScore:
			second, secondScore = s, sc
		}
	}
	if best == nil || bestScore < c.opts.Threshold {
		s := &Story{ID: "s" + it.ID, centroid: map[uint64]float64{}}
		c.stories = append(c.stories, s)
		c.byID[s.ID] = s
		m.Score = 1
		c.join(s, m, true)
		return Assignment{Story: s.ID, Score: 1}
	}
	m.Score = bestScore
	c.join(best, m, true)
	a := Assignment{Story: best.ID, Score: bestScore}
	if second != nil && secondScore >= c.opts.Threshold && centroidCosine(best, second) >= c.opts.MergeThreshold {
		keep, gone := best, second
		if older(gone, keep) {
			keep, gone = gone, keep
		}
		c.merge(keep, gone)
		a.Story = keep.ID
		a.Merged = []string{gone.ID}
	}
	a.Moved = c.split(c.byID[a.Story])
	return a
}

// maxSplitCheck bounds the independent reports a split check reads.
const maxSplitCheck = 200

// split moves out of s every independent report (not the one that started
// the story, which gives it its id) whose similarity to the rest of the story
// has fallen below SplitThreshold: the story grew towards another event. Each
// leaves with its copies into a story of its own, named after it.
func (c *Clusterer) split(s *Story) []Move {
	if s == nil || c.opts.SplitThreshold <= 0 {
		return nil
	}
	var origs []int
	for i, m := range s.Members {
		if m.CopyOf == "" && len(m.vec) > 0 {
			origs = append(origs, i)
		}
	}
	if len(origs) < 3 || len(origs) > maxSplitCheck {
		return nil
	}
	out := map[string]bool{}
	for _, i := range origs {
		m := s.Members[i]
		if "s"+m.ID == s.ID || m.ID == s.Members[0].ID || m.seq == c.seq {
			continue // the story's namesake stays; the newcomer was judged just now
		}
		// Cosine with the centroid of the other members: C−v, with |v| = 1.
		var dot float64
		for _, t := range m.vec {
			dot += t.W * s.centroid[t.ID]
		}
		rest2 := s.norm2 - 2*dot + 1
		if rest2 <= 1e-12 {
			continue
		}
		if (dot-1)/sqrt(rest2) < c.opts.SplitThreshold {
			out[m.ID] = true
		}
	}
	if len(out) == 0 {
		return nil
	}
	var moves []Move
	for id := range out {
		moves = append(moves, c.moveOut(s, id)...)
	}
	slices.SortFunc(moves, func(a, b Move) int { return cmp.Compare(a.Article, b.Article) })
	return moves
}

// moveOut moves an independent report and its copies from s into a new story.
func (c *Clusterer) moveOut(s *Story, id string) []Move {
	ns := &Story{ID: "s" + id, centroid: map[uint64]float64{}}
	if _, taken := c.byID[ns.ID]; taken {
		return nil
	}
	c.stories = append(c.stories, ns)
	c.byID[ns.ID] = ns
	var keep []Member
	var moves []Move
	for _, m := range s.Members {
		if m.ID != id && m.CopyOf != id {
			keep = append(keep, m)
			continue
		}
		if m.ID == id && len(m.vec) > 0 {
			s.nvec--
			for _, t := range m.vec {
				old := s.centroid[t.ID]
				s.centroid[t.ID] = old - t.W
				s.norm2 += (old-t.W)*(old-t.W) - old*old
			}
		}
		c.join(ns, m, m.ID == id)
		moves = append(moves, Move{Article: m.ID, Story: ns.ID})
	}
	s.Members = keep
	// The story's time span may have shrunk.
	s.FirstSeen, s.last = time.Time{}, time.Time{}
	for _, m := range keep {
		if !m.Published.IsZero() {
			if s.FirstSeen.IsZero() || m.Published.Before(s.FirstSeen) {
				s.FirstSeen = m.Published
			}
			if m.Published.After(s.last) {
				s.last = m.Published
			}
		}
	}
	return moves
}

// older reports whether story a started before b.
func older(a, b *Story) bool {
	fa, fb := a.Members[0], b.Members[0]
	if !fa.Published.IsZero() && !fb.Published.IsZero() && !fa.Published.Equal(fb.Published) {
		return fa.Published.Before(fb.Published)
	}
	return fa.seq < fb.seq
}

// candidates returns the live stories sharing a heavy term with the article
// and inside its time window.
func (c *Clusterer) candidates(it Item) []*Story {
	var out []*Story
	seen := map[*Story]bool{}
	for _, t := range heaviest(it.Vector, indexTerms) {
		list := c.postings[t.ID]
		kept := list[:0]
		for _, s := range list {
			if s.mergedTo != nil || c.stale(s) {
				continue // merged away or long over: drop from the list
			}
			kept = append(kept, s)
			if !seen[s] && c.live(s, it.Published) {
				seen[s] = true
				out = append(out, s)
			}
		}
		clear(list[len(kept):])
		c.postings[t.ID] = kept
	}
	return out
}

// stale reports whether a story is too old to take any article still to
// come: its last article is several windows before the newest seen (late
// arrivals within that margin still find it), or, undated, it has not been
// joined for UndatedWindow articles.
func (c *Clusterer) stale(s *Story) bool {
	if !s.last.IsZero() && !c.newest.IsZero() {
		return c.newest.Sub(s.last) > 4*c.opts.Window
	}
	return c.seq-s.lastSeq > c.opts.UndatedWindow
}

// live reports whether a story can still take an article published at t.
func (c *Clusterer) live(s *Story, t time.Time) bool {
	if !t.IsZero() && !s.last.IsZero() {
		first := s.FirstSeen
		return t.Sub(s.last) <= c.opts.Window && first.Sub(t) <= c.opts.Window
	}
	return c.seq-s.lastSeq <= c.opts.UndatedWindow
}

// joinScore is how well an article fits a story: its mean cosine with the
// story's independent reports (average link; the centroid is their sum, so
// this is one dot product). The cosine with the centroid itself would grow
// with the story: members that share a topic but not an event pile up on the
// topic's terms, the centroid's norm falls behind its size, and every further
// article on the topic gets through — chains of same-topic articles years
// apart, which is what happens without dates to hold stories apart. The
// mean does not grow that way. (On the dev labels: content-only pairwise F1
// 0.737 → 0.875, dated unchanged.)
func (c *Clusterer) joinScore(s *Story, it Item) float64 {
	if s.nvec == 0 {
		return 0
	}
	var dot float64
	for _, t := range it.Vector {
		dot += t.W * s.centroid[t.ID]
	}
	return dot / float64(s.nvec)
}

// score is the cosine of the article with the story's centroid.
func (c *Clusterer) score(s *Story, v Vector) float64 {
	if s.norm2 == 0 {
		return 0
	}
	var dot float64
	for _, t := range v {
		dot += t.W * s.centroid[t.ID]
	}
	return dot / sqrt(s.norm2)
}

func centroidCosine(a, b *Story) float64 {
	if a.norm2 == 0 || b.norm2 == 0 {
		return 0
	}
	x, y := a.centroid, b.centroid
	if len(x) > len(y) {
		x, y = y, x
	}
	var dot float64
	for id, w := range x {
		dot += w * y[id]
	}
	return dot / sqrt(a.norm2*b.norm2)
}

// join adds a member; copies do not move the centroid (a hundred copies of
// one text would otherwise drown the independent reports).
func (c *Clusterer) join(s *Story, m Member, centroid bool) {
	s.Members = append(s.Members, m)
	c.ofArticle[m.ID] = s
	s.lastSeq = c.seq
	if !m.Published.IsZero() {
		if s.FirstSeen.IsZero() || m.Published.Before(s.FirstSeen) {
			s.FirstSeen = m.Published
		}
		if m.Published.After(s.last) {
			s.last = m.Published
		}
	}
	if !centroid || len(m.vec) == 0 {
		return
	}
	s.nvec++
	for _, t := range m.vec {
		old := s.centroid[t.ID]
		s.centroid[t.ID] = old + t.W
		s.norm2 += (old+t.W)*(old+t.W) - old*old
	}
	for _, t := range heaviest(m.vec, indexTerms) {
		if l := c.postings[t.ID]; len(l) < maxPosting && (len(l) == 0 || l[len(l)-1] != s) {
			c.postings[t.ID] = append(l, s)
		}
	}
}

// merge folds gone into keep.
func (c *Clusterer) merge(keep, gone *Story) {
	for _, m := range gone.Members {
		keep.Members = append(keep.Members, m)
		c.ofArticle[m.ID] = keep
	}
	keep.nvec += gone.nvec
	for id, w := range gone.centroid {
		old := keep.centroid[id]
		keep.centroid[id] = old + w
		keep.norm2 += (old+w)*(old+w) - old*old
	}
	if !gone.FirstSeen.IsZero() && (keep.FirstSeen.IsZero() || gone.FirstSeen.Before(keep.FirstSeen)) {
		keep.FirstSeen = gone.FirstSeen
	}
	if gone.last.After(keep.last) {
		keep.last = gone.last
	}
	keep.lastSeq = max(keep.lastSeq, gone.lastSeq)
	for _, m := range gone.Members {
		for _, t := range heaviest(m.vec, indexTerms) {
			if l := c.postings[t.ID]; len(l) < maxPosting {
				c.postings[t.ID] = append(l, keep)
			}
		}
	}
	gone.mergedTo = keep
	gone.Members, gone.centroid = nil, nil
	delete(c.byID, gone.ID)
}

// heaviest returns the n heaviest terms of v.
func heaviest(v Vector, n int) Vector {
	if len(v) <= n {
		return v
	}
	h := slices.Clone(v)
	slices.SortFunc(h, func(a, b Term) int {
		if c := cmp.Compare(b.W, a.W); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return h[:n]
}

// Stories returns the current stories (merged ones excluded) with their
// titles and sources filled in, largest source count first, then newest.
func (c *Clusterer) Stories() []Story {
	var out []Story
	for _, s := range c.stories {
		if s.mergedTo != nil {
			continue
		}
		out = append(out, c.snapshot(s))
	}
	SortStories(out)
	return out
}

// Story returns one story by id.
func (c *Clusterer) Story(id string) (Story, bool) {
	s, ok := c.byID[id]
	if !ok {
		return Story{}, false
	}
	return c.snapshot(s), true
}

func (c *Clusterer) snapshot(s *Story) Story {
	out := Story{ID: s.ID, FirstSeen: s.FirstSeen, Members: slices.Clone(s.Members)}
	slices.SortStableFunc(out.Members, func(a, b Member) int { return compareMembers(a, b) })
	out.Title = c.centralTitle(s)
	seen := map[string]bool{}
	for _, m := range out.Members {
		if m.Source != "" && !seen[m.Source] {
			seen[m.Source] = true
			out.Sources = append(out.Sources, m.Source)
		}
	}
	return out
}

// Title returns the title of a story's most central article.
func (c *Clusterer) Title(storyID string) string {
	s, ok := c.byID[storyID]
	if !ok {
		return ""
	}
	return c.centralTitle(s)
}

// centralTitle is the title of the original (not copied) member closest to
// the centroid; copies are skipped, so a story's cost stays the number of its
// independent reports however often they are copied.
func (c *Clusterer) centralTitle(s *Story) string {
	best, title := -1.0, ""
	for _, m := range s.Members {
		if m.CopyOf != "" {
			continue
		}
		if sc := c.score(s, m.vec); sc > best {
			best, title = sc, m.Title
		}
	}
	if title == "" && len(s.Members) > 0 {
		title = s.Members[0].Title
	}
	return title
}

// compareMembers orders members by publication time (undated last), then arrival.
func compareMembers(a, b Member) int {
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

// SortStories ranks stories for readers: more sources first, then the most
// recently started, then id (so the order is deterministic).
func SortStories(ss []Story) {
	slices.SortStableFunc(ss, func(a, b Story) int {
		if c := cmp.Compare(len(b.Sources), len(a.Sources)); c != 0 {
			return c
		}
		if c := b.FirstSeen.Compare(a.FirstSeen); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Size(), a.Size()); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}
