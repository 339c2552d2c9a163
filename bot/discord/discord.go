// Package discord connects the bot to Discord, through the gateway (a bot token),
// the HTTP interactions endpoint (the application's public key), or both.
//
// The Adapter is a thin translation layer: an interaction becomes a bot.Request,
// the bot's Handler answers it, and the reply becomes Discord's JSON. The
// commands themselves know nothing of Discord.
//
// Timing: Discord wants a first response within 3 seconds. A command that has
// not answered after Options.DeferAfter is acknowledged as "deferred" (type 5)
// and its reply replaces @original when it is ready (the interaction token lasts
// 15 minutes). Every message carries allowed_mentions {"parse": []}, so article
// text and user input never ping anyone.
//
// Lifecycle: work started for an interaction is owned by the Adapter; Shutdown
// stops taking new interactions and waits, for a bounded time, for the rest.
package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"newsbot/bot"
	"newsbot/bot/reply"
)

// Handler answers commands; *bot.Bot is one.
type Handler interface {
	Handle(ctx context.Context, req bot.Request) reply.Reply
	Autocomplete(ctx context.Context, req bot.Request, option, typed string) []bot.Choice
}

// Options tune an Adapter. The zero value is usable.
type Options struct {
	// AppID is the application's ID; when empty the gateway's READY supplies it.
	AppID string
	// GuildID, when set, registers the commands in that server only.
	GuildID string
	// DeferAfter is how long a command may take before the interaction is
	// acknowledged as deferred. Zero means one second.
	DeferAfter time.Duration
	// WorkTimeout bounds one command's work, within the 15 minutes an interaction
	// token is valid. Zero means 14 minutes.
	WorkTimeout time.Duration
	// RetryWait is the first wait before delivering a deferred reply again
	// after a 429 or 5xx; it doubles each time. Zero means one second.
	RetryWait time.Duration
	// Shards is how many gateway connections (shards) to open, all in this
	// process; zero means as many as Discord recommends (GET /gateway/bot),
	// which is one until a bot is in about 2,500 servers.
	Shards int
	// ShardIDs are the shards of Shards this process opens, when other
	// processes open the rest (they share a PostgreSQL archive); nil means
	// all of them. Only the process with shard 0 registers the commands.
	ShardIDs []int
	// Claim, when set, records an interaction ID where every process
	// serving the bot sees it, and reports whether it is the first claim
	// within window: a request replayed to another HTTP replica is refused
	// there too. Each process remembers the IDs it answered in any case.
	Claim func(ctx context.Context, id string, window time.Duration) (bool, error)
	// IdentifyInterval spaces the shards' first IDENTIFYs, max_concurrency at a
	// time, as Discord asks. Zero means 5 seconds.
	IdentifyInterval time.Duration
	// Gateway says RunGateway will run: from the start, /healthz says the
	// gateway is not connected and the commands not registered yet, until
	// they are — not "ok" in the moment before RunGateway begins.
	Gateway bool
}

// Adapter serves interactions for a Handler.
type Adapter struct {
	h       Handler
	s       *discordgo.Session
	log     *slog.Logger
	opts    Options
	Metrics *Metrics

	// work is the parent of every command's context. It is a field, against the
	// usual rule, because command work outlives the request that started it (an
	// HTTP response, a gateway event) and must end when Wait's grace runs out,
	// which no caller's context expresses.
	work       context.Context
	cancelWork context.CancelFunc

	mu      sync.Mutex
	closing bool
	wg      sync.WaitGroup
	seen    seenIDs
	// degraded says why parts of the bot are not up ("gateway": not
	// connected, "commands": not registered); empty when all are.
	degraded map[string]string
	// botUser is the bot's user ID, from the gateway's READY.
	botUser string
}

// NewSession returns a discordgo session whose REST calls and gateway lookup go
// to apiURL instead of https://discord.com/api. The token may be empty for an
// HTTP-only bot: interaction webhooks need none.
func NewSession(token, apiURL string) (*discordgo.Session, error) {
	if token != "" && !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token
	}
	s, err := discordgo.New(token)
	if err != nil {
		return nil, fmt.Errorf("discord session: %w", err)
	}
	base, err := url.Parse(strings.TrimRight(apiURL, "/"))
	if err != nil {
		return nil, fmt.Errorf("discord API URL: %w", err)
	}
	s.Client = &http.Client{
		Timeout:   20 * time.Second,
		Transport: rewriteTransport{base: base, next: http.DefaultTransport},
	}
	s.Identify.Intents = discordgo.IntentsNone // interactions need no intent
	s.LogLevel = discordgo.LogError
	s.ShouldRetryOnRateLimit = true
	s.MaxRestRetries = 3
	return s, nil
}

// rewriteTransport sends requests for https://discord.com/api… to base instead,
// and asks for API v10 where discordgo v0.29 builds v9 paths (its endpoints are
// fixed when the package loads, so setting discordgo.APIVersion is too late).
type rewriteTransport struct {
	base *url.URL
	next http.RoundTripper
}

const discordAPI = "https://discord.com/api"

func (t rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	rest, ok := strings.CutPrefix(req.URL.String(), discordAPI)
	if !ok {
		return t.next.RoundTrip(req)
	}
	if v, ok := strings.CutPrefix(rest, "/v"+discordgo.APIVersion+"/"); ok {
		rest = "/v10/" + v
	}
	nu, err := url.Parse(t.base.String() + rest)
	if err != nil {
		return nil, err
	}
	req = req.Clone(req.Context())
	req.URL = nu
	req.Host = nu.Host
	return t.next.RoundTrip(req)
}

// New returns an Adapter that answers interactions with h and talks to Discord's
// REST API through s.
func New(h Handler, s *discordgo.Session, log *slog.Logger, opts Options) *Adapter {
	if opts.DeferAfter <= 0 {
		opts.DeferAfter = time.Second
	}
	if opts.WorkTimeout <= 0 {
		opts.WorkTimeout = 14 * time.Minute
	}
	if opts.RetryWait <= 0 {
		opts.RetryWait = time.Second
	}
	if opts.IdentifyInterval <= 0 {
		opts.IdentifyInterval = 5 * time.Second
	}
	work, cancel := context.WithCancel(context.Background())
	a := &Adapter{
		h: h, s: s, log: log.With("component", "discord"), opts: opts,
		Metrics: NewMetrics(), work: work, cancelWork: cancel,
	}
	if opts.Gateway {
		a.notUpYet()
	}
	return a
}

// begin registers one unit of work; it returns false once Shutdown has started.
func (a *Adapter) begin() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closing {
		return false
	}
	a.wg.Add(1)
	return true
}

// Close stops taking interactions: those that arrive from now on are refused.
func (a *Adapter) Close() {
	a.mu.Lock()
	a.closing = true
	a.mu.Unlock()
}

// Wait waits up to grace for the interactions in flight, then cancels what is
// left (its users are told the bot is restarting) and waits for it to notice.
func (a *Adapter) Wait(grace time.Duration) {
	done := make(chan struct{})
	go func() {
		a.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(grace):
		a.log.Warn("shutdown: cancelling unfinished interactions", "grace", grace)
		a.cancelWork()
		<-done
	}
	a.cancelWork()
}

// Shutdown is Close, then Wait.
func (a *Adapter) Shutdown(grace time.Duration) {
	a.Close()
	a.Wait(grace)
}

// errClosing is returned to Discord when an interaction arrives during shutdown.
var errClosing = errors.New("shutting down")
