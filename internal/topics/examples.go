package topics

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// Example is one categorised article of the bundled corpus.
type Example struct {
	URL, Section, Topic string
	Title, Lead         string
	Body                []string
}

// Examples reads the categorised articles of the demo corpus (Fars News's
// `cat`, the 2025 agencies' `category`) whose section maps to a topic.
func Examples(corpus fs.FS) ([]Example, error) {
	var out []Example
	for _, name := range []string{"fars-news.jsonl.gz", "news-2025-4agencies.jsonl"} {
		f, err := corpus.Open(name)
		if err != nil {
			return nil, fmt.Errorf("topics examples: %w", err)
		}
		var r io.Reader = f
		if strings.HasSuffix(name, ".gz") {
			zr, err := gzip.NewReader(f)
			if err != nil {
				f.Close()
				return nil, fmt.Errorf("topics examples %s: %w", name, err)
			}
			r = zr
		}
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			var m struct {
				Title, Abstract, Lead, Body, Cat, Category, Link, URL string
				Paragraphs                                            []string
			}
			if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
				f.Close()
				return nil, fmt.Errorf("topics examples %s: %w", name, err)
			}
			ex := Example{URL: m.Link + m.URL, Section: m.Cat + m.Category, Title: m.Title, Lead: m.Abstract + m.Lead, Body: m.Paragraphs}
			if m.Body != "" {
				ex.Body = strings.Split(m.Body, "\n")
			}
			if ex.Topic = FromSection(ex.Section); ex.Topic != "" {
				out = append(out, ex)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("topics examples %s: %w", name, err)
		}
	}
	return out, nil
}
