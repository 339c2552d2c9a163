// Package bot is newsbot's behaviour: the commands people use, as plain Go.
//
// A command takes a Request (its name, its options as strings, who asked and
// where) and returns a reply.Reply (content, embeds, ephemeral flag) that fits
// Discord's limits. Transports live in packages of their own and translate to
// and from requests: bot/console reads command lines and prints replies;
// bot/discord maps interactions the same way. So most behaviour is tested
// without Discord at all.
//
// Every request has a scope (its server, or the user's own in a DM): it sees
// the operator's library and that scope's articles, and adds to that scope
// only (see store's access.go and the README's "Servers and what they see").
//
// The command table (Commands) is the one place a command is declared: its name,
// options, who may use it and its handler. Help, console parsing and Discord
// registration all read it.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"

	"newsbot/bot/digest"
	"newsbot/bot/ingest"
	"newsbot/bot/reply"
	"newsbot/store"
	"newsbot/summarize"
)

// Bot answers commands from the archive.
type Bot struct {
	store *store.Store
	sum   *summarize.Summarizer
	log   *slog.Logger
	now   func() time.Time

	docs    *docCache
	fetcher *ingest.Fetcher // nil: links are not fetched
	// tokensPerDay is each server's daily model budget; zero is no limit.
	tokensPerDay int
	digests      *digest.Digests
	perms        Permissions // nil: only app_permissions tell
	holder       string      // this process's name on the feeds' leases
	leaseTTL     time.Duration
}

// Permissions tells which server a channel belongs to and the bot's
// permissions in it: Discord's REST side, as /digest set needs it.
type Permissions interface {
	BotPermissions(ctx context.Context, channelID string) (guildID string, perms int64, err error)
}

// ErrUnknownChannel wraps a Permissions error for a channel the bot cannot see
// (gone, or in a server that has not added the bot).
var ErrUnknownChannel = errors.New("unknown channel")

// CheckPermissions lets /digest set ask for the bot's permissions in any
// channel, not only the one it is used in. Call it before the bot serves.
func (b *Bot) CheckPermissions(p Permissions) { b.perms = p }

// New returns a Bot over an open archive and a summarizer.
func New(st *store.Store, sum *summarize.Summarizer, log *slog.Logger) *Bot {
	b := &Bot{store: st, sum: sum, log: log.With("component", "bot"), now: time.Now, docs: newDocCache(sum.Doc),
		holder: store.NewHolder(), leaseTTL: digest.LeaseTTL}
	b.digests = digest.New(st, log, b.digestLine)
	return b
}

// Shared tells the bot that other processes (shards, replicas) use the
// archive too: a digest or a feed poll stays with a process that stopped
// renewing its lease for ttl (digest.LeaseTTL otherwise), and the digest loop
// looks at the schedules every minute. Call it before RunDigests and RunFeeds.
func (b *Bot) Shared(ttl time.Duration) {
	b.leaseTTL = ttl
	b.digests.Shared(ttl)
}

// OnDigest sets a function told the outcome of every digest ("posted", "empty",
// "retry", "failed"), for metrics. Call it before RunDigests.
func (b *Bot) OnDigest(fn func(outcome string)) { b.digests.OnOutcome(fn) }

// RunDigests posts each server's digest when it is due, until ctx ends: the
// bot's one digest loop, which /digest set and off wake.
func (b *Bot) RunDigests(ctx context.Context, p digest.Poster) { b.digests.Run(ctx, p) }

// Request is one use of a command.
type Request struct {
	// Command is the full command name without the slash: "ask", "digest preview".
	Command string
	Options map[string]string
	// GuildID is the server the command was used in; empty in a direct message.
	GuildID string
	UserID  string
	// CanManage tells whether the user has the Manage Server permission there.
	CanManage bool
	// ChannelID is the channel the command was used in, and AppPermissions
	// the bot's permissions there (Discord's app_permissions), when
	// HasAppPermissions says they are known.
	ChannelID         string
	AppPermissions    int64
	HasAppPermissions bool
	// UserInstall is true when the server has not installed the bot and the
	// command reaches it through the user's own install (Discord's
	// user-installable apps): the request is the user's, as in a direct
	// message, and server commands are refused.
	UserInstall bool
}

// scope is the part of the archive a request sees and adds to, beside the
// operator's library: its server's, or the user's own in a direct message or
// through a user install.
func (r Request) scope() string {
	if r.inServer() {
		return r.GuildID
	}
	return "dm/" + r.UserID
}

// inServer reports whether the request comes from a server that installed the
// bot.
func (r Request) inServer() bool { return r.GuildID != "" && !r.UserInstall }

// Handle runs the command a request names and returns its reply. It never fails:
// problems become ephemeral messages that say what went wrong, and the detail goes
// to the log.
func (b *Bot) Handle(ctx context.Context, req Request) (r reply.Reply) {
	defer func() {
		if p := recover(); p != nil {
			r = b.internalError("running /"+reply.OneLine(req.Command), fmt.Errorf("panic: %v\n%s", p, debug.Stack()))
		}
	}()
	cmd, ok := Lookup(req.Command)
	if !ok {
		return reply.Ephemeral(fmt.Sprintf("Unknown command “/%s”. Try /help for the list.", reply.OneLine(req.Command)))
	}
	if cmd.Admin {
		if req.GuildID == "" {
			return reply.Ephemeral(fmt.Sprintf("/%s works in a server, not in direct messages.", cmd.Name))
		}
		if req.UserInstall {
			return reply.Ephemeral(fmt.Sprintf("/%s works only in a server that has added the bot, not through your own install of it.", cmd.Name))
		}
		if !req.CanManage {
			return reply.Ephemeral(fmt.Sprintf("/%s needs the Manage Server permission.", cmd.Name))
		}
	}
	for name := range req.Options {
		if cmd.Option(name) == nil {
			return reply.Ephemeral(fmt.Sprintf("/%s has no option “%s”. Usage: %s", cmd.Name, reply.OneLine(name), cmd.Usage()))
		}
	}
	for _, o := range cmd.Options {
		if o.Required && strings.TrimSpace(req.Options[o.Name]) == "" {
			return reply.Ephemeral(fmt.Sprintf("/%s needs the option “%s”. Usage: %s", cmd.Name, o.Name, cmd.Usage()))
		}
	}
	start := time.Now()
	r = cmd.run(b, ctx, req).Fit()
	b.log.Debug("command", "command", cmd.Name, "guild", req.GuildID, "duration", time.Since(start))
	return r
}

// internalError logs err and returns the message a user sees instead.
func (b *Bot) internalError(what string, err error) reply.Reply {
	b.log.Error(what, "err", err)
	return reply.Ephemeral("Something went wrong while " + what + ". The error has been logged; please try again.")
}
