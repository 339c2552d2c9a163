package bot

import (
	"newsbot/store"
	"strings"
	"testing"
)

func TestDigestSetChecksChannelPermissions(t *testing.T) {
	b, _ := newBot(t)
	set := func(channel string, perms int64) string {
		return text(b.Handle(t.Context(), Request{Command: "digest set", GuildID: "g", CanManage: true,
			ChannelID: "700", AppPermissions: perms, HasAppPermissions: true,
			Options: map[string]string{"channel": channel, "time": "08:00"}}))
	}
	if got := set("700", permSendMessages); !strings.Contains(got, "I lack View Channel, Embed Links there") {
		t.Errorf("/digest set here without View Channel and Embed Links = %s", got)
	}
	if got := set("700", permViewChannel|permSendMessages|permEmbedLinks); !strings.Contains(got, "Daily digest set") {
		t.Errorf("/digest set here with the permissions = %s", got)
	}
	if got := set("800", 0); !strings.Contains(got, "Daily digest set") {
		t.Errorf("/digest set in another channel (its permissions unknown) = %s", got)
	}
}

func TestSettingsCommand(t *testing.T) {
	b, st := newBot(t)
	admin := Request{Command: "settings", GuildID: "g", CanManage: true}
	if got := text(b.Handle(t.Context(), admin)); !strings.Contains(got, "only admins' links join") || !strings.Contains(got, "10; more are listed") {
		t.Errorf("/settings = %s", got)
	}
	r := admin
	r.Options = map[string]string{"members_add": "yes", "digest_stories": "5", "digest_library": "yes"}
	if got := text(b.Handle(t.Context(), r)); !strings.Contains(got, "Settings saved") || !strings.Contains(got, "5; more are listed") {
		t.Errorf("/settings with changes = %s", got)
	}
	s, _ := st.Settings(t.Context(), "g")
	if !s.MembersAdd || s.DigestStories != 5 || !s.DigestLibrary {
		t.Errorf("stored settings = %+v", s)
	}
	if other, _ := st.Settings(t.Context(), "h"); other.MembersAdd || other.DigestStories != 0 {
		t.Errorf("another server's settings changed: %+v", other)
	}
	for _, bad := range []map[string]string{{"digest_stories": "0"}, {"digest_stories": "26"}, {"members_add": "maybe"}} {
		r.Options = bad
		if got := text(b.Handle(t.Context(), r)); !strings.Contains(got, "takes") {
			t.Errorf("/settings %v = %s, want a refusal", bad, got)
		}
	}
	member := Request{Command: "settings", GuildID: "g", Options: map[string]string{"members_add": "no"}}
	if got := text(b.Handle(t.Context(), member)); !strings.Contains(got, "Manage Server") {
		t.Errorf("/settings by a member = %s", got)
	}
}

// TestArticleMarkdownIsShownAsText archives an article whose text carries a
// masked link, bold and a mention, and checks that /summarize, /ask and /search
// show them escaped, as text, never as live markdown.
func TestArticleMarkdownIsShownAsText(t *testing.T) {
	b, st := newBot(t)
	text := "The council published [the full report](https://phish.example/login) on Monday, **urgently** asking <@123456> to read it. " +
		"The report says the harbour wall will be raised by two metres next year. Work starts in spring."
	if _, err := st.Add(t.Context(), store.Grant{Scope: "g"}, store.Article{Title: "Harbour *wall* report", Text: text}); err != nil {
		t.Fatal(err)
	}
	for _, req := range []Request{
		{Command: "summarize", GuildID: "g", Options: map[string]string{"article": "2"}},
		{Command: "ask", GuildID: "g", Options: map[string]string{"article": "2", "question": "What did the council publish on Monday?"}},
		{Command: "search", GuildID: "g", Options: map[string]string{"query": "council report"}},
	} {
		r := b.Handle(t.Context(), req)
		raw := r.Content
		for _, e := range r.Embeds {
			raw += e.Title + e.Description
			for _, f := range e.Fields {
				raw += f.Name + f.Value
			}
		}
		if !strings.Contains(raw, "full report") {
			t.Errorf("/%s does not show the article's sentence: %s", req.Command, raw)
			continue
		}
		for _, live := range []string{"[the full report](", "**urgently**", " <@123456>", "Harbour *wall*"} {
			if strings.Contains(raw, live) {
				t.Errorf("/%s shows %q as live markdown:\n%s", req.Command, live, raw)
			}
		}
	}
}
