package bot

import (
	"context"
	"fmt"
	"newsbot/bot/reply"
	"regexp"
	"runtime/debug"
	"strings"
)

// Discord's limits on autocomplete.
const (
	MaxChoices    = 25
	MaxChoiceName = 100
)

// Choice is one autocomplete suggestion: Name is shown, Value is sent back.
type Choice struct {
	Name, Value string
}

// Autocomplete suggests values for the option a user is typing. For an article
// option it offers the titles matching what was typed (the newest articles when
// nothing is typed yet), with their IDs as values. Other options get nothing.
func (b *Bot) Autocomplete(ctx context.Context, req Request, option, typed string) (choices []Choice) {
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("autocomplete", "err", fmt.Errorf("panic: %v\n%s", p, debug.Stack()))
			choices = nil
		}
	}()
	cmd, ok := Lookup(req.Command)
	if !ok {
		return nil
	}
	o := cmd.Option(option)
	if o == nil || !o.Autocomplete || cmd.Admin && (!req.inServer() || !req.CanManage) {
		return nil // an admin command's choices (a server's feeds) are for its admins
	}
	switch o.Name {
	case "timezone":
		return zoneChoices(typed)
	case "feed":
		return b.feedChoices(ctx, req.GuildID, typed)
	}
	matches, err := b.store.FindTitles(ctx, req.scope(), typed, MaxChoices)
	if err == nil && len(matches) == 0 && strings.TrimSpace(typed) == "" {
		matches, err = b.store.Suggest(ctx, req.scope(), "", MaxChoices)
	}
	if err != nil {
		b.log.Warn("autocomplete", "err", err)
		return nil
	}
	choices = make([]Choice, 0, len(matches))
	for _, m := range matches {
		name := reply.Truncate(reply.OneLine(fmt.Sprintf("%s (ID %d)", m.Title, m.ID)), MaxChoiceName)
		choices = append(choices, Choice{Name: name, Value: fmt.Sprint(m.ID)})
	}
	return choices
}

var linkRE = regexp.MustCompile(`https?://[^\s<>"'` + "`" + `]+`)

// FirstLink returns the first http(s) link in a message, without trailing
// punctuation or the markdown around it (**bold**, ||spoiler||, _italics_,
// ~~strike~~), or "".
func FirstLink(message string) string {
	link := linkRE.FindString(message)
	return strings.TrimRight(link, ".,;:!?)]}>*_~|")
}

// zoneChoices offers the time zones whose names contain what was typed (spaces
// match underscores), those that start with it first.
func zoneChoices(typed string) []Choice {
	q := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(typed), " ", "_"))
	var first, rest []Choice
	for _, z := range strings.Fields(zoneNames) {
		l := strings.ToLower(z)
		_, city, _ := strings.Cut(l, "/")
		switch {
		case strings.HasPrefix(l, q) || strings.HasPrefix(city, q):
			first = append(first, Choice{Name: z, Value: z})
		case strings.Contains(l, q):
			rest = append(rest, Choice{Name: z, Value: z})
		}
	}
	out := append(first, rest...)
	if len(out) > MaxChoices {
		out = out[:MaxChoices]
	}
	return out
}
