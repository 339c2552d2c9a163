package discord

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"newsbot/bot"
)

// Metrics counts what the bot did, for GET /metrics. It has a registry of its
// own (no global state), so that tests and several adapters do not share
// counts.
type Metrics struct {
	registry     *prometheus.Registry
	interactions *prometheus.CounterVec
	latency      prometheus.Histogram
	digests      *prometheus.CounterVec
	errors       *prometheus.CounterVec
	commands     map[string]bool // the label values a command may take
}

// NewMetrics returns empty metrics.
func NewMetrics() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		interactions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsbot_interactions_total", Help: "Interactions answered, by command and outcome.",
		}, []string{"command", "outcome"}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "newsbot_interaction_duration_seconds",
			Help:    "Time from an interaction's arrival to its reply.",
			Buckets: []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30},
		}),
		digests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsbot_digests_total", Help: "Digests by outcome.",
		}, []string{"outcome"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsbot_errors_total", Help: "Errors by where they happened.",
		}, []string{"where"}),
		commands: map[string]bool{MessageCommand: true, "autocomplete": true, "replay": true},
	}
	for _, c := range bot.Commands() {
		m.commands[c.Name] = true
	}
	m.registry.MustRegister(m.interactions, m.latency, m.digests, m.errors)
	// The series a scrape should find from the start, at zero.
	for _, outcome := range []string{"posted", "empty", "retry", "failed"} {
		m.digests.WithLabelValues(outcome)
	}
	return m
}

// interaction counts one answered interaction. A command name the bot does not
// have (from a stale registration, or a forged request) counts as "other", so
// that no request can add label values of its own.
func (m *Metrics) interaction(command, outcome string, d time.Duration) {
	if !m.commands[command] {
		command = "other"
	}
	m.interactions.WithLabelValues(command, outcome).Inc()
	if outcome == "failed" {
		m.errors.WithLabelValues("interaction").Inc()
	}
	m.latency.Observe(d.Seconds())
}

// Digest counts one digest by outcome ("posted", "failed", "empty", "retry").
func (m *Metrics) Digest(outcome string) { m.digests.WithLabelValues(outcome).Inc() }

// Error counts one error in the named part of the bot.
func (m *Metrics) Error(where string) { m.errors.WithLabelValues(where).Inc() }

// Handler serves the metrics in Prometheus's exposition format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}
