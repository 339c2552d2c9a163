// Package digest posts each server's daily digest: when it is due (the
// schedule rules in schedule.go), what it holds (the stories that joined the
// server as news since its last digest, stories.go), how it reads (at most
// three messages within Discord's limits) and how it is sent exactly once.
//
// Exactly once: a run is recorded as "posting", with its window and its
// messages rendered, before anything is sent; each message's ID is recorded as
// it goes out, and every message carries a nonce that Discord enforces, so a
// resend after a crash returns the message already made. A retry sends the
// stored messages that were not sent yet; nothing is rendered twice, so no
// article appears twice whatever the summaries do between attempts.
package digest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"newsbot/backoff"
	"newsbot/bot/reply"
	"newsbot/store"
)

// FirstWindow is how far back a server's first digest reaches.
const FirstWindow = 24 * time.Hour

// LineFunc writes an article's summary line for a server's digest: the bot's
// short summary, with the model's use counted against that server.
type LineFunc func(ctx context.Context, guildID string, a store.Article) string

// Digests is the digest loop of a bot and what /digest preview and status ask
// of it.
type Digests struct {
	store   *store.Store
	log     *slog.Logger
	line    LineFunc
	wake    chan struct{}
	posting atomic.Bool
	outcome func(string)
	holder  string // this process's name on the digests' leases
	// leaseTTL is LeaseTTL, and idle maxIdle, unless Shared changed them.
	leaseTTL, idle time.Duration
}

// New returns the digests of an archive, written with line.
func New(st *store.Store, log *slog.Logger, line LineFunc) *Digests {
	return &Digests{store: st, log: log.With("component", "digest"), line: line, wake: make(chan struct{}, 1),
		holder: store.NewHolder(), leaseTTL: LeaseTTL, idle: maxIdle}
}

// Shared tells the digests that other processes use the archive too: a
// digest stays with a process that stopped renewing its lease for ttl, and
// the loop looks at the schedules every minute, since /digest set in
// another process does not wake it. Call it before Run.
func (dg *Digests) Shared(ttl time.Duration) {
	dg.leaseTTL, dg.idle = ttl, sharedIdle
}

// OnOutcome sets a function told the outcome of every digest ("posted",
// "empty", "retry", "failed"), for metrics. Call it before Run.
func (dg *Digests) OnOutcome(fn func(string)) { dg.outcome = fn }

func (dg *Digests) observe(outcome string) {
	if dg.outcome != nil {
		dg.outcome(outcome)
	}
}

// Posting reports whether a digest loop runs (a bot without a token posts
// none).
func (dg *Digests) Posting() bool { return dg.posting.Load() }

// Poster sends messages to channels: Discord's REST side, as the digest needs it.
type Poster interface {
	// Post sends msg to a channel and returns the new message's ID. The nonce
	// names the message: posting the same nonce again shortly after must not
	// create a second message (Discord's enforce_nonce).
	Post(ctx context.Context, channelID string, msg reply.Reply, nonce string) (messageID string, err error)
}

// ErrCannotPost wraps a Post error that retrying will not fix: the channel is
// gone, or the bot may not post in it.
var ErrCannotPost = errors.New("cannot post in this channel")

// maxWindow is how far back a digest reaches at most, after a long pause.
const maxWindow = 7 * 24 * time.Hour

// maxIdle bounds how long the scheduler sleeps without looking again;
// sharedIdle when other processes may change the schedules.
const (
	maxIdle    = time.Hour
	sharedIdle = time.Minute
)

// LeaseTTL is how long a server's digest stays with the process posting it
// once that process stops renewing its lease. Processes sharing an archive
// post a server's digest one at a time: one that dies mid-digest leaves it
// to another after this long, which sends the messages not recorded as sent
// — within the few minutes Discord remembers a nonce, so a message the dead
// process sent but did not record is not posted twice.
const LeaseTTL = time.Minute

// retry backoff for failures that may pass (rate limits, Discord's 5xx).
const (
	firstRetry = time.Minute
	maxRetry   = 30 * time.Minute
)

// Run posts each server's digest when it is due, until ctx ends. It is the one
// digest loop of a bot; Wake makes it look at the settings again.
func (dg *Digests) Run(ctx context.Context, p Poster) {
	dg.posting.Store(true)
	defer dg.posting.Store(false)
	for {
		now := time.Now()
		next := dg.tick(ctx, p, now)
		wait := dg.idle
		if !next.IsZero() {
			wait = min(max(next.Sub(now), 0), dg.idle)
		}
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			dg.log.Debug("digest loop stopped")
			return
		case <-timer.C:
		case <-dg.wake:
			timer.Stop()
		}
	}
}

// Wake makes the digest loop look at the settings again (after /digest set or
// off).
func (dg *Digests) Wake() {
	select {
	case dg.wake <- struct{}{}:
	default:
	}
}

// tick posts every digest that is due at now and returns when the loop
// should look next.
func (dg *Digests) tick(ctx context.Context, p Poster, now time.Time) time.Time {
	all, err := dg.store.AllDigestSettings(ctx)
	if err != nil {
		dg.log.Error("read digest settings", "err", err)
		return now.Add(time.Minute)
	}
	var next time.Time
	soonest := func(t time.Time) {
		if !t.IsZero() && (next.IsZero() || t.Before(next)) {
			next = t
		}
	}
	for _, d := range all {
		if !d.Enabled || d.Paused != "" || ctx.Err() != nil {
			continue
		}
		loc, err := LoadZone(d.Zone)
		hour, minute, cerr := ParseClock(d.Time)
		if err != nil || cerr != nil {
			dg.log.Error("bad digest schedule", "guild", d.GuildID, "zone", d.Zone, "time", d.Time)
			continue
		}
		soonest(NextDue(now, hour, minute, loc))
		due := LatestDue(now, d.Since, hour, minute, loc)
		if due.IsZero() {
			continue
		}
		soonest(dg.runDigest(ctx, p, d, LocalDate(due, loc), now))
	}
	return next
}

// runDigest makes sure the digest of one server for one local date is posted:
// it starts the run when there is none, and resumes one that is not done. It
// returns when to try again, or the zero time.
func (dg *Digests) runDigest(ctx context.Context, p Poster, d store.DigestSettings, date string, now time.Time) time.Time {
	log := dg.log.With("guild", d.GuildID, "date", date)
	held, release, mine, err := dg.store.Hold(ctx, "digest/"+d.GuildID, dg.holder, dg.leaseTTL)
	if err != nil {
		log.Error("take digest lease", "err", err)
		return now.Add(time.Minute)
	}
	if !mine {
		return now.Add(dg.leaseTTL) // another process is posting it
	}
	defer func() {
		if err := release(); err != nil {
			log.Warn("release digest lease", "err", err)
		}
	}()
	ctx = held
	// Read under the lease: another process may have posted it meanwhile.
	run, err := dg.store.DigestRun(ctx, d.GuildID, date)
	switch {
	case errors.Is(err, store.ErrNotFound):
		run, err = dg.start(ctx, d, date, now)
		if err != nil {
			log.Error("start digest", "err", err)
			return now.Add(time.Minute)
		}
		if run.Done() {
			log.Info("nothing new for the digest", "state", run.State)
			return time.Time{}
		}
	case err != nil:
		log.Error("read digest log", "err", err)
		return now.Add(time.Minute)
	case run.Done():
		return time.Time{}
	case run.NextAttempt.After(now):
		return run.NextAttempt
	}
	return dg.post(ctx, p, d, run, now, log)
}

// start fixes the window, the articles and the messages of a run and records
// it as "posting" before anything is sent; with nothing new it records
// "empty". The window starts where the last posted digest ended — for the
// first, 24 hours back, remembered so that a first digest that fails skips
// nothing — and reaches back at most maxWindow.
func (dg *Digests) start(ctx context.Context, d store.DigestSettings, date string, now time.Time) (store.DigestRun, error) {
	run := store.DigestRun{GuildID: d.GuildID, Date: date, State: store.DigestPosting,
		WindowStart: windowStart(d.WindowEnd, now), WindowEnd: now, Started: now}
	first := d.WindowEnd.IsZero()
	w, err := dg.collect(ctx, d.GuildID, run.WindowStart, run.WindowEnd)
	if err != nil {
		return run, err
	}
	run.Articles = w.articleIDs()
	if run.Messages, err = encodeMessages(dg.render(ctx, d.GuildID, w)); err != nil {
		return run, err
	}
	run.Stories = w.Stories()
	settings := func(s *store.DigestSettings) error {
		if first {
			s.WindowEnd = run.WindowStart
		}
		return nil
	}
	if len(run.Messages) == 0 {
		run.State, run.Finished = store.DigestEmpty, now
		dg.observe("empty")
		return run, dg.store.SaveDigestRun(ctx, run, func(s *store.DigestSettings) error {
			s.LastOutcome = "nothing new on " + date + ", nothing posted"
			return settings(s)
		})
	}
	return run, dg.store.SaveDigestRun(ctx, run, settings)
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// post sends the messages of a run that are not sent yet, recording each
// message's ID as it goes, and closes the run. The messages are the ones
// rendered when the run started.
func (dg *Digests) post(ctx context.Context, p Poster, d store.DigestSettings, run store.DigestRun, now time.Time, log *slog.Logger) time.Time {
	if len(run.Messages) == 0 && len(run.Articles) > 0 {
		// Started by a version that rendered on every attempt: render it once now.
		var err error
		if run.Messages, run.Stories, err = dg.renderArticles(ctx, run.GuildID, run.Articles); err == nil {
			err = dg.store.SaveDigestRun(ctx, run, nil)
		}
		if err != nil {
			log.Error("render digest", "err", err)
			return now.Add(time.Minute)
		}
	}
	msgs, err := decodeMessages(run.Messages)
	if err != nil {
		log.Error("read digest messages", "err", err)
		return now.Add(time.Minute)
	}
	for i := len(run.MessageIDs); i < len(msgs); i++ {
		id, err := p.Post(ctx, d.ChannelID, msgs[i], digestNonce(run.GuildID, run.Date, i))
		if err != nil {
			return dg.failed(ctx, d, run, now, err, log)
		}
		run.MessageIDs = append(run.MessageIDs, id)
		if err := dg.store.SaveDigestRun(ctx, run, nil); err != nil {
			log.Error("record digest progress", "err", err)
			return now.Add(time.Minute)
		}
	}
	run.State, run.Finished, run.LastError = store.DigestPosted, now, ""
	err = dg.store.SaveDigestRun(ctx, run, func(s *store.DigestSettings) error {
		s.WindowEnd, s.LastPosted = run.WindowEnd, now
		s.LastOutcome = fmt.Sprintf("posted %d stor%s in %d message%s on %s", run.Stories, reply.PluralY(run.Stories), len(msgs), reply.Plural(len(msgs)), run.Date)
		s.LastError = ""
		return nil
	})
	if err != nil {
		log.Error("record posted digest", "err", err)
		return now.Add(time.Minute)
	}
	dg.observe("posted")
	log.Info("digest posted", "stories", run.Stories, "articles", len(run.Articles), "messages", len(msgs))
	return time.Time{}
}

// digestFailed records a failed post: a permanent failure pauses the server's
// digest; anything else is retried with backoff.
func (dg *Digests) failed(ctx context.Context, d store.DigestSettings, run store.DigestRun, now time.Time, err error, log *slog.Logger) time.Time {
	if ctx.Err() != nil {
		return time.Time{} // shutting down: the run stays "posting" and resumes on start
	}
	run.Attempts++
	run.LastError = err.Error()
	if errors.Is(err, ErrCannotPost) {
		run.State, run.Finished = store.DigestFailed, now
		reason := fmt.Sprintf("the bot cannot post in <#%s> (%v)", d.ChannelID, err)
		if serr := dg.store.SaveDigestRun(ctx, run, func(s *store.DigestSettings) error {
			s.Paused, s.LastError, s.LastErrorAt = reason, err.Error(), now
			s.LastOutcome = "not posted on " + run.Date + ": paused"
			return nil
		}); serr != nil {
			log.Error("record paused digest", "err", serr)
		}
		dg.observe("failed")
		log.Warn("digest paused", "channel", d.ChannelID, "err", err)
		return time.Time{}
	}
	wait := backoff.Policy{First: firstRetry, Max: maxRetry}.Wait(run.Attempts)
	run.NextAttempt = now.Add(wait)
	if serr := dg.store.SaveDigestRun(ctx, run, func(s *store.DigestSettings) error {
		s.LastError, s.LastErrorAt = err.Error(), now
		return nil
	}); serr != nil {
		log.Error("record digest retry", "err", serr)
	}
	dg.observe("retry")
	log.Warn("digest post failed, will retry", "attempt", run.Attempts, "in", wait, "err", err)
	return run.NextAttempt
}

// renderArticles renders a digest of the given articles, each its own story,
// the default number of them summarized (a run the previous version started).
func (dg *Digests) renderArticles(ctx context.Context, guildID string, ids []uint64) ([]json.RawMessage, int, error) {
	w := Window{summarize: DefaultStories}
	for _, id := range ids {
		a, err := dg.store.Article(ctx, id)
		if err != nil {
			dg.log.Warn("digest article missing", "article", id, "err", err)
			continue
		}
		w.stories = append(w.stories, story{lead: a, joined: a.Added})
	}
	msgs, err := encodeMessages(dg.render(ctx, guildID, w))
	return msgs, len(w.stories), err
}

// encodeMessages and decodeMessages keep a digest's rendered messages in its
// run record.
func encodeMessages(msgs []reply.Reply) ([]json.RawMessage, error) {
	out := make([]json.RawMessage, 0, len(msgs))
	for _, m := range msgs {
		data, err := json.Marshal(m)
		if err != nil {
			return nil, fmt.Errorf("encode digest message: %w", err)
		}
		out = append(out, data)
	}
	return out, nil
}

func decodeMessages(raw []json.RawMessage) ([]reply.Reply, error) {
	out := make([]reply.Reply, 0, len(raw))
	for _, data := range raw {
		var m reply.Reply
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("decode digest message: %w", err)
		}
		out = append(out, m)
	}
	return out, nil
}

// digestNonce names message i of a digest; Discord takes nonces of up to 25
// characters.
func digestNonce(guildID, date string, i int) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "%s/%s/%d", guildID, date, i))
	return hex.EncodeToString(sum[:12])
}
