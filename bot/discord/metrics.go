package discord

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"
)

// latencyBuckets are the upper bounds, in seconds, of the latency histogram.
var latencyBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

// Metrics counts what the bot did, for GET /metrics in Prometheus's text format.
type Metrics struct {
	mu           sync.Mutex
	interactions map[[2]string]uint64 // command, outcome
	buckets      []uint64
	sum          float64
	count        uint64
	digests      map[string]uint64 // outcome
	errors       map[string]uint64 // where
}

// NewMetrics returns empty metrics.
func NewMetrics() *Metrics {
	return &Metrics{
		interactions: map[[2]string]uint64{},
		buckets:      make([]uint64, len(latencyBuckets)),
		digests:      map[string]uint64{},
		errors:       map[string]uint64{},
	}
}

func (m *Metrics) interaction(command, outcome string, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.interactions[[2]string{command, outcome}]++
	if outcome == "failed" {
		m.errors["interaction"]++
	}
	sec := d.Seconds()
	m.sum += sec
	m.count++
	for i, le := range latencyBuckets {
		if sec <= le {
			m.buckets[i]++
		}
	}
}

// Digest counts one digest by outcome ("posted", "failed", "empty").
func (m *Metrics) Digest(outcome string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.digests[outcome]++
}

// Error counts one error in the named part of the bot.
func (m *Metrics) Error(where string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.errors[where]++
}

// WriteTo writes the metrics in Prometheus's text exposition format.
func (m *Metrics) WriteTo(w io.Writer) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var b strings.Builder
	b.WriteString("# HELP newsbot_interactions_total Interactions answered, by command and outcome.\n")
	b.WriteString("# TYPE newsbot_interactions_total counter\n")
	keys := slices.SortedFunc(maps.Keys(m.interactions), func(a, b [2]string) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	})
	for _, k := range keys {
		fmt.Fprintf(&b, "newsbot_interactions_total{command=%q,outcome=%q} %d\n", k[0], k[1], m.interactions[k])
	}
	b.WriteString("# HELP newsbot_interaction_duration_seconds Time from an interaction's arrival to its reply.\n")
	b.WriteString("# TYPE newsbot_interaction_duration_seconds histogram\n")
	for i, le := range latencyBuckets {
		fmt.Fprintf(&b, "newsbot_interaction_duration_seconds_bucket{le=\"%g\"} %d\n", le, m.buckets[i])
	}
	fmt.Fprintf(&b, "newsbot_interaction_duration_seconds_bucket{le=\"+Inf\"} %d\n", m.count)
	fmt.Fprintf(&b, "newsbot_interaction_duration_seconds_sum %g\n", m.sum)
	fmt.Fprintf(&b, "newsbot_interaction_duration_seconds_count %d\n", m.count)
	writeCounter(&b, "newsbot_digests_total", "Digests by outcome.", "outcome", m.digests)
	writeCounter(&b, "newsbot_errors_total", "Errors by where they happened.", "where", m.errors)
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

func writeCounter(b *strings.Builder, name, help, label string, values map[string]uint64) {
	fmt.Fprintf(b, "# HELP %s %s\n# TYPE %s counter\n", name, help, name)
	for _, k := range slices.Sorted(maps.Keys(values)) {
		fmt.Fprintf(b, "%s{%s=%q} %d\n", name, label, k, values[k])
	}
}
