package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"newsbot/bot/digest"
	"newsbot/bot/reply"
	"newsbot/store"
	"newsbot/summarize"
)

func (b *Bot) digestSet(ctx context.Context, req Request) reply.Reply {
	channel := channelID(req.Options["channel"])
	if channel == "" {
		return reply.Ephemeral("Pick a text channel for the digest.")
	}
	hour, minute, err := digest.ParseClock(req.Options["time"])
	if err != nil {
		return reply.Ephemeral("The time must be 24-hour HH:MM, like 08:30 or 18:00.")
	}
	zone := strings.TrimSpace(req.Options["timezone"])
	if zone == "" {
		zone = "UTC"
	}
	loc, err := digest.LoadZone(zone)
	if err != nil {
		return reply.Ephemeral(fmt.Sprintf("“%s” is not a time zone I know. Use a name like Europe/Berlin or America/New_York.", reply.Truncate(reply.OneLine(zone), 60)))
	}
	if missing := b.missingPermissions(ctx, req, channel); missing != "" {
		return reply.Ephemeral(fmt.Sprintf("I can't post the digest in <#%s>: %s. Give the bot those permissions in that channel, or pick another.", channel, missing))
	}
	now := b.now()
	clock := fmt.Sprintf("%02d:%02d", hour, minute)
	_, err = b.store.UpdateDigestSettings(ctx, req.GuildID, func(d *store.DigestSettings) error {
		d.ChannelID, d.Time, d.Zone, d.Enabled = channel, clock, loc.String(), true
		d.Since, d.Paused = now, ""
		return nil
	})
	if err != nil {
		return b.internalError("saving the digest settings", err)
	}
	b.digests.Wake()
	next := digest.NextDue(now, hour, minute, loc)
	msg := fmt.Sprintf("Daily digest set: %s %s in <#%s>. The next one is due %s (%s).",
		clock, loc, channel, next.In(loc).Format("Mon Jan 2 15:04 MST"), until(now, next))
	if !b.digests.Posting() {
		msg += "\nNote: this instance of the bot is not posting digests (it runs without DISCORD_TOKEN)."
	}
	return reply.Ephemeral(msg)
}

func (b *Bot) digestOff(ctx context.Context, req Request) reply.Reply {
	was := false
	_, err := b.store.UpdateDigestSettings(ctx, req.GuildID, func(d *store.DigestSettings) error {
		was = d.Enabled
		d.Enabled = false
		return nil
	})
	if err != nil {
		return b.internalError("saving the digest settings", err)
	}
	b.digests.Wake()
	if !was {
		return reply.Ephemeral("The daily digest was already off.")
	}
	return reply.Ephemeral("The daily digest is off. /digest set turns it on again.")
}

func (b *Bot) digestStatus(ctx context.Context, req Request) reply.Reply {
	d, err := b.store.DigestSettings(ctx, req.GuildID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && d.ChannelID == "") {
		return reply.Ephemeral("No digest is set up here. Use /digest set to post one every day.")
	}
	if err != nil {
		return b.internalError("reading the digest settings", err)
	}
	now := b.now()
	loc, zerr := digest.LoadZone(d.Zone)
	if zerr != nil {
		loc = time.UTC
	}
	state := "on"
	switch {
	case !d.Enabled:
		state = "off"
	case d.Paused != "":
		state = "paused — " + d.Paused + ". Fix it, then run /digest set again."
	}
	fields := []reply.Field{
		{Name: "State", Value: state},
		{Name: "Where and when", Value: fmt.Sprintf("<#%s> every day at %s %s", d.ChannelID, d.Time, loc)},
	}
	last := "never"
	if !d.LastPosted.IsZero() {
		last = d.LastPosted.In(loc).Format("Mon Jan 2 15:04 MST")
	}
	if d.LastOutcome != "" {
		last += " · last due: " + d.LastOutcome
	}
	fields = append(fields, reply.Field{Name: "Last posted", Value: last})
	if d.Enabled && d.Paused == "" {
		hour, minute, _ := digest.ParseClock(d.Time)
		next := digest.NextDue(now, hour, minute, loc)
		if due := digest.LatestDue(now, d.Since, hour, minute, loc); !due.IsZero() {
			if run, err := b.store.DigestRun(ctx, d.GuildID, digest.LocalDate(due, loc)); err != nil || !run.Done() {
				next = due // due and not done yet: posting now, or retrying
			}
		}
		fields = append(fields, reply.Field{Name: "Next due", Value: fmt.Sprintf("%s (%s)", next.In(loc).Format("Mon Jan 2 15:04 MST"), until(now, next))})
	}
	if w, msgs, err := b.digests.Next(ctx, d.GuildID, now); err == nil {
		waiting := "nothing new: no digest would be posted now"
		if len(msgs) > 0 {
			waiting = fmt.Sprintf("%d stor%s (%d article%s) in %d message%s", w.Stories(), reply.PluralY(w.Stories()),
				w.Articles(), reply.Plural(w.Articles()), len(msgs), reply.Plural(len(msgs)))
		}
		fields = append(fields, reply.Field{Name: "Waiting for the next digest", Value: waiting})
	} else {
		b.log.Warn("digest status: next digest", "err", err)
	}
	if d.LastError != "" {
		fields = append(fields, reply.Field{Name: "Last error", Value: fmt.Sprintf("%s (%s)", d.LastError, d.LastErrorAt.In(loc).Format("Jan 2 15:04 MST"))})
	}
	fields = append(fields, reply.Field{Name: "Summaries", Value: b.usageLine(ctx, d.GuildID)})
	if !b.digests.Posting() {
		fields = append(fields, reply.Field{Name: "Note", Value: "This instance of the bot is not posting digests (it runs without DISCORD_TOKEN)."})
	}
	return reply.Reply{Ephemeral: true, Embeds: []reply.Embed{{Title: "Daily digest", Fields: fields}}}
}

// digestPreview shows what the digest would post now: the stories that joined
// the server since its previous digest (the last 24 hours before the first).
func (b *Bot) digestPreview(ctx context.Context, req Request) reply.Reply {
	w, msgs, err := b.digests.Next(ctx, req.GuildID, b.now())
	if err != nil {
		return b.internalError("reading the archive", err)
	}
	if len(msgs) == 0 {
		return reply.Ephemeral("Nothing new since the last digest (or in the last 24 hours), so a digest now would not be posted.")
	}
	r := msgs[0]
	r.Ephemeral = true
	r.Content = fmt.Sprintf("Preview: %d stor%s in %d message%s", w.Stories(), reply.PluralY(w.Stories()), len(msgs), reply.Plural(len(msgs)))
	if len(msgs) > 1 {
		r.Content += " (this is the first)"
	}
	return r.Fit()
}

// digestLine is an article's entry in a digest: a short summary and its link.
// The model's use counts against the server the digest is for.
func (b *Bot) digestLine(ctx context.Context, scope string, a store.Article) string {
	call := b.modelCall(ctx, scope)
	sum, err := b.sum.Summarize(ctx, b.docs.doc(a), summarize.Short, call)
	b.spend(ctx, scope, sum.Tokens)
	if err != nil {
		b.log.Warn("summarize for digest", "article", a.ID, "err", err)
	}
	return reply.WithLink(reply.Escape(strings.Join(sum.Sentences, " ")), a.URL, reply.MaxFieldValue)
}

// The permissions a digest needs in its channel, as Discord numbers them
// (Administrator grants them all).
const (
	permAdministrator = 1 << 3
	permViewChannel   = 1 << 10
	permSendMessages  = 1 << 11
	permEmbedLinks    = 1 << 14
)

// missingPermissions says what keeps the bot from posting a digest in
// channel, or "" when nothing does or it cannot tell. The interaction carries
// the bot's permissions in the channel it was used in; for another channel the
// bot asks Discord when it can. When neither tells, the first digest finds out,
// and a refusal pauses it with the reason in /digest status.
func (b *Bot) missingPermissions(ctx context.Context, req Request, channel string) string {
	perms, known := req.AppPermissions, req.HasAppPermissions && channel == req.ChannelID
	if !known && b.perms != nil {
		guild, p, err := b.perms.BotPermissions(ctx, channel)
		switch {
		case err == nil && guild != req.GuildID:
			return "that channel is not in this server"
		case err == nil:
			perms, known = p, true
		case errors.Is(err, ErrUnknownChannel):
			return "I can't see that channel"
		default:
			b.log.Warn("read the bot's permissions", "channel", channel, "err", err)
		}
	}
	if !known {
		return ""
	}
	var missing []string
	for _, p := range []struct {
		bit  int64
		name string
	}{{permViewChannel, "View Channel"}, {permSendMessages, "Send Messages"}, {permEmbedLinks, "Embed Links"}} {
		if perms&permAdministrator == 0 && perms&p.bit == 0 {
			missing = append(missing, p.name)
		}
	}
	if len(missing) == 0 {
		return ""
	}
	return "I lack " + strings.Join(missing, ", ") + " there"
}

// channelID reads a channel option: an ID, or a mention like <#123>.
func channelID(s string) string {
	s = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s), "<#"), ">")
	s = strings.TrimPrefix(s, "#")
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return ""
	}
	return s
}
