package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"newsbot/store"
	"newsbot/summarize"
)

// digestPreview shows what a digest would post now: the articles added in the last
// 24 hours, newest first, each with a short summary.
func (b *Bot) digestPreview(ctx context.Context, req Request) Reply {
	since := b.now().Add(-24 * time.Hour)
	articles, err := b.store.AddedSince(ctx, since, 0)
	if err != nil {
		return b.internalError("reading the archive", err)
	}
	if len(articles) == 0 {
		return ephemeral("Nothing was added in the last 24 hours, so a digest now would not be posted.")
	}
	return Reply{Ephemeral: true, Embeds: b.digestEmbeds(ctx, articles)}
}

// digestEmbeds lays out a digest: one field per article, as many embeds as the
// fields need. Fit then keeps the whole within Discord's limits.
func (b *Bot) digestEmbeds(ctx context.Context, articles []store.Article) []Embed {
	var embeds []Embed
	for i, a := range articles {
		if i%MaxFields == 0 {
			embeds = append(embeds, Embed{})
		}
		e := &embeds[len(embeds)-1]
		e.Fields = append(e.Fields, Field{
			Name:  fmt.Sprintf("%s (ID %d)", a.Title, a.ID),
			Value: b.digestLine(ctx, a),
		})
	}
	embeds[0].Title = fmt.Sprintf("Digest: %d new article%s", len(articles), plural(len(articles)))
	return embeds
}

// digestLine is an article's entry in a digest: a short summary and its link.
func (b *Bot) digestLine(ctx context.Context, a store.Article) string {
	sum, err := b.sum.Summarize(ctx, summarize.NewDoc(a.Title, a.Text), summarize.Short)
	if err != nil {
		b.log.Warn("summarize for digest", "article", a.ID, "err", err)
	}
	line := strings.Join(sum.Sentences, " ")
	if a.URL != "" {
		line += "\n" + a.URL
	}
	return line
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
