package discord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"newsbot/bot/discord/discordtest"
	"newsbot/bot/reply"
)

// TestSlowBodyFlood holds 1,100 connections that send their headers and then
// dribble no body, and checks that signed PINGs are still answered, quickly.
func TestSlowBodyFlood(t *testing.T) {
	g := newGated(reply.Reply{Content: "done"})
	close(g.gate)
	fake := discordtest.NewServer(t)
	s, _ := NewSession("", fake.URL)
	pub, priv, _ := ed25519.GenerateKey(nil)
	a := New(g, s, discard(), Options{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewHTTPServer(a.HTTPHandler(pub, nil))
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	addr := ln.Addr().String()

	var conns []net.Conn
	t.Cleanup(func() {
		for _, c := range conns {
			c.Close()
		}
	})
	for i := range 1100 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		fmt.Fprintf(c, "POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
		conns = append(conns, c)
	}
	ping := []byte(`{"id":"9","application_id":"1","type":1,"token":"t","version":1}`)
	client := &http.Client{Timeout: 5 * time.Second}
	var slowest time.Duration
	for range 5 {
		req, _ := http.NewRequest("POST", "http://"+addr+"/interactions", bytes.NewReader(ping))
		req.Header = discordtest.Sign(priv, ping, time.Now())
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("PING during the flood: %v", err)
		}
		resp.Body.Close()
		slowest = max(slowest, time.Since(start))
		if resp.StatusCode != 200 {
			t.Errorf("PING during the flood: %s", resp.Status)
		}
	}
	t.Logf("slowest of 5 PINGs during a flood of 1,100 slow bodies: %s", slowest)
}

// TestReplayAndBadOptions sends a signed command twice and a signed command
// whose options hold a null: the first is executed once and the copy refused;
// the null is read as no option, not a crash.
func TestReplayAndBadOptions(t *testing.T) {
	g := newGated(reply.Reply{Content: "done"})
	close(g.gate)
	_, fake, srv, priv := newHTTP(t, g, Options{})
	cmd, _ := json.Marshal(fake.Command("77", discordtest.InGuild, "help"))
	sig := discordtest.Sign(priv, cmd, time.Now())
	if status, body := post(t, srv.URL, cmd, sig); status != 200 || !strings.Contains(string(body), "done") {
		t.Errorf("first: %d %s", status, body)
	}
	if status, _ := post(t, srv.URL, cmd, sig); status != http.StatusConflict {
		t.Errorf("the same signed request again: %d, want 409", status)
	}
	if n := len(g.started); n != 1 {
		t.Errorf("the command ran %d times, want 1", n)
	}
	for i, raw := range []string{
		`{"id":"78","application_id":"1","type":2,"token":"t","version":1,"guild_id":"4","member":{"user":{"id":"5"},"permissions":"0"},"data":{"id":"7","name":"help","type":1,"options":[null]}}`,
		`{"id":"79","application_id":"1","type":4,"token":"t","version":1,"guild_id":"4","member":{"user":{"id":"5"},"permissions":"0"},"data":{"id":"7","name":"summarize","type":1,"options":[null,{"name":"article","type":3,"value":"x","focused":true}]}}`,
		`{"id":"80","application_id":"1","type":2,"token":"t","version":1,"guild_id":"4","member":{"user":{"id":"5"},"permissions":"0"},"data":{"id":"7","name":"digest","type":1,"options":[{"name":"set","type":1,"options":[null]}]}}`,
	} {
		body := []byte(raw)
		if status, out := post(t, srv.URL, body, discordtest.Sign(priv, body, time.Now())); status != 200 {
			t.Errorf("options with a null (%d): %d %s, want an answer", i, status, out)
		}
	}
}

// TestDeferredReplyRetried answers the edit of a deferred reply with a 503, a
// 429 without Discord's JSON body and a 500 before accepting it: the reply is
// delivered, once, after the three failures.
func TestDeferredReplyRetried(t *testing.T) {
	g := newGated(reply.Reply{Content: "the summary"})
	a, fake, srv, priv := newHTTP(t, g, Options{DeferAfter: time.Nanosecond, RetryWait: time.Millisecond})
	var mu sync.Mutex
	edits := 0
	fake.Respond = func(r discordtest.Request) (int, any, bool) {
		if r.Method != "PATCH" || !strings.Contains(r.Path, "/messages/@original") {
			return 0, nil, false
		}
		mu.Lock()
		defer mu.Unlock()
		edits++
		switch edits {
		case 1:
			return 503, map[string]any{"message": "Service Unavailable", "code": 0}, true
		case 2:
			return 429, nil, true // no body, as a proxy in front of Discord may send
		case 3:
			return 500, map[string]any{"message": "Internal Server Error", "code": 0}, true
		}
		return 0, nil, false
	}
	cmd, _ := json.Marshal(fake.Command("5", discordtest.InGuild, "summarize", discordtest.Opt("article", "1")))
	if status, body := post(t, srv.URL, cmd, discordtest.Sign(priv, cmd, time.Now())); !strings.Contains(string(body), `"type":5`) {
		t.Fatalf("%d %s, want a deferral", status, body)
	}
	close(g.gate)
	a.Shutdown(5 * time.Second)
	var patches []discordtest.Request
	for _, r := range fake.Requests() {
		if r.Method == "PATCH" && strings.Contains(r.Path, "/token-5/messages/@original") {
			patches = append(patches, r)
		}
	}
	if len(patches) != 4 || !strings.Contains(string(patches[3].Body), "the summary") {
		t.Errorf("%d edits of @original, want 4 (three refused, one delivered)", len(patches))
	}
}

// TestStartUpRetries fails the gateway lookup twice (503) and the command
// registration once (400): the bot keeps serving, /healthz says it is
// degraded and why, and once Discord answers it connects, registers and is
// ready.
func TestStartUpRetries(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	fake := discordtest.NewServer(t)
	var mu sync.Mutex
	lookups, registrations := 0, 0
	fake.Respond = func(r discordtest.Request) (int, any, bool) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case r.Method == "GET" && strings.Contains(r.Path, "/gateway"):
			lookups++
			if lookups <= 2 {
				return 503, map[string]any{"message": "Service Unavailable", "code": 0}, true
			}
		case r.Method == "PUT" && strings.HasSuffix(r.Path, "/commands"):
			registrations++
			if registrations == 1 {
				return 400, map[string]any{"message": "Invalid Form Body", "code": 50035}, true
			}
		}
		return 0, nil, false
	}
	g := newGated(reply.Reply{Content: "done"})
	close(g.gate)
	a := newGateway(t, fake, g, Options{RetryWait: 20 * time.Millisecond})
	health := httptest.NewServer(a.HTTPHandler(nil, func(context.Context) error { return nil }))
	defer health.Close()
	// Before the gateway starts, a monitor already hears it is not up.
	if _, body := get(t, health.URL+"/healthz"); !strings.HasPrefix(body, "degraded") {
		t.Errorf("/healthz before RunGateway = %q, want degraded", body)
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- a.RunGateway(runCtx) }()

	// Poll /healthz as a monitor would, until it says ok.
	sawDegraded := false
	poll := time.NewTicker(5 * time.Millisecond)
	defer poll.Stop()
	for ctx.Err() == nil {
		_, body := get(t, health.URL+"/healthz")
		if strings.HasPrefix(body, "degraded") {
			sawDegraded = true
		}
		if body == "ok\n" {
			break
		}
		<-poll.C
	}
	stop()
	if err := <-done; err != nil {
		t.Errorf("RunGateway = %v, want it to ride out the failures", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if !sawDegraded || lookups < 3 || registrations < 2 {
		t.Errorf("degraded seen %v, %d gateway lookups, %d registrations; want degraded, then 3 and 2", sawDegraded, lookups, registrations)
	}
}

// TestMetricsLabelsBounded sends a signed command whose name carries a tab and a
// control byte: it is counted as "other", and the scrape stays well formed.
func TestMetricsLabelsBounded(t *testing.T) {
	g := newGated(reply.Reply{Content: "done"})
	close(g.gate)
	_, fake, srv, priv := newHTTP(t, g, Options{})
	cmd, _ := json.Marshal(fake.Command("90", discordtest.InGuild, "frob\tnicate\x01"))
	post(t, srv.URL, cmd, discordtest.Sign(priv, cmd, time.Now()))
	_, body := get(t, srv.URL+"/metrics")
	if !strings.Contains(body, `newsbot_interactions_total{command="other",outcome="ok"} 1`) || strings.Contains(body, "frob") {
		t.Errorf("metrics:\n%s\nwant the forged name counted as other", body)
	}
}
