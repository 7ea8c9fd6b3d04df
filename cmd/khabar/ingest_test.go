package main

import (
	"context"
	"fmt"
	"math/rand"
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
	i := 0
	for r := range parseAhead(context.Background(), &pipeline.Pipeline{}, ins, 4) {
		if r.in.name != ins[i].name {
			t.Fatalf("result %d is %s, want %s", i, r.in.name, ins[i].name)
		}
		if (i%17 == 0) != (r.err != nil) {
			t.Errorf("%s: err = %v", r.in.name, r.err)
		}
		if r.err == nil && (len(r.res.Articles) != 1 || r.res.Articles[0].Path != r.in.name) {
			t.Errorf("%s: articles %+v", r.in.name, r.res.Articles)
		}
		i++
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
