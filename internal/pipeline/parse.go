package pipeline

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"khabar/internal/article"
	"khabar/internal/extract"
	"khabar/internal/feeds"
	"khabar/internal/jsondump"
	"khabar/internal/textdump"
)

// MaxDecompressed bounds a gzip'd input, so a gzip bomb is an error, not an outage.
const MaxDecompressed = 256 << 20

// ErrUnsupported is returned for inputs of a kind khabar does not read.
var ErrUnsupported = errors.New("unsupported input format")

// Parsed is what Parse made of one document: its articles, plus the problems
// with parts of it that were skipped (a dataset line that is not JSON, say).
type Parsed struct {
	Articles []*article.Article
	Skipped  []error
}

// Parse recognises a document by its content (not its file name): gzip, JSON
// datasets, and text dumps; then normalizes and analyses every article in it.
// An error means nothing in the document could be read.
func (p *Pipeline) Parse(ctx context.Context, doc Document) (Parsed, error) {
	var res Parsed
	data := doc.Data
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return res, fmt.Errorf("gzip: %w", err)
		}
		un, err := io.ReadAll(io.LimitReader(zr, MaxDecompressed+1))
		if err != nil {
			// A truncated archive: keep what decompressed, report the damage.
			res.Skipped = append(res.Skipped, fmt.Errorf("gzip: %w", err))
		}
		if len(un) > MaxDecompressed {
			return res, fmt.Errorf("gzip: more than %d MB uncompressed", MaxDecompressed>>20)
		}
		data = un
	}
	var arts []*article.Article
	switch {
	case feeds.Looks(data):
		f, err := feeds.Parse(data, doc.URL)
		if err != nil {
			return res, fmt.Errorf("feed: %w", err)
		}
		res.Skipped = append(res.Skipped, f.Skipped...)
		for _, it := range f.Items {
			arts = append(arts, it.Article)
		}
	case jsondump.Looks(data):
		var errs []error
		arts, errs = jsondump.Parse(data)
		res.Skipped = append(res.Skipped, errs...)
		if len(arts) == 0 {
			return res, fmt.Errorf("json: %w", errors.Join(errs...))
		}
	case looksLikeHTML(data):
		a, err := extract.Page(data, doc.URL)
		if err != nil {
			return res, fmt.Errorf("html page: %w", err)
		}
		arts = []*article.Article{a}
	default:
		a, err := textdump.Parse(data)
		if err != nil {
			return res, fmt.Errorf("text dump: %w", err)
		}
		arts = []*article.Article{a}
	}
	for _, a := range arts {
		if a.Path == "" {
			a.Path = doc.Path
		}
		if a.URL == "" {
			a.URL = doc.URL
		}
	}
	errs := p.processAll(ctx, arts)
	for i, a := range arts {
		if errs[i] != nil {
			res.Skipped = append(res.Skipped, errs[i])
			continue
		}
		res.Articles = append(res.Articles, a)
	}
	return res, nil
}

// processAll runs Process over a dataset's articles on every core; the
// normalizer and analyzers are safe for concurrent use. Order is kept.
func (p *Pipeline) processAll(ctx context.Context, arts []*article.Article) []error {
	errs := make([]error, len(arts))
	workers := min(runtime.GOMAXPROCS(0), (len(arts)+15)/16)
	if workers <= 1 {
		for i, a := range arts {
			errs[i] = p.Process(ctx, a)
		}
		return errs
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(arts) {
					return
				}
				errs[i] = p.Process(ctx, arts[i])
			}
		}()
	}
	wg.Wait()
	return errs
}

// looksLikeHTML is used to tell pages from text dumps.
func looksLikeHTML(data []byte) bool {
	t := bytes.TrimLeft(data[:min(len(data), 1024)], " \t\r\n\ufeff")
	if len(t) == 0 || t[0] != '<' {
		return false
	}
	head := strings.ToLower(string(t))
	return strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html")
}
