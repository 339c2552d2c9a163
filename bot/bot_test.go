package bot

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsbot/bot/digest"
	"newsbot/bot/ingest"
	"newsbot/bot/reply"
	"newsbot/seeds"
	"newsbot/store"
	"newsbot/summarize"
	sumtext "newsbot/summarize/text"
)

// newBot returns a bot over a fresh archive holding the seeds.
func newBot(t *testing.T) (*Bot, *store.Store) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "bot.db"), store.Options{Terms: sumtext.Terms})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if _, err := ingest.Seeds(t.Context(), st, seeds.FS, log); err != nil {
		t.Fatal(err)
	}
	return New(st, summarize.New(summarize.Options{}), log), st
}

// text flattens a reply into what a user reads.
func text(r reply.Reply) string {
	var b strings.Builder
	reply.Render(&b, r)
	return b.String()
}

func TestHandle(t *testing.T) {
	b, _ := newBot(t)
	admin := Request{GuildID: "g1", UserID: "u1", CanManage: true}
	tests := []struct {
		name      string
		req       Request
		ephemeral bool
		contains  []string
		excludes  []string
	}{
		{"summarize by title", Request{Command: "summarize", Options: map[string]string{"article": "Procurement"}}, false,
			[]string{"Procurement: September 15, 2003", "High ranking defectors", "ID 1", "extractive summary"}, []string{"Drying Up", "Subscribe"}},
		{"summarize by ID, short", Request{Command: "summarize", Options: map[string]string{"article": "1", "length": "short"}}, false,
			[]string{"High ranking defectors"}, []string{"•"}},
		{"summarize bad length", Request{Command: "summarize", Options: map[string]string{"article": "1", "length": "huge"}}, true,
			[]string{"short, medium or long"}, nil},
		{"ask answered", Request{Command: "ask", Options: map[string]string{"article": "Procurement", "question": "What share of the electronic components in North Korea's missiles are made in Japan?"}}, false,
			[]string{"> Defectors report that some 90 percent"}, nil},
		{"ask not covered", Request{Command: "ask", Options: map[string]string{"article": "Procurement", "question": "What is the population of Pyongyang?"}}, false,
			[]string{"The article doesn't say"}, []string{"> "}},
		{"ask huge question", Request{Command: "ask", Options: map[string]string{"article": "1", "question": strings.Repeat("x", 100_000)}}, true,
			[]string{"too long"}, nil},
		{"unknown article", Request{Command: "summarize", Options: map[string]string{"article": "procurment"}}, true,
			[]string{"No article matches “procurment”", "Procurement: September 15, 2003", "ID 1"}, nil},
		{"unknown ID", Request{Command: "summarize", Options: map[string]string{"article": "4242"}}, true,
			[]string{"No article matches “4242”"}, nil},
		{"unknown URL", Request{Command: "summarize", Options: map[string]string{"article": "https://example.com/x"}}, true,
			[]string{"No article from https://example.com/x"}, nil},
		{"missing option", Request{Command: "ask", Options: map[string]string{"article": "1"}}, true,
			[]string{"needs the option “question”"}, nil},
		{"unknown option", Request{Command: "help", Options: map[string]string{"colour": "red"}}, true,
			[]string{"has no option “colour”"}, nil},
		{"unknown command", Request{Command: "frobnicate"}, true, []string{"Unknown command “/frobnicate”"}, nil},
		{"help", Request{Command: "help"}, true, []string{"/summarize", "/ask", "/digest preview"}, nil},
		{"digest preview in DM", Request{Command: "digest preview"}, true, []string{"works in a server"}, nil},
		{"digest preview without permission", Request{Command: "digest preview", GuildID: "g1"}, true, []string{"needs the Manage Server permission"}, nil},
		{"digest preview", func() Request { r := admin; r.Command = "digest preview"; return r }(), true,
			[]string{"Nothing new since the last digest"}, nil}, // the seed is in the library, not news
	}
	for _, tt := range tests {
		r := b.Handle(t.Context(), tt.req)
		got := text(r)
		if r.Ephemeral != tt.ephemeral {
			t.Errorf("%s: ephemeral = %v, want %v\n%s", tt.name, r.Ephemeral, tt.ephemeral, got)
		}
		for _, s := range tt.contains {
			if !strings.Contains(got, s) {
				t.Errorf("%s: reply lacks %q:\n%s", tt.name, s, got)
			}
		}
		for _, s := range tt.excludes {
			if strings.Contains(got, s) {
				t.Errorf("%s: reply contains %q:\n%s", tt.name, s, got)
			}
		}
		checkLimits(t, tt.name, r)
	}
}

func TestDigestPreviewWindow(t *testing.T) {
	b, _ := newBot(t)
	b.now = func() time.Time { return time.Now().Add(48 * time.Hour) }
	r := b.Handle(t.Context(), Request{Command: "digest preview", GuildID: "g", CanManage: true})
	if !strings.Contains(text(r), "Nothing new since the last digest") {
		t.Errorf("preview two days later = %s, want nothing new", text(r))
	}
}

// TestDigestBounded puts 120 distinct articles in a server's news and checks
// that its digest summarizes 10 stories, lists more by title, counts the rest
// and stays within 3 messages and Discord's limits.
func TestDigestBounded(t *testing.T) {
	b, st := newBot(t)
	var batch []store.Article
	for i := range 120 {
		var words []string
		for j := range 60 {
			words = append(words, fmt.Sprintf("w%dx%d", i, j))
		}
		batch = append(batch, store.Article{
			Title: strings.Repeat("Long title ", 30) + fmt.Sprint(i),
			URL:   "https://example.com/" + strings.Repeat("x", i+1),
			Text:  strings.Repeat("A fairly long sentence about "+strings.Join(words, " ")+". ", 4),
		})
	}
	if _, err := st.Add(t.Context(), store.Grant{Scope: "g", News: true}, batch...); err != nil {
		t.Fatal(err)
	}
	w, msgs, err := b.digests.Next(t.Context(), "g", b.now())
	if err != nil {
		t.Fatal(err)
	}
	if w.Stories() != 120 {
		t.Errorf("%d stories, want 120 (no two of these articles are alike)", w.Stories())
	}
	if len(msgs) == 0 || len(msgs) > digest.MaxMessages {
		t.Fatalf("%d messages, want 1 to %d", len(msgs), digest.MaxMessages)
	}
	summarized, listed := 0, 0
	var all strings.Builder
	for i, m := range msgs {
		checkLimits(t, fmt.Sprint("digest message ", i+1), m)
		for _, e := range m.Embeds {
			summarized += len(e.Fields)
			listed += strings.Count(e.Description, "• ")
		}
		all.WriteString(text(m))
	}
	if summarized != digest.DefaultStories || listed == 0 {
		t.Errorf("%d stories summarized and %d listed, want %d summarized and some listed", summarized, listed, digest.DefaultStories)
	}
	if want := fmt.Sprintf("…and %d more — /search finds them.", 120-summarized-listed); !strings.Contains(all.String(), want) {
		t.Errorf("digest lacks %q", want)
	}
	if !strings.Contains(msgs[0].Embeds[0].Title, "120 new stories") {
		t.Errorf("digest title = %q, want 120 new stories", msgs[0].Embeds[0].Title)
	}
	r := b.Handle(t.Context(), Request{Command: "digest preview", GuildID: "g", CanManage: true})
	if want := fmt.Sprintf("Preview: 120 stories in %d message", len(msgs)); !strings.Contains(r.Content, want) {
		t.Errorf("preview says %q, want %q", r.Content, want)
	}
}

// checkLimits fails the test when a reply breaks one of Discord's limits.
func checkLimits(t *testing.T, name string, r reply.Reply) {
	t.Helper()
	for _, p := range r.Problems() {
		t.Errorf("%s: %s", name, p)
	}
}

func TestDocCache(t *testing.T) {
	c := newDocCache(summarize.NewDoc)
	a := store.Article{ID: 1, Title: "T", Text: "One sentence here. Another one there.", Hash: "h1"}
	d1 := c.doc(a)
	if c.doc(a) != d1 {
		t.Error("the same article was prepared twice")
	}
	a.Text, a.Hash = "Changed text entirely.", "h2"
	if d2 := c.doc(a); d2 == d1 || d2.Sentences[0] != "Changed text entirely." {
		t.Error("a changed article was served from the cache")
	}
	for id := range uint64(docCacheSize + 10) {
		c.doc(store.Article{ID: id + 10, Text: "x.", Hash: "h"})
	}
	if n := c.order.Len(); n != docCacheSize || len(c.items) != docCacheSize {
		t.Errorf("cache holds %d (%d indexed), want %d", n, len(c.items), docCacheSize)
	}
}

func TestAddAndLinks(t *testing.T) {
	page, err := os.ReadFile("ingest/testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/harbour" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(page)
	}))
	defer srv.Close()
	b, st := newBot(t)
	b.ReadLinks(ingest.NewFetcher(true)) // the test server is on 127.0.0.1
	admin := Request{GuildID: "g", CanManage: true}
	add := func(link string) reply.Reply {
		r := admin
		r.Command, r.Options = "add", map[string]string{"url": link}
		return b.Handle(t.Context(), r)
	}
	if got := text(add(srv.URL + "/harbour?utm_source=chat")); !strings.Contains(got, "Added: “Harbour reopens after storm repairs") || !strings.Contains(got, "Port Ellis") {
		t.Errorf("/add = %s", got)
	}
	if got := text(add(srv.URL + "/harbour")); !strings.Contains(got, "Already in the archive") {
		t.Errorf("second /add = %s", got)
	}
	if got := text(add(srv.URL + "/nothing")); !strings.Contains(got, "I couldn't read an article at that link") {
		t.Errorf("/add of a 404 = %s", got)
	}
	if n, _ := st.Count(t.Context()); n != 2 {
		t.Errorf("archive holds %d articles, want 2 (the seed and the harbour)", n)
	}
	// Anyone may summarize a link: it is read once and found after.
	r := b.Handle(t.Context(), Request{Command: "summarize", Options: map[string]string{"article": srv.URL + "/harbour#comments"}})
	if got := text(r); !strings.Contains(got, "Port Ellis") || r.Ephemeral {
		t.Errorf("/summarize of the link = %s", got)
	}
	if got := text(b.Handle(t.Context(), Request{Command: "add", Options: map[string]string{"url": srv.URL}})); !strings.Contains(got, "works in a server") {
		t.Errorf("/add in a DM = %s", got)
	}
}

func TestSearchCommand(t *testing.T) {
	b, st := newBot(t)
	st.Add(t.Context(), store.Grant{Scope: store.Library},
		store.Article{Title: "Harbour reopens", URL: "https://news.example/harbour", Text: "The harbour reopened to ferries on Friday after storm repairs. Traffic returned."},
		store.Article{Title: "Council budget", Text: "The council approved a budget for roads. The harbour wall will be raised next year."},
	)
	got := text(b.Handle(t.Context(), Request{Command: "search", Options: map[string]string{"query": "harbour ferries"}}))
	for _, want := range []string{"Search: harbour ferries", "Harbour reopens (ID 2)", "The harbour reopened to ferries", "https://news.example/harbour", "Council budget (ID 3)"} {
		if !strings.Contains(got, want) {
			t.Errorf("/search lacks %q:\n%s", want, got)
		}
	}
	if strings.Index(got, "Harbour reopens") > strings.Index(got, "Council budget") {
		t.Errorf("the better match is not first:\n%s", got)
	}
	if got := text(b.Handle(t.Context(), Request{Command: "search", Options: map[string]string{"query": "volcano"}})); !strings.Contains(got, "Nothing in the archive matches") {
		t.Errorf("/search volcano = %s", got)
	}
	if got := text(b.Handle(t.Context(), Request{Command: "search", Options: map[string]string{"query": strings.Repeat("x", 300)}})); !strings.Contains(got, "under 200 characters") {
		t.Errorf("/search with a long query = %s", got)
	}
}
