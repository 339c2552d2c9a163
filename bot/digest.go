package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"newsbot/store"
	"newsbot/summarize"
)

// firstWindow is how far back a server's first digest reaches.
const firstWindow = 24 * time.Hour

func (b *Bot) digestSet(ctx context.Context, req Request) Reply {
	channel := channelID(req.Options["channel"])
	if channel == "" {
		return ephemeral("Pick a text channel for the digest.")
	}
	hour, minute, err := parseClock(req.Options["time"])
	if err != nil {
		return ephemeral("The time must be 24-hour HH:MM, like 08:30 or 18:00.")
	}
	zone := strings.TrimSpace(req.Options["timezone"])
	if zone == "" {
		zone = "UTC"
	}
	loc, err := loadZone(zone)
	if err != nil {
		return ephemeral(fmt.Sprintf("“%s” is not a time zone I know. Use a name like Europe/Berlin or America/New_York.", truncate(oneLine(zone), 60)))
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
	b.wakeDigests()
	next := nextDue(now, hour, minute, loc)
	msg := fmt.Sprintf("Daily digest set: %s %s in <#%s>. The next one is due %s (%s).",
		clock, loc, channel, next.In(loc).Format("Mon Jan 2 15:04 MST"), until(now, next))
	if !b.posting.Load() {
		msg += "\nNote: this instance of the bot is not posting digests (it runs without DISCORD_TOKEN)."
	}
	return ephemeral(msg)
}

func (b *Bot) digestOff(ctx context.Context, req Request) Reply {
	was := false
	_, err := b.store.UpdateDigestSettings(ctx, req.GuildID, func(d *store.DigestSettings) error {
		was = d.Enabled
		d.Enabled = false
		return nil
	})
	if err != nil {
		return b.internalError("saving the digest settings", err)
	}
	b.wakeDigests()
	if !was {
		return ephemeral("The daily digest was already off.")
	}
	return ephemeral("The daily digest is off. /digest set turns it on again.")
}

func (b *Bot) digestStatus(ctx context.Context, req Request) Reply {
	d, err := b.store.DigestSettings(ctx, req.GuildID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && d.ChannelID == "") {
		return ephemeral("No digest is set up here. Use /digest set to post one every day.")
	}
	if err != nil {
		return b.internalError("reading the digest settings", err)
	}
	now := b.now()
	loc, zerr := loadZone(d.Zone)
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
	fields := []Field{
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
	fields = append(fields, Field{Name: "Last posted", Value: last})
	if d.Enabled && d.Paused == "" {
		hour, minute, _ := parseClock(d.Time)
		next := nextDue(now, hour, minute, loc)
		if due := latestDue(now, d.Since, hour, minute, loc); !due.IsZero() {
			if run, err := b.store.DigestRun(ctx, d.GuildID, localDate(due, loc)); err != nil || !run.Done() {
				next = due // due and not done yet: posting now, or retrying
			}
		}
		fields = append(fields, Field{Name: "Next due", Value: fmt.Sprintf("%s (%s)", next.In(loc).Format("Mon Jan 2 15:04 MST"), until(now, next))})
	}
	from := d.WindowEnd
	if from.IsZero() {
		from = now.Add(-firstWindow)
	}
	if waiting, err := b.store.AddedIDs(ctx, from, time.Time{}); err == nil {
		fields = append(fields, Field{Name: "Waiting for the next digest", Value: fmt.Sprintf("%d new article%s", len(waiting), plural(len(waiting)))})
	}
	if d.LastError != "" {
		fields = append(fields, Field{Name: "Last error", Value: fmt.Sprintf("%s (%s)", d.LastError, d.LastErrorAt.In(loc).Format("Jan 2 15:04 MST"))})
	}
	fields = append(fields, Field{Name: "Summaries", Value: b.usageLine(ctx, d.GuildID)})
	if !b.posting.Load() {
		fields = append(fields, Field{Name: "Note", Value: "This instance of the bot is not posting digests (it runs without DISCORD_TOKEN)."})
	}
	return Reply{Ephemeral: true, Embeds: []Embed{{Title: "Daily digest", Fields: fields}}}
}

// digestPreview shows what the digest would post now: the articles added since
// this server's previous digest (the last 24 hours before the first).
func (b *Bot) digestPreview(ctx context.Context, req Request) Reply {
	now := b.now()
	from := now.Add(-firstWindow)
	if d, err := b.store.DigestSettings(ctx, req.GuildID); err == nil && !d.WindowEnd.IsZero() {
		from = d.WindowEnd
	}
	articles, err := b.store.AddedBetween(ctx, from, time.Time{}, 0)
	if err != nil {
		return b.internalError("reading the archive", err)
	}
	if len(articles) == 0 {
		return ephemeral("Nothing new since the last digest (or in the last 24 hours), so a digest now would not be posted.")
	}
	msgs := b.digestMessages(ctx, req.GuildID, articles)
	r := msgs[0]
	r.Ephemeral = true
	if len(msgs) > 1 {
		r.Content = fmt.Sprintf("Preview of the first of %d messages.", len(msgs))
	}
	return r
}

// digestMessages lays out a digest of articles (newest first) as messages, each
// within Discord's limits: an article is a field, 25 fields an embed, and a
// message holds up to 10 embeds and 6,000 characters.
func (b *Bot) digestMessages(ctx context.Context, scope string, articles []store.Article) []Reply {
	var msgs []Reply
	var size int
	for i, a := range articles {
		f := Field{Name: fmt.Sprintf("%s (ID %d)", oneLine(a.Title), a.ID), Value: b.digestLine(ctx, scope, a)}
		f.Name = truncate(f.Name, MaxFieldName)
		f.Value = truncate(f.Value, MaxFieldValue)
		n := utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
		if i == 0 {
			title := fmt.Sprintf("Daily digest: %d new article%s", len(articles), plural(len(articles)))
			msgs = append(msgs, Reply{Embeds: []Embed{{Title: title}}})
			size = utf8.RuneCountInString(title)
		}
		m := &msgs[len(msgs)-1]
		e := &m.Embeds[len(m.Embeds)-1]
		switch {
		case size+n > MaxEmbedTotal:
			msgs = append(msgs, Reply{Embeds: []Embed{{}}})
			size = 0
		case len(e.Fields) == MaxFields && len(m.Embeds) == MaxEmbeds:
			msgs = append(msgs, Reply{Embeds: []Embed{{}}})
			size = 0
		case len(e.Fields) == MaxFields:
			m.Embeds = append(m.Embeds, Embed{})
		}
		m = &msgs[len(msgs)-1]
		e = &m.Embeds[len(m.Embeds)-1]
		e.Fields = append(e.Fields, f)
		size += n
	}
	for i := range msgs {
		msgs[i] = msgs[i].Fit()
	}
	return msgs
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
	line := strings.Join(sum.Sentences, " ")
	if a.URL != "" {
		line = truncate(line, MaxFieldValue-utf8.RuneCountInString(a.URL)-1) + "\n" + a.URL
	}
	return line
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
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

// loadZone loads an IANA zone; "Local" and the empty name are refused, since
// they mean the machine's zone, not the server's.
func loadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("unknown time zone %q", name)
	}
	return time.LoadLocation(name)
}
