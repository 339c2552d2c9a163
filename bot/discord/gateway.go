package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// RunGateway connects to the gateway, registers the commands, and answers
// interactions until ctx ends; then it closes the connection. Reconnects are
// discordgo's. Call Shutdown after it returns to wait for work in flight.
func (a *Adapter) RunGateway(ctx context.Context) error {
	// The raw event, not discordgo's typed one: parseInteraction reads what
	// discordgo cannot (unknown component types, forwarded messages).
	remove := a.s.AddHandler(func(s *discordgo.Session, e *discordgo.Event) {
		if e.Type != "INTERACTION_CREATE" {
			return
		}
		i, err := parseInteraction(e.RawData)
		if err != nil {
			a.Metrics.Error("gateway")
			a.log.Error("read interaction", "err", err)
			return
		}
		err = a.dispatch(i, func(resp *discordgo.InteractionResponse) error {
			return s.InteractionRespond(i, resp, discordgo.WithContext(a.work))
		})
		if err != nil && !errors.Is(err, errClosing) && !errors.Is(err, errReplay) {
			a.Metrics.Error("gateway")
			a.log.Error("answer interaction", "id", i.ID, "err", err)
		}
	})
	defer remove()

	a.degrade("connecting to the gateway")
	opened := false
	open := func() error {
		err := a.s.Open()
		opened = err == nil
		return err
	}
	if err := a.persist(ctx, "gateway connect", open, unauthorized); err != nil {
		return fmt.Errorf("connect to the Discord gateway: %w (is DISCORD_TOKEN right?)", err)
	}
	if !opened {
		return nil // stopped before Discord answered
	}
	defer a.s.Close()

	appID := a.opts.AppID
	if appID == "" && a.s.State != nil && a.s.State.Ready.Application != nil {
		appID = a.s.State.Ready.Application.ID
	}
	if appID == "" && a.s.State != nil && a.s.State.User != nil {
		appID = a.s.State.User.ID // a bot's user ID is its application's ID
	}
	if appID == "" {
		return errors.New("the gateway did not say which application this is; set DISCORD_APP_ID")
	}
	user := ""
	if a.s.State != nil && a.s.State.User != nil {
		user = a.s.State.User.Username
	}
	a.log.Info("connected to the gateway", "user", user, "application", appID)
	// Commands registered by an earlier start still work while registration
	// fails, so the bot serves on and tries again.
	registered := false
	register := func() error {
		err := a.Register(ctx, appID, a.opts.GuildID)
		registered = err == nil
		return err
	}
	a.persist(ctx, "command registration", register, func(error) bool { return false })
	if registered {
		a.degrade("")
	}
	<-ctx.Done()
	a.log.Info("disconnecting from the gateway")
	return nil
}

// persist runs try until it succeeds, final says its error cannot pass, or ctx
// ends, waiting RetryWait (doubling, at most maxStartWait) between attempts and
// telling /healthz why meanwhile. It returns the final error, else nil.
func (a *Adapter) persist(ctx context.Context, what string, try func() error, final func(error) bool) error {
	for wait := a.opts.RetryWait; ; wait = min(wait*2, maxStartWait) {
		err := try()
		if err == nil {
			return nil
		}
		if final(err) {
			return err
		}
		a.degrade(what + " failed: " + shortError(err))
		a.log.Warn(what+" failed, retrying", "in", wait, "err", err)
		if !sleep(ctx, wait) {
			return nil
		}
	}
}

// maxStartWait bounds the wait between attempts to connect and register.
const maxStartWait = 5 * time.Minute

// sleep waits d or until ctx ends, and reports whether it waited the whole d.
func sleep(ctx context.Context, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-timer.C:
		return true
	}
}

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

// degrade records why the bot is not fully up ("" when it is), for /healthz.
func (a *Adapter) degrade(why string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.degraded = why
}

// Health says whether the bot is fully up: "" when it is, else why not.
func (a *Adapter) Health() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.degraded
}
