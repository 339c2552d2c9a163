package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"newsbot/bot/reply"
	"newsbot/summarize"
)

func (b *Bot) ask(ctx context.Context, req Request) reply.Reply {
	question := strings.TrimSpace(req.Options["question"])
	a, fail := b.resolve(ctx, req, req.Options["article"])
	if fail != nil {
		return *fail
	}
	scope := req.scope()
	call := b.modelCall(ctx, scope)
	ans, err := b.sum.Answer(ctx, b.docs.doc(a), question, call)
	b.spend(ctx, scope, ans.Tokens)
	switch {
	case errors.Is(err, summarize.ErrQuestionTooLong):
		return reply.Ephemeral(fmt.Sprintf("That question is too long: keep it under %d characters.", summarize.MaxQuestion))
	case errors.Is(err, summarize.ErrEmptyQuestion):
		return reply.Ephemeral("Ask a question with some words in it.")
	case err != nil:
		return b.internalError("answering", err)
	}
	var body strings.Builder
	fmt.Fprintf(&body, "**Q: %s**\n", reply.Escape(reply.OneLine(question)))
	if ans.Answerable {
		if ans.Reply != "" {
			body.WriteString(reply.Escape(ans.Reply) + "\n")
		}
		for _, s := range ans.Evidence {
			body.WriteString("> " + reply.Escape(s) + "\n")
		}
	} else {
		body.WriteString(reply.Escape(ans.Text()))
	}
	method := withBudgetNote(ans.Method, call)
	footer := fmt.Sprintf("%s · quoted from the article · %s", idLabel(a), method)
	if !ans.Answerable {
		footer = fmt.Sprintf("%s · searched the whole article · %s", idLabel(a), method)
	}
	return reply.Reply{Embeds: []reply.Embed{{
		Title:       reply.Escape(a.Title),
		URL:         a.URL,
		Description: strings.TrimSpace(body.String()),
		Footer:      footer,
	}}}
}
