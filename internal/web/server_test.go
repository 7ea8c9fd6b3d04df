package web

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"khabar/internal/article"
	"khabar/internal/store"
)

func TestStartClose(t *testing.T) {
	srv, _, seed := newTestServer(t)
	ctx := context.Background()
	if err := srv.Start(ctx, "127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(ctx, "127.0.0.1:0"); err == nil {
		t.Errorf("second Start succeeded")
	}
	base := "http://" + srv.Addr()
	res, err := http.Get(base + "/articles/" + seed.ID)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), seed.Title) {
		t.Fatalf("live server: status %d", res.StatusCode)
	}

	// The address is taken: a second server reports it at Start.
	other := New(Deps{Store: &memStore{}})
	if err := other.Start(ctx, srv.Addr()); err == nil {
		other.Close(ctx)
		t.Errorf("Start on a busy address succeeded")
	}

	closeCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := srv.Close(closeCtx); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := srv.Close(closeCtx); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := http.Get(base + "/"); err == nil {
		t.Errorf("server still answers after Close")
	}
}

// slowStore holds Articles until released, to catch a request in flight.
type slowStore struct {
	memStore
	entered chan struct{}
	release chan struct{}
}

func (s *slowStore) Articles(ctx context.Context, q store.ListQuery) ([]*article.Article, error) {
	close(s.entered)
	<-s.release
	return s.memStore.Articles(ctx, q)
}

// TestCloseWaitsForRequests checks graceful shutdown: a request in flight when
// Close is called still gets its whole answer.
func TestCloseWaitsForRequests(t *testing.T) {
	st := &slowStore{entered: make(chan struct{}), release: make(chan struct{})}
	srv := New(Deps{Store: st})
	ctx := context.Background()
	if err := srv.Start(ctx, "127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	type result struct {
		status int
		err    error
	}
	done := make(chan result, 1)
	go func() {
		res, err := http.Get("http://" + srv.Addr() + "/api/v1/articles")
		if err != nil {
			done <- result{err: err}
			return
		}
		_, err = io.ReadAll(res.Body)
		res.Body.Close()
		done <- result{res.StatusCode, err}
	}()
	<-st.entered
	closed := make(chan error, 1)
	go func() {
		c, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		closed <- srv.Close(c)
	}()
	time.Sleep(50 * time.Millisecond) // let Shutdown start waiting
	close(st.release)
	if r := <-done; r.err != nil || r.status != http.StatusOK {
		t.Errorf("in-flight request: %d %v", r.status, r.err)
	}
	if err := <-closed; err != nil {
		t.Errorf("Close: %v", err)
	}
}

// panicStore fails the way a bug would.
type panicStore struct{ memStore }

func (p *panicStore) Article(ctx context.Context, id string) (*article.Article, error) {
	panic("bug in the store")
}

func TestPanicBecomes500(t *testing.T) {
	h := New(Deps{Store: &panicStore{}}).Handler()
	res, body := get(t, h, "GET", "/api/v1/articles/x")
	checkAPIError(t, res, body, http.StatusInternalServerError)
	res, body = get(t, h, "GET", "/articles/x")
	if res.StatusCode != http.StatusInternalServerError || !strings.Contains(body, "خطای سرور") {
		t.Errorf("page: %d", res.StatusCode)
	}
}

func TestStoreErrorPages(t *testing.T) {
	broken := &memStore{err: errors.New("disk on fire")}
	h := New(Deps{Store: broken, Index: &memIndex{st: broken, err: broken.err}}).Handler()
	for _, target := range []string{"/", "/articles/x", "/search?q=x"} {
		res, body := get(t, h, "GET", target)
		if res.StatusCode != http.StatusInternalServerError || strings.Contains(body, "fire") {
			t.Errorf("%s: status %d", target, res.StatusCode)
		}
		checkPersianPage(t, doc(t, res, body))
	}
}

func TestStatic(t *testing.T) {
	srv, _, _ := newTestServer(t)
	h := srv.Handler()
	font, err := os.ReadFile("static/fonts/Vazirmatn[wght].woff2")
	if err != nil {
		t.Fatal(err)
	}
	fontURL, err := srv.static.url("fonts/Vazirmatn[wght].woff2")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		target, ctype, cache string
		body                 []byte
	}{
		// The CSS refers to the font by its escaped, unversioned name.
		{"/static/fonts/Vazirmatn%5Bwght%5D.woff2", "font/woff2", "public, max-age=3600", font},
		{fontURL, "font/woff2", "public, max-age=31536000, immutable", font},
		{"/static/style.css", "text/css; charset=utf-8", "public, max-age=3600", nil},
		{"/static/fonts/OFL.txt", "text/plain; charset=utf-8", "public, max-age=3600", nil},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			res, body := get(t, h, "GET", tt.target)
			if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != tt.ctype || res.Header.Get("Cache-Control") != tt.cache {
				t.Fatalf("status %d type %q cache %q", res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Cache-Control"))
			}
			if tt.body != nil && body != string(tt.body) {
				t.Errorf("body differs from the embedded file (%d bytes)", len(body))
			}
			etag := res.Header.Get("ETag")
			if res, _ := get(t, h, "GET", tt.target, "If-None-Match", etag); etag == "" || res.StatusCode != http.StatusNotModified {
				t.Errorf("revalidation with ETag %q: %d", etag, res.StatusCode)
			}
		})
	}
	_, css := get(t, h, "GET", "/static/style.css")
	if !strings.Contains(css, `url("fonts/Vazirmatn%5Bwght%5D.woff2")`) {
		t.Errorf("style.css does not load the served font")
	}
	_, licence := get(t, h, "GET", "/static/fonts/OFL.txt")
	if !strings.Contains(licence, "SIL OPEN FONT LICENSE Version 1.1") {
		t.Errorf("font licence not served")
	}
}
