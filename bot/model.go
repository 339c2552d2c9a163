package bot

import (
	"context"
	"fmt"
	"log/slog"

	"newsbot/store"
	"newsbot/summarize"
)

// ModelCache keeps model summaries in the archive, so that the second /summarize
// of an article, and the digest, cost no tokens.
func ModelCache(st *store.Store, log *slog.Logger) summarize.Cache {
	return modelCache{st, log.With("component", "model-cache")}
}

type modelCache struct {
	st  *store.Store
	log *slog.Logger
}

func (c modelCache) Get(ctx context.Context, key string) (string, bool) {
	v, ok, err := c.st.CachedOutput(ctx, key)
	if err != nil {
		c.log.Warn("read", "err", err)
	}
	return v, ok
}

func (c modelCache) Put(ctx context.Context, key, value string) {
	if err := c.st.CacheOutput(ctx, key, value); err != nil {
		c.log.Warn("write", "err", err)
	}
}

// LimitTokens sets each server's daily model budget in tokens; zero means no
// limit. A server over its budget gets extractive replies until the next day
// (UTC). Call it before the bot serves.
func (b *Bot) LimitTokens(perDay int) { b.tokensPerDay = perDay }

func (b *Bot) today() string { return b.now().UTC().Format("2006-01-02") }

// modelCall decides whether a request may use the model today.
func (b *Bot) modelCall(ctx context.Context, scope string) summarize.Call {
	if !b.sum.UsesModel() || b.tokensPerDay <= 0 {
		return summarize.Call{}
	}
	used, err := b.store.Tokens(ctx, scope, b.today())
	if err != nil {
		b.log.Warn("read model usage", "err", err)
		return summarize.Call{}
	}
	return summarize.Call{Extractive: used >= b.tokensPerDay}
}

// spend records the tokens a model call used.
func (b *Bot) spend(ctx context.Context, scope string, tokens int) {
	if tokens <= 0 {
		return
	}
	if _, err := b.store.AddTokens(ctx, scope, b.today(), tokens); err != nil {
		b.log.Warn("record model usage", "err", err)
	}
}

// usageLine tells a server how the model is used, for /help and /digest status.
func (b *Bot) usageLine(ctx context.Context, scope string) string {
	if !b.sum.UsesModel() {
		return "Summaries and answers are extractive: sentences picked from the article (no model is configured)."
	}
	used, _ := b.store.Tokens(ctx, scope, b.today())
	line := fmt.Sprintf("Model: %s. Tokens used here today: %d", b.sum.ModelName(), used)
	if b.tokensPerDay > 0 {
		line += fmt.Sprintf(" of %d", b.tokensPerDay)
		if used >= b.tokensPerDay {
			line += " — over budget, so replies are extractive until tomorrow (UTC)"
		}
	}
	return line + "."
}

// withBudgetNote explains an extractive reply made because of the budget.
func withBudgetNote(method string, c summarize.Call) string {
	if c.Extractive {
		return method + " (daily model budget reached)"
	}
	return method
}
