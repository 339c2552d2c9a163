package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"newsbot/bot"
	"newsbot/bot/discord/discordtest"
	"newsbot/bot/reply"
)

// gatedHandler answers every command with a fixed reply, but only once the test
// opens its gate, so that tests control when a command finishes.
type gatedHandler struct {
	gate    chan struct{}
	out     reply.Reply
	started chan bot.Request
}

func newGated(r reply.Reply) *gatedHandler {
	return &gatedHandler{gate: make(chan struct{}), out: r.Fit(), started: make(chan bot.Request, 10)}
}

func (g *gatedHandler) Handle(ctx context.Context, req bot.Request) reply.Reply {
	g.started <- req
	select {
	case <-g.gate:
		return g.out
	case <-ctx.Done():
		return reply.Reply{Content: "cancelled", Ephemeral: true}
	}
}

func (g *gatedHandler) Autocomplete(ctx context.Context, req bot.Request, option, typed string) []bot.Choice {
	return []bot.Choice{{Name: "typed " + typed, Value: "1"}}
}

func discard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// newHTTP serves an adapter over h on an httptest server, with its REST side on
// a fake Discord.
func newHTTP(t *testing.T, h Handler, opts Options) (*Adapter, *discordtest.Server, *httptest.Server, ed25519.PrivateKey) {
	t.Helper()
	fake := discordtest.NewServer(t)
	s, err := NewSession("", fake.URL)
	if err != nil {
		t.Fatal(err)
	}
	pub, priv, _ := ed25519.GenerateKey(nil)
	a := New(h, s, discard(), opts)
	srv := httptest.NewServer(a.HTTPHandler(pub, func(context.Context) error { return nil }))
	t.Cleanup(srv.Close)
	return a, fake, srv, priv
}

// newGateway returns an adapter over h whose bot token and REST API are
// fake's, for running the gateway; retries and IDENTIFYs are 10 ms apart
// unless opts says otherwise.
func newGateway(t *testing.T, fake *discordtest.Server, h Handler, opts Options) *Adapter {
	t.Helper()
	s, err := NewSession(strings.TrimPrefix(fake.Token, "Bot "), fake.URL)
	if err != nil {
		t.Fatal(err)
	}
	if opts.RetryWait == 0 {
		opts.RetryWait = 10 * time.Millisecond
	}
	if opts.IdentifyInterval == 0 {
		opts.IdentifyInterval = 10 * time.Millisecond
	}
	opts.Gateway = true // as the bot's main sets it when it has a token
	return New(h, s, discard(), opts)
}

// get fetches url and returns its status and body.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func post(t *testing.T, url string, body []byte, header http.Header) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest("POST", url+"/interactions", bytes.NewReader(body))
	req.Header = header
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}

func TestHTTPSignatures(t *testing.T) {
	g := newGated(reply.Reply{Content: "done"})
	close(g.gate)
	_, fake, srv, priv := newHTTP(t, g, Options{})
	ping := []byte(`{"id":"1","application_id":"1","type":1,"token":"t","version":1}`)
	_, otherKey, _ := ed25519.GenerateKey(nil)
	now := time.Now()
	tests := []struct {
		name   string
		body   []byte
		header http.Header
		status int
		want   string
	}{
		{"ping", ping, discordtest.Sign(priv, ping, now), 200, `{"type":1}`},
		{"no signature", ping, http.Header{}, 401, ""},
		{"wrong key", ping, discordtest.Sign(otherKey, ping, now), 401, ""},
		{"stale timestamp", ping, discordtest.Sign(priv, ping, now.Add(-6*time.Minute)), 401, ""},
		{"future timestamp", ping, discordtest.Sign(priv, ping, now.Add(6*time.Minute)), 401, ""},
		{"body changed after signing", append(ping[:len(ping):len(ping)], ' '), discordtest.Sign(priv, ping, now), 401, ""},
		{"malformed JSON", []byte(`{"type":`), discordtest.Sign(priv, []byte(`{"type":`), now), 400, ""},
	}
	for _, tt := range tests {
		status, body := post(t, srv.URL, tt.body, tt.header)
		if status != tt.status || (tt.want != "" && strings.TrimSpace(string(body)) != tt.want) {
			t.Errorf("%s: %d %s, want %d %s", tt.name, status, body, tt.status, tt.want)
		}
	}

	big := bytes.Repeat([]byte("x"), maxInteractionBody+1)
	if status, _ := post(t, srv.URL, big, discordtest.Sign(priv, big, now)); status != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body: status %d, want 413", status)
	}
	// The server keeps serving after all that.
	cmd, _ := json.Marshal(fake.Command("2", discordtest.InGuild, "help"))
	status, body := post(t, srv.URL, cmd, discordtest.Sign(priv, cmd, time.Now()))
	if status != 200 || !strings.Contains(string(body), `"content":"done"`) || !strings.Contains(string(body), `"allowed_mentions":{"parse":[]`) {
		t.Errorf("command after bad requests: %d %s", status, body)
	}
	if errs := discordtest.CheckMessage(messageData(t, body)); len(errs) > 0 {
		t.Errorf("HTTP response breaks limits: %v", errs)
	}
}

func messageData(t *testing.T, body []byte) map[string]any {
	var resp struct {
		Data map[string]any `json:"data"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		t.Fatal(err)
	}
	return resp.Data
}

func TestDeferredReply(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	long := strings.Repeat("A summary sentence that goes on. ", 300)
	g := newGated(reply.Reply{Embeds: []reply.Embed{{Title: "T", Description: long}}})
	a, fake, srv, priv := newHTTP(t, g, Options{DeferAfter: time.Nanosecond})

	cmd, _ := json.Marshal(fake.Command("3", discordtest.InGuild, "summarize", discordtest.Opt("article", "1")))
	status, body := post(t, srv.URL, cmd, discordtest.Sign(priv, cmd, time.Now()))
	<-g.started
	if status != 200 || !strings.Contains(string(body), `"type":5`) {
		t.Fatalf("slow command: %d %s, want a deferred response (type 5)", status, body)
	}
	if strings.Contains(string(body), `"flags":64`) {
		t.Errorf("deferral of a public command is ephemeral: %s", body)
	}
	close(g.gate)
	edit := fake.WaitRequest(ctx, "edit of @original", func(r discordtest.Request) bool {
		return r.Method == "PATCH" && strings.HasSuffix(r.Path, "/webhooks/"+fake.AppID+"/token-3/messages/@original")
	})
	if !strings.Contains(string(edit.Body), "A summary sentence") {
		t.Errorf("edit body = %.200s", edit.Body)
	}
	if edit.Header.Get("Authorization") != "" {
		t.Error("an HTTP-only bot sent an Authorization header")
	}
	a.Shutdown(time.Second)
}

func TestDeferredEphemeralAfterPublic(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	g := newGated(reply.Reply{Content: "No article matches that.", Ephemeral: true})
	a, fake, srv, priv := newHTTP(t, g, Options{DeferAfter: time.Nanosecond})
	cmd, _ := json.Marshal(fake.Command("4", discordtest.InGuild, "summarize", discordtest.Opt("article", "zzz")))
	post(t, srv.URL, cmd, discordtest.Sign(priv, cmd, time.Now()))
	<-g.started
	close(g.gate)
	fake.WaitRequest(ctx, "delete of the public placeholder", func(r discordtest.Request) bool {
		return r.Method == "DELETE" && strings.HasSuffix(r.Path, "/token-4/messages/@original")
	})
	follow := fake.WaitRequest(ctx, "ephemeral follow-up", func(r discordtest.Request) bool {
		return r.Method == "POST" && strings.HasSuffix(r.Path, "/webhooks/"+fake.AppID+"/token-4")
	})
	var m struct{ Flags int }
	follow.JSON(&m)
	if m.Flags&64 == 0 {
		t.Errorf("follow-up is not ephemeral: %s", follow.Body)
	}
	a.Shutdown(time.Second)
}

func TestShutdownWaitsForWork(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	g := newGated(reply.Reply{Content: "finished"})
	a, fake, srv, priv := newHTTP(t, g, Options{DeferAfter: time.Nanosecond})
	cmd, _ := json.Marshal(fake.Command("5", discordtest.InGuild, "help"))
	post(t, srv.URL, cmd, discordtest.Sign(priv, cmd, time.Now()))
	<-g.started

	a.Close()
	// New interactions are refused once shutdown has begun.
	if status, _ := post(t, srv.URL, cmd, discordtest.Sign(priv, cmd, time.Now())); status != http.StatusServiceUnavailable {
		t.Errorf("interaction after Close: status %d, want 503", status)
	}
	stopped := make(chan struct{})
	go func() {
		a.Wait(5 * time.Second)
		close(stopped)
	}()
	close(g.gate)
	select {
	case <-stopped:
	case <-ctx.Done():
		t.Fatal("Shutdown did not return after the work finished")
	}
	edits := 0
	for _, r := range fake.Requests() {
		if r.Method == "PATCH" {
			edits++
		}
	}
	if edits != 1 {
		t.Errorf("%d edits of @original after shutdown, want 1 (the in-flight reply delivered)", edits)
	}
}

func TestShutdownCancelsAfterGrace(t *testing.T) {
	g := newGated(reply.Reply{Content: "never"})
	a, fake, srv, priv := newHTTP(t, g, Options{DeferAfter: time.Nanosecond})
	cmd, _ := json.Marshal(fake.Command("6", discordtest.InGuild, "help"))
	post(t, srv.URL, cmd, discordtest.Sign(priv, cmd, time.Now()))
	<-g.started
	a.Shutdown(time.Millisecond) // the gate never opens: the work is cancelled
	// The public deferral is replaced by a private note that the bot restarts.
	found := false
	for _, r := range fake.Requests() {
		found = found || (r.Method == "POST" && strings.Contains(string(r.Body), "restarting"))
	}
	if !found {
		t.Errorf("cancelled work did not tell the user before Shutdown returned; requests: %d", len(fake.Requests()))
	}
}

func TestMetricsAndHealth(t *testing.T) {
	g := newGated(reply.Reply{Content: "ok"})
	close(g.gate)
	_, fake, srv, priv := newHTTP(t, g, Options{})
	cmd, _ := json.Marshal(fake.Command("7", discordtest.InGuild, "help"))
	post(t, srv.URL, cmd, discordtest.Sign(priv, cmd, time.Now()))

	_, body := get(t, srv.URL+"/metrics")
	for _, want := range []string{`newsbot_interactions_total{command="help",outcome="ok"} 1`, `newsbot_interaction_duration_seconds_count 1`, "# TYPE newsbot_digests_total counter"} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q:\n%s", want, body)
		}
	}
	if status, body := get(t, srv.URL+"/healthz"); status != 200 {
		t.Errorf("/healthz = %d %q, want 200", status, body)
	}

	sick := New(g, nil, discard(), Options{}).HTTPHandler(nil, func(context.Context) error { return errors.New("archive closed") })
	rec := httptest.NewRecorder()
	sick.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("/healthz with a broken archive = %d, want 503", rec.Code)
	}
}

func TestApplicationCommands(t *testing.T) {
	cmds := ApplicationCommands(bot.Commands(), true)
	byName := map[string]int{}
	for i, c := range cmds {
		byName[c.Name] = i
		if c.Type == 1 && (len(c.Description) == 0 || len([]rune(c.Description)) > 100) {
			t.Errorf("/%s description %q is not 1–100 characters", c.Name, c.Description)
		}
	}
	d := cmds[byName["digest"]]
	var subs []string
	for _, o := range d.Options {
		subs = append(subs, o.Name)
	}
	if d.DefaultMemberPermissions == nil || *d.DefaultMemberPermissions != 32 || strings.Join(subs, " ") != "set off status preview" {
		t.Errorf("/digest has permissions %v and subcommands %v, want Manage Server and set off status preview", d.DefaultMemberPermissions, subs)
	}
	if ch := d.Options[0].Options[0]; ch.Type != 7 || len(ch.ChannelTypes) != 2 {
		t.Errorf("/digest set channel option = %+v, want a text or announcement channel", ch)
	}
	if s := cmds[byName["summarize"]]; s.DefaultMemberPermissions != nil || !s.Options[0].Autocomplete {
		t.Errorf("/summarize = %+v, want everyone and article autocomplete", s)
	}
	if _, ok := byName[MessageCommand]; !ok {
		t.Error("the message command is missing")
	}
	for _, name := range []string{"digest", "add", "feed", "settings"} {
		c := cmds[byName[name]]
		if c.IntegrationTypes == nil || fmt.Sprint(*c.IntegrationTypes) != "[0]" || c.Contexts == nil || fmt.Sprint(*c.Contexts) != "[0]" {
			t.Errorf("/%s integration types %v contexts %v, want [0] and [0]: servers that installed the bot only", name, c.IntegrationTypes, c.Contexts)
		}
	}
	for _, c := range ApplicationCommands(bot.Commands(), false) {
		if c.IntegrationTypes != nil || c.Contexts != nil {
			t.Errorf("server-registered /%s carries integration types or contexts, which Discord documents for global commands only", c.Name)
		}
	}
}

func TestRewriteTransport(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = r.URL.Path }))
	defer srv.Close()
	s, err := NewSession("x", srv.URL+"/proxy/api")
	if err != nil {
		t.Fatal(err)
	}
	// discordgo builds v9 paths; Discord's current version is v10.
	for _, tc := range []struct{ in, want string }{
		{"https://discord.com/api/v9/gateway", "/proxy/api/v10/gateway"},
		{"https://discord.com/api/v10/users/@me", "/proxy/api/v10/users/@me"},
	} {
		got = ""
		s.Client.Get(tc.in)
		if got != tc.want {
			t.Errorf("GET %s went to %q, want %s", tc.in, got, tc.want)
		}
	}
}
