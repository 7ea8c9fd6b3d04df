package store

import (
	"context"
	"time"

	"khabar/internal/article"
)

// StoryStore keeps what copy detection and story clustering decided for each
// article. The decisions are made in memory (internal/stories.Engine); the
// store records them, replays the articles in their order so the engine can be
// rebuilt after a restart, and lists stories.
type StoryStore interface {
	// PutStoryAssignments records a batch in one transaction: each article's
	// fingerprint, copy link and story; an assignment's Merged stories are
	// renamed to its Story, its Moved articles change story, and the article it
	// Supersedes (with that article's copies) is re-pointed to it. Putting an
	// article again replaces its row.
	PutStoryAssignments(ctx context.Context, as []StoryAssignment) error
	// AssignedArticles returns the assigned articles in the order they were
	// assigned (to rebuild the engine).
	AssignedArticles(ctx context.Context) ([]*article.Article, error)
	// StoryArticles lists assigned articles with their story and copy link,
	// restricted to stories with an article at or after since when non-zero.
	StoryArticles(ctx context.Context, since time.Time) ([]StoryArticle, error)
	// StoryArticlesOf lists one story's articles, or returns an error
	// wrapping ErrNotFound.
	StoryArticlesOf(ctx context.Context, storyID string) ([]StoryArticle, error)
}

// StoryAssignment is the engine's decision for one article.
type StoryAssignment struct {
	ArticleID   string
	Fingerprint uint64 // 0 when the text is too short to have one
	Signature   []byte // copies.Signature, marshalled
	CopyOf      string
	Similarity  float64
	Supersedes  string
	Story       string
	StoryTitle  string // the story's title (its most central article) as of this assignment
	StoryScore  float64
	Merged      []string
	Moved       []StoryMove // earlier articles a split moved to another story
}

// StoryMove is an article moved to another story.
type StoryMove struct {
	ArticleID, Story string
}

// StoryArticle is an article as a story lists it.
type StoryArticle struct {
	ID, Title, Source, URL, Path string
	// Published is the publication time, else zero.
	Published  time.Time
	Ingested   time.Time
	CopyOf     string
	Similarity float64
	Story      string
	StoryTitle string
	StoryScore float64
}
