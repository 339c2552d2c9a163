package bot

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"newsbot/bot/ingest"
	"newsbot/store"
)

// feedSite serves an RSS feed whose items the test adds, with an ETag, and
// the article page that teaser items link to; mode makes it fail.
type feedSite struct {
	mu    sync.Mutex
	items []string
	mode  string // "", "500", "garbage"
	hits  map[string]int
	srv   *httptest.Server
}

func newFeedSite(t *testing.T) *feedSite {
	t.Helper()
	page, err := os.ReadFile("ingest/testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	s := &feedSite{hits: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.hits[r.URL.Path]++
		switch r.URL.Path {
		case "/feed":
			switch s.mode {
			case "500":
				http.Error(w, "down", http.StatusInternalServerError)
				return
			case "garbage":
				fmt.Fprint(w, "\x00\x01 this is not xml")
				return
			}
			etag := fmt.Sprintf(`"v%d"`, len(s.items))
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Feed</title><link>%s</link>%s</channel></rss>`, s.srv.URL, strings.Join(s.items, ""))
		case "/page":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, `<html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head><body>Hi</body></html>`)
		default:
			if strings.HasPrefix(r.URL.Path, "/story/") {
				w.Header().Set("Content-Type", "text/html")
				w.Write([]byte(strings.Replace(string(page), "Harbour reopens after storm repairs", "Story "+r.URL.Path[7:], 2)))
				return
			}
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.srv.Close)
	return s
}

// add puts an item in the feed: a teaser that links to a story page, or an item
// that carries its full text.
func (s *feedSite) add(n int, full bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	body := "A short teaser."
	if full {
		body = strings.Repeat(fmt.Sprintf("Full text of item %d, long enough to stand as an article by itself. ", n), 12)
	}
	s.items = append([]string{fmt.Sprintf(`<item><title>Item %d</title><link>%s/story/%d</link><guid>item-%d</guid><description>%s</description></item>`, n, s.srv.URL, n, n, body)}, s.items...)
}

func (s *feedSite) set(mode string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mode = mode
}

func TestFeeds(t *testing.T) {
	site := newFeedSite(t)
	site.add(1, false)
	site.add(2, true)
	b, st := newBot(t)
	b.ReadLinks(ingest.NewFetcher(true))
	admin := Request{GuildID: "g1", CanManage: true}
	do := func(cmd string, opts map[string]string) string {
		r := admin
		r.Command, r.Options = cmd, opts
		return text(b.Handle(t.Context(), r))
	}

	// A page that announces its feed is followed to it.
	if got := do("feed add", map[string]string{"url": site.srv.URL + "/page"}); !strings.Contains(got, "Following “Test Feed” (feed 1): 2 articles added to this server's archive now (not to the digest)") {
		t.Fatalf("/feed add = %s", got)
	}
	if got := do("feed add", map[string]string{"url": site.srv.URL + "/feed"}); !strings.Contains(got, "already follows") {
		t.Errorf("second /feed add = %s", got)
	}
	if got := do("feed add", map[string]string{"url": site.srv.URL + "/story/9"}); !strings.Contains(got, "it is a web page that names no feed") {
		t.Errorf("/feed add of an article = %s", got)
	}
	if n, _ := st.Count(t.Context()); n != 3 {
		t.Errorf("archive holds %d articles, want 3 (seed + 2 items)", n)
	}
	if got := do("search", map[string]string{"query": "Port Ellis harbour"}); !strings.Contains(got, "Item 1 (ID") || !strings.Contains(got, "The harbour in Port Ellis") {
		t.Errorf("the teaser's full text was not fetched and indexed: %s", got)
	}

	poll := func(after time.Duration) {
		t.Helper()
		b.pollDue(t.Context(), time.Now().Add(after))
	}
	// Nothing new: a conditional request, answered 304.
	poll(time.Hour)
	if site.hits["/feed"] != 3 {
		t.Errorf("feed fetched %d times, want 3", site.hits["/feed"])
	}
	// New items arrive.
	site.add(3, true)
	poll(2 * time.Hour)
	if n, _ := st.Count(t.Context()); n != 4 {
		t.Errorf("after a new item the archive holds %d, want 4", n)
	}
	if got := do("digest preview", nil); !strings.Contains(got, "Item 3") {
		t.Errorf("the new item is not in the digest preview: %s", got)
	}

	// Failures show in /feed list, then clear.
	site.set("500")
	poll(3 * time.Hour)
	if got := do("feed list", nil); !strings.Contains(got, "500 Internal Server Error") || !strings.Contains(got, "1 failure in a row") {
		t.Errorf("/feed list after a 500 = %s", got)
	}
	site.set("garbage")
	poll(48 * time.Hour)
	if got := do("feed list", nil); !strings.Contains(got, "not an RSS, Atom or JSON feed") || !strings.Contains(got, "2 failures in a row") {
		t.Errorf("/feed list after garbage = %s", got)
	}
	site.set("")
	poll(96 * time.Hour)
	if got := do("feed list", nil); strings.Contains(got, "⚠") || !strings.Contains(got, "3 articles") {
		t.Errorf("/feed list after recovery = %s", got)
	}

	// Autocomplete and removal.
	if got := b.Autocomplete(t.Context(), Request{Command: "feed remove", GuildID: "g1", CanManage: true}, "feed", "test"); len(got) != 1 || got[0].Value != "1" {
		t.Errorf("feed autocomplete = %v", got)
	}
	for _, who := range []Request{{GuildID: "g1"}, {GuildID: "g1", CanManage: true, UserInstall: true}, {GuildID: "g2", CanManage: true}} {
		who.Command = "feed remove"
		if got := b.Autocomplete(t.Context(), who, "feed", ""); len(got) != 0 {
			t.Errorf("feed autocomplete for %+v offers %v, want nothing (g1's admins only)", who, got)
		}
	}
	if got := text(b.Handle(t.Context(), Request{Command: "feed remove", GuildID: "g2", CanManage: true, Options: map[string]string{"feed": "1"}})); !strings.Contains(got, "has no feed 1") {
		t.Errorf("another server removing the feed = %s", got)
	}
	if got := do("feed remove", map[string]string{"feed": "1"}); !strings.Contains(got, "No longer following “Test Feed”") {
		t.Errorf("/feed remove = %s", got)
	}
	if got := do("feed list", nil); !strings.Contains(got, "follows no feeds") {
		t.Errorf("/feed list after removal = %s", got)
	}
}

func TestNextPoll(t *testing.T) {
	now := time.Now()
	for failures, want := range map[int]time.Duration{0: pollInterval, 1: 2 * pollInterval, 3: 8 * pollInterval, 20: maxPollWait} {
		got := nextPoll(now, failures).Sub(now)
		if got < want*9/10 || got > want*11/10 {
			t.Errorf("nextPoll after %d failures = %v, want %v ±10%%", failures, got, want)
		}
	}
}

// TestFeedAddResumes follows a feed whose first /feed add was cut short after
// the subscription was saved (the bot was killed): the next /feed add finishes
// the import instead of answering "already follows", quietly, and the one after
// that says it follows.
func TestFeedAddResumes(t *testing.T) {
	site := newFeedSite(t)
	site.add(1, true)
	site.add(2, true)
	b, st := newBot(t)
	b.ReadLinks(ingest.NewFetcher(true))
	if _, err := st.AddFeed(t.Context(), store.Feed{GuildID: "g1", URL: site.srv.URL + "/feed", Title: "Test Feed", Added: time.Now()}); err != nil {
		t.Fatal(err)
	}
	add := Request{Command: "feed add", GuildID: "g1", CanManage: true, Options: map[string]string{"url": site.srv.URL + "/feed"}}
	if got := text(b.Handle(t.Context(), add)); !strings.Contains(got, "Finished the first import of “Test Feed” (feed 1): 2 articles added") {
		t.Errorf("/feed add after a cut-short first import = %s", got)
	}
	if got := text(b.Handle(t.Context(), add)); !strings.Contains(got, "already follows") {
		t.Errorf("/feed add once more = %s", got)
	}
	if got := text(b.Handle(t.Context(), Request{Command: "digest preview", GuildID: "g1", CanManage: true})); !strings.Contains(got, "Nothing new") {
		t.Errorf("the back catalogue went into the digest: %s", got)
	}
	// The poller finishing it instead is quiet too.
	b2, st2 := newBot(t)
	b2.ReadLinks(ingest.NewFetcher(true))
	st2.AddFeed(t.Context(), store.Feed{GuildID: "g1", URL: site.srv.URL + "/feed", Title: "Test Feed", Added: time.Now()})
	b2.pollDue(t.Context(), time.Now())
	if n, _ := st2.Count(t.Context()); n != 3 {
		t.Errorf("after the poll the archive holds %d, want 3 (seed + 2 items)", n)
	}
	if got := text(b2.Handle(t.Context(), Request{Command: "digest preview", GuildID: "g1", CanManage: true})); !strings.Contains(got, "Nothing new") {
		t.Errorf("the poller's first import went into the digest: %s", got)
	}
}

// TestTeasersReadConcurrently follows a feed of eight teasers whose pages are
// slow: they are read four at a time, never more.
func TestTeasersReadConcurrently(t *testing.T) {
	page, err := os.ReadFile("ingest/testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	inFlight, most := 0, 0
	full := make(chan struct{})
	var once sync.Once
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed" {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>`)
			for i := range 8 {
				fmt.Fprintf(w, `<item><title>Story %d</title><link>%s/story/%d</link><guid>s%d</guid><description>A teaser.</description></item>`, i, srv.URL, i, i)
			}
			fmt.Fprint(w, `</channel></rss>`)
			return
		}
		mu.Lock()
		inFlight++
		most = max(most, inFlight)
		if inFlight == teaserReaders {
			once.Do(func() { close(full) })
		}
		mu.Unlock()
		select { // hold the page until four are being read at once
		case <-full:
		case <-r.Context().Done():
		}
		mu.Lock()
		inFlight--
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(strings.ReplaceAll(string(page), "Port Ellis", "Port Ellis "+strings.TrimPrefix(r.URL.Path, "/story/"))))
	}))
	defer srv.Close()
	b, _ := newBot(t)
	b.ReadLinks(ingest.NewFetcher(true))
	got := text(b.Handle(t.Context(), Request{Command: "feed add", GuildID: "g1", CanManage: true, Options: map[string]string{"url": srv.URL + "/feed"}}))
	if !strings.Contains(got, "8 articles added") {
		t.Errorf("/feed add = %s", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if most != teaserReaders {
		t.Errorf("at most %d teaser pages were read at once, want %d", most, teaserReaders)
	}
}
