package store

import (
	"context"
	"time"

	"khabar/internal/feeds"
)

// SourceStore keeps the sources khabar follows and the state of polling
// their feeds. Every method takes ctx first; lookups that find nothing wrap
// ErrNotFound.
type SourceStore interface {
	// PutSource inserts a source or replaces the one with the same ID.
	PutSource(ctx context.Context, s feeds.Source) error
	Source(ctx context.Context, id string) (feeds.Source, error)
	// Sources lists all sources by ID.
	Sources(ctx context.Context) ([]feeds.Source, error)
	// DeleteSource removes a source and its feed state; its articles stay.
	DeleteSource(ctx context.Context, id string) error

	// FeedState returns what the last poll of a feed left (ErrNotFound if never polled).
	FeedState(ctx context.Context, feedURL string) (FeedState, error)
	PutFeedState(ctx context.Context, st FeedState) error
	// FeedStates lists the state of every polled feed of every source.
	FeedStates(ctx context.Context) ([]FeedState, error)

	// SeenItems returns which of the article IDs a feed has delivered before,
	// so a re-poll neither fetches their pages nor stores them again.
	SeenItems(ctx context.Context, feedURL string, ids []string) (map[string]bool, error)
	// MarkSeen records that a feed delivered these article IDs at a time.
	MarkSeen(ctx context.Context, sourceID, feedURL string, ids []string, at time.Time) error
	// SourceArticles counts per source ID the articles first delivered since a time.
	SourceArticles(ctx context.Context, since time.Time) (map[string]int, error)
}

// FeedState is the bookkeeping of one feed's polls.
type FeedState struct {
	SourceID, FeedURL string
	// ETag and LastModified make the next poll a conditional request.
	ETag, LastModified string
	LastPoll, NextPoll time.Time
	// Status is "ok", "not modified" or "error"; Error says what went wrong.
	Status, Error string
	// Failures counts consecutive failed polls; it drives the back-off.
	Failures int
	// Items and New count the last successful poll's items and new articles.
	Items, New int
}
