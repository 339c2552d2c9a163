package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"newsbot/bot/ingest"
	"newsbot/bot/reply"
	"newsbot/store"
)

// ReadLinks lets the bot fetch articles from links (/add, the message command,
// a URL in the article option). Without it, links must already be archived.
func (b *Bot) ReadLinks(f *ingest.Fetcher) { b.fetcher = f }

// keep adds an article to the request's scope — as news in a server, for its
// digest — and returns it as stored, and whether the scope is new to it.
func (b *Bot) keep(ctx context.Context, req Request, a store.Article) (store.Article, bool, *reply.Reply) {
	a.ID, a.Hash, a.Added = 0, "", time.Time{}
	res, err := b.store.Add(ctx, store.Grant{Scope: req.scope(), News: req.inServer()}, a)
	if err != nil {
		r := b.internalError("saving the article", err)
		return store.Article{}, false, &r
	}
	stored, err := b.store.Article(ctx, res[0].ID)
	if err != nil {
		r := b.internalError("reading the archive", err)
		return store.Article{}, false, &r
	}
	if !res[0].Had {
		b.log.Info("article added from a link", "id", stored.ID, "url", stored.URL, "scope", req.scope(), "stored", !res[0].Duplicate)
	}
	return stored, !res[0].Had, nil
}

// linkProblem says what went wrong with a link, in a user's words.
func linkProblem(err error) string {
	switch {
	case errors.Is(err, ingest.ErrPrivateAddress):
		return "That link points to a private or local address, which I don't fetch."
	case errors.Is(err, ingest.ErrNotWeb):
		return "I can only read http and https links."
	case errors.Is(err, ingest.ErrLinkTooLong):
		return fmt.Sprintf("That link is longer than %d characters, so I didn't read it.", ingest.MaxLink)
	case errors.Is(err, ingest.ErrPageTooLarge):
		return fmt.Sprintf("That page is larger than %d MB, so I didn't read it.", ingest.MaxPage>>20)
	}
	msg := "I couldn't read an article at that link."
	if reason := ingest.Reason(err); reason != "" {
		msg += " (" + reason + ")"
	} else if _, detail, ok := strings.Cut(err.Error(), ingest.ErrUnreadable.Error()+": "); ok {
		msg += " (" + detail + ")"
	}
	return msg
}

func (b *Bot) add(ctx context.Context, req Request) reply.Reply {
	link := strings.TrimSpace(req.Options["url"])
	if b.fetcher == nil {
		return reply.Ephemeral("This bot does not fetch links.")
	}
	a, err := b.fetcher.Link(ctx, link)
	if err != nil {
		b.log.Info("link not read", "url", link, "err", err)
		return reply.Ephemeral(linkProblem(err))
	}
	a, added, fail := b.keep(ctx, req, a)
	if fail != nil {
		return *fail
	}
	what := "Added"
	if !added {
		what = "Already in the archive"
	}
	r := b.summaryReply(ctx, req, a, 0)
	r.Content = fmt.Sprintf("%s: “%s” (ID %d).", what, reply.Escape(reply.Truncate(reply.OneLine(a.Title), 200)), a.ID)
	r.Ephemeral = true
	return r
}
