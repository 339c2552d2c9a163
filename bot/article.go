package bot

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"newsbot/bot/ingest"
	"newsbot/bot/reply"
	"newsbot/store"
)

// resolve finds the article an `article` option names, among those the
// request's scope sees: an ID, a URL, or words of its title (the best match).
// When nothing matches it returns a reply that names the closest titles. A link
// the scope does not have yet is read and, when the request may add to the
// archive, kept there; otherwise the article comes back with ID 0, for this
// reply only.
func (b *Bot) resolve(ctx context.Context, req Request, ref string) (store.Article, *reply.Reply) {
	ref = strings.TrimSpace(ref)
	scope := req.scope()
	if id, err := strconv.ParseUint(strings.TrimPrefix(ref, "#"), 10, 64); err == nil {
		a, err := b.visibleArticle(ctx, scope, id)
		if err == nil {
			return a, nil
		}
		if !errors.Is(err, store.ErrNotFound) {
			r := b.internalError("reading the archive", err)
			return store.Article{}, &r
		}
		// A number may still be part of a title ("2003").
	}
	if strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "https://") {
		return b.linkArticle(ctx, req, ref)
	}
	matches, err := b.store.FindTitles(ctx, scope, ref, 1)
	if err != nil {
		r := b.internalError("searching titles", err)
		return store.Article{}, &r
	}
	if len(matches) > 0 && matches[0].Complete() {
		a, err := b.store.Article(ctx, matches[0].ID)
		if err != nil {
			r := b.internalError("reading the archive", err)
			return store.Article{}, &r
		}
		return a, nil
	}
	r := b.noMatch(ctx, scope, ref)
	return store.Article{}, &r
}

// visibleArticle reads the article with an ID when scope sees it; one it does
// not see is ErrNotFound, as one that does not exist.
func (b *Bot) visibleArticle(ctx context.Context, scope string, id uint64) (store.Article, error) {
	visible, err := b.store.Visible(ctx, scope, id)
	if err != nil {
		return store.Article{}, err
	}
	if !visible {
		return store.Article{}, store.ErrNotFound
	}
	return b.store.Article(ctx, id)
}

// linkArticle finds the article at a link: in the scope when it has it, else
// read (from the archive's copy when another scope brought it in, from the web
// otherwise) and kept in the scope when the request may add.
func (b *Bot) linkArticle(ctx context.Context, req Request, link string) (store.Article, *reply.Reply) {
	var found store.Article
	for _, key := range urlKeys(link) {
		a, err := b.store.ArticleByURL(ctx, key)
		if err == nil {
			found = a
			break
		}
		if !errors.Is(err, store.ErrNotFound) {
			r := b.internalError("reading the archive", err)
			return store.Article{}, &r
		}
	}
	if found.ID != 0 {
		visible, err := b.store.Visible(ctx, req.scope(), found.ID)
		if err != nil {
			r := b.internalError("reading the archive", err)
			return store.Article{}, &r
		}
		if visible {
			return found, nil
		}
	}
	if found.ID == 0 {
		if b.fetcher == nil {
			r := reply.Ephemeral(fmt.Sprintf("No article from %s is in the archive.", reply.Truncate(link, 200)))
			return store.Article{}, &r
		}
		a, err := b.fetcher.Link(ctx, link)
		if err != nil {
			b.log.Info("link not read", "url", link, "err", err)
			r := reply.Ephemeral(linkProblem(err))
			return store.Article{}, &r
		}
		found = a
	}
	keep, err := b.mayAdd(ctx, req)
	if err != nil {
		r := b.internalError("reading the server's settings", err)
		return store.Article{}, &r
	}
	if !keep {
		found.ID = 0 // the doc cache keys it by its hash
		if found.Hash == "" {
			found.Hash = store.ContentHash(found.Text)
		}
		if found.Added.IsZero() {
			found.Added = b.now()
		}
		return found, nil
	}
	a, _, fail := b.keep(ctx, req, found)
	return a, fail
}

// mayAdd reports whether the links a request summarizes join its scope: always
// in a user's own scope, in a server for its admins, and for members when the
// server allows it.
func (b *Bot) mayAdd(ctx context.Context, req Request) (bool, error) {
	if !req.inServer() || req.CanManage {
		return true, nil
	}
	s, err := b.store.Settings(ctx, req.GuildID)
	return s.MembersAdd, err
}

// noMatch tells the user nothing matched ref and names up to three titles in
// scope that come close.
func (b *Bot) noMatch(ctx context.Context, scope, ref string) reply.Reply {
	msg := fmt.Sprintf("No article matches “%s”.", reply.Escape(reply.Truncate(reply.OneLine(ref), 100)))
	near, err := b.store.Suggest(ctx, scope, ref, 3)
	if err != nil {
		b.log.Warn("suggest titles", "err", err)
	}
	if len(near) > 0 {
		names := make([]string, len(near))
		for i, m := range near {
			names[i] = fmt.Sprintf("“%s” (ID %d)", reply.Escape(reply.Truncate(m.Title, 100)), m.ID)
		}
		msg += " Did you mean " + strings.Join(names, ", ") + "?"
	} else {
		msg += " The archive is empty."
	}
	return reply.Ephemeral(msg)
}

// urlKeys are the forms a link may be archived under: as given, and canonical.
func urlKeys(ref string) []string {
	keys := []string{ref}
	if u, err := url.Parse(ref); err == nil {
		if c := ingest.CanonicalURL(u); c != ref {
			keys = append(keys, c)
		}
	}
	return keys
}

// idLabel names an article in a footer: its ID, or that it was read for this
// reply only.
func idLabel(a store.Article) string {
	if a.ID == 0 {
		return "not archived here"
	}
	return fmt.Sprintf("ID %d", a.ID)
}

// footerDate formats an article's date for a footer: the published date, else
// the day it was added.
func footerDate(a store.Article) string {
	if !a.Published.IsZero() {
		return a.Published.Format("January 2, 2006")
	}
	return "added " + a.Added.Format("January 2, 2006")
}
