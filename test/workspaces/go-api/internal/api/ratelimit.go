package api

import (
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"example.com/ordersvc/internal/apierr"
)

// rateLimiter counts requests per key in fixed one-minute windows.
type rateLimiter struct {
	mu      sync.Mutex
	limit   int
	now     func() time.Time
	windows map[string]*window
}

type window struct {
	start time.Time
	count int
}

func newRateLimiter(limit int, now func() time.Time) *rateLimiter {
	return &rateLimiter{limit: limit, now: now, windows: map[string]*window{}}
}

// take counts one request for key and says how many seconds to wait if it is over the limit.
func (l *rateLimiter) take(key string) (wait int, ok bool) {
	if l.limit <= 0 {
		return 0, true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	win, exists := l.windows[key]
	if !exists || now.Sub(win.start) >= time.Minute {
		l.windows[key] = &window{start: now, count: 1}
		return 0, true
	}
	if win.count >= l.limit {
		return int(time.Minute.Seconds() - now.Sub(win.start).Seconds()), false
	}
	win.count++
	return 0, true
}

func clientKey(r *http.Request) string {
	if auth := r.Header.Get("Authorization"); strings.HasPrefix(auth, "Bearer ") {
		return auth
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// rateLimit answers before routing, so a flood never reaches the store.
func (a *API) rateLimit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		wait, ok := a.limiter.take(clientKey(r))
		if ok {
			next.ServeHTTP(w, r)
			return
		}
		if wait < 1 {
			wait = 1
		}
		w.Header().Set("Retry-After", strconv.Itoa(wait))
		w.Header().Set("X-Error-Code", apierr.ErrorCodeOverRequestRateLimit)
		_ = sendJSON(w, http.StatusTooManyRequests, map[string]any{
			"code":    apierr.ErrorCodeOverRequestRateLimit,
			"message": fmt.Sprintf("Request rate limit reached, retry in %d seconds", wait),
		})
	})
}
