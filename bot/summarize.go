package bot

import (
	"context"
	"fmt"
	"strings"

	"newsbot/bot/reply"
	"newsbot/store"
	"newsbot/summarize"
)

func (b *Bot) summarize(ctx context.Context, req Request) reply.Reply {
	length, err := summarize.ParseLength(req.Options["length"])
	if err != nil {
		return reply.Ephemeral("Length must be short, medium or long.")
	}
	a, fail := b.resolve(ctx, req, req.Options["article"])
	if fail != nil {
		return *fail
	}
	return b.summaryReply(ctx, req, a, length)
}

// summaryReply is an article's summary as an embed; a zero length is the default.
func (b *Bot) summaryReply(ctx context.Context, req Request, a store.Article, length summarize.Length) reply.Reply {
	if length == 0 {
		length = summarize.Medium
	}
	doc := b.docs.doc(a)
	scope := req.scope()
	call := b.modelCall(ctx, scope)
	sum, err := b.sum.Summarize(ctx, doc, length, call)
	b.spend(ctx, scope, sum.Tokens)
	if err != nil {
		return b.internalError("summarizing", err)
	}
	if len(sum.Sentences) == 0 {
		return reply.Ephemeral(fmt.Sprintf("Article %d has no text to summarize.", a.ID))
	}
	return reply.Reply{Embeds: []reply.Embed{{
		Title:       reply.Escape(a.Title),
		URL:         a.URL,
		Description: formatSummary(sum.Sentences, length),
		Footer:      fmt.Sprintf("%s · %s · %s", idLabel(a), footerDate(a), withBudgetNote(sum.Method, call)),
	}}}
}

// formatSummary writes a short summary as one paragraph and longer ones as
// bullets, which read better in a chat window.
func formatSummary(sentences []string, length summarize.Length) string {
	escaped := make([]string, len(sentences))
	for i, s := range sentences {
		escaped[i] = reply.Escape(s)
	}
	if length == summarize.Short {
		return strings.Join(escaped, " ")
	}
	return "• " + strings.Join(escaped, "\n• ")
}
