package main

import (
	"context"
	"log/slog"
	"regexp"
	"strings"
)

// redacting is the logging boundary's guard: every message and attribute is
// scrubbed of the configured secrets (the bot token, the model's API key) and of
// interaction tokens inside Discord URLs, whatever error text carries them (a
// model endpoint that echoes the key in its error, a failed webhook call that
// names its URL).
type redacting struct {
	next    slog.Handler
	secrets []string
}

// interactionToken matches the token part of Discord's interaction and webhook
// URLs: /webhooks/{application}/{token} and /interactions/{id}/{token}.
var interactionToken = regexp.MustCompile(`(/(?:webhooks|interactions)/[0-9]+/)[^/\s"?]+`)

func newRedacting(next slog.Handler, secrets ...string) slog.Handler {
	var keep []string
	for _, s := range secrets {
		if len(s) >= 8 { // shorter ones would redact ordinary words
			keep = append(keep, s, strings.TrimPrefix(s, "Bot "))
		}
	}
	return &redacting{next: next, secrets: keep}
}

func (h *redacting) scrub(s string) string {
	for _, secret := range h.secrets {
		s = strings.ReplaceAll(s, secret, "[redacted]")
	}
	return interactionToken.ReplaceAllString(s, "${1}[token]")
}

func (h *redacting) attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, h.scrub(v.String()))
	case slog.KindGroup:
		attrs := v.Group()
		out := make([]any, len(attrs))
		for i, g := range attrs {
			out[i] = h.attr(g)
		}
		return slog.Group(a.Key, out...)
	case slog.KindAny:
		if err, ok := v.Any().(error); ok {
			return slog.String(a.Key, h.scrub(err.Error()))
		}
		return slog.String(a.Key, h.scrub(v.String()))
	}
	return slog.Attr{Key: a.Key, Value: v}
}

func (h *redacting) Enabled(ctx context.Context, l slog.Level) bool { return h.next.Enabled(ctx, l) }

func (h *redacting) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, h.scrub(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

func (h *redacting) WithAttrs(attrs []slog.Attr) slog.Handler {
	scrubbed := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		scrubbed[i] = h.attr(a)
	}
	return &redacting{next: h.next.WithAttrs(scrubbed), secrets: h.secrets}
}

func (h *redacting) WithGroup(name string) slog.Handler {
	return &redacting{next: h.next.WithGroup(name), secrets: h.secrets}
}
