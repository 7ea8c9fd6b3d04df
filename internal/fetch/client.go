// Package fetch is khabar's polite HTTP client and feed poller: conditional
// GET, per-host concurrency and pacing, robots.txt, size and time limits,
// gzip/brotli with a decompression bound, bounded redirects, and a guard
// against fetching private addresses (SSRF).
package fetch

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	nurl "net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/andybalholm/brotli"
)

// Errors a fetch can wrap. A StatusError carries the HTTP status.
var (
	ErrBlocked      = errors.New("address not allowed (private, loopback or link-local)")
	ErrTooLarge     = errors.New("response over the size limit")
	ErrRobots       = errors.New("disallowed by robots.txt")
	ErrRedirects    = errors.New("too many redirects")
	ErrRedirectLoop = errors.New("redirect loop")
	ErrScheme       = errors.New("only http and https URLs are fetched")
	ErrRetryLater   = errors.New("server asked to retry later")
)

// StatusError is an HTTP response that is neither 2xx nor 304.
type StatusError struct {
	Code int
	// RetryAfter is the server's Retry-After, when it sent one.
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("HTTP %d %s", e.Code, http.StatusText(e.Code))
}

// Options configures a Client. Zero fields take the defaults in New.
type Options struct {
	UserAgent string
	// Timeout bounds one request, body included (a slow or endless response).
	Timeout time.Duration
	// MaxBody bounds the decoded body (after gzip/brotli): a gzip bomb or a
	// 20 MB page fails with ErrTooLarge instead of filling memory.
	MaxBody int64
	// MaxRedirects bounds a redirect chain.
	MaxRedirects int
	// PerHost is how many requests may run against one host at once, and
	// HostDelay the least time between the starts of two of them.
	PerHost   int
	HostDelay time.Duration
	// AllowPrivate lets the client reach loopback and private addresses
	// (a local fixture server, tests). Off by default: a feed URL from a
	// user or an OPML file must not reach the machine's own services.
	AllowPrivate bool
	// IgnoreRobots skips robots.txt (for fixture servers only).
	IgnoreRobots bool
}

// DefaultUserAgent names khabar and where to learn about it, as polite crawlers do.
const DefaultUserAgent = "khabar/1.0 (Persian news reader; +https://github.com/khabar/khabar)"

// Client fetches pages and feeds politely. It is safe for concurrent use.
type Client struct {
	opt    Options
	http   *http.Client
	mu     sync.Mutex
	hosts  map[string]*host
	robots *robotsCache
}

type host struct {
	slots chan struct{}
	mu    sync.Mutex
	next  time.Time // earliest start of the next request
	delay time.Duration
}

// New makes a Client.
func New(opt Options) *Client {
	if opt.UserAgent == "" {
		opt.UserAgent = DefaultUserAgent
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 30 * time.Second
	}
	if opt.MaxBody <= 0 {
		opt.MaxBody = 8 << 20
	}
	if opt.MaxRedirects <= 0 {
		opt.MaxRedirects = 5
	}
	if opt.PerHost <= 0 {
		opt.PerHost = 2
	}
	if opt.HostDelay < 0 {
		opt.HostDelay = 0
	}
	c := &Client{opt: opt, hosts: map[string]*host{}}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !opt.AllowPrivate {
		// Checked on the resolved address at connect time, so DNS names that
		// point inside and redirects to private hosts are caught too.
		dialer.Control = func(network, address string, _ syscall.RawConn) error {
			h, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			if ip := net.ParseIP(h); ip == nil || blocked(ip) {
				return fmt.Errorf("%s: %w", address, ErrBlocked)
			}
			return nil
		}
	}
	tr := &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		MaxIdleConns:          256,
		MaxIdleConnsPerHost:   opt.PerHost,
		IdleConnTimeout:       60 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: opt.Timeout,
		// Compression is negotiated and decoded here, so the decoded size
		// can be bounded.
		DisableCompression: true,
	}
	c.http = &http.Client{
		Transport: tr,
		Timeout:   opt.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > opt.MaxRedirects {
				return ErrRedirects
			}
			for _, v := range via {
				if v.URL.String() == req.URL.String() {
					return ErrRedirectLoop
				}
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return ErrScheme
			}
			return nil
		},
	}
	c.robots = newRobotsCache(c)
	return c
}

var cgnat = &net.IPNet{IP: net.IPv4(100, 64, 0, 0), Mask: net.CIDRMask(10, 32)}

func blocked(ip net.IP) bool {
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsUnspecified() || ip.IsMulticast() || ip.IsInterfaceLocalMulticast() || cgnat.Contains(ip)
}

// Request is one GET. ETag and LastModified, from the previous response,
// make it conditional.
type Request struct {
	URL                string
	ETag, LastModified string
	// Accept is the Accept header; empty means anything.
	Accept string
}

// Response is a fetched document.
type Response struct {
	// URL is the final URL, after redirects.
	URL    string
	Status int
	// NotModified is true for a 304: Body is empty and the caller's copy is current.
	NotModified        bool
	Body               []byte
	ContentType        string
	ETag, LastModified string
}

// Get fetches one URL, waiting for its host's turn.
func (c *Client) Get(ctx context.Context, r Request) (*Response, error) {
	u, err := nurl.Parse(r.URL)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", r.URL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("fetch %s: %w", r.URL, ErrScheme)
	}
	if !c.opt.IgnoreRobots {
		ok, delay := c.robots.allowed(ctx, u)
		if !ok {
			return nil, fmt.Errorf("fetch %s: %w", r.URL, ErrRobots)
		}
		if delay > 0 {
			c.host(u.Host).setDelay(delay)
		}
	}
	return c.get(ctx, u, r)
}

func (c *Client) host(name string) *host {
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hosts[name]
	if h == nil {
		h = &host{slots: make(chan struct{}, c.opt.PerHost), delay: c.opt.HostDelay}
		c.hosts[name] = h
	}
	return h
}

func (h *host) setDelay(d time.Duration) {
	h.mu.Lock()
	// A robots.txt Crawl-delay is honoured up to a minute, never shortened.
	h.delay = max(h.delay, min(d, time.Minute))
	h.mu.Unlock()
}

// acquire waits for a free slot on the host and for its pacing delay.
func (h *host) acquire(ctx context.Context) error {
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	h.mu.Lock()
	now := time.Now()
	start := now
	if h.next.After(now) {
		start = h.next
	}
	h.next = start.Add(h.delay)
	h.mu.Unlock()
	if wait := start.Sub(now); wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			<-h.slots
			return ctx.Err()
		}
	}
	return nil
}

func (h *host) release() { <-h.slots }

func (c *Client) get(ctx context.Context, u *nurl.URL, r Request) (*Response, error) {
	h := c.host(u.Host)
	if err := h.acquire(ctx); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", r.URL, err)
	}
	defer h.release()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", r.URL, err)
	}
	req.Header.Set("User-Agent", c.opt.UserAgent)
	req.Header.Set("Accept-Encoding", "gzip, br")
	req.Header.Set("Accept-Language", "fa, en;q=0.5")
	if r.Accept != "" {
		req.Header.Set("Accept", r.Accept)
	}
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", r.URL, err)
	}
	defer resp.Body.Close()
	out := &Response{
		URL: resp.Request.URL.String(), Status: resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"),
		ETag:        resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"),
	}
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified = true
		if out.ETag == "" {
			out.ETag = r.ETag
		}
		if out.LastModified == "" {
			out.LastModified = r.LastModified
		}
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		se := &StatusError{Code: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"))}
		// Drain a little so the connection can be reused; never the whole body.
		_, _ = io.CopyN(io.Discard, resp.Body, 4<<10)
		return out, fmt.Errorf("fetch %s: %w", r.URL, se)
	}
	body, err := c.readBody(resp)
	if err != nil {
		return out, fmt.Errorf("fetch %s: %w", r.URL, err)
	}
	out.Body = body
	return out, nil
}

// readBody decodes gzip or brotli and reads at most MaxBody decoded bytes.
func (c *Client) readBody(resp *http.Response) ([]byte, error) {
	var rd io.Reader = resp.Body
	switch strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))) {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		defer zr.Close()
		rd = zr
	case "br":
		rd = brotli.NewReader(resp.Body)
	default:
		return nil, fmt.Errorf("content encoding %q not supported", resp.Header.Get("Content-Encoding"))
	}
	if resp.ContentLength > c.opt.MaxBody {
		return nil, fmt.Errorf("%w: Content-Length %d > %d", ErrTooLarge, resp.ContentLength, c.opt.MaxBody)
	}
	body, err := io.ReadAll(io.LimitReader(rd, c.opt.MaxBody+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > c.opt.MaxBody {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, c.opt.MaxBody)
	}
	return body, nil
}

// retryAfter reads a Retry-After header in seconds or as an HTTP date.
func retryAfter(v string) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return time.Until(t)
	}
	return 0
}
