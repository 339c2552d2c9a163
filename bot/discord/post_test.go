package discord

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"newsbot/bot/digest"
	"newsbot/bot/discord/discordtest"
	"newsbot/bot/reply"
)

func newPoster(t *testing.T) (*Adapter, *discordtest.Server) {
	t.Helper()
	fake := discordtest.NewServer(t)
	s, err := NewSession(strings.TrimPrefix(fake.Token, "Bot "), fake.URL)
	if err != nil {
		t.Fatal(err)
	}
	return New(newGated(reply.Reply{}), s, discard(), Options{}), fake
}

// bigDigest is a digest message at Discord's limits.
func bigDigest() reply.Reply {
	var fields []reply.Field
	for i := range 25 {
		fields = append(fields, reply.Field{Name: fmt.Sprintf("Title %d (ID %d) @everyone", i, i), Value: strings.Repeat("A summary sentence. ", 60)})
	}
	return reply.Reply{Embeds: []reply.Embed{{Title: "Daily digest: 25 new articles", Fields: fields}}}.Fit()
}

func TestPost(t *testing.T) {
	a, fake := newPoster(t)
	id, err := a.Post(t.Context(), "900", bigDigest(), "nonce-1")
	if err != nil || id == "" {
		t.Fatalf("Post = %q, %v", id, err)
	}
	// The same nonce again returns the same message and creates none.
	id2, err := a.Post(t.Context(), "900", bigDigest(), "nonce-1")
	if err != nil || id2 != id {
		t.Errorf("second Post with the same nonce = %q, %v; want %q", id2, err, id)
	}
	if n := len(fake.Messages()); n != 1 {
		t.Errorf("%d messages created, want 1", n)
	}
	var body struct {
		Nonce        string `json:"nonce"`
		EnforceNonce bool   `json:"enforce_nonce"`
	}
	reqs := fake.Requests()
	reqs[0].JSON(&body)
	if body.Nonce != "nonce-1" || !body.EnforceNonce {
		t.Errorf("post body carries nonce %q enforce %v, want nonce-1 and true", body.Nonce, body.EnforceNonce)
	}
	if reqs[0].Header.Get("Authorization") != fake.Token {
		t.Errorf("channel post sent Authorization %q, want the bot token", reqs[0].Header.Get("Authorization"))
	}
}

func TestPostFailures(t *testing.T) {
	tests := []struct {
		status    int
		permanent bool
	}{
		{http.StatusInternalServerError, false},
		{http.StatusServiceUnavailable, false},
		{http.StatusForbidden, true},
		{http.StatusNotFound, true},
	}
	for _, tt := range tests {
		a, fake := newPoster(t)
		calls := 0
		fake.Respond = func(r discordtest.Request) (int, any, bool) {
			calls++
			if calls == 1 {
				return tt.status, map[string]any{"message": http.StatusText(tt.status), "code": 0}, true
			}
			return 0, nil, false
		}
		_, err := a.Post(t.Context(), "900", reply.Reply{Content: "hi"}.Fit(), "n")
		if err == nil || errors.Is(err, digest.ErrCannotPost) != tt.permanent {
			t.Errorf("%d: Post error = %v, want permanent=%v", tt.status, err, tt.permanent)
		}
		if !tt.permanent {
			if _, err := a.Post(t.Context(), "900", reply.Reply{Content: "hi"}.Fit(), "n"); err != nil {
				t.Errorf("%d then OK: second Post = %v", tt.status, err)
			}
			if n := len(fake.Messages()); n != 1 {
				t.Errorf("%d then OK: %d messages, want 1", tt.status, n)
			}
		}
	}
}
