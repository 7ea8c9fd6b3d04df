package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"khabar/internal/extract"
)

// testClient allows loopback, as every httptest server is on 127.0.0.1.
func testClient(o Options) *Client {
	o.AllowPrivate = true
	if o.Timeout == 0 {
		o.Timeout = 2 * time.Second
	}
	return New(o)
}

const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>نمونه</title><item><title>خبر</title><link>https://x.example/1</link></item></channel></rss>`

func TestConditionalGet(t *testing.T) {
	var hits, full atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		hits.Add(1)
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 01 Jul 2024 10:00:00 GMT")
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(w, rss)
	}))
	defer srv.Close()
	c := testClient(Options{})
	ctx := context.Background()
	r1, err := c.Get(ctx, Request{URL: srv.URL + "/rss"})
	if err != nil || r1.NotModified || string(r1.Body) != rss {
		t.Fatalf("first: %v %+v", err, r1)
	}
	r2, err := c.Get(ctx, Request{URL: srv.URL + "/rss", ETag: r1.ETag, LastModified: r1.LastModified})
	if err != nil || !r2.NotModified || len(r2.Body) != 0 || r2.ETag != `"v1"` {
		t.Fatalf("second: %v %+v", err, r2)
	}
	if hits.Load() != 2 || full.Load() != 1 {
		t.Errorf("%d requests, %d full bodies; want 2, 1", hits.Load(), full.Load())
	}
}

func TestBadServers(t *testing.T) {
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zeros := make([]byte, 1<<20)
	for range 64 { // 64 MB of zeros, ~64 KB compressed
		zw.Write(zeros)
	}
	zw.Close()
	big := bytes.Repeat([]byte("<p>خبر</p>"), 20<<20/14)
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		chunk := bytes.Repeat([]byte("a"), 64<<10)
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb.Bytes())
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { w.Write(big) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/chain/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Path+"x", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/gone", http.NotFound)
	mux.HandleFunc("/fail", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		http.Error(w, "down", http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := testClient(Options{Timeout: 500 * time.Millisecond, MaxBody: 8 << 20})
	for _, tc := range []struct {
		path   string
		want   error
		status int
	}{
		{"/slow", context.DeadlineExceeded, 0},
		{"/endless", ErrTooLarge, 0},
		{"/bomb", ErrTooLarge, 0},
		{"/big", ErrTooLarge, 0},
		{"/loop", ErrRedirectLoop, 0},
		{"/chain/", ErrRedirects, 0},
		{"/gone", nil, 404},
		{"/fail", nil, 503},
		{"/file", ErrScheme, 0},
	} {
		t.Run(tc.path, func(t *testing.T) {
			start := time.Now()
			_, err := c.Get(context.Background(), Request{URL: srv.URL + tc.path})
			if err == nil {
				t.Fatal("no error")
			}
			if time.Since(start) > 2*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
			if tc.status != 0 {
				var se *StatusError
				if !errors.As(err, &se) || se.Code != tc.status {
					t.Fatalf("error %v, want HTTP %d", err, tc.status)
				}
				if tc.status == 503 && se.RetryAfter != 2*time.Minute {
					t.Errorf("Retry-After %v", se.RetryAfter)
				}
				return
			}
			if tc.want == context.DeadlineExceeded {
				if !strings.Contains(err.Error(), "Timeout") && !strings.Contains(err.Error(), "deadline") {
					t.Errorf("error %v, want a timeout", err)
				}
				return
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
		})
	}
}

func TestEncodings(t *testing.T) {
	page := "<html><head><title>خبر</title></head><body><p>متن خبر فوری</p></body></html>"
	var gz, br bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(page))
	zw.Close()
	bw := brotli.NewWriter(&br)
	bw.Write([]byte(page))
	bw.Close()
	cp1256 := []byte{0xce, 0xc8, 0xd1, 0x20, 0xdd, 0xe6, 0xd1, 0xed}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/gz", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Error("gzip not offered")
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gz.Bytes())
	})
	mux.HandleFunc("/br", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "br")
		w.Write(br.Bytes())
	})
	mux.HandleFunc("/1256", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1256")
		w.Write(cp1256)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := testClient(Options{})
	for _, p := range []string{"/gz", "/br"} {
		r, err := c.Get(context.Background(), Request{URL: srv.URL + p})
		if err != nil || string(r.Body) != page {
			t.Errorf("%s: %v %q", p, err, r.Body)
		}
	}
	r, err := c.Get(context.Background(), Request{URL: srv.URL + "/1256"})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(extract.DecodeHTML(r.Body, r.ContentType)); got != "خبر فوري" {
		t.Errorf("windows-1256: %q", got)
	}
}

func TestPrivateAddressesRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "secret") }))
	defer srv.Close()
	c := New(Options{Timeout: time.Second})
	for _, u := range []string{srv.URL + "/", "http://localhost:1/", "http://10.0.0.1:1/", "http://[::1]:1/", "http://169.254.169.254/latest/meta-data/", "ftp://example.ir/"} {
		_, err := c.Get(context.Background(), Request{URL: u})
		if !errors.Is(err, ErrBlocked) && !errors.Is(err, ErrScheme) {
			t.Errorf("%s: %v, want refused", u, err)
		}
	}
	// A public name redirecting inside is caught at connect time as well.
	redir := httptest.NewServer(http.RedirectHandler(srv.URL, http.StatusFound))
	defer redir.Close()
	open := testClient(Options{})
	if _, err := open.Get(context.Background(), Request{URL: redir.URL}); err != nil {
		t.Errorf("allowed client: %v", err)
	}
}

func TestRobotsAndPacing(t *testing.T) {
	var inFlight, maxInFlight atomic.Int32
	var starts []time.Time
	var mu = make(chan struct{}, 1)
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\nCrawl-delay: 0.2\n")
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.UserAgent() != DefaultUserAgent {
			t.Errorf("user agent %q", r.UserAgent())
		}
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := maxInFlight.Load()
			if n <= m || maxInFlight.CompareAndSwap(m, n) {
				break
			}
		}
		mu <- struct{}{}
		starts = append(starts, time.Now())
		<-mu
		time.Sleep(20 * time.Millisecond)
		fmt.Fprint(w, "ok")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := New(Options{AllowPrivate: true, PerHost: 2, Timeout: 5 * time.Second})
	if _, err := c.Get(context.Background(), Request{URL: srv.URL + "/private/x"}); !errors.Is(err, ErrRobots) {
		t.Fatalf("robots: %v", err)
	}
	done := make(chan error)
	for i := range 4 {
		go func() {
			_, err := c.Get(context.Background(), Request{URL: fmt.Sprintf("%s/n/%d", srv.URL, i)})
			done <- err
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	if maxInFlight.Load() > 2 {
		t.Errorf("%d requests at once on one host, want ≤ 2", maxInFlight.Load())
	}
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap < 150*time.Millisecond {
			t.Errorf("requests %v apart, Crawl-delay is 0.2 s", gap)
		}
	}
}
