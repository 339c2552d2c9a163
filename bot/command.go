package bot

import (
	"context"
	"strings"

	"newsbot/bot/reply"
	"newsbot/summarize"
)

// Command declares one command: what it is called, what it takes and who may use
// it. The table is read by Handle, /help, the console parser and the Discord
// command registration.
type Command struct {
	// Name is the full name without the slash; a space separates a subcommand
	// ("digest preview").
	Name        string
	Description string
	Options     []Option
	// Admin commands need the Manage Server permission and a server.
	Admin bool
	run   func(b *Bot, ctx context.Context, req Request) reply.Reply
}

// OptionKind is what an option's value is; every value arrives as a string.
type OptionKind int

// The option kinds.
const (
	KindString  OptionKind = iota
	KindChannel            // a text channel's ID
)

// Option declares one option of a command. Values arrive as strings.
type Option struct {
	Kind         OptionKind
	Name         string
	Description  string
	Required     bool
	Choices      []string
	Autocomplete bool
	// Hint is the placeholder shown in usage lines.
	Hint string
	// MaxLength, when set, is the longest value Discord lets a user type.
	MaxLength int
}

// Commands returns the commands the bot offers, in the order /help lists them.
func Commands() []Command {
	article := Option{Name: "article", Description: "Article ID, part of its title, or its URL", Required: true, Autocomplete: true, Hint: "<ID or title>"}
	return []Command{
		{
			Name:        "summarize",
			Description: "Summarize an article from the archive",
			Options: []Option{article, {
				Name: "length", Description: "How long a summary (default medium)", Choices: []string{"short", "medium", "long"},
			}},
			run: (*Bot).summarize,
		},
		{
			Name:        "ask",
			Description: "Ask a question; the answer quotes the article",
			Options: []Option{article, {
				Name: "question", Description: "Your question about the article", Required: true, Hint: "<question>",
				MaxLength: summarize.MaxQuestion,
			}},
			run: (*Bot).ask,
		},
		{
			Name:        "search",
			Description: "Find articles in the archive",
			Options:     []Option{{Name: "query", Description: "Words to look for", Required: true, Hint: "<words>", MaxLength: maxQuery}},
			run:         (*Bot).search,
		},
		{
			Name:        "digest set",
			Description: "Post a daily digest of new articles in a channel",
			Admin:       true,
			Options: []Option{
				{Kind: KindChannel, Name: "channel", Description: "The channel to post in", Required: true, Hint: "<#channel>"},
				{Name: "time", Description: "Time of day, 24-hour HH:MM", Required: true, Hint: "<HH:MM>", MaxLength: 5},
				{Name: "timezone", Description: "Time zone, like Europe/Berlin (default UTC)", Autocomplete: true, Hint: "<zone>"},
			},
			run: (*Bot).digestSet,
		},
		{
			Name:        "digest off",
			Description: "Stop posting the daily digest",
			Admin:       true,
			run:         (*Bot).digestOff,
		},
		{
			Name:        "digest status",
			Description: "Where and when the digest posts, and how the last one went",
			Admin:       true,
			run:         (*Bot).digestStatus,
		},
		{
			Name:        "digest preview",
			Description: "Show what the next digest would hold if it were posted now",
			Admin:       true,
			run:         (*Bot).digestPreview,
		},
		{
			Name:        "add",
			Description: "Add the article at a link to the archive",
			Admin:       true,
			Options:     []Option{{Name: "url", Description: "Link to the article", Required: true, Hint: "<link>"}},
			run:         (*Bot).add,
		},
		{
			Name:        "feed add",
			Description: "Follow an RSS, Atom or JSON feed: its articles join the archive",
			Admin:       true,
			Options:     []Option{{Name: "url", Description: "Link to the feed, or to a page that announces one", Required: true, Hint: "<link>"}},
			run:         (*Bot).feedAdd,
		},
		{
			Name:        "feed list",
			Description: "The feeds this server follows, and how polling them goes",
			Admin:       true,
			run:         (*Bot).feedList,
		},
		{
			Name:        "feed remove",
			Description: "Stop following a feed",
			Admin:       true,
			Options:     []Option{{Name: "feed", Description: "The feed to stop following", Required: true, Autocomplete: true, Hint: "<feed number>"}},
			run:         (*Bot).feedRemove,
		},
		{
			Name:        "settings",
			Description: "What joins this server's archive, and how long its digest is",
			Admin:       true,
			Options: []Option{
				{Name: "members_add", Description: "Let links members summarize join the archive and digest (default no)", Choices: []string{"yes", "no"}},
				{Name: "digest_stories", Description: "Stories the digest summarizes, 1 to 25 (default 10)", Hint: "<1-25>", MaxLength: 2},
				{Name: "digest_library", Description: "Put the bot operator's new library articles in the digest (default no)", Choices: []string{"yes", "no"}},
			},
			run: (*Bot).settings,
		},
		{
			Name:        "help",
			Description: "What this bot does and how to use it",
			run:         (*Bot).help,
		},
	}
}

// Lookup returns the command a name names ("digest preview", "/Digest  Preview").
func Lookup(name string) (Command, bool) {
	name = strings.Join(strings.Fields(strings.ToLower(strings.TrimPrefix(name, "/"))), " ")
	for _, c := range Commands() {
		if c.Name == name {
			return c, true
		}
	}
	return Command{}, false
}

// Option returns the command's option of that name, or nil.
func (c Command) Option(name string) *Option {
	for i := range c.Options {
		if c.Options[i].Name == name {
			return &c.Options[i]
		}
	}
	return nil
}

// Usage returns the command as a user would type it, with placeholders.
func (c Command) Usage() string {
	var b strings.Builder
	b.WriteString("/" + c.Name)
	for _, o := range c.Options {
		placeholder := o.Name + ":" + o.Hint
		if len(o.Choices) > 0 {
			placeholder = o.Name + ":" + strings.Join(o.Choices, "|")
		}
		if !o.Required {
			placeholder = "[" + placeholder + "]"
		}
		b.WriteString(" " + placeholder)
	}
	return b.String()
}
