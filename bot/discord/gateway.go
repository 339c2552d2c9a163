package discord

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"newsbot/backoff"
	"newsbot/bot/discord/gateway"
)

// RunGateway connects to the gateway — one connection per shard, as many as
// Options.Shards or else as Discord recommends — registers the commands once
// the first READY names the application, and answers interactions until ctx
// ends or Discord closes the gateway for good (a refused token, disallowed
// intents: the error says which). Reconnects and resumes are the gateway
// package's. Call Shutdown after it returns to wait for work in flight.
func (a *Adapter) RunGateway(ctx context.Context) error {
	a.notUpYet()
	plan, err := a.gatewayPlan(ctx)
	if err != nil {
		return gatewayError(err)
	}
	if ctx.Err() != nil {
		return nil // stopped before Discord answered
	}
	count := plan.Shards
	if a.opts.Shards > 0 {
		count = a.opts.Shards
	}
	count = max(count, 1)
	buckets := max(plan.SessionStartLimit.MaxConcurrency, 1)
	ids := a.opts.ShardIDs
	if len(ids) == 0 {
		ids = make([]int, count)
		for i := range ids {
			ids[i] = i
		}
	}
	if count > 1 {
		a.degrade("gateway", "")
		a.log.Info("connecting to the gateway", "shards", count, "here", ids, "max_concurrency", buckets)
	}

	ready := make(chan gateway.Ready, 1)
	var handlers, shards sync.WaitGroup
	defer handlers.Wait()
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	fatal := make(chan error, len(ids))
	for _, shard := range ids {
		part, log := "gateway", a.log
		if count > 1 {
			part, log = fmt.Sprintf("gateway shard %d", shard), a.log.With("shard", shard)
			a.degrade(part, "connecting")
		}
		c := a.gatewayClient(plan.URL, [2]int{shard, count}, part, log, &handlers, ready)
		// Discord takes max_concurrency IDENTIFYs per 5 seconds.
		wait := time.Duration(shard/buckets) * a.opts.IdentifyInterval
		shards.Go(func() {
			if !backoff.Sleep(runCtx, wait) {
				return
			}
			if err := c.Run(runCtx); err != nil {
				fatal <- err
				stop() // one shard refused for good: the token, intents or shard count are wrong for all
			}
		})
	}
	allDone := make(chan struct{})
	go func() {
		shards.Wait()
		close(allDone)
	}()
	firstError := func() error {
		select {
		case err := <-fatal:
			return gatewayError(err)
		default:
			return nil
		}
	}

	var r gateway.Ready
	select {
	case <-allDone:
		return firstError()
	case r = <-ready:
	}
	appID := a.opts.AppID
	if appID == "" {
		appID = r.ApplicationID
	}
	if appID == "" {
		appID = r.UserID // a bot's user ID is its application's ID
	}
	if appID == "" {
		stop()
		<-allDone
		return errors.New("the gateway did not say which application this is; set DISCORD_APP_ID")
	}
	a.log.Info("connected to the gateway", "user", r.Username, "application", appID)
	// Commands registered by an earlier start still work while registration
	// fails, so the bot serves on and tries again.
	register := func() error { return a.Register(runCtx, appID, a.opts.GuildID) }
	registered := make(chan struct{})
	go func() {
		defer close(registered)
		if !slices.Contains(ids, 0) {
			a.degrade("commands", "") // shard 0's process registers them
			return
		}
		if a.persist(runCtx, "commands", "command registration", register, func(error) bool { return false }) == nil {
			a.degrade("commands", "")
		}
	}()
	<-allDone
	stop()
	<-registered
	err = firstError()
	if err == nil {
		a.log.Info("disconnected from the gateway")
	}
	return err
}

// gatewayPlan asks Discord where the gateway is and how many shards it
// recommends, retrying until it answers, ctx ends (nil, nil) or the token is
// refused. When the day's IDENTIFYs are used up it waits for them to reset.
func (a *Adapter) gatewayPlan(ctx context.Context) (*discordgo.GatewayBotResponse, error) {
	for {
		var g *discordgo.GatewayBotResponse
		err := a.persist(ctx, "gateway", "gateway lookup", func() (err error) {
			g, err = a.s.GatewayBot(discordgo.WithContext(ctx))
			return err
		}, unauthorized)
		if ctx.Err() != nil {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("gateway lookup: %w", err)
		}
		limit := g.SessionStartLimit
		if limit.Total == 0 || limit.Remaining > 0 {
			return g, nil
		}
		wait := min(time.Duration(limit.ResetAfter)*time.Millisecond, 24*time.Hour)
		a.degrade("gateway", fmt.Sprintf("all %d of today's gateway logins are used; waiting %s for them to reset", limit.Total, wait.Round(time.Second)))
		a.log.Warn("session start limit reached", "total", limit.Total, "reset_in", wait)
		if !backoff.Sleep(ctx, wait) {
			return nil, nil
		}
	}
}

// gatewayClient makes the client of one shard. Its first connection goes to
// the URL the plan gave; a later new session looks it up again.
func (a *Adapter) gatewayClient(url string, shard [2]int, part string, log *slog.Logger, handlers *sync.WaitGroup, ready chan<- gateway.Ready) *gateway.Client {
	planned := url
	return &gateway.Client{
		Token: strings.TrimPrefix(a.s.Token, "Bot "),
		Shard: shard,
		Lookup: func(ctx context.Context) (string, error) {
			if u := planned; u != "" {
				planned = ""
				return u, nil
			}
			g, err := a.s.GatewayBot(discordgo.WithContext(ctx))
			if err != nil {
				return "", err
			}
			return g.URL, nil
		},
		Final: unauthorized,
		Event: func(name string, data json.RawMessage) {
			if name == "INTERACTION_CREATE" {
				// Answering may wait up to DeferAfter: not on the
				// gateway's goroutine, which must keep heartbeating.
				handlers.Go(func() { a.gatewayInteraction(data) })
			}
		},
		Ready: func(r gateway.Ready) {
			a.setBotUser(r.UserID)
			select {
			case ready <- r:
			default:
			}
		},
		Status:  func(why string) { a.degrade(part, why) },
		Log:     log,
		Backoff: a.startPolicy(),
	}
}

func gatewayError(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("Discord gateway: %w", err)
}

// gatewayInteraction answers one INTERACTION_CREATE. The raw event, not
// discordgo's typed one: parseInteraction reads what discordgo cannot (unknown
// component types, forwarded messages).
func (a *Adapter) gatewayInteraction(data json.RawMessage) {
	i, err := parseInteraction(data)
	if err != nil {
		a.Metrics.Error("gateway")
		a.log.Error("read interaction", "err", err)
		return
	}
	err = a.dispatch(i, func(resp *discordgo.InteractionResponse) error {
		return a.s.InteractionRespond(i, resp, discordgo.WithContext(a.work))
	})
	if err != nil && !errors.Is(err, errClosing) && !errors.Is(err, errReplay) {
		a.Metrics.Error("gateway")
		a.log.Error("answer interaction", "id", i.ID, "err", err)
	}
}

// persist runs try until it succeeds, final says its error cannot pass (that
// error is returned), or ctx ends (ctx's error is returned), waiting RetryWait
// (doubling, at most maxStartWait) between attempts and telling /healthz,
// under part, why meanwhile.
func (a *Adapter) persist(ctx context.Context, part, what string, try func() error, final func(error) bool) error {
	for n := 1; ; n++ {
		err := try()
		if err == nil || ctx.Err() != nil {
			return ctx.Err()
		}
		if final(err) {
			return err
		}
		wait := a.startPolicy().Wait(n)
		a.degrade(part, what+" failed: "+shortError(err))
		a.log.Warn(what+" failed", "err", err, "retry_in", wait)
		if !backoff.Sleep(ctx, wait) {
			return ctx.Err()
		}
	}
}

// startPolicy spaces the attempts to reach Discord at start-up and after a
// lost session.
func (a *Adapter) startPolicy() backoff.Policy {
	return backoff.Policy{First: a.opts.RetryWait, Max: maxStartWait, Jitter: 0.2}
}

// maxStartWait bounds the wait between attempts to connect and register.
const maxStartWait = 5 * time.Minute

// unauthorized reports whether Discord refused the token: retrying cannot help.
func unauthorized(err error) bool {
	if errors.Is(err, discordgo.ErrUnauthorized) {
		return true
	}
	rest, ok := errors.AsType[*discordgo.RESTError](err)
	return ok && rest.Response != nil && rest.Response.StatusCode == http.StatusUnauthorized
}

// shortError keeps an error fit for /healthz.
func shortError(err error) string {
	msg := strings.Join(strings.Fields(err.Error()), " ")
	if r := []rune(msg); len(r) > 200 {
		msg = string(r[:199]) + "…"
	}
	return msg
}

// notUpYet records, for /healthz, that the gateway is not connected and the
// commands not registered yet.
func (a *Adapter) notUpYet() {
	a.degrade("gateway", "connecting to the gateway")
	a.degrade("commands", "not registered yet")
}

// degrade records why a part of the bot ("gateway", "commands") is not up, or
// "" once it is, for /healthz.
func (a *Adapter) degrade(part, why string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.degraded == nil {
		a.degraded = map[string]string{}
	}
	if why == "" {
		delete(a.degraded, part)
	} else {
		a.degraded[part] = why
	}
}

// Health says whether the bot is fully up: "" when it is, else why not.
func (a *Adapter) Health() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	var whys []string
	for part, why := range a.degraded {
		whys = append(whys, part+": "+shortError(errors.New(why)))
	}
	slices.Sort(whys)
	return strings.Join(whys, "; ")
}

// setBotUser records the bot's user ID, from READY.
func (a *Adapter) setBotUser(id string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.botUser = id
}

func (a *Adapter) botUserID() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.botUser
}
