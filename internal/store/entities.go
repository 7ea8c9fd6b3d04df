package store

import (
	"context"
	"strings"
	"time"

	"khabar/internal/article"
	"khabar/internal/persian"
)

// EntityStore answers questions across articles about what the analysis
// stages found in them: who is mentioned, when and with whom, who said what,
// who did what to whom, and which topics there are. A backend fills it from
// the Entities, Quotes, Events and Category of the articles PutArticles
// writes. Lookups of one thing that find nothing wrap ErrNotFound; lists that
// find nothing are empty.
type EntityStore interface {
	// Entity returns one entity record with its counts.
	Entity(ctx context.Context, id string) (EntityRecord, error)
	// TopEntities lists the entities mentioned in the most articles, of one
	// PEYMA type ("PER", "ORG", ...) or of every type when typ is "".
	TopEntities(ctx context.Context, typ string, limit int) ([]EntityRecord, error)
	// EntityTimeline counts an entity's mentions per day (Tehran time) in
	// the articles that carry a publication date, oldest day first, days
	// without a mention left out.
	EntityTimeline(ctx context.Context, id string) ([]DayCount, error)
	// CoEntities lists the entities that share the most articles with id;
	// their Articles field counts the shared articles. A backend may count
	// over the entity's latest articles only (sqlite: 500), to stay fast.
	CoEntities(ctx context.Context, id string, limit int) ([]EntityRecord, error)
	// EntityArticles lists the articles that mention an entity, newest first
	// (q.Since and q.Until are honoured), without their raw text.
	EntityArticles(ctx context.Context, id string, q ListQuery) ([]*article.Article, error)
	// Quotes lists what a speaker (an entity id) said, newest first.
	Quotes(ctx context.Context, speakerID string, limit int) ([]QuoteRecord, error)
	// Events lists coded events, newest first, then in article order.
	Events(ctx context.Context, q EventQuery) ([]EventRecord, error)
	// CountEvents counts the events Events would list without a limit.
	CountEvents(ctx context.Context, q EventQuery) (int, error)
	// Categories counts the articles of each topic, most first.
	Categories(ctx context.Context) ([]CategoryCount, error)
}

// EntityRecord is a canonical entity and how often it is mentioned.
type EntityRecord struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Name    string `json:"name"`
	Latin   string `json:"latin,omitempty"`
	Country string `json:"country,omitempty"`
	// Articles counts the articles that mention it (shared articles in
	// CoEntities), Mentions its mentions in them.
	Articles int `json:"articles"`
	Mentions int `json:"mentions"`
}

// DayCount is one day of an entity's timeline.
type DayCount struct {
	// Day is midnight of the day in Tehran.
	Day      time.Time `json:"day"`
	Articles int       `json:"articles"`
	Mentions int       `json:"mentions"`
}

// ArticleRef names the article a quote or event was read from.
type ArticleRef struct {
	ArticleID    string `json:"article_id"`
	ArticleTitle string `json:"article_title"`
	// Time is the article's publication time, else its ingestion time.
	Time time.Time `json:"time"`
}

// QuoteRecord is a quotation with the article it appeared in.
type QuoteRecord struct {
	article.Quote
	ArticleRef
}

// EventRecord is a coded event with the article it was read from.
type EventRecord struct {
	article.Event
	ArticleRef
}

// EventQuery selects events. Empty fields do not restrict.
type EventQuery struct {
	// Actor matches an event whose source or target is this entity id or an
	// entity of this name (as the search filter entity: reads names), or
	// whose actor code starts with it («CHN» matches «CHNGOV»), ignoring case.
	Actor string
	// Entity matches an event whose source or target is this entity id.
	Entity string
	// Code matches a CAMEO code prefix when it is digits («04» matches «040»,
	// «042»), else a PLOVER event type («CONSULT»), ignoring case.
	Code string
	// Since (inclusive) and Until (exclusive) bound the article's time.
	Since, Until time.Time
	// Limit ≤ 0 means DefaultLimit.
	Limit, Offset int
}

// CategoryCount is a topic and how many articles have it.
type CategoryCount struct {
	Category string `json:"category"`
	Articles int    `json:"articles"`
}

// namedTypes are the PEYMA tags of things that deserve an entity page even
// when the linker did not know them; dates, times, money and percentages are
// kept only when linked.
var namedTypes = map[string]bool{"PER": true, "ORG": true, "LOC": true, "FAC": true, "EVE": true, "PRO": true}

// EntityID is the id an entity mention is stored under: the linked record's
// id, else, for a person, organization, place, facility, event or product,
// one made from its type and folded text («per:سرگیی_لاوروف»), so the same
// unlinked name in two articles is one entity. Other unlinked mentions get "".
func EntityID(e article.Entity) string {
	if e.ID != "" {
		return e.ID
	}
	t := strings.ToUpper(e.Type)
	if !namedTypes[t] {
		return ""
	}
	f := persian.FoldTokens(e.Text)
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(t) + ":" + strings.Join(f, "_")
}
