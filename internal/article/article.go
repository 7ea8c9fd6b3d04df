// Package article defines the Article, the vocabulary every khabar stage shares:
// parsers produce it, analysis stages fill it in, the store keeps it and the web
// layer shows it. It holds data only: no parsing, storage or HTTP code.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"khabar/internal/persian"
	"time"
)

// Article is one copy of a news story as khabar received it.
//
// Raw is the input verbatim and is never changed; every other text field is the
// normalized (repaired) form that readers see. Body holds the paragraphs in order,
// including subheading lines; Subheadings lists which of those lines are
// subheadings, so a renderer can keep their position.
type Article struct {
	ID             string        `json:"id"`
	Title          string        `json:"title"`
	Lead           string        `json:"lead"`
	Body           []string      `json:"body"`
	Subheadings    []string      `json:"subheadings"`
	Publisher      string        `json:"publisher"`
	Attribution    []Attribution `json:"attribution"`
	OriginalSource string        `json:"original_source"`
	NewsGroup      string        `json:"news_group"`
	Copyright      string        `json:"copyright"`
	Published      *Date         `json:"published"`
	Raw            string        `json:"raw"`

	// Fields filled by page and feed extraction (issue 5); empty for text dumps.
	URL    string   `json:"url,omitempty"`
	Kicker string   `json:"kicker,omitempty"`
	Tags   []string `json:"tags,omitempty"`
	// Section is the source's own category or desk label, as given.
	Section string  `json:"section,omitempty"`
	Author  string  `json:"author,omitempty"`
	NewsID  string  `json:"news_id,omitempty"`
	Images  []Image `json:"images,omitempty"`

	// Filled by the analysis stages (issue 7). Category is the article's
	// topic, one of a fixed set of slugs (politics, international, economy,
	// society, culture, sport, science, ...): from Section when the source
	// gave one, else from a classifier.
	Category string   `json:"category,omitempty"`
	Entities []Entity `json:"entities,omitempty"`
	Quotes   []Quote  `json:"quotes,omitempty"`
	Events   []Event  `json:"events,omitempty"`

	// Path is the file the article was read from, when it came from a file.
	Path string `json:"path,omitempty"`
	// Ingested is when khabar first stored the article (set by the store).
	Ingested time.Time `json:"-"`
}

// Attribution is one link of a provenance chain: «به گزارش وبانگاه به نقل از گروه
// بین الملل خبرگزاری تسنیم» gives {وبانگاه} then {خبرگزاری تسنیم, گروه بین الملل}.
type Attribution struct {
	Name string `json:"name"`
	Desk string `json:"desk,omitempty"`
}

// Image is a picture in an article page, with its caption.
type Image struct {
	URL     string `json:"url"`
	Caption string `json:"caption,omitempty"`
}

// Date is a publication instant. Only the instant is stored; the Jalali form is
// computed when the date is shown or marshalled.
type Date struct {
	Time time.Time
	// HasClock is false when the source gave only a day, so a time of day must not be shown.
	HasClock bool
}

// MarshalJSON writes {"utc": RFC 3339 in UTC, "jalali": "YYYY/MM/DD[ HH:MM]" in Tehran time}.
func (d Date) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		UTC    string `json:"utc"`
		Jalali string `json:"jalali"`
	}{d.Time.UTC().Format(time.RFC3339), d.JalaliASCII()})
}

// UnmarshalJSON reads what MarshalJSON writes (the Jalali form is derived, so ignored).
func (d *Date) UnmarshalJSON(b []byte) error {
	var v struct {
		UTC      string `json:"utc"`
		HasClock *bool  `json:"has_clock"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	t, err := time.Parse(time.RFC3339, v.UTC)
	if err != nil {
		return err
	}
	d.Time = t
	d.HasClock = v.HasClock == nil || *v.HasClock
	return nil
}

// StableID derives an article id from bytes that identify it (its raw text, or
// its canonical URL), so ingesting the same article twice yields one record.
func StableID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:8])
}

// Text returns title, lead and body joined by newlines: the text analysis stages read.
func (a *Article) Text() string {
	n := len(a.Title) + len(a.Lead) + 2
	for _, p := range a.Body {
		n += len(p) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, a.Title...)
	b = append(b, '\n')
	b = append(b, a.Lead...)
	for _, p := range a.Body {
		b = append(b, '\n')
		b = append(b, p...)
	}
	return string(b)
}

// Source names the outlet a reader should credit for this copy: its publisher,
// else the outermost attribution.
func (a *Article) Source() string {
	if a.Publisher != "" {
		return a.Publisher
	}
	if len(a.Attribution) > 0 {
		return a.Attribution[0].Name
	}
	return ""
}

// JalaliASCII is the Jalali form of the date in Tehran time with ASCII digits,
// «1404/06/14 13:30» (no clock when the source gave none).
func (d Date) JalaliASCII() string { return persian.FormatJalaliASCII(d.Time, d.HasClock) }
