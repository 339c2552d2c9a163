package bot

import (
	"context"
	"newsbot/bot/reply"
	"strings"
)

func (b *Bot) help(ctx context.Context, req Request) reply.Reply {
	var fields []reply.Field
	for _, c := range Commands() {
		desc := c.Description
		if c.Admin {
			desc += " (Manage Server)"
		}
		fields = append(fields, reply.Field{Name: c.Usage(), Value: desc})
	}
	return reply.Reply{Ephemeral: true, Embeds: []reply.Embed{{
		Title: "newsbot",
		Description: strings.Join([]string{
			"I keep an archive of news articles, summarize them, and answer questions from an article's own text.",
			"Answers quote the sentences they rely on; when an article doesn't cover a question, I say so.",
			"The `article` option takes an article's ID, words from its title, or its URL.",
			b.usageLine(ctx, req.scope()),
		}, "\n"),
		Fields: fields,
	}}}
}
