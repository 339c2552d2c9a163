package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"newsbot/backoff"
	"newsbot/bot/discord/discordtest"
)

// harness runs a Client against the fake Discord and records what it heard.
type harness struct {
	fake   *discordtest.Server
	client *Client
	done   chan error
	stop   context.CancelFunc

	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every event
	events  []string
	readys  int
}

func start(t *testing.T) *harness {
	t.Helper()
	fake := discordtest.NewServer(t)
	h := &harness{fake: fake, done: make(chan error, 1), changed: make(chan struct{})}
	h.client = &Client{
		Token: strings.TrimPrefix(fake.Token, "Bot "),
		Lookup: func(ctx context.Context) (string, error) {
			req, _ := http.NewRequestWithContext(ctx, "GET", fake.URL+"/v10/gateway/bot", nil)
			req.Header.Set("Authorization", fake.Token)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return "", err
			}
			defer resp.Body.Close()
			var g struct{ URL string }
			if err := json.NewDecoder(resp.Body).Decode(&g); err != nil {
				return "", err
			}
			return g.URL, nil
		},
		Event: func(name string, data json.RawMessage) {
			h.mu.Lock()
			defer h.mu.Unlock()
			if name == "MESSAGE" {
				var d struct{ N int }
				json.Unmarshal(data, &d)
				name = fmt.Sprintf("MESSAGE %d", d.N)
			}
			h.events = append(h.events, name)
			close(h.changed)
			h.changed = make(chan struct{})
		},
		Ready: func(Ready) {
			h.mu.Lock()
			defer h.mu.Unlock()
			h.readys++
		},
		Backoff:      backoff.Policy{First: 10 * time.Millisecond, Max: 50 * time.Millisecond},
		IdentifyWait: 10 * time.Millisecond,
	}
	ctx, cancel := context.WithCancel(t.Context())
	h.stop = cancel
	go func() { h.done <- h.client.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-h.done
	})
	return h
}

// waitEvent waits until the client has heard the named event.
func (h *harness) waitEvent(t *testing.T, name string) {
	t.Helper()
	h.waitEvents(t, name, 1)
}

// waitEvents waits until the client has heard the named event n times.
func (h *harness) waitEvents(t *testing.T, name string, n int) {
	t.Helper()
	ctx := ctxFor(t)
	for {
		h.mu.Lock()
		seen := 0
		for _, e := range h.events {
			if e == name {
				seen++
			}
		}
		if seen >= n {
			h.mu.Unlock()
			return
		}
		ch := h.changed
		h.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			t.Fatalf("event %s never arrived; heard %v", name, h.heard())
		}
	}
}

func (h *harness) heard() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.events...)
}

func ctxFor(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// resumedWith checks that connection n (from 1) resumed session-1 on READY's
// resume URL with sequence seq, and that connection n-1 was closed by the
// client with a code that keeps the session (or by the server).
func resumedWith(t *testing.T, conns []discordtest.Connection, n int, seq int64) {
	t.Helper()
	if len(conns) < n {
		t.Fatalf("%d connections, want at least %d", len(conns), n)
	}
	c := conns[n-1]
	if c.Op != 6 || c.Path != "/gateway-ws/resume" || c.SessionID != "session-1" || c.Seq == nil || *c.Seq != seq {
		var got any = nil
		if c.Seq != nil {
			got = *c.Seq
		}
		t.Errorf("connection %d: op %d on %s, session %q seq %v; want RESUME (6) on /gateway-ws/resume, session-1, seq %d", n, c.Op, c.Path, c.SessionID, got, seq)
	}
	if q := c.Query; !strings.Contains(q, "v=10") || !strings.Contains(q, "encoding=json") {
		t.Errorf("connection %d query %q, want v=10 and encoding=json", n, q)
	}
	if code := conns[n-2].ClosedWith; code == 1000 || code == 1001 {
		t.Errorf("connection %d was closed with %d, which ends the session", n-1, code)
	}
}

func identifies(conns []discordtest.Connection) int {
	n := 0
	for _, c := range conns {
		if c.Op == 2 {
			n++
		}
	}
	return n
}

func TestIdentifyThenHeartbeatWithSequence(t *testing.T) {
	h := start(t)
	ctx := ctxFor(t)
	h.fake.WaitSession(ctx, 1)
	h.fake.Dispatch("MESSAGE", map[string]int{"n": 1})
	h.waitEvent(t, "MESSAGE 1")
	h.fake.WaitHeartbeat(ctx)
	conns := h.fake.Connections()
	if c := conns[0]; c.Op != 2 || c.Path != "/gateway-ws/" || !strings.Contains(c.Query, "v=10") {
		t.Errorf("first connection: op %d on %s?%s, want IDENTIFY on /gateway-ws/?v=10", c.Op, c.Path, c.Query)
	}
	var id struct {
		Token      string            `json:"token"`
		Intents    *int              `json:"intents"`
		Properties map[string]string `json:"properties"`
	}
	json.Unmarshal(h.fake.Identify(), &id)
	if id.Token != "test-token" || id.Intents == nil || *id.Intents != 0 || id.Properties["browser"] == "" {
		t.Errorf("IDENTIFY %s, want the bare token, intents 0 and properties", h.fake.Identify())
	}
	if got := string(h.fake.Connections()[0].LastBeat); got != "2" {
		t.Errorf("heartbeat carried %s, want 2 (READY was 1, the event 2)", got)
	}
}

// TestReconnectResumes: op 7 makes the client reconnect to resume_gateway_url
// and RESUME with the last sequence; the event sent while it was away arrives
// once, and no second IDENTIFY is spent.
func TestReconnectResumes(t *testing.T) {
	h := start(t)
	ctx := ctxFor(t)
	h.fake.WaitSession(ctx, 1)
	h.fake.Dispatch("MESSAGE", map[string]int{"n": 1})
	h.waitEvent(t, "MESSAGE 1")
	h.fake.Reconnect("MESSAGE", map[string]int{"n": 2}) // missed, then replayed
	h.fake.WaitClosed(ctx, 1)
	h.fake.WaitSession(ctx, 2)
	h.waitEvent(t, "RESUMED")
	h.waitEvent(t, "MESSAGE 2")
	conns := h.fake.Connections()
	resumedWith(t, conns, 2, 2)
	if n := identifies(conns); n != 1 {
		t.Errorf("%d IDENTIFYs, want 1", n)
	}
	got := strings.Join(h.heard(), ",")
	if got != "READY,MESSAGE 1,MESSAGE 2,RESUMED" {
		t.Errorf("events %s, want READY,MESSAGE 1,MESSAGE 2,RESUMED (each once, in order)", got)
	}
}

// TestMissedAckResumes: a heartbeat not acknowledged before the next is due
// closes the connection with a code that keeps the session, and resumes.
func TestMissedAckResumes(t *testing.T) {
	h := start(t)
	ctx := ctxFor(t)
	h.fake.WaitSession(ctx, 1)
	h.fake.WithholdAcks()
	h.fake.WaitClosed(ctx, 1)
	h.fake.WaitSession(ctx, 2)
	conns := h.fake.Connections()
	if conns[0].ClosedWith == 0 {
		t.Errorf("the dead connection was not closed with a code")
	}
	resumedWith(t, conns, 2, 1)
	if n := identifies(conns); n != 1 {
		t.Errorf("%d IDENTIFYs, want 1", n)
	}
}

// TestInvalidSession: op 9 disconnects; resumable true resumes, false waits
// and identifies on the gateway URL (not the resume URL).
func TestInvalidSession(t *testing.T) {
	h := start(t)
	ctx := ctxFor(t)
	h.fake.WaitSession(ctx, 1)
	h.fake.InvalidateSession(true)
	h.fake.WaitSession(ctx, 2)
	h.fake.WaitClosed(ctx, 1) // its close code is read on its own goroutine
	conns := h.fake.Connections()
	resumedWith(t, conns, 2, 1)
	if conns[0].ClosedWith == 0 {
		t.Errorf("op 9 did not disconnect: the client went on on the same connection")
	}

	h.fake.InvalidateSession(false)
	h.fake.WaitSession(ctx, 3)
	h.fake.WaitClosed(ctx, 2)
	h.waitEvents(t, "READY", 2)
	conns = h.fake.Connections()
	if c := conns[2]; c.Op != 2 || c.Path != "/gateway-ws/" {
		t.Errorf("after op 9 false: op %d on %s, want a new IDENTIFY on /gateway-ws/", c.Op, c.Path)
	}
	if conns[1].ClosedWith == 0 {
		t.Errorf("op 9 did not disconnect: the client identified on the same connection")
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.readys != 2 {
		t.Errorf("%d READYs, want 2", h.readys)
	}
}

// TestCloseCodes: what the client does when Discord closes the connection.
func TestCloseCodes(t *testing.T) {
	for _, tc := range []struct {
		code  int
		fatal bool
		op    int // how the next connection begins
	}{
		{4000, false, 6}, {4001, false, 6}, {4008, false, 6}, {1001, false, 6},
		{4007, false, 2}, {4009, false, 2},
		{4004, true, 0}, {4010, true, 0}, {4011, true, 0}, {4012, true, 0}, {4013, true, 0}, {4014, true, 0},
	} {
		t.Run(fmt.Sprint(tc.code), func(t *testing.T) {
			h := start(t)
			ctx := ctxFor(t)
			h.fake.WaitSession(ctx, 1)
			h.fake.CloseGateway(tc.code, "test")
			if tc.fatal {
				var err error
				select {
				case err = <-h.done:
					h.done <- err // for the cleanup
				case <-ctx.Done():
					t.Fatalf("Run went on after close code %d", tc.code)
				}
				closeErr, ok := errors.AsType[*CloseError](err)
				if !ok || closeErr.Code != tc.code {
					t.Fatalf("Run = %v, want a *CloseError with %d", err, tc.code)
				}
				if n := len(h.fake.Connections()); n != 1 {
					t.Errorf("%d connections after %d, want no reconnect", n, tc.code)
				}
				return
			}
			h.fake.WaitSession(ctx, 2)
			conns := h.fake.Connections()
			if tc.op == 6 {
				resumedWith(t, conns, 2, 1)
			} else if c := conns[1]; c.Op != 2 || c.Path != "/gateway-ws/" {
				t.Errorf("after %d: op %d on %s, want a new IDENTIFY on /gateway-ws/", tc.code, c.Op, c.Path)
			}
		})
	}
}

// TestFatalErrorSaysWhy: the 4004 error names the token.
func TestFatalErrorSaysWhy(t *testing.T) {
	err := &CloseError{Code: 4004, Reason: "Authentication failed."}
	if !strings.Contains(err.Error(), "DISCORD_TOKEN") {
		t.Errorf("4004 error %q does not point at DISCORD_TOKEN", err)
	}
}

// TestShutdownEndsSession: stopping closes with 1000 and Run returns nil.
func TestShutdownEndsSession(t *testing.T) {
	h := start(t)
	ctx := ctxFor(t)
	h.fake.WaitSession(ctx, 1)
	h.stop()
	err := <-h.done
	h.done <- err
	if err != nil {
		t.Errorf("Run after stop = %v, want nil", err)
	}
	h.fake.WaitClosed(ctx, 1)
	if code := h.fake.Connections()[0].ClosedWith; code != 1000 {
		t.Errorf("closed with %d on shutdown, want 1000", code)
	}
}

// TestLookupRetried: a failing gateway lookup is retried, and Final stops it.
func TestLookupRetried(t *testing.T) {
	fails := 0
	refused := errors.New("401: Unauthorized")
	c := &Client{
		Lookup: func(context.Context) (string, error) {
			fails++
			if fails < 3 {
				return "", errors.New("503 Service Unavailable")
			}
			return "", refused
		},
		Final:   func(err error) bool { return errors.Is(err, refused) },
		Backoff: backoff.Policy{First: time.Millisecond, Max: time.Millisecond},
	}
	err := c.Run(t.Context())
	if !errors.Is(err, refused) || fails != 3 {
		t.Errorf("Run = %v after %d lookups, want the refusal after 3", err, fails)
	}
}
