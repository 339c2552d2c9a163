// Package backoff says how long to wait before trying again, for everything the
// bot retries: Discord's REST calls and gateway, feeds, the model.
//
// A Policy doubles its wait from First up to Max, with jitter so that many
// clients failing together do not retry together. A server that says how long
// to wait (Retry-After, Discord's X-RateLimit-Reset-After) is obeyed instead:
// After reads it.
package backoff

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// Policy is a doubling wait: First before the first retry, twice that before
// the second, and so on up to Max. Jitter spreads each wait by up to that
// fraction either way (0.1 is ±10%).
type Policy struct {
	First, Max time.Duration
	Jitter     float64
}

// Wait returns how long to wait after n failures in a row (n ≥ 1; less counts
// as 1).
func (p Policy) Wait(n int) time.Duration {
	w := p.First
	for i := 1; i < n && w < p.Max; i++ {
		w *= 2
	}
	if p.Max > 0 {
		w = min(w, p.Max)
	}
	if p.Jitter > 0 && w > 0 {
		spread := float64(w) * p.Jitter
		w += time.Duration((rand.Float64()*2 - 1) * spread)
	}
	return max(w, 0)
}

// After returns how long a server asked the client to wait before trying again,
// or 0 when it did not say: Retry-After in seconds or as an HTTP date, else
// Discord's X-RateLimit-Reset-After in (fractional) seconds.
func After(h http.Header, now time.Time) time.Duration {
	if v := h.Get("Retry-After"); v != "" {
		if secs, err := strconv.ParseFloat(v, 64); err == nil && secs >= 0 {
			return time.Duration(secs * float64(time.Second))
		}
		if t, err := http.ParseTime(v); err == nil {
			return max(t.Sub(now), 0)
		}
	}
	if secs, err := strconv.ParseFloat(h.Get("X-RateLimit-Reset-After"), 64); err == nil && secs > 0 {
		return time.Duration(secs * float64(time.Second))
	}
	return 0
}

// Sleep waits d or until ctx ends, and reports whether it waited the whole d.
func Sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-timer.C:
		return true
	}
}
