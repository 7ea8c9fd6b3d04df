// Package web serves khabar to people and programs: the right-to-left Persian
// pages (html/template, embedded assets, no JavaScript) and the JSON API under
// /api/v1. It reads through the store.Store and search.Index interfaces only, so
// any backend that implements them can be served.
package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"khabar/internal/search"
	"khabar/internal/store"
)

// Deps is what the web layer needs. Store is required; the other fields are
// optional, and later features add their own optional fields here, so a caller
// that does not know about a feature keeps compiling.
type Deps struct {
	Store store.Store
	// Index serves /search and /api/v1/search; without it they answer 503.
	Index search.Index
	// Logger receives one line per request and every server-side error; nil discards.
	Logger *slog.Logger
}

// Server is khabar's HTTP server. New builds it; Start listens in the
// background; Close shuts it down gracefully.
type Server struct {
	deps   Deps
	log    *slog.Logger
	mux    *http.ServeMux
	views  *views
	static *staticFiles
	// nav is the header menu of section pages, filled by routes().
	nav []navItem

	mu      sync.Mutex
	http    *http.Server
	addr    net.Addr
	serveCh chan error
}

// New builds a server and parses every template and asset. Templates and assets
// are embedded in the binary, so a broken one is a programming error: New
// panics rather than serve a site with a missing page.
func New(deps Deps) *Server {
	if deps.Store == nil {
		panic("web.New: Deps.Store is nil")
	}
	log := deps.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	static, err := loadStatic()
	if err != nil {
		panic(fmt.Sprintf("web.New: %v", err))
	}
	s := &Server{deps: deps, log: log, mux: http.NewServeMux(), static: static}
	v, err := parseViews(static, func() []navItem { return s.nav })
	if err != nil {
		panic(fmt.Sprintf("web.New: %v", err))
	}
	s.views = v
	s.routes()
	return s
}

// Handler returns the whole site as one handler, with logging, security
// headers, panic recovery and Persian/JSON 404 and 405 answers.
func (s *Server) Handler() http.Handler {
	return s.recoverPanics(s.logRequests(s.secureHeaders(http.HandlerFunc(s.dispatch))))
}

// dispatch sends a request to its route. Requests no route takes get khabar's
// own 404/405 (a Persian page, or JSON under /api/) instead of the mux's plain text.
func (s *Server) dispatch(w http.ResponseWriter, r *http.Request) {
	if _, pattern := s.mux.Handler(r); pattern != "" {
		s.mux.ServeHTTP(w, r)
		return
	}
	// The mux's fallback handler knows whether the path exists for another
	// method (405, with an Allow header); let it decide, then write our own body.
	c := &statusCapture{header: w.Header()}
	s.mux.ServeHTTP(c, r)
	switch c.status {
	case http.StatusMethodNotAllowed:
		s.fail(w, r, http.StatusMethodNotAllowed, "method not allowed", nil)
	case http.StatusMovedPermanently, http.StatusPermanentRedirect, http.StatusFound:
		// Path cleaning ("//x", "/a/../b"): keep the mux's redirect.
		w.WriteHeader(c.status)
	default:
		s.fail(w, r, http.StatusNotFound, "not found", nil)
	}
}

// statusCapture records the status a handler chose and drops its body.
type statusCapture struct {
	header http.Header
	status int
}

func (c *statusCapture) Header() http.Header { return c.header }
func (c *statusCapture) WriteHeader(code int) {
	if c.status == 0 {
		c.status = code
	}
}
func (c *statusCapture) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.status = http.StatusOK
	}
	return len(b), nil
}

// Timeouts keep slow or idle clients from holding connections; the write
// timeout is generous because a search page may wait on the index.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 15 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 2 * time.Minute
	maxHeaderBytes    = 64 << 10
)

// Start listens on addr ("127.0.0.1:8080"; port 0 picks a free one, see Addr)
// and serves in the background until Close. An address that cannot be bound is
// reported here. ctx bounds the listen and its values (not its cancellation)
// reach every request, so cancelling it does not cut requests off mid-way:
// stop the server with Close.
func (s *Server) Start(ctx context.Context, addr string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.http != nil {
		return errors.New("web: server already started")
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("web: listen on %s: %w", addr, err)
	}
	base := context.WithoutCancel(ctx)
	s.http = &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return base },
	}
	s.addr = ln.Addr()
	s.serveCh = make(chan error, 1)
	go func(srv *http.Server, ch chan<- error) {
		err := srv.Serve(ln)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		ch <- err
	}(s.http, s.serveCh)
	s.log.Info("web: listening", "addr", s.addr.String())
	return nil
}

// Addr is the address the server listens on, or "" before Start.
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.addr == nil {
		return ""
	}
	return s.addr.String()
}

// Close stops accepting connections and waits for requests in flight to
// finish, until ctx is done; then it closes whatever is left. It returns the
// error that stopped serving, if serving failed on its own.
func (s *Server) Close(ctx context.Context) error {
	s.mu.Lock()
	srv, ch := s.http, s.serveCh
	s.http, s.serveCh = nil, nil // a second Close has nothing left to stop
	s.mu.Unlock()
	if srv == nil {
		return nil
	}
	var errs []error
	if err := srv.Shutdown(ctx); err != nil {
		errs = append(errs, fmt.Errorf("web: shutdown: %w", err))
		if err := srv.Close(); err != nil {
			errs = append(errs, fmt.Errorf("web: close: %w", err))
		}
	}
	if err := <-ch; err != nil {
		errs = append(errs, fmt.Errorf("web: serve: %w", err))
	}
	return errors.Join(errs...)
}
