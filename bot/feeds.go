package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"newsbot/backoff"
	"newsbot/bot/ingest"
	"newsbot/bot/reply"
	"newsbot/store"
)

// Feed polling: every feed is polled on pollInterval with ±10% jitter, so that
// feeds added together do not poll together; a failing feed waits twice as long
// after each failure, up to maxPollWait.
const (
	pollInterval = 30 * time.Minute
	maxPollWait  = 12 * time.Hour
)

// feedsPerServer bounds one server's subscriptions.
const feedsPerServer = 50

func (b *Bot) feedAdd(ctx context.Context, req Request) reply.Reply {
	if b.fetcher == nil {
		return reply.Ephemeral("This bot does not fetch feeds.")
	}
	link := strings.TrimSpace(req.Options["url"])
	existing, err := b.store.Feeds(ctx, req.GuildID)
	if err != nil {
		return b.internalError("reading the feeds", err)
	}
	if len(existing) >= feedsPerServer {
		return reply.Ephemeral(fmt.Sprintf("This server follows %d feeds, the most it can. Remove one with /feed remove first.", feedsPerServer))
	}
	page, parsed, err := b.fetcher.Feed(ctx, link, "", "")
	if err != nil {
		return reply.Ephemeral(feedProblem(err))
	}
	title := parsed.Title
	if title == "" {
		title = page.URL.Host
	}
	f, err := b.store.AddFeed(ctx, store.Feed{GuildID: req.GuildID, URL: page.URL.String(), Title: title, Added: b.now()})
	resumed := false
	switch {
	case errors.Is(err, store.ErrDuplicate) && f.LastPolled.IsZero():
		// Followed before, but its first import never finished (the bot
		// stopped mid-way): finish it now. Items already taken are skipped.
		resumed = true
	case errors.Is(err, store.ErrDuplicate):
		return reply.Ephemeral(fmt.Sprintf("This server already follows “%s” (feed %d).", reply.Escape(f.Title), f.ID))
	case err != nil:
		return b.internalError("saving the feed", err)
	}
	// What the feed holds now is its back catalogue: it joins the archive and
	// search, not the digest, which is for what the feed brings from now on.
	added := b.takeItems(ctx, f, parsed.Items, false)
	f, err = b.store.UpdateFeed(ctx, f.ID, func(f *store.Feed) {
		f.ETag, f.LastModified, f.LastPolled = page.ETag, page.LastModified, b.now()
		f.NextPoll = nextPoll(b.now(), 0)
		f.Articles += added
	})
	if err != nil {
		return b.internalError("saving the feed", err)
	}
	what := "Following"
	if resumed {
		what = "Finished the first import of"
	}
	return reply.Ephemeral(fmt.Sprintf("%s “%s” (feed %d): %d article%s added to this server's archive now (not to the digest); new ones arrive about every %d minutes and go into the next digest.",
		what, reply.Escape(reply.Truncate(f.Title, 200)), f.ID, added, reply.Plural(added), int(pollInterval.Minutes())))
}

func (b *Bot) feedList(ctx context.Context, req Request) reply.Reply {
	feeds, err := b.store.Feeds(ctx, req.GuildID)
	if err != nil {
		return b.internalError("reading the feeds", err)
	}
	if len(feeds) == 0 {
		return reply.Ephemeral("This server follows no feeds. Add one with /feed add.")
	}
	e := reply.Embed{Title: fmt.Sprintf("Feeds (%d)", len(feeds))}
	now := b.now()
	for _, f := range feeds {
		status := "not polled yet"
		if !f.LastPolled.IsZero() {
			status = fmt.Sprintf("polled %s ago", since(now, f.LastPolled))
		}
		value := fmt.Sprintf("%s\n%d article%s · %s", f.URL, f.Articles, reply.Plural(f.Articles), status)
		if f.LastError != "" {
			value += fmt.Sprintf("\n⚠ %s (%s ago; %d failure%s in a row, next try %s)", f.LastError, since(now, f.LastErrorAt), f.Failures, reply.Plural(f.Failures), until(now, f.NextPoll))
		}
		e.Fields = append(e.Fields, reply.Field{Name: fmt.Sprintf("%d. %s", f.ID, reply.Escape(reply.OneLine(f.Title))), Value: value})
	}
	return reply.Reply{Ephemeral: true, Embeds: []reply.Embed{e}}
}

func (b *Bot) feedRemove(ctx context.Context, req Request) reply.Reply {
	id, err := strconv.ParseUint(strings.TrimSpace(strings.TrimPrefix(req.Options["feed"], "#")), 10, 64)
	if err != nil {
		return reply.Ephemeral("Pick the feed from the list, or give its number from /feed list.")
	}
	f, err := b.store.RemoveFeed(ctx, req.GuildID, id)
	if errors.Is(err, store.ErrNotFound) {
		return reply.Ephemeral(fmt.Sprintf("This server has no feed %d. /feed list shows the ones it has.", id))
	}
	if err != nil {
		return b.internalError("removing the feed", err)
	}
	return reply.Ephemeral(fmt.Sprintf("No longer following “%s”. The articles it brought stay in the archive.", reply.Escape(f.Title)))
}

// feedChoices offers a server's feeds for the feed option.
func (b *Bot) feedChoices(ctx context.Context, guildID, typed string) []Choice {
	feeds, err := b.store.Feeds(ctx, guildID)
	if err != nil {
		b.log.Warn("autocomplete feeds", "err", err)
		return nil
	}
	typed = strings.ToLower(strings.TrimSpace(typed))
	var out []Choice
	for _, f := range feeds {
		name := fmt.Sprintf("%d. %s", f.ID, reply.OneLine(f.Title))
		if typed == "" || strings.Contains(strings.ToLower(name+" "+f.URL), typed) {
			out = append(out, Choice{Name: reply.Truncate(name, MaxChoiceName), Value: strconv.FormatUint(f.ID, 10)})
		}
		if len(out) == MaxChoices {
			break
		}
	}
	return out
}

// RunFeeds polls every server's feeds when they are due, until ctx ends. It is
// the one feed loop of a bot.
func (b *Bot) RunFeeds(ctx context.Context) {
	if b.fetcher == nil {
		return
	}
	for {
		next := b.pollDue(ctx, time.Now())
		wait := min(max(time.Until(next), time.Second), pollInterval)
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case <-timer.C:
		}
	}
}

// pollDue polls the feeds that are due and returns when the next one is.
func (b *Bot) pollDue(ctx context.Context, now time.Time) time.Time {
	feeds, err := b.store.Feeds(ctx, "")
	if err != nil {
		b.log.Error("read feeds", "err", err)
		return now.Add(time.Minute)
	}
	next := now.Add(pollInterval)
	for _, f := range feeds {
		if ctx.Err() != nil {
			break
		}
		if f.NextPoll.After(now) {
			next = earlier(next, f.NextPoll)
			continue
		}
		next = earlier(next, b.pollShared(ctx, f, now))
	}
	return next
}

// pollShared polls a due feed unless another process sharing the archive is
// polling it or just has, and returns when to look at it next.
func (b *Bot) pollShared(ctx context.Context, f store.Feed, now time.Time) time.Time {
	held, release, mine, err := b.store.Hold(ctx, fmt.Sprint("feed/", f.ID), b.holder, b.leaseTTL)
	if err != nil {
		b.log.Error("take feed lease", "feed", f.ID, "err", err)
		return now.Add(time.Minute)
	}
	if !mine {
		return now.Add(b.leaseTTL)
	}
	defer func() {
		if err := release(); err != nil {
			b.log.Warn("release feed lease", "feed", f.ID, "err", err)
		}
	}()
	ctx = held
	// Read under the lease: another process may have polled it since the
	// list was read, or it may be gone.
	current, err := b.store.Feed(ctx, f.ID)
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) { // removed meanwhile: nothing to say
			b.log.Error("read feed", "feed", f.ID, "err", err)
		}
		return now.Add(pollInterval)
	}
	f = current
	if f.NextPoll.After(now) {
		return f.NextPoll
	}
	updated, err := b.pollFeed(ctx, f)
	if err != nil {
		return now.Add(pollInterval) // the feed's backoff is in its NextPoll
	}
	return updated.NextPoll
}

func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// pollFeed fetches one feed (conditionally) and archives its new items.
func (b *Bot) pollFeed(ctx context.Context, f store.Feed) (store.Feed, error) {
	log := b.log.With("part", "feeds", "feed", f.ID, "url", f.URL)
	page, parsed, err := b.fetcher.Feed(ctx, f.URL, f.ETag, f.LastModified)
	now := b.now()
	if err != nil {
		if ctx.Err() != nil {
			return f, err
		}
		updated, uerr := b.store.UpdateFeed(ctx, f.ID, func(f *store.Feed) {
			f.Failures++
			f.LastError, f.LastErrorAt, f.LastPolled = reply.Truncate(feedProblem(err), 300), now, now
			f.NextPoll = nextPoll(now, f.Failures)
		})
		if uerr == nil && updated.Failures == 1 {
			log.Warn("feed poll failed", "err", err) // once; /feed list shows the rest
		}
		return updated, err
	}
	added := 0
	if !page.NotModified {
		// Until a first import has finished (/feed add was cut short), what the
		// feed holds is its back catalogue, not news.
		added = b.takeItems(ctx, f, parsed.Items, !f.LastPolled.IsZero())
	}
	updated, err := b.store.UpdateFeed(ctx, f.ID, func(f *store.Feed) {
		if !page.NotModified {
			f.ETag, f.LastModified = page.ETag, page.LastModified
		}
		f.Failures, f.LastError, f.LastPolled = 0, "", now
		f.NextPoll = nextPoll(now, 0)
		f.Articles += added
	})
	if added > 0 {
		log.Info("feed brought new articles", "added", added)
	}
	return updated, err
}

// takeItems archives a feed's items that it has not had before in the feed's
// server, as news or quietly, fetching the full text of those the feed only
// teases, and returns how many were new to the server.
func (b *Bot) takeItems(ctx context.Context, f store.Feed, items []ingest.Item, news bool) int {
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = it.Key
	}
	seen, err := b.store.SeenItems(ctx, f.ID, keys)
	if err != nil {
		b.log.Error("read feed items", "feed", f.ID, "err", err)
		return 0
	}
	pages := b.readTeasers(ctx, items, seen)
	added := 0
	var done []string
	for i, it := range items {
		if seen[i] || ctx.Err() != nil {
			continue
		}
		a := it.Article
		if it.Teaser {
			full, err := pages[i].article, pages[i].err
			if errors.Is(err, errTeaserTime) {
				continue // the poll's time for teasers ran out: the next poll reads it
			}
			if err != nil {
				b.log.Info("feed item not read", "feed", f.ID, "url", a.URL, "err", err)
				if strings.TrimSpace(a.Text) == "" {
					done = append(done, it.Key) // nothing to archive; don't try forever
					continue
				}
			} else {
				full.URL = a.URL
				if a.Title != "" {
					full.Title = a.Title
				}
				if full.Published.IsZero() {
					full.Published = a.Published
				}
				a = full
			}
		}
		res, err := b.store.Add(ctx, store.Grant{Scope: f.GuildID, News: news}, a)
		if err != nil {
			b.log.Warn("archive feed item", "feed", f.ID, "err", err)
			continue
		}
		done = append(done, it.Key)
		if !res[0].Had {
			added++
		}
	}
	if err := b.store.MarkItems(ctx, f.ID, done); err != nil {
		b.log.Error("mark feed items", "feed", f.ID, "err", err)
	}
	return added
}

// Teaser pages are read a few at a time, and all of a poll's within a bound, so
// that a feed of slow links neither waits 20 s per item in turn nor holds the
// poll for long.
const (
	teaserReaders  = 4
	teaserDeadline = time.Minute
)

type teaserPage struct {
	article store.Article
	err     error
}

// errTeaserTime marks a teaser page not read because the poll's time for them
// ran out (or the poll ended).
var errTeaserTime = errors.New("no time left to read the teaser's page")

// readTeasers fetches the full pages of the unseen teaser items, concurrently.
func (b *Bot) readTeasers(ctx context.Context, items []ingest.Item, seen []bool) []teaserPage {
	out := make([]teaserPage, len(items))
	ctx, cancel := context.WithTimeout(ctx, teaserDeadline)
	defer cancel()
	slots := make(chan struct{}, teaserReaders)
	var wg sync.WaitGroup
	for i, it := range items {
		if seen[i] || !it.Teaser {
			continue
		}
		wg.Go(func() {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				out[i].err = errTeaserTime
				return
			}
			defer func() { <-slots }()
			out[i].article, out[i].err = b.fetcher.Link(ctx, it.Article.URL)
			if out[i].err != nil && ctx.Err() != nil {
				out[i].err = errTeaserTime
			}
		})
	}
	wg.Wait()
	return out
}

// nextPoll is when to poll again after failures failures in a row.
func nextPoll(now time.Time, failures int) time.Time {
	return now.Add(backoff.Policy{First: pollInterval, Max: maxPollWait, Jitter: 0.1}.Wait(failures + 1))
}

// feedProblem says what went wrong with a feed, in a user's words: the
// parser's reason (empty, broken XML at line N, a web page naming no feed) or
// the fetch's (no answer in time, a name that does not resolve, the server's
// status).
func feedProblem(err error) string {
	if errors.Is(err, ingest.ErrNotFeed) {
		msg := "That link is not an RSS, Atom or JSON feed"
		if reason := ingest.Reason(err); reason != "" {
			msg = "I couldn't follow that feed: " + reason
		}
		return msg + "."
	}
	return strings.Replace(linkProblem(err), "an article", "a feed", 1)
}
