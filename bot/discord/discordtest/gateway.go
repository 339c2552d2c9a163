package discordtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/gorilla/websocket"
)

// The fake gateway keeps sessions as Discord documents them: HELLO on connect;
// IDENTIFY starts a session and READY names it, with a resume_gateway_url that
// differs from the URL GET /gateway/bot gives (so a test can tell a resume
// from a reconnect to the start); RESUME on that URL replays the events the bot
// missed and then sends RESUMED, or answers op 9 when the session is unknown.
// Heartbeats are acknowledged unless a test withholds the acknowledgements.
// Events dispatched while the bot is disconnected wait in its session.

// heartbeatInterval is short so that tests see heartbeats.
const heartbeatInterval = 250

// Connection is one websocket connection the bot opened, as the fake saw it.
type Connection struct {
	// Path is the URL path it connected to: "/gateway-ws/" from GET
	// /gateway/bot, "/gateway-ws/resume" from READY's resume_gateway_url.
	Path string
	// Query is the raw query (v=10&encoding=json).
	Query string
	// Op is how the bot began: 2 (IDENTIFY), 6 (RESUME), or 0 (neither yet).
	Op int
	// SessionID and Seq are what a RESUME carried.
	SessionID string
	Seq       *int64
	// Identify is an IDENTIFY's payload; Shard its [shard, count], if any.
	Identify json.RawMessage
	Shard    []int
	// LastBeat is the sequence number the last heartbeat carried ("null"
	// before any).
	LastBeat json.RawMessage
	// ClosedWith is the close code the bot sent when it closed the
	// connection itself, or 0 (gorilla's echo of the fake's own close frame
	// does not count).
	ClosedWith int
	// Ended says the connection is over.
	Ended bool

	ws           *websocket.Conn
	closedByFake bool
}

type gatewaySession struct {
	id     string
	shard  int
	seq    int64
	events []gatewayEvent  // every dispatch, for replay on RESUME
	live   *websocket.Conn // the connection it is delivered on, once identified or resumed
}

type gatewayEvent struct {
	seq  int64
	name string
	data json.RawMessage
}

type gatewayState struct {
	sessions map[string]*gatewaySession
	current  map[int]*gatewaySession // the bot's session on each shard
	conns    []*Connection
	pending  []gatewayEvent // dispatched before any session
	beats    int
	noAcks   *websocket.Conn // the connection whose heartbeats go unacknowledged
	nextID   int
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

type payload struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d,omitempty"`
	S  *int64          `json:"s,omitempty"`
	T  string          `json:"t,omitempty"`
}

func (s *Server) wsURL() string { return "ws" + strings.TrimPrefix(s.srv.URL, "http") + "/gateway-ws/" }

func raw(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	rec := &Connection{Path: r.URL.Path, Query: r.URL.RawQuery, ws: ws}
	s.mu.Lock()
	s.gw.conns = append(s.gw.conns, rec)
	s.notify()
	s.write(ws, payload{Op: 10, D: raw(map[string]any{"heartbeat_interval": heartbeatInterval})})
	s.mu.Unlock()
	defer func() {
		ws.Close()
		s.mu.Lock()
		rec.Ended = true
		for _, sess := range s.gw.current {
			if sess.live == ws {
				sess.live = nil
			}
		}
		s.notify()
		s.mu.Unlock()
	}()
	for {
		var p payload
		if err := ws.ReadJSON(&p); err != nil {
			if ce, ok := errors.AsType[*websocket.CloseError](err); ok {
				s.mu.Lock()
				if !rec.closedByFake {
					rec.ClosedWith = ce.Code
				}
				s.mu.Unlock()
			}
			return
		}
		s.mu.Lock()
		done := s.gatewayOp(ws, rec, p)
		s.notify()
		s.mu.Unlock()
		if done {
			return
		}
	}
}

// gatewayOp answers one payload from the bot; it reports whether the fake
// closed the connection. Call with s.mu held.
func (s *Server) gatewayOp(ws *websocket.Conn, rec *Connection, p payload) (closed bool) {
	token := strings.TrimPrefix(s.Token, "Bot ")
	switch p.Op {
	case 1: // heartbeat
		s.gw.beats++
		rec.LastBeat = p.D
		if s.gw.noAcks != ws {
			s.write(ws, payload{Op: 11})
		}
	case 2: // identify
		var id struct {
			Token   string `json:"token"`
			Intents *int   `json:"intents"`
			Shard   []int  `json:"shard"`
		}
		json.Unmarshal(p.D, &id)
		rec.Op, rec.Identify, rec.Shard = 2, p.D, id.Shard
		shard := 0
		if id.Shard != nil {
			if len(id.Shard) != 2 || id.Shard[1] != max(s.Shards, 1) || id.Shard[0] < 0 || id.Shard[0] >= id.Shard[1] {
				s.closeConn(ws, 4010, "Invalid shard.")
				return true
			}
			shard = id.Shard[0]
		} else if s.Shards > 1 {
			s.closeConn(ws, 4011, "Sharding required.")
			return true
		}
		if id.Token != token {
			s.closeConn(ws, 4004, "Authentication failed.")
			return true
		}
		if id.Intents == nil {
			s.closeConn(ws, 4013, "Invalid intent(s).")
			return true
		}
		s.gw.nextID++
		sess := &gatewaySession{id: fmt.Sprintf("session-%d", s.gw.nextID), shard: shard, live: ws}
		if s.gw.sessions == nil {
			s.gw.sessions, s.gw.current = map[string]*gatewaySession{}, map[int]*gatewaySession{}
		}
		s.gw.sessions[sess.id] = sess
		s.gw.current[shard] = sess
		s.deliver(sess, "READY", raw(map[string]any{
			"v":          10,
			"user":       map[string]any{"id": s.AppID, "username": "newsbot", "discriminator": "0", "bot": true},
			"session_id": sess.id, "resume_gateway_url": s.wsURL() + "resume",
			"guilds":      []any{},
			"application": map[string]any{"id": s.AppID, "flags": 0},
		}))
		if shard == 0 {
			for _, e := range s.gw.pending {
				s.deliver(sess, e.name, e.data)
			}
			s.gw.pending = nil
		}
	case 6: // resume
		var rs struct {
			Token     string `json:"token"`
			SessionID string `json:"session_id"`
			Seq       *int64 `json:"seq"`
		}
		json.Unmarshal(p.D, &rs)
		rec.Op, rec.SessionID, rec.Seq = 6, rs.SessionID, rs.Seq
		if rs.Token != token {
			s.closeConn(ws, 4004, "Authentication failed.")
			return true
		}
		sess := s.gw.sessions[rs.SessionID]
		if sess == nil || sess != s.gw.current[sess.shard] {
			s.write(ws, payload{Op: 9, D: raw(false)})
			return false
		}
		var from int64
		if rs.Seq != nil {
			from = *rs.Seq
		}
		if from > sess.seq {
			s.closeConn(ws, 4007, "Invalid seq.")
			return true
		}
		sess.live = ws
		for _, e := range sess.events {
			if e.seq > from {
				s.write(ws, payload{Op: 0, T: e.name, S: &e.seq, D: e.data})
			}
		}
		s.deliver(sess, "RESUMED", raw(nil))
	}
	return false
}

// deliver records an event in sess and sends it if the bot is connected. Call
// with s.mu held.
func (s *Server) deliver(sess *gatewaySession, name string, data json.RawMessage) {
	sess.seq++
	e := gatewayEvent{seq: sess.seq, name: name, data: data}
	sess.events = append(sess.events, e)
	if sess.live != nil {
		s.write(sess.live, payload{Op: 0, T: name, S: &e.seq, D: data})
	}
}

// write sends one payload; call with s.mu held (gorilla allows one writer).
func (s *Server) write(ws *websocket.Conn, p payload) {
	ws.WriteJSON(p)
}

// closeConn closes a connection from the fake's side; call with s.mu held.
func (s *Server) closeConn(ws *websocket.Conn, code int, text string) {
	for _, c := range s.gw.conns {
		if c.ws == ws {
			c.closedByFake = true
		}
	}
	ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(code, text))
	ws.Close()
}

// Dispatch sends an event (op 0) to the bot's session on shard 0: at once
// when it is connected, else when it resumes (or, before any session, after
// READY).
func (s *Server) Dispatch(event string, d any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gw.current[0] == nil {
		s.gw.pending = append(s.gw.pending, gatewayEvent{name: event, data: raw(d)})
		return
	}
	s.deliver(s.gw.current[0], event, raw(d))
}

// DispatchShard sends an event to the bot's session on a shard, which must
// have identified.
func (s *Server) DispatchShard(shard int, event string, d any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess := s.gw.current[shard]
	if sess == nil {
		s.t.Errorf("discordtest: no session on shard %d", shard)
		return
	}
	s.deliver(sess, event, raw(d))
}

// Identify returns the last IDENTIFY payload the bot sent.
func (s *Server) Identify() json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(s.gw.conns) - 1; i >= 0; i-- {
		if s.gw.conns[i].Op == 2 {
			return s.gw.conns[i].Identify
		}
	}
	return nil
}

// Connections returns the gateway connections so far, in order.
func (s *Server) Connections() []Connection {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Connection, len(s.gw.conns))
	for i, c := range s.gw.conns {
		out[i] = *c
	}
	return out
}

// WaitSession waits until the bot has identified or resumed on its n-th
// connection (counting from 1) and that connection is live.
func (s *Server) WaitSession(ctx context.Context, n int) {
	s.t.Helper()
	s.waitFor(ctx, fmt.Sprintf("gateway connection %d", n), func() bool {
		if len(s.gw.conns) < n || s.gw.conns[n-1].Op == 0 {
			return false
		}
		for _, sess := range s.gw.current {
			if sess.live == s.gw.conns[n-1].ws {
				return true
			}
		}
		return false
	})
}

// WaitClosed waits until the bot's n-th connection (from 1) has ended.
func (s *Server) WaitClosed(ctx context.Context, n int) {
	s.t.Helper()
	s.waitFor(ctx, fmt.Sprintf("gateway connection %d to close", n), func() bool {
		return len(s.gw.conns) >= n && s.gw.conns[n-1].Ended
	})
}

// Heartbeats returns how many heartbeats the bot sent.
func (s *Server) Heartbeats() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gw.beats
}

// WaitHeartbeat waits for the bot's next heartbeat (and its acknowledgement).
func (s *Server) WaitHeartbeat(ctx context.Context) {
	s.t.Helper()
	n := s.Heartbeats()
	s.waitFor(ctx, "a heartbeat", func() bool { return s.gw.beats > n })
}

// WithholdAcks stops acknowledging heartbeats on the live connection, as one
// that died without closing would; the bot's next connection is acknowledged
// again.
func (s *Server) WithholdAcks() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sess := s.gw.current[0]; sess != nil {
		s.gw.noAcks = sess.live
	}
}

// Reconnect sends op 7 RECONNECT on shard 0's live connection and, as Discord
// does, sends nothing more there; the event it is given is dispatched in the
// same moment, while the bot is away, and reaches it only when its RESUME
// replays it. (A Dispatch after a separate op 7 would race the bot: one that
// resumed in between would get the event live, after RESUMED.) (Reconnect,
// InvalidateSession, CloseGateway and WithholdAcks act on shard 0.)
func (s *Server) Reconnect(event string, d any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess := s.gw.current[0]
	if sess == nil || sess.live == nil {
		return
	}
	s.write(sess.live, payload{Op: 7})
	sess.live = nil
	s.deliver(sess, event, raw(d))
}

// InvalidateSession sends op 9 with its resumable flag; when the session may
// not be resumed it is forgotten, as Discord does.
func (s *Server) InvalidateSession(resumable bool) {
	s.mu.Lock()
	sess := s.gw.current[0]
	if !resumable && sess != nil {
		delete(s.gw.sessions, sess.id)
		delete(s.gw.current, 0)
	}
	if sess != nil && sess.live != nil {
		s.write(sess.live, payload{Op: 9, D: raw(resumable)})
	}
	s.mu.Unlock()
}

// CloseGateway closes the live connection with a close code, as Discord does
// on an error (4000 unknown error, 4004 authentication failed, 4009 session
// timed out …). A code after which a session cannot resume forgets it.
func (s *Server) CloseGateway(code int, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess := s.gw.current[0]
	if sess == nil {
		return
	}
	if sess.live != nil {
		s.closeConn(sess.live, code, text)
		sess.live = nil
	}
	if code == 4007 || code == 4009 || code == 4004 || (code >= 4010 && code <= 4014) {
		delete(s.gw.sessions, sess.id)
		delete(s.gw.current, 0)
	}
}
