package feeds

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	nurl "net/url"
	"regexp"
	"strings"
	"time"
)

// Kind says what sort of outlet a source is; it decides the default poll
// interval and lets readers tell original reporting from re-publication.
type Kind string

const (
	Agency     Kind = "agency"     // news agency: Tasnim, IRNA, ISNA, ...
	Newspaper  Kind = "newspaper"  // newspaper or news site with its own newsroom
	Aggregator Kind = "aggregator" // re-publishes others' stories (Webangah, ...)
	Foreign    Kind = "foreign"    // Persian-language service abroad (BBC Persian, ...)
)

// Kinds lists the valid kinds in display order.
var Kinds = []Kind{Agency, Newspaper, Aggregator, Foreign}

// Source is an outlet khabar follows.
type Source struct {
	// ID is a short stable slug (from the Latin name), used in commands and URLs.
	ID        string   `json:"id"`
	Name      string   `json:"name"`       // Persian name, as the outlet writes it
	NameLatin string   `json:"name_latin"` // Latin-script name
	HomeURL   string   `json:"home_url"`
	Feeds     []string `json:"feeds"`
	Kind      Kind     `json:"kind"`
	// PollEvery is how often the feeds are polled; zero means the kind's default.
	PollEvery Duration `json:"poll_every,omitempty"`
	// Verified is false for feed URLs nobody has checked against the live site
	// (the default list was written without internet access).
	Verified bool `json:"verified"`
}

// Duration is a time.Duration written as "15m" in JSON.
type Duration time.Duration

func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(time.Duration(d).String()) }

func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("poll interval %q: %w", s, err)
	}
	*d = Duration(v)
	return nil
}

// Interval is the poll interval: the source's own, else its kind's default.
func (s Source) Interval() time.Duration {
	if s.PollEvery > 0 {
		return time.Duration(s.PollEvery)
	}
	switch s.Kind {
	case Agency:
		return 10 * time.Minute
	case Aggregator:
		return 15 * time.Minute
	case Foreign:
		return 20 * time.Minute
	}
	return 30 * time.Minute
}

// ErrInvalidSource is wrapped by Validate's errors.
var ErrInvalidSource = errors.New("invalid source")

// Validate checks a source before it is stored, filling the ID from the
// Latin name or the home URL's host when it is empty.
func (s *Source) Validate() error {
	if s.Name == "" && s.NameLatin == "" {
		return fmt.Errorf("%w: no name", ErrInvalidSource)
	}
	if len(s.Feeds) == 0 {
		return fmt.Errorf("%w: %s has no feed URL", ErrInvalidSource, s.Name)
	}
	for _, f := range append([]string{s.HomeURL}, s.Feeds...) {
		if f == "" {
			continue
		}
		u, err := nurl.Parse(f)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("%w: %q is not an http(s) URL", ErrInvalidSource, f)
		}
	}
	if s.Kind == "" {
		s.Kind = Newspaper
	}
	valid := false
	for _, k := range Kinds {
		valid = valid || s.Kind == k
	}
	if !valid {
		return fmt.Errorf("%w: kind %q (want agency, newspaper, aggregator or foreign)", ErrInvalidSource, s.Kind)
	}
	if s.ID == "" {
		s.ID = Slug(s.NameLatin)
	}
	if s.ID == "" {
		if u, err := nurl.Parse(firstNonEmpty(s.HomeURL, s.Feeds[0])); err == nil {
			s.ID = Slug(strings.TrimPrefix(u.Hostname(), "www."))
		}
	}
	if s.ID == "" {
		return fmt.Errorf("%w: cannot make an id for %s", ErrInvalidSource, s.Name)
	}
	if s.Name == "" {
		s.Name = s.NameLatin
	}
	return nil
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// Slug makes an ID from a Latin name or host: «BBC Persian» → «bbc-persian».
func Slug(s string) string {
	return strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(s), "-"), "-")
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}

//go:embed default_sources.json
var defaultSources []byte

// DefaultSources returns khabar's curated list of major Persian-language news
// sources. Their feed URLs are marked unverified: the list was compiled from
// the sites' published feed paths without network access to check them.
func DefaultSources() ([]Source, error) {
	var out []Source
	if err := json.Unmarshal(defaultSources, &out); err != nil {
		return nil, fmt.Errorf("default sources: %w", err)
	}
	for i := range out {
		if err := out[i].Validate(); err != nil {
			return nil, fmt.Errorf("default source %d: %w", i, err)
		}
	}
	return out, nil
}
