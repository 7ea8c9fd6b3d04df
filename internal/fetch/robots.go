package fetch

import (
	"context"
	"errors"
	nurl "net/url"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// robotsTTL is how long a host's robots.txt is trusted before it is fetched again.
const robotsTTL = time.Hour

type robotsEntry struct {
	data    *robotstxt.RobotsData // nil: everything allowed
	fetched time.Time
}

// robotsCache fetches each host's robots.txt once per TTL, through the same
// polite client, so it counts against the host's pacing like any request.
type robotsCache struct {
	c  *Client
	mu sync.Mutex
	m  map[string]*robotsEntry
	// inflight makes concurrent first requests to a host share one fetch.
	inflight map[string]chan struct{}
}

func newRobotsCache(c *Client) *robotsCache {
	return &robotsCache{c: c, m: map[string]*robotsEntry{}, inflight: map[string]chan struct{}{}}
}

// allowed reports whether the client may fetch u, and the host's Crawl-delay.
func (rc *robotsCache) allowed(ctx context.Context, u *nurl.URL) (bool, time.Duration) {
	key := u.Scheme + "://" + u.Host
	for {
		rc.mu.Lock()
		e := rc.m[key]
		if e != nil && time.Since(e.fetched) < robotsTTL {
			rc.mu.Unlock()
			return e.verdict(rc.c.opt.UserAgent, u)
		}
		if wait, busy := rc.inflight[key]; busy {
			rc.mu.Unlock()
			select {
			case <-wait:
				continue
			case <-ctx.Done():
				return true, 0
			}
		}
		done := make(chan struct{})
		rc.inflight[key] = done
		rc.mu.Unlock()

		e = rc.load(ctx, key)
		rc.mu.Lock()
		rc.m[key] = e
		delete(rc.inflight, key)
		rc.mu.Unlock()
		close(done)
		return e.verdict(rc.c.opt.UserAgent, u)
	}
}

// load fetches robots.txt. As the robots standard (RFC 9309) says: a 4xx
// means no rules; a 5xx or an unreachable server means assume disallowed,
// but only briefly, so one outage does not stop a source for an hour.
func (rc *robotsCache) load(ctx context.Context, key string) *robotsEntry {
	u, _ := nurl.Parse(key + "/robots.txt")
	resp, err := rc.c.get(ctx, u, Request{URL: u.String(), Accept: "text/plain"})
	now := time.Now()
	var se *StatusError
	switch {
	case err == nil:
		data, perr := robotstxt.FromBytes(resp.Body)
		if perr != nil {
			return &robotsEntry{fetched: now}
		}
		return &robotsEntry{data: data, fetched: now}
	case errors.As(err, &se) && se.Code >= 400 && se.Code < 500, errors.Is(err, ErrBlocked):
		// (A blocked address fails on the request itself, with a clearer error.)
		return &robotsEntry{fetched: now}
	default:
		data, _ := robotstxt.FromString("User-agent: *\nDisallow: /\n")
		// Expire in a minute instead of an hour.
		return &robotsEntry{data: data, fetched: now.Add(-robotsTTL + time.Minute)}
	}
}

func (e *robotsEntry) verdict(agent string, u *nurl.URL) (bool, time.Duration) {
	if e.data == nil {
		return true, 0
	}
	g := e.data.FindGroup(agent)
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return g.Test(path), g.CrawlDelay
}
