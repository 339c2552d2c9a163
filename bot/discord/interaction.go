package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"runtime/debug"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"newsbot/backoff"
	"newsbot/bot"
	"newsbot/bot/reply"
)

// errReplay is returned by dispatch for an interaction it has answered before.
var errReplay = errors.New("interaction already answered")

// seenIDs remembers the interactions answered in the last replayWindow, so
// that none is executed twice: a signed HTTP request is valid for as long as
// its timestamp is within maxClockSkew, and could be sent again in that time.
type seenIDs struct {
	mu    sync.Mutex
	at    map[string]time.Time
	swept time.Time
}

const replayWindow = 2 * maxClockSkew

// first records id and reports whether it is new.
func (s *seenIDs) first(id string, now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.at == nil {
		s.at = make(map[string]time.Time)
	}
	if now.Sub(s.swept) > time.Minute {
		for k, t := range s.at {
			if now.Sub(t) > replayWindow {
				delete(s.at, k)
			}
		}
		s.swept = now
	}
	if t, ok := s.at[id]; ok && now.Sub(t) <= replayWindow {
		return false
	}
	s.at[id] = now
	return true
}

// claim reports whether no other process sharing the archive has taken the
// interaction. When that cannot be told (the archive unreachable a moment),
// the interaction is answered: a user's command is not dropped for it.
func (a *Adapter) claim(id string) bool {
	if a.opts.Claim == nil {
		return true
	}
	ctx, cancel := context.WithTimeout(a.work, 2*time.Second)
	defer cancel()
	first, err := a.opts.Claim(ctx, id, replayWindow)
	if err != nil {
		a.log.Warn("could not check the interaction with the other processes", "interaction", id, "err", err)
		return true
	}
	return first
}

// MessageCommand is the name of the message context-menu command.
const MessageCommand = "Summarize article"

// respondFunc delivers an interaction's first response: a REST callback on the
// gateway, the HTTP response body on the interactions endpoint.
type respondFunc func(*discordgo.InteractionResponse) error

// dispatch answers one interaction. It returns once the first response has been
// delivered; a deferred command finishes in the background, owned by the Adapter.
func (a *Adapter) dispatch(i *discordgo.Interaction, respond respondFunc) (err error) {
	if !a.begin() {
		return errClosing
	}
	defer a.wg.Done()
	defer func() {
		if p := recover(); p != nil {
			a.Metrics.Error("panic")
			err = fmt.Errorf("interaction %s: panic: %v\n%s", i.ID, p, debug.Stack())
		}
	}()

	if i.Type == discordgo.InteractionPing {
		return respond(&discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
	}
	if !a.seen.first(i.ID, time.Now()) || !a.claim(i.ID) {
		// A signed request sent again (a replay), or an event the gateway
		// delivered twice: it was answered the first time.
		a.Metrics.interaction("replay", "rejected", 0)
		return errReplay
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		return a.autocomplete(i, respond)
	case discordgo.InteractionApplicationCommand:
		return a.command(i, respond)
	}
	return respond(message(reply.Reply{Content: "This bot has no buttons or forms.", Ephemeral: true}.Fit()))
}

func (a *Adapter) autocomplete(i *discordgo.Interaction, respond respondFunc) error {
	req, _ := request(i)
	data, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
	option, typed := focused(data.Options)
	ctx, cancel := context.WithTimeout(a.work, 2*time.Second)
	defer cancel()
	var choices []*discordgo.ApplicationCommandOptionChoice
	for _, c := range a.h.Autocomplete(ctx, req, option, typed) {
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: c.Name, Value: c.Value})
	}
	if choices == nil {
		choices = []*discordgo.ApplicationCommandOptionChoice{}
	}
	a.Metrics.interaction("autocomplete", "ok", 0)
	return respond(&discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	})
}

// focused returns the option the user is typing in and what they typed.
func focused(opts []*discordgo.ApplicationCommandInteractionDataOption) (name, typed string) {
	for _, o := range opts {
		if o == nil {
			continue
		}
		if o.Focused {
			typed, _ := o.Value.(string)
			return o.Name, typed
		}
		if n, t := focused(o.Options); n != "" {
			return n, t
		}
	}
	return "", ""
}

// command runs a slash or message command. When it takes longer than DeferAfter
// the interaction is deferred and the reply edits @original later.
func (a *Adapter) command(i *discordgo.Interaction, respond respondFunc) error {
	req, early := request(i)
	start := time.Now()
	if early != nil {
		a.Metrics.interaction(req.Command, "rejected", time.Since(start))
		return respond(message(*early))
	}
	ctx, cancel := context.WithTimeout(a.work, a.opts.WorkTimeout)
	replies := make(chan reply.Reply, 1)
	a.wg.Add(1) // the command's own goroutine, owned like the interaction
	go func() {
		defer a.wg.Done()
		replies <- a.h.Handle(ctx, req)
	}()

	timer := time.NewTimer(a.opts.DeferAfter)
	defer timer.Stop()
	select {
	case r := <-replies:
		cancel()
		err := respond(message(r))
		a.Metrics.interaction(req.Command, outcome(r, err), time.Since(start))
		return err
	case <-timer.C:
	}

	// Too slow for a direct answer: defer, and finish in the background.
	ephemeral := adminCommand(req.Command)
	if err := respond(deferred(ephemeral)); err != nil {
		cancel()
		a.Metrics.interaction(req.Command, "failed", time.Since(start))
		return err
	}
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		defer cancel()
		r := <-replies
		err := a.finish(ctx, i, r, ephemeral)
		if err != nil {
			a.log.Error("deliver deferred reply", "command", req.Command, "err", err)
		}
		a.Metrics.interaction(req.Command, outcome(r, err), time.Since(start))
	}()
	return nil
}

// finish replaces a deferred response with the reply. A reply that should be
// ephemeral after a public deferral cannot become private, so the public
// placeholder is deleted and the reply follows up privately.
func (a *Adapter) finish(ctx context.Context, i *discordgo.Interaction, r reply.Reply, deferredEphemeral bool) error {
	if a.work.Err() != nil {
		r = reply.Reply{Content: "The bot is restarting and could not finish this. Please try again in a minute.", Ephemeral: true}.Fit()
	}
	// Deliver even when the work was cancelled: the user is waiting for a word.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), deliveryWindow)
	defer cancel()
	opt := discordgo.WithContext(ctx)
	if r.Ephemeral && !deferredEphemeral {
		err := a.retry(ctx, func() error { return a.s.InteractionResponseDelete(i, opt) })
		if err != nil && !notFound(err) { // already gone is what was wanted
			return fmt.Errorf("delete deferred response: %w", err)
		}
		return a.retry(ctx, func() error {
			_, err := a.s.FollowupMessageCreate(i, true, followup(r), opt)
			return err
		})
	}
	return a.retry(ctx, func() error {
		_, err := a.s.InteractionResponseEdit(i, edit(r), opt)
		return err
	})
}

// deliveryWindow bounds how long a deferred reply is retried: well within the
// 15 minutes an interaction token lives, and long enough for a rate limit or a
// Discord outage of a minute or two.
const deliveryWindow = 3 * time.Minute

// retry runs send until it succeeds, fails for good, or ctx ends. A 429 (with
// or without Discord's JSON body) and a 5xx or network error are tried again,
// after Retry-After or X-RateLimit-Reset-After when Discord sends them, else
// after 1, 2, 4 … seconds (at most 30).
func (a *Adapter) retry(ctx context.Context, send func() error) error {
	policy := backoff.Policy{First: a.opts.RetryWait, Max: 30 * time.Second}
	for n := 1; ; n++ {
		err := send()
		if err == nil || !retryable(err) {
			return err
		}
		pause := policy.Wait(n)
		if rest, ok := errors.AsType[*discordgo.RESTError](err); ok && rest.Response != nil {
			if d := backoff.After(rest.Response.Header, time.Now()); d > 0 {
				pause = min(d, time.Minute)
			}
		}
		if !backoff.Sleep(ctx, pause) {
			return fmt.Errorf("%w (gave up: %v)", err, ctx.Err())
		}
	}
}

// retryable reports whether a REST error may pass: rate limits, Discord's 5xx,
// and anything that is not Discord's answer at all (a network error, a 429
// whose body discordgo could not read).
func retryable(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	if rest, ok := errors.AsType[*discordgo.RESTError](err); ok && rest.Response != nil {
		return rest.Response.StatusCode == http.StatusTooManyRequests || rest.Response.StatusCode >= 500
	}
	return true
}

func notFound(err error) bool {
	rest, ok := errors.AsType[*discordgo.RESTError](err)
	return ok && rest.Response != nil && rest.Response.StatusCode == http.StatusNotFound
}

func outcome(r reply.Reply, err error) string {
	switch {
	case err != nil:
		return "failed"
	case r.Ephemeral:
		return "ephemeral"
	}
	return "ok"
}

// adminCommand reports whether a command's replies are private by nature.
func adminCommand(name string) bool {
	for _, c := range bot.Commands() {
		if c.Name == name {
			return c.Admin
		}
	}
	return false
}

// request translates an interaction into a bot request. For a message command
// it may instead return a reply to send at once (no link in the message).
func request(i *discordgo.Interaction) (bot.Request, *reply.Reply) {
	req := bot.Request{GuildID: i.GuildID, Options: map[string]string{}}
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		r := reply.Reply{Content: "That interaction carried no command.", Ephemeral: true}.Fit()
		return req, &r
	}
	if i.Member != nil {
		if i.Member.User != nil {
			req.UserID = i.Member.User.ID
		}
		req.CanManage = i.Member.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0
	} else if i.User != nil {
		req.UserID = i.User.ID
	}
	req.UserInstall = !guildInstalled(i)
	req.ChannelID = i.ChannelID
	req.AppPermissions, req.HasAppPermissions = i.AppPermissions, i.ChannelID != ""
	if data.CommandType == discordgo.MessageApplicationCommand {
		req.Command = "summarize"
		var content string
		if data.Resolved != nil {
			if m := data.Resolved.Messages[data.TargetID]; m != nil {
				content = m.Content
				for _, e := range m.Embeds {
					content += " " + e.URL
				}
			}
		}
		link := bot.FirstLink(content)
		if link == "" {
			r := reply.Reply{Content: "That message has no link to summarize.", Ephemeral: true}.Fit()
			return req, &r
		}
		req.Options["article"] = link
		return req, nil
	}
	name, opts := data.Name, data.Options
	for len(opts) == 1 && opts[0] != nil && (opts[0].Type == discordgo.ApplicationCommandOptionSubCommand || opts[0].Type == discordgo.ApplicationCommandOptionSubCommandGroup) {
		name += " " + opts[0].Name
		opts = opts[0].Options
	}
	req.Command = name
	for _, o := range opts {
		if o != nil && o.Value != nil {
			req.Options[o.Name] = fmt.Sprint(o.Value)
		}
	}
	return req, nil
}

// guildInstalled reports whether the server an interaction comes from has
// installed the bot: its authorizing_integration_owners names the guild install
// with that server's ID ("0" in a direct message with the bot). Without it the
// interaction comes through a user's own install, and the user's permissions
// in that server say nothing about the bot's archive.
func guildInstalled(i *discordgo.Interaction) bool {
	owner, ok := i.AuthorizingIntegrationOwners[discordgo.ApplicationIntegrationGuildInstall]
	if !ok {
		return false
	}
	if i.GuildID == "" {
		return owner == "0"
	}
	return owner == i.GuildID
}

// noMentions is the allowed_mentions of every message: nothing is parsed, so
// nobody is pinged.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// embedColor is newsbot's accent colour.
const embedColor = 0x2b6cb0

func embeds(r reply.Reply) []*discordgo.MessageEmbed {
	out := make([]*discordgo.MessageEmbed, 0, len(r.Embeds))
	for _, e := range r.Embeds {
		me := &discordgo.MessageEmbed{
			Title:       e.Title,
			Description: e.Description,
			Color:       embedColor,
		}
		if validURL(e.URL) && e.Title != "" {
			me.URL = e.URL
		}
		if e.Footer != "" {
			me.Footer = &discordgo.MessageEmbedFooter{Text: e.Footer}
		}
		for _, f := range e.Fields {
			me.Fields = append(me.Fields, &discordgo.MessageEmbedField{Name: f.Name, Value: f.Value, Inline: f.Inline})
		}
		out = append(out, me)
	}
	return out
}

// validURL reports whether Discord will take u as an embed link.
func validURL(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != "" && len(u) <= 2048
}

func flags(r reply.Reply) discordgo.MessageFlags {
	if r.Ephemeral {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

// message is a reply as an immediate interaction response (type 4).
func message(r reply.Reply) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content:         r.Content,
			Embeds:          embeds(r),
			Flags:           flags(r),
			AllowedMentions: noMentions(),
		},
	}
}

// deferred acknowledges an interaction whose reply comes later (type 5).
func deferred(ephemeral bool) *discordgo.InteractionResponse {
	data := &discordgo.InteractionResponseData{AllowedMentions: noMentions()}
	if ephemeral {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource, Data: data}
}

// edit is a reply as the replacement of @original.
func edit(r reply.Reply) *discordgo.WebhookEdit {
	content := r.Content
	em := embeds(r)
	return &discordgo.WebhookEdit{Content: &content, Embeds: &em, AllowedMentions: noMentions()}
}

// followup is a reply as a follow-up message.
func followup(r reply.Reply) *discordgo.WebhookParams {
	return &discordgo.WebhookParams{Content: r.Content, Embeds: embeds(r), Flags: flags(r), AllowedMentions: noMentions()}
}
