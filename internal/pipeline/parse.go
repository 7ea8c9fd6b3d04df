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

// Parse recognises a document by its content (not its file name): gzip, feeds,
// JSON datasets, HTML pages and text dumps; then normalizes and analyses every
// article in it. An error means nothing in the document could be read.
func (p *Pipeline) Parse(ctx context.Context, doc Document) (Parsed, error) {
	var res Parsed
	err := p.ParseEach(ctx, doc, 0, func(part Parsed) error {
		res.Articles = append(res.Articles, part.Articles...)
		res.Skipped = append(res.Skipped, part.Skipped...)
		return nil
	})
	return res, err
}

// ParseEach is Parse delivering its result in parts of at most chunk articles
// (all at once when chunk ≤ 0), in order, each as soon as it is processed: a
// caller can store the first articles of a large dataset while the next are
// still being normalized and analysed. An error from emit stops it and is
// returned.
func (p *Pipeline) ParseEach(ctx context.Context, doc Document, chunk int, emit func(Parsed) error) error {
	arts, skipped, err := read(doc)
	if err != nil {
		if len(skipped) > 0 {
			if eerr := emit(Parsed{Skipped: skipped}); eerr != nil {
				return eerr
			}
		}
		return err
	}
	if chunk <= 0 {
		chunk = max(len(arts), 1)
	}
	for start := 0; start == 0 || start < len(arts); start += chunk {
		part := arts[start:min(start+chunk, len(arts))]
		res := Parsed{Skipped: skipped}
		skipped = nil
		errs := p.processAll(ctx, part)
		for i, a := range part {
			if errs[i] != nil {
				res.Skipped = append(res.Skipped, errs[i])
				continue
			}
			res.Articles = append(res.Articles, a)
		}
		if err := emit(res); err != nil {
			return err
		}
	}
	return nil
}

// read decodes a document into articles not yet normalized, with the parts
// of it that had to be skipped.
func read(doc Document) ([]*article.Article, []error, error) {
	var skipped []error
	data := doc.Data
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, nil, fmt.Errorf("gzip: %w", err)
		}
		un, err := io.ReadAll(io.LimitReader(zr, MaxDecompressed+1))
		if err != nil {
			// A truncated archive: keep what decompressed, report the damage.
			skipped = append(skipped, fmt.Errorf("gzip: %w", err))
		}
		if len(un) > MaxDecompressed {
			return nil, skipped, fmt.Errorf("gzip: more than %d MB uncompressed", MaxDecompressed>>20)
		}
		data = un
	}
	var arts []*article.Article
	switch {
	case feeds.Looks(data):
		f, err := feeds.Parse(data, doc.URL)
		if err != nil {
			return nil, skipped, fmt.Errorf("feed: %w", err)
		}
		skipped = append(skipped, f.Skipped...)
		for _, it := range f.Items {
			arts = append(arts, it.Article)
		}
	case jsondump.Looks(data):
		var errs []error
		arts, errs = jsondump.Parse(data)
		skipped = append(skipped, errs...)
		if len(arts) == 0 {
			return nil, skipped, fmt.Errorf("json: %w", errors.Join(errs...))
		}
	case looksLikeHTML(data):
		a, err := extract.Page(data, doc.URL)
		if err != nil {
			return nil, skipped, fmt.Errorf("html page: %w", err)
		}
		arts = []*article.Article{a}
	default:
		a, err := textdump.Parse(data)
		if err != nil {
			return nil, skipped, fmt.Errorf("text dump: %w", err)
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
	return arts, skipped, nil
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
