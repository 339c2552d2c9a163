package bot

import (
	"context"
	"fmt"
	"newsbot/bot/reply"
	"strings"
	"unicode/utf8"
)

// maxQuery bounds a search query, in characters.
const maxQuery = 200

// searchResults is how many articles /search shows.
const searchResults = 5

func (b *Bot) search(ctx context.Context, req Request) reply.Reply {
	q := strings.TrimSpace(req.Options["query"])
	if utf8.RuneCountInString(q) > maxQuery {
		return reply.Ephemeral(fmt.Sprintf("Keep the search under %d characters.", maxQuery))
	}
	hits, err := b.store.Search(ctx, req.scope(), q, searchResults)
	if err != nil {
		return b.internalError("searching", err)
	}
	if len(hits) == 0 {
		return reply.Ephemeral(fmt.Sprintf("Nothing in the archive matches “%s”.", reply.Truncate(reply.OneLine(q), 100)))
	}
	e := reply.Embed{Title: fmt.Sprintf("Search: %s", reply.Escape(reply.OneLine(q)))}
	for _, h := range hits {
		a, err := b.store.Article(ctx, h.ID)
		if err != nil {
			b.log.Warn("search hit missing", "article", h.ID, "err", err)
			continue
		}
		snippet := ""
		doc := b.docs.doc(a)
		if best := doc.Rank(q, 1); len(best) > 0 {
			snippet = doc.Sentences[best[0]]
		} else if len(doc.Sentences) > 0 {
			snippet = doc.Sentences[0]
		}
		snippet = reply.WithLink(reply.Escape(snippet), a.URL, reply.MaxFieldValue)
		e.Fields = append(e.Fields, reply.Field{Name: fmt.Sprintf("%s (ID %d) · %s", reply.Escape(reply.OneLine(a.Title)), a.ID, footerDate(a)), Value: snippet})
	}
	e.Footer = "Use the ID with /summarize or /ask."
	return reply.Reply{Embeds: []reply.Embed{e}}
}
