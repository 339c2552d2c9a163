// Package gateway keeps a bot's session with Discord's gateway as Discord's
// documentation describes it ("Gateway", connection lifecycle and close codes):
//
//   - HELLO gives the heartbeat interval; the first heartbeat goes after a
//     random fraction of it, the rest every interval, each carrying the last
//     sequence number seen. Op 1 asks for one at once.
//   - A new session starts with IDENTIFY; READY names it and gives
//     resume_gateway_url. A lost connection reconnects to that URL and sends
//     RESUME with the session and the last sequence, so no event is lost and
//     no IDENTIFY is spent (Discord caps them per day).
//   - A heartbeat not acknowledged before the next is due means a dead
//     ("zombied") connection: the client closes it with a code other than
//     1000/1001 (those end the session) and resumes. So does op 7 RECONNECT.
//   - Op 9 INVALID_SESSION: disconnect, then resume when its flag says the
//     session may be resumed, else wait 1–5 seconds and identify anew.
//   - Close codes 4007 and 4009 need a new session; 4004 (authentication) and
//     4010–4014 (shard, version, intents) cannot be fixed by retrying, and Run
//     returns a *CloseError that says which.
//
// It is our own loop over gorilla/websocket rather than discordgo's, because
// discordgo v0.29 dials the first URL again instead of resume_gateway_url,
// closes with 1000 on a missed acknowledgement (the session cannot resume),
// identifies again on op 9 without disconnecting, and retries after 4004.
package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"runtime"
	"sync"
	"time"

	"github.com/gorilla/websocket"

	"newsbot/backoff"
)

// Version is the gateway API version the client asks for.
const Version = 10

// Client connects to the gateway and keeps the session alive. Set the fields,
// then call Run once.
type Client struct {
	// Token is the bot token, without the "Bot " prefix.
	Token string
	// Intents are the gateway intents to identify with (0: interactions need
	// none).
	Intents int
	// Shard is [this shard's ID, the shard count]; a count above 1 goes into
	// IDENTIFY, and Discord sends this connection the events of the servers
	// whose ID modulo the count is the shard's.
	Shard [2]int
	// Lookup returns the gateway's URL (GET /gateway/bot). It is called before
	// each new session; a resume goes to READY's resume_gateway_url instead.
	Lookup func(ctx context.Context) (string, error)
	// Final reports whether a Lookup error cannot pass (a refused token); Run
	// then returns it. Nil means every Lookup error is retried.
	Final func(error) bool
	// Event receives every dispatch (op 0), in order, on Run's goroutine: it
	// must return quickly. READY and RESUMED are dispatches too.
	Event func(name string, data json.RawMessage)
	// Ready is called after each READY, with what it says about the bot.
	Ready func(Ready)
	// Status hears why the client is not connected ("" once it is again), for
	// health checks.
	Status func(why string)
	// Log receives connection changes; nil logs nothing.
	Log *slog.Logger
	// Backoff spaces reconnects that keep failing. Zero means 1 s doubling to 2
	// minutes, ±20%.
	Backoff backoff.Policy
	// IdentifyWait is the wait before a new IDENTIFY after op 9; zero means a
	// random 1–5 seconds, as the docs ask.
	IdentifyWait time.Duration

	// the session to resume, kept across connections by Run.
	sessionID, resumeURL string
	seq                  *int64
}

// Ready is what READY says about the bot.
type Ready struct {
	SessionID     string
	UserID        string
	Username      string
	ApplicationID string
}

// CloseError is returned by Run when Discord closed the gateway with a code
// that retrying cannot fix.
type CloseError struct {
	Code   int
	Reason string // Discord's text, if any
}

func (e *CloseError) Error() string {
	hint := fatalCodes[e.Code]
	if e.Reason != "" {
		return fmt.Sprintf("Discord closed the gateway with %d %q: %s", e.Code, e.Reason, hint)
	}
	return fmt.Sprintf("Discord closed the gateway with %d: %s", e.Code, hint)
}

// fatalCodes are the close codes after which Discord says not to reconnect.
var fatalCodes = map[int]string{
	4004: "authentication failed (is DISCORD_TOKEN right, or was it reset?)",
	4010: "invalid shard",
	4011: "sharding required: the bot is in too many servers for one connection",
	4012: "invalid API version",
	4013: "invalid intents",
	4014: "disallowed intents: enable them for the application in the Developer Portal",
}

// newSessionCodes are close codes after which the session cannot be resumed
// (invalid sequence, session timed out): identify anew.
var newSessionCodes = map[int]bool{4007: true, 4009: true}

// closeReconnecting is the code this client closes with when it means to
// resume: anything but 1000 and 1001, which end the session.
const closeReconnecting = 4900

// Limits of one connection.
const (
	handshakeTimeout = 30 * time.Second
	writeTimeout     = 10 * time.Second
	maxFrame         = 64 << 20 // READY of a large bot is big; a frame past this is a fault
)

// Outcomes of one connection that are not failures to back off from.
var (
	errReconnect = errors.New("Discord asked the client to reconnect (op 7)")
	errZombie    = errors.New("heartbeat not acknowledged")
)

// invalidSession is op 9; resumable is its flag.
type invalidSession struct{ resumable bool }

func (e invalidSession) Error() string {
	return fmt.Sprintf("Discord invalidated the session (op 9, resumable %v)", e.resumable)
}

// Run connects and reconnects until ctx ends (then it closes with 1000 and
// returns nil) or Discord closes with a fatal code (a *CloseError) or Final
// refuses a Lookup error.
func (c *Client) Run(ctx context.Context) error {
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	policy := c.Backoff
	if policy.First <= 0 {
		policy = backoff.Policy{First: time.Second, Max: 2 * time.Minute, Jitter: 0.2}
	}
	failures := 0
	for ctx.Err() == nil {
		target := c.resumeURL
		if c.sessionID == "" || target == "" {
			u, err := c.Lookup(ctx)
			if err != nil {
				if ctx.Err() != nil {
					return nil
				}
				if c.Final != nil && c.Final(err) {
					return fmt.Errorf("gateway lookup: %w", err)
				}
				failures++
				wait := policy.Wait(failures)
				c.down("gateway lookup failed", err, wait)
				backoff.Sleep(ctx, wait)
				continue
			}
			target = u
		}
		established, err := c.connect(ctx, target)
		if ctx.Err() != nil {
			return nil
		}
		if established {
			failures = 0
		}
		var wait time.Duration
		var closed *websocket.CloseError
		var invalid invalidSession
		switch {
		case errors.As(err, &closed) && fatalCodes[closed.Code] != "":
			c.status("gateway closed: " + fatalCodes[closed.Code])
			return &CloseError{Code: closed.Code, Reason: closed.Text}
		case errors.As(err, &closed) && newSessionCodes[closed.Code]:
			c.forget()
		case errors.As(err, &invalid):
			if !invalid.resumable {
				c.forget()
				wait = c.identifyWait()
			}
		case errors.Is(err, errReconnect):
			// At once, to the resume URL: routine, not a failure.
			c.Log.Info("gateway reconnecting, as Discord asked (op 7)")
			continue
		default:
			if !established {
				failures++
			}
			wait = policy.Wait(max(failures, 1))
		}
		c.down("gateway connection lost", err, wait)
		backoff.Sleep(ctx, wait)
	}
	return nil
}

// forget drops the session: the next connection identifies.
func (c *Client) forget() {
	c.sessionID, c.resumeURL, c.seq = "", "", nil
}

func (c *Client) identifyWait() time.Duration {
	if c.IdentifyWait > 0 {
		return c.IdentifyWait
	}
	return time.Second + rand.N(4*time.Second)
}

func (c *Client) down(what string, err error, wait time.Duration) {
	c.status(what + ": " + err.Error())
	c.Log.Warn(what, "err", err, "resume", c.sessionID != "", "retry_in", wait)
}

func (c *Client) status(why string) {
	if c.Status != nil {
		c.Status(why)
	}
}

// frame is one gateway payload.
type frame struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
	S  *int64          `json:"s,omitempty"`
	T  string          `json:"t,omitempty"`
}

// connect runs one websocket connection until it ends, and reports whether it
// got as far as READY or RESUMED, and why it ended.
func (c *Client) connect(ctx context.Context, target string) (established bool, err error) {
	u, err := url.Parse(target)
	if err != nil {
		return false, fmt.Errorf("gateway URL %q: %w", target, err)
	}
	q := u.Query()
	q.Set("v", fmt.Sprint(Version))
	q.Set("encoding", "json")
	u.RawQuery = q.Encode()
	dialCtx, cancel := context.WithTimeout(ctx, handshakeTimeout)
	ws, resp, err := websocket.DefaultDialer.DialContext(dialCtx, u.String(), nil)
	cancel()
	if err != nil {
		if resp != nil {
			return false, fmt.Errorf("dial gateway: %w (HTTP %s)", err, resp.Status)
		}
		return false, fmt.Errorf("dial gateway: %w", err)
	}
	// Deferred in this order so that the reader is told to stop, its read is
	// ended by closing the connection, and then it is waited for.
	var reader sync.WaitGroup
	defer reader.Wait()
	defer ws.Close()
	ws.SetReadLimit(maxFrame)

	frames := make(chan frame)
	readErr := make(chan error, 1)
	stop := make(chan struct{})
	defer close(stop)
	reader.Go(func() {
		for {
			var f frame
			if err := ws.ReadJSON(&f); err != nil {
				readErr <- err
				return
			}
			select {
			case frames <- f:
			case <-stop:
				return
			}
		}
	})

	send := func(op int, d any) error {
		ws.SetWriteDeadline(time.Now().Add(writeTimeout))
		return ws.WriteJSON(map[string]any{"op": op, "d": d})
	}
	closeWith := func(code int, text string) {
		ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(writeTimeout))
	}

	// HELLO comes first.
	var interval time.Duration
	select {
	case <-ctx.Done():
		closeWith(websocket.CloseNormalClosure, "shutting down")
		return false, ctx.Err()
	case err := <-readErr:
		return false, fmt.Errorf("read HELLO: %w", err)
	case <-time.After(handshakeTimeout):
		return false, errors.New("no HELLO from the gateway")
	case f := <-frames:
		var hello struct {
			Interval int64 `json:"heartbeat_interval"`
		}
		if f.Op != 10 || json.Unmarshal(f.D, &hello) != nil || hello.Interval <= 0 {
			closeWith(closeReconnecting, "expected HELLO")
			return false, fmt.Errorf("gateway sent op %d before HELLO", f.Op)
		}
		interval = time.Duration(hello.Interval) * time.Millisecond
	}

	if c.sessionID != "" {
		err = send(6, map[string]any{"token": c.Token, "session_id": c.sessionID, "seq": c.seq})
	} else {
		identify := map[string]any{
			"token":   c.Token,
			"intents": c.Intents,
			"properties": map[string]string{
				"os": runtime.GOOS, "browser": "newsbot", "device": "newsbot",
			},
		}
		if c.Shard[1] > 1 {
			identify["shard"] = c.Shard
		}
		err = send(2, identify)
	}
	if err != nil {
		return false, fmt.Errorf("send IDENTIFY/RESUME: %w", err)
	}

	beat := time.NewTimer(time.Duration(rand.Float64() * float64(interval)))
	defer beat.Stop()
	acked := true
	for {
		select {
		case <-ctx.Done():
			closeWith(websocket.CloseNormalClosure, "shutting down")
			return established, ctx.Err()
		case err := <-readErr:
			return established, err
		case <-beat.C:
			if !acked {
				closeWith(closeReconnecting, "heartbeat not acknowledged")
				return established, errZombie
			}
			if err := send(1, c.seq); err != nil {
				return established, fmt.Errorf("send heartbeat: %w", err)
			}
			acked = false
			beat.Reset(interval)
		case f := <-frames:
			switch f.Op {
			case 0:
				if f.S != nil {
					c.seq = f.S
				}
				switch f.T {
				case "READY":
					established = true
					c.ready(f.D)
				case "RESUMED":
					established = true
					c.status("")
					c.Log.Info("gateway session resumed")
				}
				if c.Event != nil {
					c.Event(f.T, f.D)
				}
			case 1:
				if err := send(1, c.seq); err != nil {
					return established, fmt.Errorf("send heartbeat: %w", err)
				}
			case 7:
				closeWith(closeReconnecting, "reconnecting")
				return established, errReconnect
			case 9:
				var resumable bool
				json.Unmarshal(f.D, &resumable)
				closeWith(closeReconnecting, "session invalidated")
				return established, invalidSession{resumable: resumable}
			case 11:
				acked = true
			}
		}
	}
}

// ready keeps what READY says for resuming, and tells Ready.
func (c *Client) ready(d json.RawMessage) {
	var r struct {
		SessionID string `json:"session_id"`
		ResumeURL string `json:"resume_gateway_url"`
		User      struct {
			ID       string `json:"id"`
			Username string `json:"username"`
		} `json:"user"`
		Application struct {
			ID string `json:"id"`
		} `json:"application"`
	}
	if err := json.Unmarshal(d, &r); err != nil {
		c.Log.Error("read READY", "err", err)
	}
	c.sessionID, c.resumeURL = r.SessionID, r.ResumeURL
	c.status("")
	c.Log.Info("gateway session started", "user", r.User.Username)
	if c.Ready != nil {
		c.Ready(Ready{SessionID: r.SessionID, UserID: r.User.ID, Username: r.User.Username, ApplicationID: r.Application.ID})
	}
}
