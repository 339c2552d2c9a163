package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"newsbot/bot/ingest"
	"newsbot/store"
)

// ReadLinks lets the bot fetch articles from links (/add, the message command,
// a URL in the article option). Without it, links must already be archived.
func (b *Bot) ReadLinks(f *ingest.Fetcher) { b.fetcher = f }

// fetchArticle reads the article at a link and archives it, or finds it when
// it is there already (under its canonical URL, or with the same text).
func (b *Bot) fetchArticle(ctx context.Context, link string) (store.Article, bool, *Reply) {
	a, err := b.fetcher.Link(ctx, link)
	if err != nil {
		b.log.Info("link not read", "url", link, "err", err)
		r := ephemeral(linkProblem(err))
		return store.Article{}, false, &r
	}
	res, err := b.store.Add(ctx, a)
	if err != nil {
		r := b.internalError("saving the article", err)
		return store.Article{}, false, &r
	}
	stored, err := b.store.Article(ctx, res[0].ID)
	if err != nil {
		r := b.internalError("reading the archive", err)
		return store.Article{}, false, &r
	}
	if !res[0].Duplicate {
		b.log.Info("article added from a link", "id", stored.ID, "url", stored.URL)
	}
	return stored, !res[0].Duplicate, nil
}

// linkProblem says what went wrong with a link, in a user's words.
func linkProblem(err error) string {
	switch {
	case errors.Is(err, ingest.ErrPrivateAddress):
		return "That link points to a private or local address, which I don't fetch."
	case errors.Is(err, ingest.ErrNotWeb):
		return "I can only read http and https links."
	case errors.Is(err, ingest.ErrPageTooLarge):
		return fmt.Sprintf("That page is larger than %d MB, so I didn't read it.", ingest.MaxPage>>20)
	}
	msg := "I couldn't read an article at that link."
	if _, detail, ok := strings.Cut(err.Error(), ingest.ErrUnreadable.Error()+": "); ok {
		msg += " (" + detail + ")"
	}
	return msg
}

func (b *Bot) add(ctx context.Context, req Request) Reply {
	link := strings.TrimSpace(req.Options["url"])
	if b.fetcher == nil {
		return ephemeral("This bot does not fetch links.")
	}
	a, added, fail := b.fetchArticle(ctx, link)
	if fail != nil {
		return *fail
	}
	what := "Added"
	if !added {
		what = "Already in the archive"
	}
	r := b.summaryReply(ctx, req, a, 0)
	r.Content = fmt.Sprintf("%s: “%s” (ID %d).", what, truncate(oneLine(a.Title), 200), a.ID)
	r.Ephemeral = true
	return r
}
