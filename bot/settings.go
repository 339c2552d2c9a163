package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"newsbot/bot/digest"
	"newsbot/bot/reply"
	"newsbot/store"
)

// settings shows a server's settings, changing those the request names first.
func (b *Bot) settings(ctx context.Context, req Request) reply.Reply {
	var change []func(*store.Settings)
	for name, value := range req.Options {
		value = strings.ToLower(strings.TrimSpace(value))
		switch name {
		case "members_add", "digest_library":
			if value != "yes" && value != "no" {
				return reply.Ephemeral(fmt.Sprintf("%s takes yes or no.", name))
			}
			on := value == "yes"
			if name == "members_add" {
				change = append(change, func(s *store.Settings) { s.MembersAdd = on })
			} else {
				change = append(change, func(s *store.Settings) { s.DigestLibrary = on })
			}
		case "digest_stories":
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 || n > digest.MaxStories {
				return reply.Ephemeral(fmt.Sprintf("digest_stories takes a number from 1 to %d.", digest.MaxStories))
			}
			change = append(change, func(s *store.Settings) { s.DigestStories = n })
		}
	}
	var s store.Settings
	var err error
	if len(change) > 0 {
		s, err = b.store.UpdateSettings(ctx, req.GuildID, func(s *store.Settings) {
			for _, c := range change {
				c(s)
			}
		})
	} else {
		s, err = b.store.Settings(ctx, req.GuildID)
	}
	if err != nil {
		return b.internalError("saving the settings", err)
	}
	members := "summarized for whoever asked, but not kept: only admins' links join the archive and the digest"
	if s.MembersAdd {
		members = "join this server's archive and its next digest"
	}
	stories := s.DigestStories
	if stories == 0 {
		stories = digest.DefaultStories
	}
	library := "not in the digest (they are in the archive and /search)"
	if s.DigestLibrary {
		library = "in the digest, like this server's own"
	}
	title := "Settings"
	if len(change) > 0 {
		title = "Settings saved"
	}
	return reply.Reply{Ephemeral: true, Embeds: []reply.Embed{{
		Title: title,
		Fields: []reply.Field{
			{Name: "Links members summarize (members_add)", Value: members},
			{Name: "Stories the digest summarizes (digest_stories)", Value: fmt.Sprintf("%d; more are listed by title, in at most %d messages", stories, digest.MaxMessages)},
			{Name: "The operator's new library articles (digest_library)", Value: library},
		},
		Footer: "Change one with /settings and the option, like /settings members_add:yes",
	}}}
}
