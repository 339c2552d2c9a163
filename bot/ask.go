package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"newsbot/summarize"
)

func (b *Bot) ask(ctx context.Context, req Request) Reply {
	question := strings.TrimSpace(req.Options["question"])
	a, fail := b.resolve(ctx, req.Options["article"])
	if fail != nil {
		return *fail
	}
	ans, err := b.sum.Answer(ctx, b.docs.doc(a), question)
	switch {
	case errors.Is(err, summarize.ErrQuestionTooLong):
		return ephemeral(fmt.Sprintf("That question is too long: keep it under %d characters.", summarize.MaxQuestion))
	case errors.Is(err, summarize.ErrEmptyQuestion):
		return ephemeral("Ask a question with some words in it.")
	case err != nil:
		return b.internalError("answering", err)
	}
	var body strings.Builder
	fmt.Fprintf(&body, "**Q: %s**\n", oneLine(question))
	if ans.Answerable {
		for _, s := range ans.Evidence {
			body.WriteString("> " + s + "\n")
		}
	} else {
		body.WriteString(ans.Text())
	}
	footer := fmt.Sprintf("ID %d · quoted from the article · extractive answer", a.ID)
	if !ans.Answerable {
		footer = fmt.Sprintf("ID %d · searched the whole article", a.ID)
	}
	return Reply{Embeds: []Embed{{
		Title:       a.Title,
		URL:         a.URL,
		Description: strings.TrimSpace(body.String()),
		Footer:      footer,
	}}}
}
