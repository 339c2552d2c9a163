package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"newsbot/bot/discord/discordtest"
	"newsbot/store"
	"newsbot/summarize/modeltest"
	"newsbot/summarize/text"
)

// syncBuffer is a buffer the bot's goroutines may log to while the test reads
// it, and waits on.
type syncBuffer struct {
	mu      sync.Mutex
	b       bytes.Buffer
	changed chan struct{}
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.changed != nil {
		close(s.changed)
		s.changed = nil
	}
	return s.b.Write(p)
}

// waitFor waits until the buffer contains want, or fails the test when ctx ends.
func (s *syncBuffer) waitFor(ctx context.Context, t *testing.T, want string) {
	t.Helper()
	for {
		s.mu.Lock()
		if strings.Contains(s.b.String(), want) {
			s.mu.Unlock()
			return
		}
		if s.changed == nil {
			s.changed = make(chan struct{})
		}
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			t.Fatalf("the log never said %q", want)
		}
	}
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// callback is an interaction response as the bot posted it.
type callback struct {
	Type int `json:"type"`
	Data struct {
		Content string `json:"content"`
		Flags   int    `json:"flags"`
		Embeds  []struct {
			Title, URL, Description string
			Footer                  struct{ Text string }
			Fields                  []struct{ Name, Value string }
		} `json:"embeds"`
		Choices []struct {
			Name  string `json:"name"`
			Value any    `json:"value"`
		} `json:"choices"`
	} `json:"data"`
}

// text is everything a user would read in the response.
func (c callback) text() string {
	var b strings.Builder
	b.WriteString(c.Data.Content)
	for _, e := range c.Data.Embeds {
		fmt.Fprintf(&b, "\n%s\n%s\n%s", e.Title, e.Description, e.Footer.Text)
		for _, f := range e.Fields {
			fmt.Fprintf(&b, "\n%s\n%s", f.Name, f.Value)
		}
	}
	return b.String()
}

// startBot runs newsbot in gateway mode against fake, logging at debug level to
// logs, until the returned stop is called; stop returns what run returned.
func startBot(t *testing.T, fake *discordtest.Server, db string, logs io.Writer) (stop func() error) {
	t.Helper()
	return startBotEnv(t, fake, db, logs, map[string]string{"LOG_LEVEL": "debug"})
}

func TestGatewayEndToEnd(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	dir := t.TempDir()
	db := filepath.Join(dir, "newsbot.db")
	jsonl := filepath.Join(dir, "in.jsonl")
	os.WriteFile(jsonl, []byte(`{"title":"Bridge opens after two years","url":"https://news.example/bridge","text":"The new bridge over the river opened on Monday after two years of work. It cost four million pounds. Traffic in the town centre fell by a third on the first day."}`+"\n"), 0o644)
	if _, _, err := runCmd(t, db, "", "ingest", jsonl); err != nil {
		t.Fatal(err)
	}

	fake := discordtest.NewServer(t)
	logs := &syncBuffer{}
	stop := startBot(t, fake, db, logs)

	reg := fake.WaitRequest(ctx, "registering commands", func(r discordtest.Request) bool {
		return r.Method == "PUT" && strings.HasSuffix(r.Path, "/applications/"+fake.AppID+"/commands")
	})
	var cmds []struct {
		Name        string `json:"name"`
		Type        int    `json:"type"`
		Permissions any    `json:"default_member_permissions"`
		Contexts    []int  `json:"contexts"`
	}
	if err := reg.JSON(&cmds); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, c := range cmds {
		names[c.Name] = true
		if c.Name == "digest" && (fmt.Sprint(c.Permissions) != "32" || fmt.Sprint(c.Contexts) != "[0]") {
			t.Errorf("/digest registered with permissions %v and contexts %v, want Manage Server (32) in servers only", c.Permissions, c.Contexts)
		}
	}
	for _, want := range []string{"summarize", "ask", "digest", "help", "Summarize article"} {
		if !names[want] {
			t.Errorf("command %q was not registered; got %v", want, names)
		}
	}
	var ident struct{ Intents int }
	json.Unmarshal(fake.Identify(), &ident)
	if ident.Intents != 0 {
		t.Errorf("IDENTIFY asked for intents %d, want none", ident.Intents)
	}

	long := strings.Repeat("why ", 1500)
	tests := []struct {
		name        string
		interaction map[string]any
		wantType    int
		ephemeral   bool
		contains    []string
	}{
		{"summarize", fake.Command("1", discordtest.InGuild, "summarize", discordtest.Opt("article", "Procurement")), 4, false,
			[]string{"Procurement: September 15, 2003", "High ranking defectors", "ID 1"}},
		{"ask answered", fake.Command("2", discordtest.InGuild, "ask", discordtest.Opt("article", "1"),
			discordtest.Opt("question", "What share of the electronic components in North Korea's missiles are made in Japan?")), 4, false,
			[]string{"90 percent"}},
		{"ask not covered", fake.Command("3", discordtest.DM, "ask", discordtest.Opt("article", "Procurement"),
			discordtest.Opt("question", "What is the population of Pyongyang? @everyone")), 4, false,
			[]string{"The article doesn't say"}},
		{"autocomplete", fake.Autocomplete("4", discordtest.InGuild, "summarize", discordtest.Focused("article", "proc")), 8, false,
			[]string{"Procurement: September 15, 2003 (ID 1)"}},
		{"message command", fake.MessageCommand("5", discordtest.InGuild, "Summarize article", "read this https://news.example/bridge!"), 4, false,
			[]string{"Bridge opens after two years", "The new bridge over the river opened"}},
		{"message without link", fake.MessageCommand("6", discordtest.InGuild, "Summarize article", "no link here"), 4, true,
			[]string{"no link"}},
		{"digest preview, admin", fake.Command("7", discordtest.Admin, "digest", discordtest.Sub("preview")), 4, true,
			[]string{"Nothing new since the last digest"}}, // ingested and seeded: library, not this server's news
		{"digest preview, member", fake.Command("8", discordtest.InGuild, "digest", discordtest.Sub("preview")), 4, true,
			[]string{"Manage Server"}},
		{"digest preview, DM", fake.Command("9", discordtest.DM, "digest", discordtest.Sub("preview")), 4, true,
			[]string{"works in a server"}},
		{"help", fake.Command("10", discordtest.InGuild, "help"), 4, true, []string{"/summarize"}},
		{"unknown command", fake.Command("11", discordtest.InGuild, "frobnicate"), 4, true, []string{"Unknown command"}},
		{"missing option", fake.Command("12", discordtest.InGuild, "ask", discordtest.Opt("article", "1")), 4, true, []string{"needs the option “question”"}},
		{"wrong-typed option", fake.Command("13", discordtest.InGuild, "summarize", discordtest.Opt("article", 12345)), 4, true, []string{"No article matches “12345”"}},
		{"6000-character option", fake.Command("14", discordtest.InGuild, "ask", discordtest.Opt("article", "1"), discordtest.Opt("question", long)), 4, true, []string{"too long"}},
		{"6000-character article", fake.Command("15", discordtest.InGuild, "summarize", discordtest.Opt("article", long)), 4, true, []string{"No article matches"}},
		{"component", fake.Interaction("16", discordtest.TypeComponent, discordtest.InGuild, map[string]any{"custom_id": "x", "component_type": 2}), 4, true, []string{"no buttons"}},
	}
	for _, tt := range tests {
		fake.Dispatch("INTERACTION_CREATE", tt.interaction)
		id := tt.interaction["id"].(string)
		req := fake.WaitRequest(ctx, "callback for "+tt.name, func(r discordtest.Request) bool {
			return r.Method == "POST" && strings.Contains(r.Path, "/interactions/"+id+"/token-"+id+"/callback")
		})
		var cb callback
		if err := req.JSON(&cb); err != nil {
			t.Errorf("%s: callback body: %v", tt.name, err)
			continue
		}
		got := cb.text()
		for _, c := range cb.Data.Choices {
			got += "\n" + c.Name + " = " + fmt.Sprint(c.Value)
		}
		if cb.Type != tt.wantType || (cb.Data.Flags&64 != 0) != tt.ephemeral {
			t.Errorf("%s: response type %d flags %d, want type %d ephemeral %v", tt.name, cb.Type, cb.Data.Flags, tt.wantType, tt.ephemeral)
		}
		for _, c := range tt.contains {
			if !strings.Contains(got, c) {
				t.Errorf("%s: response lacks %q:\n%s", tt.name, c, got)
			}
		}
	}

	fake.WaitHeartbeat(ctx)
	if err := stop(); err != nil {
		t.Fatalf("run returned %v after the context ended, want nil", err)
	}
	if strings.Contains(logs.String(), "test-token") {
		t.Error("the bot token appears in the log")
	}

	// A restart registers the same commands again: the overwrite is idempotent.
	fake2 := discordtest.NewServer(t)
	stop = startBot(t, fake2, db, logs)
	reg2 := fake2.WaitRequest(ctx, "registering commands again", func(r discordtest.Request) bool { return r.Method == "PUT" })
	if !bytes.Equal(reg.Body, reg2.Body) {
		t.Errorf("second registration differs from the first:\n%s\n%s", reg.Body, reg2.Body)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

func TestGatewayAndHTTPTogether(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	fake := discordtest.NewServer(t)
	pub, priv, _ := ed25519.GenerateKey(nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	vars := map[string]string{
		"NEWSBOT_DB":         filepath.Join(t.TempDir(), "n.db"),
		"DISCORD_TOKEN":      strings.TrimPrefix(fake.Token, "Bot "),
		"DISCORD_PUBLIC_KEY": hex.EncodeToString(pub),
		"DISCORD_API_URL":    fake.URL,
		"NEWSBOT_ADDR":       addr,
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- run(runCtx, nil, env(vars), strings.NewReader(""), io.Discard, io.Discard) }()
	// The listener is open before the gateway connects, so once commands are
	// registered both are up.
	fake.WaitRequest(ctx, "registration", func(r discordtest.Request) bool { return r.Method == "PUT" })

	body, _ := json.Marshal(fake.Command("1", discordtest.InGuild, "summarize", discordtest.Opt("article", "Procurement")))
	req, _ := http.NewRequestWithContext(ctx, "POST", "http://"+addr+"/interactions", bytes.NewReader(body))
	req.Header = discordtest.Sign(priv, body, time.Now())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(out), "High ranking defectors") {
		t.Errorf("HTTP /summarize = %d %.300s", resp.StatusCode, out)
	}

	fake.Dispatch("INTERACTION_CREATE", fake.Command("2", discordtest.InGuild, "help"))
	fake.WaitRequest(ctx, "gateway callback", func(r discordtest.Request) bool { return strings.Contains(r.Path, "/interactions/2/") })

	resp, err = http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	// The gateway's interaction is counted after its callback returns, so only
	// the HTTP one is sure to be in by now.
	for _, want := range []string{`command="summarize",outcome="ok"} 1`} {
		if !strings.Contains(string(metrics), want) {
			t.Errorf("/metrics lacks %s:\n%s", want, metrics)
		}
	}
	if resp, err := http.Get("http://" + addr + "/healthz"); err != nil || resp.StatusCode != 200 {
		t.Errorf("/healthz: %v %v", resp, err)
	}
	stop()
	if err := <-done; err != nil {
		t.Errorf("run = %v after the context ended, want nil", err)
	}
}

// TestDigestEndToEnd sets a digest that is already due, starts the bot on a
// fake Discord, and checks the digest arrives once, in the channel, within the
// limits; then that a channel the bot may not post in pauses the digest.
func TestDigestEndToEnd(t *testing.T) {
	for _, forbidden := range []bool{false, true} {
		t.Run(fmt.Sprint("forbidden=", forbidden), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
			defer cancel()
			db := filepath.Join(t.TempDir(), "newsbot.db")
			st, err := store.Open(db, store.Options{Terms: text.Terms})
			if err != nil {
				t.Fatal(err)
			}
			now := time.Now().UTC()
			st.Add(ctx, store.Grant{Scope: discordtest.Admin.GuildID, News: true}, store.Article{Title: "Harbour reopens", Text: "The harbour reopened on Friday after repairs. Ferries run again."})
			st.UpdateDigestSettings(ctx, discordtest.Admin.GuildID, func(d *store.DigestSettings) error {
				d.ChannelID, d.Zone, d.Enabled = "900000000000000001", "UTC", true
				d.Time = now.Add(-time.Minute).Format("15:04")
				d.Since = now.Add(-time.Hour)
				return nil
			})
			st.Close()

			fake := discordtest.NewServer(t)
			if forbidden {
				fake.Respond = func(r discordtest.Request) (int, any, bool) {
					if strings.Contains(r.Path, "/channels/") {
						return 403, map[string]any{"message": "Missing Access", "code": 50001}, true
					}
					return 0, nil, false
				}
			}
			logs := &syncBuffer{}
			stop := startBot(t, fake, db, logs)
			post := fake.WaitRequest(ctx, "the digest post", func(r discordtest.Request) bool {
				return r.Method == "POST" && strings.HasSuffix(r.Path, "/channels/900000000000000001/messages")
			})
			if forbidden {
				logs.waitFor(ctx, t, "digest paused")
			} else {
				logs.waitFor(ctx, t, "digest posted")
			}
			if !strings.Contains(string(post.Body), "Harbour reopens") || !strings.Contains(string(post.Body), `"enforce_nonce":true`) {
				t.Errorf("digest body = %.400s", post.Body)
			}
			fake.Dispatch("INTERACTION_CREATE", fake.Command("50", discordtest.Admin, "digest", discordtest.Sub("status")))
			req := fake.WaitRequest(ctx, "status reply", func(r discordtest.Request) bool { return strings.Contains(r.Path, "/interactions/50/") })
			var cb callback
			req.JSON(&cb)
			want := "posted 1 story in 1 message"
			if forbidden {
				want = "paused"
			}
			if !strings.Contains(cb.text(), want) {
				t.Errorf("status lacks %q:\n%s", want, cb.text())
			}
			if err := stop(); err != nil {
				t.Fatal(err)
			}
			wantMsgs := 1
			if forbidden {
				wantMsgs = 0
			}
			if n := len(fake.Messages()); n != wantMsgs {
				t.Errorf("%d channel messages, want %d", n, wantMsgs)
			}
		})
	}
}

func TestDigestSetOverGateway(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	fake := discordtest.NewServer(t)
	stop := startBot(t, fake, filepath.Join(t.TempDir(), "n.db"), &syncBuffer{})
	fake.WaitRequest(ctx, "registration", func(r discordtest.Request) bool { return r.Method == "PUT" })
	channel := map[string]any{"name": "channel", "type": 7, "value": "900000000000000001"}
	fake.Dispatch("INTERACTION_CREATE", fake.Command("60", discordtest.Admin, "digest",
		discordtest.Sub("set", channel, discordtest.Opt("time", "07:45"), discordtest.Opt("timezone", "Europe/Berlin"))))
	fake.Dispatch("INTERACTION_CREATE", fake.Autocomplete("61", discordtest.Admin, "digest",
		discordtest.Sub("set", channel, discordtest.Focused("timezone", "berl"))))
	for id, want := range map[string]string{"60": "Daily digest set: 07:45 Europe/Berlin in <#900000000000000001>", "61": "Europe/Berlin"} {
		req := fake.WaitRequest(ctx, "reply "+id, func(r discordtest.Request) bool { return strings.Contains(r.Path, "/interactions/"+id+"/") })
		var cb callback
		req.JSON(&cb)
		got := cb.text()
		for _, c := range cb.Data.Choices {
			got += " " + c.Name
		}
		if !strings.Contains(got, want) {
			t.Errorf("interaction %s: %s, want %q", id, got, want)
		}
	}
	// The channel is not the one the command was used in: the bot asked Discord.
	fake.WaitRequest(ctx, "the channel's permissions", func(r discordtest.Request) bool {
		return r.Method == "GET" && strings.HasSuffix(r.Path, "/guilds/"+discordtest.Admin.GuildID+"/members/"+fake.AppID)
	})
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

// TestDigestSetChecksPermissions lets the bot only send messages (no View
// Channel, no Embed Links): /digest set in another channel is refused with what
// is missing, and a channel of another server is refused outright.
func TestDigestSetChecksPermissions(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	fake := discordtest.NewServer(t)
	fake.BotPermissions = 1 << 11
	stop := startBot(t, fake, filepath.Join(t.TempDir(), "n.db"), &syncBuffer{})
	fake.WaitRequest(ctx, "registration", func(r discordtest.Request) bool { return r.Method == "PUT" })
	channel := map[string]any{"name": "channel", "type": 7, "value": "900000000000000001"} // in Admin's server
	for id, tt := range map[string]struct {
		where discordtest.Where
		want  string
	}{
		"70": {discordtest.Admin, "I can't post the digest in <#900000000000000001>: I lack View Channel, Embed Links there"},
		"71": {discordtest.OtherAdmin, "that channel is not in this server"},
	} {
		fake.Dispatch("INTERACTION_CREATE", fake.Command(id, tt.where, "digest", discordtest.Sub("set", channel, discordtest.Opt("time", "07:45"))))
		if _, got := reply(ctx, t, fake, id); !strings.Contains(got, tt.want) {
			t.Errorf("/digest set %s: %s, want %q", id, got, tt.want)
		}
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

// startBotEnv is startBot with more environment.
func startBotEnv(t *testing.T, fake *discordtest.Server, db string, logs io.Writer, extra map[string]string) (stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	vars := map[string]string{
		"NEWSBOT_DB":      db,
		"DISCORD_TOKEN":   strings.TrimPrefix(fake.Token, "Bot "),
		"DISCORD_API_URL": fake.URL,
	}
	maps.Copy(vars, extra)
	done := make(chan error, 1)
	go func() { done <- run(ctx, nil, env(vars), strings.NewReader(""), io.Discard, logs) }()
	return sync.OnceValue(func() error { // a deferred stop after an explicit one
		cancel()
		return <-done
	})
}

// reply waits for the bot's final word on an interaction: the callback, or
// the edit of @original after a deferral.
func reply(ctx context.Context, t *testing.T, fake *discordtest.Server, id string) (first int, text string) {
	t.Helper()
	req := fake.WaitRequest(ctx, "callback "+id, func(r discordtest.Request) bool { return strings.Contains(r.Path, "/interactions/"+id+"/") })
	var cb callback
	req.JSON(&cb)
	if cb.Type != 5 {
		return cb.Type, cb.text()
	}
	edit := fake.WaitRequest(ctx, "edit "+id, func(r discordtest.Request) bool {
		return r.Method == "PATCH" && strings.Contains(r.Path, "/token-"+id+"/messages/@original")
	})
	var e struct {
		Embeds []struct {
			Title, Description string
			Footer             struct{ Text string }
		}
	}
	edit.JSON(&e)
	var b strings.Builder
	for _, em := range e.Embeds {
		fmt.Fprintf(&b, "%s\n%s\n%s\n", em.Title, em.Description, em.Footer.Text)
	}
	return 5, b.String()
}

func TestModelOverDiscord(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	model := modeltest.New(t, func(_ int, w http.ResponseWriter, _ *http.Request, req modeltest.Request) {
		if strings.Contains(req.Messages[1].Content, "<question>") {
			modeltest.Completion(w, "Some 90 percent of them are Japanese made, defectors report [9].")
			return
		}
		modeltest.Completion(w, "- Defectors say most equipment for North Korea's weapons programs comes from Japan [1].\n- Some 90 percent of missile electronics are Japanese made [9].")
	})
	fake := discordtest.NewServer(t)
	stop := startBotEnv(t, fake, filepath.Join(t.TempDir(), "n.db"), io.Discard, map[string]string{
		"OPENAI_BASE_URL": model.URL, "OPENAI_MODEL": "test-model", "NEWSBOT_DAILY_TOKENS": "1000",
	})
	fake.WaitRequest(ctx, "registration", func(r discordtest.Request) bool { return r.Method == "PUT" })

	steps := []struct {
		interaction map[string]any
		want        []string
		calls       int
	}{
		{fake.Command("1", discordtest.InGuild, "summarize", discordtest.Opt("article", "1")),
			[]string{"• Defectors say most equipment", "summary by test-model"}, 1},
		{fake.Command("2", discordtest.InGuild, "summarize", discordtest.Opt("article", "1")), // cached
			[]string{"• Defectors say most equipment", "summary by test-model"}, 1},
		{fake.Command("3", discordtest.InGuild, "ask", discordtest.Opt("article", "1"), discordtest.Opt("question", "How much of the electronics is Japanese?")),
			[]string{"Some 90 percent of them are Japanese made, defectors report.", "> Defectors report that some 90 percent", "answer by test-model"}, 2},
		{fake.Command("4", discordtest.InGuild, "ask", discordtest.Opt("article", "1"), discordtest.Opt("question", "Who makes the trucks?")), // 920 tokens: still under 1000
			[]string{"answer by test-model"}, 3},
		{fake.Command("5", discordtest.InGuild, "summarize", discordtest.Opt("article", "1"), discordtest.Opt("length", "long")), // 1380: over budget
			[]string{"extractive summary (daily model budget reached)"}, 3},
		{fake.Command("6", discordtest.InGuild, "help"), []string{"Model: test-model. Tokens used here today: 1380 of 1000 — over budget"}, 3},
		{fake.Command("7", discordtest.Admin, "summarize", discordtest.Opt("article", "1"), discordtest.Opt("length", "long")), // same server
			[]string{"daily model budget reached"}, 3},
	}
	for _, s := range steps {
		fake.Dispatch("INTERACTION_CREATE", s.interaction)
		_, got := reply(ctx, t, fake, s.interaction["id"].(string))
		for _, w := range s.want {
			if !strings.Contains(got, w) {
				t.Errorf("interaction %s lacks %q:\n%s", s.interaction["id"], w, got)
			}
		}
		if model.Calls() != s.calls {
			t.Errorf("after interaction %s the model had %d calls, want %d", s.interaction["id"], model.Calls(), s.calls)
		}
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

func TestModelTimeoutOverDiscord(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	model := modeltest.New(t, modeltest.Hangs)
	fake := discordtest.NewServer(t)
	stop := startBotEnv(t, fake, filepath.Join(t.TempDir(), "n.db"), io.Discard, map[string]string{
		"OPENAI_BASE_URL": model.URL, "OPENAI_MODEL": "test-model", "NEWSBOT_MODEL_TIMEOUT": "1500ms",
	})
	fake.WaitRequest(ctx, "registration", func(r discordtest.Request) bool { return r.Method == "PUT" })
	fake.Dispatch("INTERACTION_CREATE", fake.Command("1", discordtest.InGuild, "ask", discordtest.Opt("article", "1"),
		discordtest.Opt("question", "What share of the electronic components in North Korea's missiles are made in Japan?")))
	first, got := reply(ctx, t, fake, "1")
	if first != 5 {
		t.Errorf("first response type %d, want 5 (deferred) while the model is slow", first)
	}
	if !strings.Contains(got, "90 percent") || !strings.Contains(got, "extractive answer (the model timed out)") {
		t.Errorf("after the model timed out the user saw:\n%s", got)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

func TestLinksOverDiscord(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	page, err := os.ReadFile("../../bot/ingest/testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(page)
	}))
	defer site.Close()
	fake := discordtest.NewServer(t)
	stop := startBotEnv(t, fake, filepath.Join(t.TempDir(), "n.db"), io.Discard, map[string]string{"NEWSBOT_ALLOW_PRIVATE": "1"})
	fake.WaitRequest(ctx, "registration", func(r discordtest.Request) bool { return r.Method == "PUT" })

	// A member's link is summarized but not kept: the server has not allowed it.
	fake.Dispatch("INTERACTION_CREATE", fake.MessageCommand("1", discordtest.InGuild, "Summarize article", "look at this: "+site.URL+"/harbour"))
	if _, got := reply(ctx, t, fake, "1"); !strings.Contains(got, "Harbour reopens after storm repairs") || !strings.Contains(got, "Port Ellis") || !strings.Contains(got, "not archived here") {
		t.Errorf("message command on a new link:\n%s", got)
	}
	fake.Dispatch("INTERACTION_CREATE", fake.Command("2", discordtest.Admin, "add", discordtest.Opt("url", site.URL+"/harbour")))
	if _, got := reply(ctx, t, fake, "2"); !strings.Contains(got, "Added: “Harbour reopens after storm repairs” (ID 2)") {
		t.Errorf("/add of the link:\n%s", got)
	}
	fake.Dispatch("INTERACTION_CREATE", fake.Command("3", discordtest.Admin, "add", discordtest.Opt("url", site.URL+"/harbour")))
	if _, got := reply(ctx, t, fake, "3"); !strings.Contains(got, "Already in the archive") {
		t.Errorf("/add of the same link:\n%s", got)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

// TestGatewayResumeEndToEnd: the running bot, told by Discord to reconnect
// (op 7) and then losing a connection without a word (heartbeats never
// acknowledged), resumes its session both times on READY's resume URL with the
// last sequence, spends one IDENTIFY, and answers the command sent while it was
// away exactly once.
func TestGatewayResumeEndToEnd(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	fake := discordtest.NewServer(t)
	logs := &syncBuffer{}
	stop := startBot(t, fake, filepath.Join(t.TempDir(), "n.db"), logs)
	defer stop()
	fake.WaitRequest(ctx, "registering commands", func(r discordtest.Request) bool { return r.Method == "PUT" })
	fake.WaitSession(ctx, 1)

	fake.Reconnect("INTERACTION_CREATE", fake.Command("1", discordtest.InGuild, "help")) // waits for the RESUME
	fake.WaitClosed(ctx, 1)
	fake.WaitSession(ctx, 2)
	if _, text := reply(ctx, t, fake, "1"); !strings.Contains(text, "/summarize") {
		t.Errorf("/help sent during the reconnect answered %q", text)
	}

	fake.WithholdAcks()
	fake.WaitClosed(ctx, 2)
	fake.WaitSession(ctx, 3)
	fake.Dispatch("INTERACTION_CREATE", fake.Command("2", discordtest.InGuild, "help"))
	reply(ctx, t, fake, "2")
	if err := stop(); err != nil {
		t.Fatalf("run = %v, want nil", err)
	}

	conns := fake.Connections()
	if len(conns) != 3 {
		t.Fatalf("%d gateway connections, want 3", len(conns))
	}
	for i, c := range conns[1:] {
		if c.Op != 6 || c.Path != "/gateway-ws/resume" || c.SessionID != "session-1" || c.Seq == nil {
			t.Errorf("connection %d: op %d on %s session %q, want RESUME of session-1 on the resume URL", i+2, c.Op, c.Path, c.SessionID)
		}
	}
	if c := conns[1]; c.Seq != nil && *c.Seq != 1 {
		t.Errorf("first RESUME carried seq %d, want 1 (READY)", *c.Seq)
	}
	if c := conns[2]; c.Seq != nil && *c.Seq != 3 {
		t.Errorf("second RESUME carried seq %d, want 3 (READY, the command, RESUMED)", *c.Seq)
	}
	for i, c := range conns[:2] {
		if c.ClosedWith == 1000 || c.ClosedWith == 1001 {
			t.Errorf("connection %d closed with %d, which ends the session", i+1, c.ClosedWith)
		}
	}
	callbacks := 0
	for _, r := range fake.Requests() {
		if strings.Contains(r.Path, "/interactions/1/") {
			callbacks++
		}
	}
	if callbacks != 1 {
		t.Errorf("%d callbacks for the command sent while disconnected, want 1", callbacks)
	}
}

// TestGatewayRefusedToken: Discord closing the gateway with 4004 stops the bot
// with an error that points at DISCORD_TOKEN, instead of reconnecting forever.
func TestGatewayRefusedToken(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	fake := discordtest.NewServer(t)
	fake.Token = "Bot another-token" // the bot's token is now wrong
	vars := map[string]string{"NEWSBOT_DB": filepath.Join(t.TempDir(), "n.db"), "DISCORD_TOKEN": "test-token", "DISCORD_API_URL": fake.URL}
	err := run(ctx, nil, env(vars), strings.NewReader(""), io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "4004") || !strings.Contains(err.Error(), "DISCORD_TOKEN") {
		t.Errorf("run = %v, want the 4004 refusal naming DISCORD_TOKEN", err)
	}
	if n := len(fake.Connections()); n != 1 {
		t.Errorf("%d gateway connections, want 1: no retry after 4004", n)
	}
}
