package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsbot/bot/discord/discordtest"
	"newsbot/store"
	"newsbot/store/storetest"
	"newsbot/summarize/modeltest"
	"newsbot/summarize/text"
)

// tenancySite serves two article pages and a feed.
func tenancySite(t *testing.T) *httptest.Server {
	t.Helper()
	harbour, err := os.ReadFile("../../bot/ingest/testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	feed, err := os.ReadFile("../../bot/ingest/testdata/feed.rss")
	if err != nil {
		t.Fatal(err)
	}
	ferry := "<html><head><title>Ferry strike ends in Northport</title></head><body><article><h1>Ferry strike ends in Northport</h1>" +
		strings.Repeat("<p>Ferry crews in Northport returned to work on Tuesday after a nine-day strike over rotas ended with a new agreement between the union and the operator. Sailings to the islands resume on the normal timetable from Wednesday morning.</p>", 4) +
		"</article></body></html>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/harbour":
			w.Header().Set("Content-Type", "text/html")
			w.Write(harbour)
		case "/ferry":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(ferry))
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write(feed)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestTenancyOverDiscord runs the bot in two servers on the fake Discord and
// checks that nothing server A brings in reaches server B by any command or
// digest, that a member's link joins B only once B allows it, and that admin
// commands through a user install are refused.
func TestTenancyOverDiscord(t *testing.T) {
	for kind, db := range storetest.Archives(t) {
		t.Run(kind, func(t *testing.T) { testTenancyOverDiscord(t, db) })
	}
}

func testTenancyOverDiscord(t *testing.T, db string) {
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	site := tenancySite(t)
	fake := discordtest.NewServer(t)
	stop := startBotEnv(t, fake, db, &syncBuffer{}, map[string]string{"NEWSBOT_ALLOW_PRIVATE": "1"})
	fake.WaitRequest(ctx, "registration", func(r discordtest.Request) bool { return r.Method == "PUT" })
	A, memberA, B, memberB := discordtest.Admin, discordtest.InGuild, discordtest.OtherAdmin, discordtest.OtherGuild
	opt, sub := discordtest.Opt, discordtest.Sub

	steps := []struct {
		id      string
		where   discordtest.Where
		command string
		opts    []map[string]any
		message string // for the message command
		want    []string
		notWant []string
	}{
		{id: "a1", where: A, command: "add", opts: []map[string]any{opt("url", site.URL+"/harbour")}, want: []string{"Added: “Harbour reopens after storm repairs” (ID 2)"}},
		{id: "a2", where: A, command: "feed", opts: []map[string]any{sub("add", opt("url", site.URL+"/feed.xml"))}, want: []string{"Following “Coastal Gazette” (feed 1)"}},
		{id: "a3", where: memberA, command: "search", opts: []map[string]any{opt("query", "library opening hours")}, want: []string{"Library extends opening hours"}},

		{id: "b1", where: memberB, command: "summarize", opts: []map[string]any{opt("article", "2")}, notWant: []string{"Harbour"}}, // "2" may still match a title's "2003"
		{id: "b2", where: memberB, command: "summarize", opts: []map[string]any{opt("article", "Harbour reopens")}, want: []string{"No article matches"}, notWant: []string{"Harbour reopens after"}},
		{id: "b3", where: memberB, command: "ask", opts: []map[string]any{opt("article", "3"), opt("question", "When will the library open?")}, want: []string{"No article matches"}, notWant: []string{"Library extends"}},
		{id: "b4", where: memberB, command: "search", opts: []map[string]any{opt("query", "harbour breakwater")}, want: []string{"Nothing in the archive matches"}},
		{id: "b5", where: memberB, command: "search", opts: []map[string]any{opt("query", "library opening hours")}, want: []string{"Nothing in the archive matches"}},
		{id: "b6", where: B, command: "feed", opts: []map[string]any{sub("list")}, want: []string{"follows no feeds"}},
		{id: "b7", where: B, command: "feed", opts: []map[string]any{sub("remove", opt("feed", "1"))}, want: []string{"has no feed 1"}},
		{id: "b8", where: B, command: "digest", opts: []map[string]any{sub("preview")}, want: []string{"Nothing new"}},
		{id: "b9", where: B, command: "digest", opts: []map[string]any{sub("status")}, want: []string{"No digest is set up here"}},
		{id: "b10", where: memberB, message: "see " + site.URL + "/harbour", want: []string{"Port Ellis", "not archived here"}},
		{id: "b11", where: memberB, command: "search", opts: []map[string]any{opt("query", "harbour breakwater")}, want: []string{"Nothing in the archive matches"}},
		{id: "b12", where: memberB, message: "**" + site.URL + "/ferry**", want: []string{"Ferry crews in Northport", "not archived here"}},
		{id: "b13", where: memberB, command: "search", opts: []map[string]any{opt("query", "ferry strike")}, notWant: []string{"Northport"}},
		{id: "b14", where: B, command: "settings", opts: []map[string]any{opt("members_add", "yes")}, want: []string{"Settings saved", "join this server's archive"}},
		{id: "b15", where: memberB, message: site.URL + "/ferry", want: []string{"Ferry crews in Northport", "ID 5"}},
		{id: "b16", where: memberB, command: "search", opts: []map[string]any{opt("query", "ferry strike")}, want: []string{"Ferry strike ends in Northport (ID 5)"}},
		{id: "a4", where: memberA, command: "search", opts: []map[string]any{opt("query", "ferry strike")}, notWant: []string{"Northport"}},
		{id: "a5", where: memberA, command: "summarize", opts: []map[string]any{opt("article", "5")}, want: []string{"No article matches"}},
		{id: "a6", where: A, command: "digest", opts: []map[string]any{sub("preview")}, want: []string{"Harbour reopens after storm repairs", "Preview: 1 story"}, notWant: []string{"Ferry", "Library extends"}},
		{id: "b17", where: B, command: "digest", opts: []map[string]any{sub("preview")}, want: []string{"Ferry strike ends in Northport", "Preview: 1 story"}, notWant: []string{"Harbour", "Library"}},
		{id: "b18", where: B, command: "settings", want: []string{"join this server's archive", "10; more are listed"}},
		{id: "a7", where: A, command: "settings", want: []string{"only admins' links join"}},

		{id: "s1", where: discordtest.Stranger, command: "digest", opts: []map[string]any{sub("set", map[string]any{"name": "channel", "type": 7, "value": "900000000000000009"}, opt("time", "08:00"))},
			want: []string{"works only in a server that has added the bot"}},
		{id: "s2", where: discordtest.Stranger, command: "settings", opts: []map[string]any{opt("members_add", "yes")}, want: []string{"works only in a server that has added the bot"}},
		{id: "s3", where: discordtest.Stranger, command: "summarize", opts: []map[string]any{opt("article", "2")}, notWant: []string{"Harbour"}},
		{id: "s4", where: discordtest.Stranger, command: "summarize", opts: []map[string]any{opt("article", "Procurement")}, want: []string{"High ranking defectors"}},
		{id: "d1", where: discordtest.DM, command: "search", opts: []map[string]any{opt("query", "harbour breakwater")}, want: []string{"Nothing in the archive matches"}},
		{id: "d2", where: discordtest.DM, command: "summarize", opts: []map[string]any{opt("article", "1")}, want: []string{"High ranking defectors"}},
	}
	for _, s := range steps {
		var i map[string]any
		if s.message != "" {
			i = fake.MessageCommand(s.id, s.where, "Summarize article", s.message)
		} else {
			i = fake.Command(s.id, s.where, s.command, s.opts...)
		}
		fake.Dispatch("INTERACTION_CREATE", i)
		_, got := reply(ctx, t, fake, s.id)
		for _, w := range s.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s (/%s): reply lacks %q:\n%s", s.id, s.command, w, got)
			}
		}
		for _, w := range s.notWant {
			if strings.Contains(got, w) {
				t.Errorf("%s (/%s): reply shows %q:\n%s", s.id, s.command, w, got)
			}
		}
	}
	// Autocomplete offers each server its own titles.
	for _, tt := range []struct {
		id            string
		where         discordtest.Where
		typed         string
		want, notWant string
	}{
		{"c1", memberB, "harb", "", "Harbour"},
		{"c2", memberB, "", "Ferry strike", "Harbour"},
		{"c3", memberA, "", "Harbour reopens", "Ferry"},
		{"c4", memberA, "ferr", "", "Ferry"},
	} {
		fake.Dispatch("INTERACTION_CREATE", fake.Autocomplete(tt.id, tt.where, "summarize", discordtest.Focused("article", tt.typed)))
		req := fake.WaitRequest(ctx, "autocomplete "+tt.id, func(r discordtest.Request) bool { return strings.Contains(r.Path, "/interactions/"+tt.id+"/") })
		var cb callback
		if err := req.JSON(&cb); err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, c := range cb.Data.Choices {
			names = append(names, c.Name)
		}
		got := strings.Join(names, " | ")
		if tt.want != "" && !strings.Contains(got, tt.want) || strings.Contains(got, tt.notWant) {
			t.Errorf("%s: autocomplete %q offers %q; want %q and not %q", tt.id, tt.typed, got, tt.want, tt.notWant)
		}
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}

	// Both servers' digests fall due; each posts its own news and nothing of
	// the other's.
	st, err := store.Open(db, store.Options{Terms: text.Terms})
	if err != nil {
		t.Fatal(err)
	}
	channels := map[string]string{A.GuildID: "900000000000000001", B.GuildID: "900000000000000002"}
	dueNow(t, st, channels)
	st.Close()
	logs := &syncBuffer{}
	fake2 := discordtest.NewServer(t)
	stop = startBot(t, fake2, db, logs)
	for _, channel := range channels {
		fake2.WaitRequest(ctx, "the digest in "+channel, func(r discordtest.Request) bool {
			return r.Method == "POST" && strings.HasSuffix(r.Path, "/channels/"+channel+"/messages")
		})
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	posted := map[string]string{}
	for _, m := range fake2.Messages() {
		posted[fmt.Sprint(m["channel_id"])] += fmt.Sprint(m["embeds"])
	}
	for channel, want := range map[string]string{channels[A.GuildID]: "Harbour reopens after storm repairs", channels[B.GuildID]: "Ferry strike ends in Northport"} {
		if strings.Count(posted[channel], want) != 1 {
			t.Errorf("digest in %s names %q %d times, want once:\n%s", channel, want, strings.Count(posted[channel], want), posted[channel])
		}
	}
	for channel, other := range map[string]string{channels[A.GuildID]: "Ferry", channels[B.GuildID]: "Harbour"} {
		if strings.Contains(posted[channel], other) || strings.Contains(posted[channel], "Library extends") || strings.Contains(posted[channel], "Procurement") {
			t.Errorf("digest in %s shows another server's, a feed's first import or the library's articles:\n%s", channel, posted[channel])
		}
	}
}

// TestDigestAfterBulkIngest ingests the 2,085-article corpus into the library
// and lets a server that asked for library news post its digest: it is at most
// the cap of summarized stories in at most three messages, and a server that did
// not ask posts nothing.
func TestDigestAfterBulkIngest(t *testing.T) {
	corpus := "../../../shared/corpus/bbc-2085.jsonl"
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("no corpus beside the repository: %v", err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 120*time.Second)
	defer cancel()
	db := filepath.Join(t.TempDir(), "newsbot.db")
	if out, _, err := runCmd(t, db, "", "ingest", corpus); err != nil || !strings.Contains(out, "2085 added") {
		t.Fatalf("ingest: %s %v", out, err)
	}
	st, err := store.Open(db, store.Options{Terms: text.Terms})
	if err != nil {
		t.Fatal(err)
	}
	channels := map[string]string{discordtest.Admin.GuildID: "900000000000000001", discordtest.OtherAdmin.GuildID: "900000000000000002"}
	dueNow(t, st, channels)
	st.UpdateSettings(ctx, discordtest.Admin.GuildID, func(s *store.Settings) { s.DigestLibrary = true })
	st.Close()

	fake := discordtest.NewServer(t)
	logs := &syncBuffer{}
	stop := startBot(t, fake, db, logs)
	logs.waitFor(ctx, t, "digest posted")
	logs.waitFor(ctx, t, "nothing new for the digest")
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	msgs := fake.Messages()
	if len(msgs) == 0 || len(msgs) > 3 {
		t.Fatalf("the digest after a bulk ingest is %d messages, want 1 to 3", len(msgs))
	}
	summarized, listed := 0, 0
	var all strings.Builder
	for _, m := range msgs {
		if m["channel_id"] != channels[discordtest.Admin.GuildID] {
			t.Errorf("a digest went to %v, which belongs to the server that did not ask for library news", m["channel_id"])
		}
		embeds, _ := m["embeds"].([]any)
		for _, e := range embeds {
			e, _ := e.(map[string]any)
			fields, _ := e["fields"].([]any)
			summarized += len(fields)
			desc, _ := e["description"].(string)
			listed += strings.Count(desc, "• ")
			fmt.Fprint(&all, e)
		}
	}
	if summarized == 0 || summarized > 10 {
		t.Errorf("%d stories summarized, want 1 to 10 (the default cap)", summarized)
	}
	if !strings.Contains(all.String(), "more — /search finds them") {
		t.Errorf("the digest does not say how many more there are")
	}
	title, _ := msgs[0]["embeds"].([]any)[0].(map[string]any)["title"].(string)
	t.Logf("digest after ingesting 2,085 articles: %q, %d messages, %d stories summarized, %d listed", title, len(msgs), summarized, listed)
}

// dueNow sets each server's digest (guild ID → channel) to be due a minute ago,
// so that the bot posts it as soon as it starts.
func dueNow(t *testing.T, st *store.Store, channels map[string]string) {
	t.Helper()
	now := time.Now().UTC()
	for guild, channel := range channels {
		_, err := st.UpdateDigestSettings(t.Context(), guild, func(d *store.DigestSettings) error {
			d.ChannelID, d.Zone, d.Enabled = channel, "UTC", true
			d.Time = now.Add(-time.Minute).Format("15:04")
			d.Since = now.Add(-time.Hour)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestLongLinksOverDiscord sends a 5,000-character link through every command
// that takes one, and searches an ingested article stored under such a link:
// each gets a clear answer and the bot lives on.
func TestLongLinksOverDiscord(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	site := tenancySite(t)
	long := site.URL + "/harbour?" + strings.Repeat("x", 5000)
	dir := t.TempDir()
	db := filepath.Join(dir, "newsbot.db")
	jsonl := filepath.Join(dir, "in.jsonl")
	os.WriteFile(jsonl, []byte(`{"title":"Lighthouse repainted","url":"https://news.example/`+strings.Repeat("y", 5000)+`","text":"The lighthouse on the point was repainted red and white over the summer by volunteers."}`+"\n"), 0o644)
	if out, _, err := runCmd(t, db, "", "ingest", jsonl); err != nil || !strings.Contains(out, "1 added") {
		t.Fatalf("ingest: %s %v", out, err)
	}
	fake := discordtest.NewServer(t)
	stop := startBotEnv(t, fake, db, &syncBuffer{}, map[string]string{"NEWSBOT_ALLOW_PRIVATE": "1"})
	fake.WaitRequest(ctx, "registration", func(r discordtest.Request) bool { return r.Method == "PUT" })
	opt, sub := discordtest.Opt, discordtest.Sub
	tooLong := "That link is longer than 2048 characters"
	for _, s := range []struct {
		id, command string
		where       discordtest.Where
		opts        []map[string]any
		message     string
		want        string
	}{
		{id: "1", command: "summarize", where: discordtest.Admin, opts: []map[string]any{opt("article", long)}, want: tooLong},
		{id: "2", command: "ask", where: discordtest.InGuild, opts: []map[string]any{opt("article", long), opt("question", "Who rebuilt it?")}, want: tooLong},
		{id: "3", command: "add", where: discordtest.Admin, opts: []map[string]any{opt("url", long)}, want: tooLong},
		{id: "4", command: "feed", where: discordtest.Admin, opts: []map[string]any{sub("add", opt("url", long))}, want: "longer than 2048 characters"},
		{id: "5", where: discordtest.InGuild, message: "look " + long, want: tooLong},
		{id: "6", command: "search", where: discordtest.InGuild, opts: []map[string]any{opt("query", "lighthouse repainted")}, want: "Lighthouse repainted (ID 2)"},
		{id: "7", command: "help", where: discordtest.InGuild, want: "/summarize"},
	} {
		i := fake.Command(s.id, s.where, s.command, s.opts...)
		if s.message != "" {
			i = fake.MessageCommand(s.id, s.where, "Summarize article", s.message)
		}
		fake.Dispatch("INTERACTION_CREATE", i)
		if _, got := reply(ctx, t, fake, s.id); !strings.Contains(got, s.want) {
			t.Errorf("%s /%s: %.300s, want %q", s.id, s.command, got, s.want)
		}
	}
	if err := stop(); err != nil {
		t.Fatalf("run = %v after the long links, want nil", err)
	}
}

// TestSecretsNeverLogged plants a bot token and an API key, makes the model
// echo the key in its errors (401, and 500s after a delay that defers the
// reply) and Discord refuse the deferred reply's edit, and greps everything the
// bot logged for the key, the token and the interaction tokens.
func TestSecretsNeverLogged(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	const key = "sk-planted-SECRET-0123456789abcdef"
	model := modeltest.New(t, func(call int, w http.ResponseWriter, r *http.Request, _ modeltest.Request) {
		echo := `{"error":{"message":"Incorrect API key provided: ` + r.Header.Get("Authorization") + `","type":"invalid_request_error"}}`
		if call == 1 {
			modeltest.Status(401, "application/json", echo)(call, w, r, modeltest.Request{})
			return
		}
		time.Sleep(700 * time.Millisecond) // with the retries, past the deferral
		modeltest.Status(500, "application/json", echo)(call, w, r, modeltest.Request{})
	})
	fake := discordtest.NewServer(t)
	fake.Respond = func(r discordtest.Request) (int, any, bool) {
		if r.Method == "PATCH" && strings.Contains(r.Path, "/webhooks/") {
			return 404, map[string]any{"message": "Unknown Webhook " + r.Path, "code": 10015}, true
		}
		return 0, nil, false
	}
	logs := &syncBuffer{}
	stop := startBotEnv(t, fake, filepath.Join(t.TempDir(), "n.db"), logs, map[string]string{
		"LOG_LEVEL": "debug", "OPENAI_API_KEY": key, "OPENAI_BASE_URL": model.URL, "OPENAI_MODEL": "m", "NEWSBOT_MODEL_TIMEOUT": "5s",
	})
	fake.WaitRequest(ctx, "registration", func(r discordtest.Request) bool { return r.Method == "PUT" })
	for _, id := range []string{"1", "2"} {
		fake.Dispatch("INTERACTION_CREATE", fake.Command(id, discordtest.InGuild, "summarize", discordtest.Opt("article", "1"), discordtest.Opt("length", "short")))
		fake.WaitRequest(ctx, "callback "+id, func(r discordtest.Request) bool { return strings.Contains(r.Path, "/interactions/"+id+"/") })
	}
	logs.waitFor(ctx, t, "deliver deferred reply")
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	out := logs.String()
	if model.Calls() < 2 {
		t.Fatalf("the model was called %d times; the fault modes did not run", model.Calls())
	}
	for _, secret := range []string{key, "planted-SECRET", strings.TrimPrefix(fake.Token, "Bot "), "token-1", "token-2"} {
		if strings.Contains(out, secret) {
			t.Errorf("the log holds %q:\n%s", secret, out)
		}
	}
	if !strings.Contains(out, "[redacted]") && !strings.Contains(out, "[token]") {
		t.Errorf("nothing was redacted: the faults did not reach the log:\n%.2000s", out)
	}
}
