package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"time"

	"khabar/internal/persian"
	"khabar/internal/store"
)

// errNoSources is returned when the store does not keep sources.
var errNoSources = errors.New("this store keeps no sources")

// sourceStatus is one source as GET /api/v1/sources and the sources page show it.
type sourceStatus struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	NameLatin string   `json:"name_latin,omitempty"`
	HomeURL   string   `json:"home_url,omitempty"`
	Kind      string   `json:"kind"`
	Feeds     []string `json:"feeds"`
	Verified  bool     `json:"verified"`
	// PollEvery is the poll interval in seconds.
	PollEvery int `json:"poll_every_s"`
	// LastPoll is the latest poll of any of its feeds; nil if never polled.
	LastPoll *time.Time `json:"last_poll"`
	NextPoll *time.Time `json:"next_poll"`
	// Status is the worst status among its feeds: "error", "ok", "not modified",
	// or "never" before the first poll.
	Status string `json:"status"`
	Error  string `json:"error,omitempty"`
	// ArticlesPerDay averages the articles first delivered over the last week.
	ArticlesPerDay float64 `json:"articles_per_day"`

	// Display forms for the page: Jalali time and Persian digits.
	LastPollFa, LastPollISO, PerDayFa string `json:"-"`
}

// statsWindow is the period articles per day are averaged over.
const statsWindow = 7 * 24 * time.Hour

// sourceStatuses joins sources, their feeds' poll state and article counts.
func (s *Server) sourceStatuses(ctx context.Context) ([]sourceStatus, error) {
	ss, ok := s.deps.Store.(store.SourceStore)
	if !ok {
		return nil, errNoSources
	}
	srcs, err := ss.Sources(ctx)
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	states, err := ss.FeedStates(ctx)
	if err != nil {
		return nil, fmt.Errorf("feed states: %w", err)
	}
	counts, err := ss.SourceArticles(ctx, time.Now().Add(-statsWindow))
	if err != nil {
		return nil, fmt.Errorf("source articles: %w", err)
	}
	bySource := map[string][]store.FeedState{}
	for _, st := range states {
		bySource[st.SourceID] = append(bySource[st.SourceID], st)
	}
	out := make([]sourceStatus, 0, len(srcs))
	for _, src := range srcs {
		row := sourceStatus{
			ID: src.ID, Name: src.Name, NameLatin: src.NameLatin, HomeURL: src.HomeURL, Kind: string(src.Kind),
			Feeds: src.Feeds, Verified: src.Verified, PollEvery: int(src.Interval().Seconds()), Status: "never",
			ArticlesPerDay: float64(counts[src.ID]) / (statsWindow.Hours() / 24),
		}
		rank := map[string]int{"never": 0, "not modified": 1, "ok": 2, "error": 3}
		for _, st := range bySource[src.ID] {
			if row.LastPoll == nil || st.LastPoll.After(*row.LastPoll) {
				t := st.LastPoll
				row.LastPoll = &t
			}
			if row.NextPoll == nil || st.NextPoll.Before(*row.NextPoll) {
				t := st.NextPoll
				row.NextPoll = &t
			}
			if rank[st.Status] > rank[row.Status] {
				row.Status = st.Status
			}
			if st.Error != "" && row.Error == "" {
				row.Error = st.Error
			}
		}
		if row.LastPoll != nil {
			row.LastPollFa = persian.FormatJalali(*row.LastPoll, true)
			row.LastPollISO = row.LastPoll.UTC().Format(time.RFC3339)
		}
		row.PerDayFa = persian.PersianDigits(strconv.FormatFloat(row.ArticlesPerDay, 'f', 1, 64))
		out = append(out, row)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Kind < out[j].Kind })
	return out, nil
}

// apiSources lists the sources with their poll status: GET /api/v1/sources.
func (s *Server) apiSources(w http.ResponseWriter, r *http.Request) {
	rows, err := s.sourceStatuses(r.Context())
	if errors.Is(err, errNoSources) {
		s.fail(w, r, http.StatusServiceUnavailable, "sources are not available", nil)
		return
	}
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "internal error", err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, struct {
		Total   int            `json:"total"`
		Sources []sourceStatus `json:"sources"`
	}{len(rows), rows})
}
