// Package discordtest is a local Discord for tests: an httptest REST server and a
// websocket gateway that speak the real protocol, so that discordgo and the bot
// run unchanged against it.
//
// The REST side records every request, validates each body against Discord's
// OpenAPI description (../shared/discord/openapi.json beside the repository) and
// against the limits a bot must keep (2,000 characters of content, embed limits,
// allowed_mentions on every message); any violation fails the test. The gateway
// (gateway.go) keeps sessions as Discord does: IDENTIFY, RESUME on
// resume_gateway_url with replay, op 7, op 9, close codes and heartbeat ACKs
// that a test can withhold.
//
// Tests wait for what they expect with WaitRequest, which blocks on the recorded
// requests rather than sleeping.
package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// Request is one REST request the bot made.
type Request struct {
	Method, Path, Query string
	Header              http.Header
	Body                []byte
}

// JSON decodes the body into v.
func (r Request) JSON(v any) error { return json.Unmarshal(r.Body, v) }

// Server is a fake Discord.
type Server struct {
	// URL is the API base to give the bot as DISCORD_API_URL.
	URL string
	// AppID and Token are what READY and IDENTIFY carry.
	AppID, Token string
	// Respond, when set, may answer a request instead of the defaults (to fail
	// it, say); it returns false to leave the request to the defaults.
	Respond func(r Request) (status int, body any, ok bool)
	// BotPermissions is what the server's @everyone role allows, in every
	// channel (no overwrites): the bot's permissions as GET /channels, /guilds
	// and /guilds/…/members describe them. NewServer sets View Channel, Send
	// Messages and Embed Links.
	BotPermissions int64
	// Shards is the shard count GET /gateway/bot recommends and IDENTIFY
	// must use (0 or 1: no sharding; more: IDENTIFY without shard gets 4011).
	Shards int

	t    testing.TB
	srv  *httptest.Server
	spec *Spec

	mu       sync.Mutex
	changed  chan struct{} // closed and replaced on every new request or gateway event
	requests []Request
	gw       gatewayState
	msgID    int
	created  []map[string]any          // channel messages, in order
	nonces   map[string]map[string]any // enforced nonce → the message it created
}

// NewServer starts a fake Discord, closed when the test ends. It fails the test
// when the OpenAPI description cannot be found. The options set fields
// (Shards, Respond…) before it serves: a bot in another process may call it
// at once, and the race detector sees no order between that and a field set
// after NewServer returns.
func NewServer(t testing.TB, opts ...func(*Server)) *Server {
	t.Helper()
	path := SpecFile()
	if path == "" {
		t.Fatal("discordtest: ../shared/discord/openapi.json not found beside the repository")
	}
	spec, err := LoadSpec(path)
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{AppID: "100000000000000001", Token: "Bot test-token", t: t, spec: spec, changed: make(chan struct{}),
		BotPermissions: 1<<10 | 1<<11 | 1<<14}
	mux := http.NewServeMux()
	mux.HandleFunc("/gateway-ws/", s.serveGateway)
	mux.HandleFunc("/api/", s.serveREST)
	s.srv = httptest.NewUnstartedServer(mux)
	s.URL = "http://" + s.srv.Listener.Addr().String() + "/api"
	for _, o := range opts {
		o(s)
	}
	s.srv.Start()
	t.Cleanup(s.Close)
	return s
}

// Close stops the server and drops the gateway connection.
func (s *Server) Close() {
	s.mu.Lock()
	for _, c := range s.gw.conns {
		c.ws.Close()
	}
	s.mu.Unlock()
	s.srv.Close()
}

// notify wakes the waiters; call with s.mu held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// Requests returns the REST requests so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// WaitRequest returns the first request, in order, that match accepts, waiting
// for one to arrive until ctx ends (then it fails the test).
func (s *Server) WaitRequest(ctx context.Context, what string, match func(Request) bool) Request {
	s.t.Helper()
	for {
		s.mu.Lock()
		for _, r := range s.requests {
			if match(r) {
				s.mu.Unlock()
				return r
			}
		}
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			s.t.Fatalf("discordtest: no request %s arrived: %v", what, ctx.Err())
			return Request{}
		}
	}
}

// waitFor waits until cond holds, checking it on every change.
func (s *Server) waitFor(ctx context.Context, what string, cond func() bool) {
	s.t.Helper()
	for {
		s.mu.Lock()
		ok, ch := cond(), s.changed
		s.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-ch:
		case <-ctx.Done():
			s.t.Fatalf("discordtest: %s did not happen: %v", what, ctx.Err())
		}
	}
}

var (
	interactionCallback = regexp.MustCompile(`^/api/v\d+/interactions/[^/]+/[^/]+/callback$`)
	webhookMessage      = regexp.MustCompile(`^/api/v\d+/webhooks/[^/]+/[^/]+/messages/[^/]+$`)
	webhook             = regexp.MustCompile(`^/api/v\d+/webhooks/[^/]+/[^/]+$`)
	channelMessages     = regexp.MustCompile(`^/api/v\d+/channels/([^/]+)/messages$`)
	commands            = regexp.MustCompile(`^/api/v\d+/applications/[^/]+(/guilds/[^/]+)?/commands$`)
	gateway             = regexp.MustCompile(`^/api/v\d+/gateway(/bot)?$`)
	channel             = regexp.MustCompile(`^/api/v\d+/channels/([^/]+)$`)
	guild               = regexp.MustCompile(`^/api/v\d+/guilds/([^/]+)$`)
	member              = regexp.MustCompile(`^/api/v\d+/guilds/([^/]+)/members/([^/]+)$`)
)

func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	req := Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Header: r.Header.Clone(), Body: body}
	s.check(req)
	// Recorded once answered, before the bot can read the answer: a test that
	// waited for a request then sees what answering it did (the message it
	// created, say).
	defer func() {
		s.mu.Lock()
		s.requests = append(s.requests, req)
		s.notify()
		s.mu.Unlock()
	}()

	if s.Respond != nil {
		if status, out, ok := s.Respond(req); ok {
			writeJSON(w, status, out)
			return
		}
	}
	p := req.Path
	switch {
	case gateway.MatchString(p) && r.Method == http.MethodGet:
		writeJSON(w, 200, map[string]any{"url": s.wsURL(), "shards": max(s.Shards, 1),
			"session_start_limit": map[string]any{"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}})
	case commands.MatchString(p) && r.Method == http.MethodPut:
		var cmds []map[string]any
		json.Unmarshal(body, &cmds)
		for i, c := range cmds {
			c["id"] = fmt.Sprint(200000000000000000 + i)
			c["application_id"] = s.AppID
			c["version"] = "1"
		}
		writeJSON(w, 200, cmds)
	case interactionCallback.MatchString(p) && r.Method == http.MethodPost:
		w.WriteHeader(http.StatusNoContent)
	case webhookMessage.MatchString(p) && r.Method == http.MethodDelete:
		w.WriteHeader(http.StatusNoContent)
	case webhookMessage.MatchString(p) && r.Method == http.MethodPatch,
		webhook.MatchString(p) && r.Method == http.MethodPost:
		writeJSON(w, 200, s.message("100000000000000099", body))
	case channelMessages.MatchString(p) && r.Method == http.MethodPost:
		writeJSON(w, 200, s.channelMessage(channelMessages.FindStringSubmatch(p)[1], body))
	case channel.MatchString(p) && r.Method == http.MethodGet:
		writeJSON(w, 200, map[string]any{"id": channel.FindStringSubmatch(p)[1], "type": 0, "guild_id": Admin.GuildID,
			"name": "news", "position": 0, "permission_overwrites": []any{}})
	case guild.MatchString(p) && r.Method == http.MethodGet:
		id := guild.FindStringSubmatch(p)[1]
		writeJSON(w, 200, map[string]any{"id": id, "name": "Test server", "owner_id": "500000000000000099",
			"roles": []any{map[string]any{"id": id, "name": "@everyone", "permissions": fmt.Sprint(s.BotPermissions), "position": 0}}})
	case member.MatchString(p) && r.Method == http.MethodGet:
		writeJSON(w, 200, map[string]any{"user": map[string]any{"id": member.FindStringSubmatch(p)[2], "username": "newsbot"},
			"roles": []any{}, "joined_at": "2024-01-01T00:00:00Z"})
	default:
		writeJSON(w, 404, map[string]any{"message": "Unknown route", "code": 0})
	}
}

// message returns the message Discord would create from a body.
func (s *Server) message(channel string, body []byte) map[string]any {
	s.mu.Lock()
	s.msgID++
	id := 300000000000000000 + s.msgID
	s.mu.Unlock()
	m := map[string]any{}
	json.Unmarshal(body, &m)
	m["id"] = fmt.Sprint(id)
	m["channel_id"] = channel
	m["timestamp"] = time.Now().UTC().Format(time.RFC3339)
	m["author"] = map[string]any{"id": s.AppID, "username": "newsbot", "bot": true}
	delete(m, "allowed_mentions")
	delete(m, "nonce")
	delete(m, "enforce_nonce")
	return m
}

// channelMessage creates a channel message, unless an enforced nonce names one
// already created: then that one is returned, as Discord does.
func (s *Server) channelMessage(channel string, body []byte) map[string]any {
	var in struct {
		Nonce        any  `json:"nonce"`
		EnforceNonce bool `json:"enforce_nonce"`
	}
	json.Unmarshal(body, &in)
	key := channel + "/" + fmt.Sprint(in.Nonce)
	s.mu.Lock()
	if m, ok := s.nonces[key]; ok && in.EnforceNonce {
		s.mu.Unlock()
		return m
	}
	s.mu.Unlock()
	m := s.message(channel, body)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.created = append(s.created, m)
	if in.EnforceNonce {
		if s.nonces == nil {
			s.nonces = map[string]map[string]any{}
		}
		s.nonces[key] = m
	}
	return m
}

// Messages returns the channel messages created so far, in order.
func (s *Server) Messages() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]map[string]any(nil), s.created...)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if v != nil {
		json.NewEncoder(w).Encode(v)
	}
}

// check validates a request against the spec and the limits, failing the test
// on a violation.
func (s *Server) check(r Request) {
	if len(r.Body) == 0 {
		return
	}
	if err := s.spec.Validate(r.Method, r.Path, r.Body); err != nil {
		s.t.Errorf("discordtest: request does not match Discord's API: %v\nbody: %s", err, r.Body)
	}
	var msg map[string]any
	switch {
	case interactionCallback.MatchString(r.Path):
		var cb struct {
			Type int            `json:"type"`
			Data map[string]any `json:"data"`
		}
		if err := json.Unmarshal(r.Body, &cb); err != nil {
			s.t.Errorf("discordtest: callback is not JSON: %v", err)
			return
		}
		if cb.Type == 4 || cb.Type == 5 {
			msg = cb.Data
			if msg == nil {
				msg = map[string]any{}
			}
		}
		if cb.Type == 8 {
			checkChoices(s.t, cb.Data)
		}
	case webhookMessage.MatchString(r.Path), webhook.MatchString(r.Path), channelMessages.MatchString(r.Path):
		json.Unmarshal(r.Body, &msg)
	case commands.MatchString(r.Path):
		checkCommands(s.t, r.Body)
	}
	if msg != nil {
		if errs := CheckMessage(msg); len(errs) > 0 {
			s.t.Errorf("discordtest: %s %s breaks Discord's limits: %s\nbody: %s", r.Method, r.Path, strings.Join(errs, "; "), r.Body)
		}
	}
}

func runes(v any) int {
	str, _ := v.(string)
	return utf8.RuneCountInString(str)
}

// CheckMessage returns the ways a message body breaks the limits a bot must keep,
// allowed_mentions {"parse": []} included.
func CheckMessage(m map[string]any) []string {
	var errs []string
	am, ok := m["allowed_mentions"].(map[string]any)
	if parse, isList := am["parse"].([]any); !ok || !isList || len(parse) != 0 {
		errs = append(errs, `allowed_mentions is not {"parse": []}`)
	}
	if n := runes(m["content"]); n > 2000 {
		errs = append(errs, fmt.Sprintf("content has %d characters (max 2000)", n))
	}
	embeds, _ := m["embeds"].([]any)
	if len(embeds) > 10 {
		errs = append(errs, fmt.Sprintf("%d embeds (max 10)", len(embeds)))
	}
	total := 0
	for _, e := range embeds {
		em, _ := e.(map[string]any)
		title, desc := runes(em["title"]), runes(em["description"])
		footer := 0
		if f, ok := em["footer"].(map[string]any); ok {
			footer = runes(f["text"])
		}
		total += title + desc + footer
		if title > 256 || desc > 4096 || footer > 2048 {
			errs = append(errs, fmt.Sprintf("embed title %d/256, description %d/4096, footer %d/2048", title, desc, footer))
		}
		fields, _ := em["fields"].([]any)
		if len(fields) > 25 {
			errs = append(errs, fmt.Sprintf("%d fields (max 25)", len(fields)))
		}
		for _, f := range fields {
			fm, _ := f.(map[string]any)
			name, value := runes(fm["name"]), runes(fm["value"])
			total += name + value
			if name == 0 || name > 256 || value == 0 || value > 1024 {
				errs = append(errs, fmt.Sprintf("field name %d/256, value %d/1024", name, value))
			}
		}
	}
	if total > 6000 {
		errs = append(errs, fmt.Sprintf("embeds total %d characters (max 6000)", total))
	}
	return errs
}

func checkChoices(t testing.TB, data map[string]any) {
	choices, _ := data["choices"].([]any)
	if len(choices) > 25 {
		t.Errorf("discordtest: %d autocomplete choices (max 25)", len(choices))
	}
	for _, c := range choices {
		cm, _ := c.(map[string]any)
		if n := runes(cm["name"]); n < 1 || n > 100 {
			t.Errorf("discordtest: choice name has %d characters (1–100)", n)
		}
	}
}

func checkCommands(t testing.TB, body []byte) {
	var cmds []struct {
		Name        string `json:"name"`
		Description string `json:"description"`
		Type        int    `json:"type"`
		Options     []struct {
			Name, Description string
			Options           []struct{ Name, Description string }
		} `json:"options"`
	}
	json.Unmarshal(body, &cmds)
	for _, c := range cmds {
		if c.Type == 1 && (runes(c.Description) < 1 || runes(c.Description) > 100) {
			t.Errorf("discordtest: /%s description has %d characters (1–100)", c.Name, runes(c.Description))
		}
		for _, o := range c.Options {
			if runes(o.Description) < 1 || runes(o.Description) > 100 {
				t.Errorf("discordtest: /%s %s description has %d characters (1–100)", c.Name, o.Name, runes(o.Description))
			}
		}
	}
}
