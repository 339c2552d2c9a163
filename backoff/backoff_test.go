package backoff

import (
	"net/http"
	"testing"
	"time"
)

func TestWait(t *testing.T) {
	p := Policy{First: time.Second, Max: 30 * time.Second}
	for _, tc := range []struct {
		n    int
		want time.Duration
	}{{0, time.Second}, {1, time.Second}, {2, 2 * time.Second}, {5, 16 * time.Second}, {6, 30 * time.Second}, {1000, 30 * time.Second}} {
		if got := p.Wait(tc.n); got != tc.want {
			t.Errorf("Wait(%d) = %v, want %v", tc.n, got, tc.want)
		}
	}
	j := Policy{First: 10 * time.Second, Max: time.Minute, Jitter: 0.1}
	for range 100 {
		if got := j.Wait(1); got < 9*time.Second || got > 11*time.Second {
			t.Fatalf("Wait(1) with 10%% jitter = %v, want within 9s..11s", got)
		}
	}
}

func TestAfter(t *testing.T) {
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		header map[string]string
		want   time.Duration
	}{
		{nil, 0},
		{map[string]string{"Retry-After": "3"}, 3 * time.Second},
		{map[string]string{"Retry-After": "0.25"}, 250 * time.Millisecond},
		{map[string]string{"Retry-After": now.Add(90 * time.Second).Format(http.TimeFormat)}, 90 * time.Second},
		{map[string]string{"Retry-After": now.Add(-time.Hour).Format(http.TimeFormat)}, 0},
		{map[string]string{"Retry-After": "soon"}, 0},
		{map[string]string{"X-RateLimit-Reset-After": "1.5"}, 1500 * time.Millisecond},
		{map[string]string{"Retry-After": "2", "X-RateLimit-Reset-After": "9"}, 2 * time.Second},
	} {
		h := http.Header{}
		for k, v := range tc.header {
			h.Set(k, v)
		}
		if got := After(h, now); got != tc.want {
			t.Errorf("After(%v) = %v, want %v", tc.header, got, tc.want)
		}
	}
}
