package bot

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"newsbot/bot/ingest"
	"newsbot/store"
)

// resolve finds the article an `article` option names: an ID, a URL, or words of
// its title (the best match). When nothing matches it returns a reply that names
// the closest titles.
func (b *Bot) resolve(ctx context.Context, ref string) (store.Article, *Reply) {
	ref = strings.TrimSpace(ref)
	if id, err := strconv.ParseUint(strings.TrimPrefix(ref, "#"), 10, 64); err == nil {
		a, err := b.store.Article(ctx, id)
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
		for _, key := range urlKeys(ref) {
			a, err := b.store.ArticleByURL(ctx, key)
			if err == nil {
				return a, nil
			}
			if !errors.Is(err, store.ErrNotFound) {
				r := b.internalError("reading the archive", err)
				return store.Article{}, &r
			}
		}
		if b.fetcher == nil {
			r := ephemeral(fmt.Sprintf("No article from %s is in the archive.", ref))
			return store.Article{}, &r
		}
		a, _, fail := b.fetchArticle(ctx, ref)
		return a, fail
	}
	matches, err := b.store.FindTitles(ctx, ref, 1)
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
	r := b.noMatch(ctx, ref)
	return store.Article{}, &r
}

// noMatch tells the user nothing matched ref and names up to three titles that
// come close.
func (b *Bot) noMatch(ctx context.Context, ref string) Reply {
	msg := fmt.Sprintf("No article matches “%s”.", truncate(oneLine(ref), 100))
	near, err := b.store.Suggest(ctx, ref, 3)
	if err != nil {
		b.log.Warn("suggest titles", "err", err)
	}
	if len(near) > 0 {
		names := make([]string, len(near))
		for i, m := range near {
			names[i] = fmt.Sprintf("“%s” (ID %d)", truncate(m.Title, 100), m.ID)
		}
		msg += " Did you mean " + strings.Join(names, ", ") + "?"
	} else {
		msg += " The archive is empty."
	}
	return ephemeral(msg)
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

// footerDate formats an article's date for a footer: the published date, else
// the day it was added.
func footerDate(a store.Article) string {
	if !a.Published.IsZero() {
		return a.Published.Format("January 2, 2006")
	}
	return "added " + a.Added.Format("January 2, 2006")
}
