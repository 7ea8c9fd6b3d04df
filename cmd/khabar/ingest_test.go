package main

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"khabar/internal/pipeline"
)

// parseAhead parses on several goroutines but must hand results back in input
// order, whatever order the parses finish in.
func TestParseAheadKeepsOrder(t *testing.T) {
	var ins []input
	for i := range 200 {
		delay := time.Duration(rand.Intn(300)) * time.Microsecond
		text := fmt.Sprintf("خبر شماره %d\nبه گزارش خبرگزاری فارس، متن خبر %d است.", i, i)
		ins = append(ins, input{name: fmt.Sprintf("f%03d", i), size: 1, read: func() ([]byte, error) {
			time.Sleep(delay)
			if i%17 == 0 {
				return nil, fmt.Errorf("unreadable %d", i)
			}
			return []byte(text), nil
		}})
	}
	i, arts := 0, 0
	for r := range parseAhead(context.Background(), &pipeline.Pipeline{}, ins, 4) {
		if r.in.name != ins[i].name {
			t.Fatalf("result %d is %s, want %s", i, r.in.name, ins[i].name)
		}
		for _, a := range r.res.Articles {
			if a.Path != r.in.name {
				t.Errorf("%s: article from %s", r.in.name, a.Path)
			}
		}
		arts += len(r.res.Articles)
		if !r.last {
			continue
		}
		if (i%17 == 0) != (r.err != nil) {
			t.Errorf("%s: err = %v", r.in.name, r.err)
		}
		if want := 1 - btoi(i%17 == 0); arts != want {
			t.Errorf("%s: %d articles, want %d", r.in.name, arts, want)
		}
		i, arts = i+1, 0
	}
	if i != len(ins) {
		t.Errorf("got %d results, want %d", i, len(ins))
	}
}

// A cancelled run stops delivering and leaves no goroutine blocked.
func TestParseAheadCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var ins []input
	for i := range 100 {
		ins = append(ins, input{name: fmt.Sprint(i), read: func() ([]byte, error) { return []byte("عنوان\nمتن خبر."), nil }})
	}
	out := parseAhead(ctx, &pipeline.Pipeline{}, ins, 2)
	<-out
	cancel()
	n := 0
	for range out {
		n++
	}
	if n > 10 {
		t.Errorf("%d results after cancel", n)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// A dataset larger than a batch comes in parts, in order, so the store can
// write the first while the rest is processed.
func TestParseAheadDatasetInParts(t *testing.T) {
	var b strings.Builder
	const n = 2*batchSize + 10
	for i := range n {
		fmt.Fprintf(&b, `{"title": "خبر شماره %d", "body": "به گزارش خبرگزاری فارس، متن خبر %d است."}`+"\n", i, i)
	}
	data := b.String()
	ins := []input{{name: "a.jsonl", read: func() ([]byte, error) { return []byte(data), nil }}}
	var parts, total int
	for r := range parseAhead(context.Background(), &pipeline.Pipeline{}, ins, 2) {
		if r.err != nil || len(r.res.Skipped) > 0 {
			t.Fatalf("err %v, skipped %v", r.err, r.res.Skipped)
		}
		for j, a := range r.res.Articles {
			if want := fmt.Sprintf("خبر شماره %d", total+j); a.Title != want {
				t.Fatalf("article %d is %q, want %q", total+j, a.Title, want)
			}
		}
		total += len(r.res.Articles)
		if len(r.res.Articles) > 0 {
			parts++
		}
	}
	if total != n || parts != 3 {
		t.Errorf("%d articles in %d parts, want %d in 3", total, parts, n)
	}
}
