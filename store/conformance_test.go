package store

// The conformance suite: the tests that take eachArchive or storetest.Archives run
// against both backends, a bbolt file and PostgreSQL, and expect the same.
// PostgreSQL comes from NEWSBOT_TEST_POSTGRES (storetest.Postgres).

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"newsbot/store/storetest"
)

// eachArchive runs test on a new, empty archive of each kind.
func eachArchive(t *testing.T, test func(t *testing.T, st *Store)) {
	t.Helper()
	for kind, path := range storetest.Archives(t) {
		t.Run(kind, func(t *testing.T) { test(t, openAt(t, path, Options{})) })
	}
}

func openAt(t *testing.T, path string, opts Options) *Store {
	t.Helper()
	st, err := Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestFeeds(t *testing.T) {
	eachArchive(t, func(t *testing.T, st *Store) {
		ctx := t.Context()
		a, err := st.AddFeed(ctx, Feed{GuildID: "g1", URL: "https://a.example/feed", Title: "A"})
		if err != nil || a.ID == 0 {
			t.Fatalf("AddFeed = %+v, %v", a, err)
		}
		b, _ := st.AddFeed(ctx, Feed{GuildID: "g2", URL: "https://a.example/feed", Title: "A for g2"})
		dup, err := st.AddFeed(ctx, Feed{GuildID: "g1", URL: "https://a.example/feed", Title: "again"})
		if !errors.Is(err, ErrDuplicate) || dup.ID != a.ID || dup.Title != "A" {
			t.Errorf("AddFeed(same server, same URL) = %+v, %v; want ErrDuplicate and feed %d", dup, err, a.ID)
		}
		if got, _ := st.Feeds(ctx, "g1"); len(got) != 1 || got[0].ID != a.ID {
			t.Errorf("Feeds(g1) = %+v, want feed %d only", got, a.ID)
		}
		if got, _ := st.Feeds(ctx, ""); len(got) != 2 || got[0].ID != a.ID || got[1].ID != b.ID {
			t.Errorf("Feeds(all) = %+v, want %d then %d", got, a.ID, b.ID)
		}
		next := time.Date(2026, 5, 1, 12, 0, 0, 123456789, time.UTC)
		up, err := st.UpdateFeed(ctx, a.ID, func(f *Feed) { f.NextPoll, f.Failures, f.ETag = next, 2, `"v1"` })
		if err != nil || !up.NextPoll.Equal(next) || up.Failures != 2 {
			t.Errorf("UpdateFeed = %+v, %v", up, err)
		}
		if got, _ := st.Feeds(ctx, "g1"); len(got) != 1 || !got[0].NextPoll.Equal(next) || got[0].ETag != `"v1"` {
			t.Errorf("Feeds after UpdateFeed = %+v, want the next poll at %s (to the nanosecond)", got, next)
		}
		if got, err := st.Feed(ctx, a.ID); err != nil || got.ID != a.ID || !got.NextPoll.Equal(next) {
			t.Errorf("Feed(%d) = %+v, %v", a.ID, got, err)
		}

		if err := st.MarkItems(ctx, a.ID, []string{"guid-1", "https://a.example/2"}); err != nil {
			t.Fatal(err)
		}
		seen, err := st.SeenItems(ctx, a.ID, []string{"guid-1", "guid-3", "https://a.example/2"})
		if err != nil || fmt.Sprint(seen) != "[true false true]" {
			t.Errorf("SeenItems = %v, %v; want [true false true]", seen, err)
		}
		if seen, _ := st.SeenItems(ctx, b.ID, []string{"guid-1"}); seen[0] {
			t.Error("another feed has seen guid-1")
		}

		if _, err := st.RemoveFeed(ctx, "g2", a.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("RemoveFeed(another server's) = %v, want ErrNotFound", err)
		}
		if f, err := st.RemoveFeed(ctx, "g1", a.ID); err != nil || f.ID != a.ID {
			t.Errorf("RemoveFeed = %+v, %v", f, err)
		}
		if _, err := st.UpdateFeed(ctx, a.ID, func(*Feed) {}); !errors.Is(err, ErrNotFound) {
			t.Errorf("UpdateFeed(removed) = %v, want ErrNotFound", err)
		}
		if _, err := st.Feed(ctx, a.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("Feed(removed) = %v, want ErrNotFound", err)
		}
		again, err := st.AddFeed(ctx, Feed{GuildID: "g1", URL: "https://a.example/feed"})
		if err != nil {
			t.Fatal(err)
		}
		if seen, _ := st.SeenItems(ctx, again.ID, []string{"guid-1"}); seen[0] {
			t.Error("a feed followed again remembers the items of the removed one")
		}
	})
}

func TestDigestLog(t *testing.T) {
	eachArchive(t, func(t *testing.T, st *Store) {
		ctx := t.Context()
		if _, err := st.DigestSettings(ctx, "g1"); !errors.Is(err, ErrNotFound) {
			t.Errorf("DigestSettings(new server) = %v, want ErrNotFound", err)
		}
		set, err := st.UpdateDigestSettings(ctx, "g1", func(d *DigestSettings) error {
			d.ChannelID, d.Time, d.Zone, d.Enabled = "c1", "08:00", "Europe/Paris", true
			return nil
		})
		if err != nil || set.GuildID != "g1" || !set.Enabled {
			t.Fatalf("UpdateDigestSettings = %+v, %v", set, err)
		}
		refused := errors.New("refused")
		if _, err := st.UpdateDigestSettings(ctx, "g1", func(d *DigestSettings) error {
			d.Enabled = false
			return refused
		}); !errors.Is(err, refused) {
			t.Errorf("UpdateDigestSettings(failing update) = %v, want its error", err)
		}
		if d, _ := st.DigestSettings(ctx, "g1"); !d.Enabled || d.Zone != "Europe/Paris" {
			t.Errorf("after a failed update: %+v, want it unchanged", d)
		}
		st.UpdateDigestSettings(ctx, "g0", func(d *DigestSettings) error { return nil })
		if all, _ := st.AllDigestSettings(ctx); len(all) != 2 || all[0].GuildID != "g0" || all[1].GuildID != "g1" {
			t.Errorf("AllDigestSettings = %+v, want g0 and g1", all)
		}

		end := time.Date(2026, 3, 2, 7, 0, 0, 5, time.UTC)
		run := DigestRun{GuildID: "g1", Date: "2026-03-02", State: DigestPosting, WindowEnd: end, Articles: []uint64{3, 1},
			Messages: []json.RawMessage{json.RawMessage(`{"content":"b","embeds":[]}`)}}
		if err := st.SaveDigestRun(ctx, run, nil); err != nil {
			t.Fatal(err)
		}
		run.State, run.MessageIDs = DigestPosted, []string{"m1"}
		if err := st.SaveDigestRun(ctx, run, func(d *DigestSettings) error { d.WindowEnd = end; return nil }); err != nil {
			t.Fatal(err)
		}
		st.SaveDigestRun(ctx, DigestRun{GuildID: "g1", Date: "2026-03-01", State: DigestEmpty}, nil)
		got, err := st.DigestRun(ctx, "g1", "2026-03-02")
		if err != nil || got.State != DigestPosted || fmt.Sprint(got.Articles) != "[3 1]" || string(got.Messages[0]) != `{"content":"b","embeds":[]}` || !got.WindowEnd.Equal(end) {
			t.Errorf("DigestRun = %+v, %v; want the posted run as saved", got, err)
		}
		if d, _ := st.DigestSettings(ctx, "g1"); !d.WindowEnd.Equal(end) {
			t.Errorf("settings' window end = %s, want %s (saved with the run)", d.WindowEnd, end)
		}
		if runs, _ := st.DigestRuns(ctx, "g1"); len(runs) != 2 || runs[0].Date != "2026-03-01" {
			t.Errorf("DigestRuns = %+v, want two, oldest first", runs)
		}
		if _, err := st.DigestRun(ctx, "g2", "2026-03-02"); !errors.Is(err, ErrNotFound) {
			t.Errorf("DigestRun(other server) = %v, want ErrNotFound", err)
		}
	})
}

func TestServerSettings(t *testing.T) {
	eachArchive(t, func(t *testing.T, st *Store) {
		ctx := t.Context()
		if s, err := st.Settings(ctx, "g1"); err != nil || s != (Settings{GuildID: "g1"}) {
			t.Errorf("Settings(new server) = %+v, %v; want the zero value", s, err)
		}
		if _, err := st.UpdateSettings(ctx, "g1", func(s *Settings) { s.MembersAdd, s.DigestStories = true, 5 }); err != nil {
			t.Fatal(err)
		}
		if s, _ := st.Settings(ctx, "g1"); !s.MembersAdd || s.DigestStories != 5 {
			t.Errorf("Settings = %+v after the update", s)
		}
		if s, _ := st.Settings(ctx, "g2"); s.MembersAdd {
			t.Errorf("another server's settings changed: %+v", s)
		}
	})
}

// TestConcurrentWriters runs writers on two Stores opened on one archive
// where the backend allows it (PostgreSQL), as two processes would: the same
// links added at once are stored once, and no settings change or token is
// lost.
func TestConcurrentWriters(t *testing.T) {
	dsn := storetest.Postgres(t)
	if dsn == "" {
		return
	}
	ctx := t.Context()
	stores := []*Store{openAt(t, dsn, Options{}), openAt(t, dsn, Options{})}
	const links, rounds = 20, 10
	var wg sync.WaitGroup
	ids := make([][]uint64, len(stores))
	for i, st := range stores {
		wg.Go(func() {
			for n := range links {
				// The same links, in the opposite order on each side.
				if i == 1 {
					n = links - 1 - n
				}
				res, err := st.Add(ctx, Grant{Scope: fmt.Sprint("g", i), News: true},
					Article{Title: fmt.Sprint("Story ", n), URL: fmt.Sprint("https://news.example/", n), Text: fmt.Sprint("The text of story ", n)})
				if err != nil {
					t.Error(err)
					return
				}
				ids[i] = append(ids[i], res[0].ID)
			}
			for range rounds {
				if _, err := st.UpdateSettings(ctx, "shared", func(s *Settings) { s.DigestStories++ }); err != nil {
					t.Error(err)
				}
				if _, err := st.AddTokens(ctx, "shared", "2026-01-01", 10); err != nil {
					t.Error(err)
				}
				if _, err := st.UpdateDigestSettings(ctx, "shared", func(d *DigestSettings) error { d.Time += "x"; return nil }); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if n, _ := stores[0].Count(ctx); n != links {
		t.Errorf("Count = %d, want %d (each link stored once)", n, links)
	}
	slices.Sort(ids[0])
	slices.Sort(ids[1])
	if !slices.Equal(ids[0], ids[1]) {
		t.Errorf("the two writers got different IDs for the same links: %v and %v", ids[0], ids[1])
	}
	for i := range stores {
		if items, _ := stores[0].News(ctx, fmt.Sprint("g", i), time.Time{}, time.Time{}); len(items) != links {
			t.Errorf("server g%d has %d news items, want %d", i, len(items), links)
		}
	}
	if s, _ := stores[1].Settings(ctx, "shared"); s.DigestStories != 2*rounds {
		t.Errorf("DigestStories = %d after %d increments, want no lost update", s.DigestStories, 2*rounds)
	}
	if n, _ := stores[1].Tokens(ctx, "shared", "2026-01-01"); n != 2*rounds*10 {
		t.Errorf("Tokens = %d, want %d", n, 2*rounds*10)
	}
	if d, _ := stores[0].DigestSettings(ctx, "shared"); d.Time != strings.Repeat("x", 2*rounds) {
		t.Errorf("digest settings' Time = %q, want %d x's", d.Time, 2*rounds)
	}
}

func TestLeases(t *testing.T) {
	eachArchive(t, func(t *testing.T, st *Store) {
		ctx := t.Context()
		take := func(name, holder string, ttl time.Duration) bool {
			t.Helper()
			ok, err := st.Lease(ctx, name, holder, ttl)
			if err != nil {
				t.Fatal(err)
			}
			return ok
		}
		if !take("digest/g1", "a", time.Minute) {
			t.Fatal("a could not take a free lease")
		}
		if take("digest/g1", "b", time.Minute) {
			t.Error("b took a's lease before it lapsed")
		}
		if !take("digest/g1", "a", time.Minute) {
			t.Error("a could not renew its own lease")
		}
		if !take("digest/g2", "b", time.Minute) {
			t.Error("b could not take another lease")
		}
		if err := st.Release(ctx, "digest/g1", "b"); err != nil {
			t.Fatal(err)
		}
		if take("digest/g1", "b", time.Minute) {
			t.Error("b's release of a lease it did not hold freed it")
		}
		st.Release(ctx, "digest/g1", "a")
		if !take("digest/g1", "b", -time.Second) {
			t.Error("b could not take a released lease")
		}
		// b's lease above lapsed at once (a holder that stopped renewing).
		if !take("digest/g1", "a", time.Minute) {
			t.Error("a could not take a lapsed lease")
		}
	})
}

// TestSearchFindsKnownItems searches the 2,085-article BBC corpus on each
// backend as a reader looking for an article they half remember: three
// longer words from a passage of it. The article should come first as often
// on PostgreSQL as in the file (BM25 in both; measured with lower-case words
// as terms: 241 and 246 of 300 first, 287 and 288 in the top five; with the
// bot's Terms, 206 and 205, 263 and 264).
func TestSearchFindsKnownItems(t *testing.T) {
	f, err := os.Open("../../shared/corpus/bbc-2085.jsonl")
	if err != nil {
		t.Skipf("no corpus beside the repository: %v", err)
	}
	defer f.Close()
	var articles []Article
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		articles = append(articles, Article{Title: a.Title, Text: a.Text})
	}
	type query struct {
		words   string
		article int
	}
	var queries []query
	rng := rand.New(rand.NewPCG(1, 2))
	for len(queries) < 300 {
		i := rng.IntN(len(articles))
		words := strings.Fields(articles[i].Text)
		if len(words) < 40 {
			continue
		}
		var pick []string
		start := rng.IntN(len(words) - 30)
		for _, w := range words[start : start+30] {
			if w = strings.Trim(strings.ToLower(w), `.,"'():;?!`); len(w) > 4 && len(pick) < 3 {
				pick = append(pick, w)
			}
		}
		queries = append(queries, query{strings.Join(pick, " "), i})
	}
	first := map[string]int{}
	for kind, path := range storetest.Archives(t) {
		st := openAt(t, path, Options{})
		res, err := st.Add(t.Context(), lib, articles...)
		if err != nil {
			t.Fatal(err)
		}
		top5 := 0
		for _, q := range queries {
			hits, err := st.Search(t.Context(), Library, q.words, 5)
			if err != nil {
				t.Fatal(err)
			}
			for rank, h := range hits {
				if h.ID == res[q.article].ID {
					top5++
					if rank == 0 {
						first[kind]++
					}
				}
			}
		}
		t.Logf("%s: of %d queries, %d found first, %d in the top five", kind, len(queries), first[kind], top5)
		if top5 < len(queries)*8/10 {
			t.Errorf("%s: %d of %d in the top five, want 80%% at least", kind, top5, len(queries))
		}
	}
	if pg, ok := first["postgres"]; ok && pg < first["bolt"]-len(queries)/50 {
		t.Errorf("PostgreSQL finds %d first, the file %d: more than 2%% apart", pg, first["bolt"])
	}
}

// TestHold: a held lease is renewed while the work runs, so another holder
// cannot take it even well past its time to live, and can once it is
// released.
func TestHold(t *testing.T) {
	eachArchive(t, func(t *testing.T, st *Store) {
		ctx := t.Context()
		const ttl = 300 * time.Millisecond
		held, release, ok, err := st.Hold(ctx, "feed/1", "a", ttl)
		if err != nil || !ok {
			t.Fatalf("Hold = %v, %v; want the free lease", ok, err)
		}
		deadline := time.Now().Add(3 * ttl)
		for time.Now().Before(deadline) {
			if ok, _ := st.Lease(ctx, "feed/1", "b", ttl); ok {
				t.Fatal("b took a lease that a holds and renews")
			}
			<-time.After(ttl / 5)
		}
		if held.Err() != nil {
			t.Errorf("the held context ended while the lease was renewed: %v", held.Err())
		}
		if err := release(); err != nil {
			t.Fatal(err)
		}
		if held.Err() == nil {
			t.Error("the held context lives on after release")
		}
		if ok, _ := st.Lease(ctx, "feed/1", "b", ttl); !ok {
			t.Error("b could not take the lease a released")
		}
	})
}

func TestClaims(t *testing.T) {
	eachArchive(t, func(t *testing.T, st *Store) {
		ctx := t.Context()
		claim := func(name string, ttl time.Duration) bool {
			t.Helper()
			first, err := st.Claim(ctx, name, ttl)
			if err != nil {
				t.Fatal(err)
			}
			return first
		}
		if !claim("interaction/1", time.Minute) || claim("interaction/1", time.Minute) {
			t.Error("interaction 1: want the first claim to win and the second to lose")
		}
		if !claim("interaction/2", -time.Second) || !claim("interaction/2", time.Minute) {
			t.Error("interaction 2: a claim past its time still holds")
		}
		if !claim("interaction/1/other", time.Minute) {
			t.Error("a claim of another name lost")
		}
	})
}

// TestSearchCommonWordsInALargeArchive: on PostgreSQL, a query whose words
// are all common in a large archive searches the newest articles only (the
// limits lowered here so that 300 articles are a large archive); one with a
// rarer word still finds an old article.
func TestSearchCommonWordsInALargeArchive(t *testing.T) {
	dsn := storetest.Postgres(t)
	if dsn == "" {
		return
	}
	ctx := t.Context()
	st := openAt(t, dsn, Options{})
	articles := []Article{{Title: "Old", Text: "Common, common, common: the zebracorn was as common as can be."}}
	for i := range 300 {
		articles = append(articles, Article{Title: fmt.Sprint("Note ", i), Text: fmt.Sprintf("A common word, number %d.", i)})
	}
	res, err := st.Add(ctx, lib, articles...)
	if err != nil {
		t.Fatal(err)
	}
	old, newest := res[0].ID, res[len(res)-1].ID
	if hits, _ := st.Search(ctx, Library, "common", 5); len(hits) == 0 || hits[0].ID != old {
		t.Fatalf("Search(common) in a small archive = %v, want the old article %d first (it says common most)", hits, old)
	}
	pg := st.a.(*pgArchive)
	pg.dfCap, pg.recent = 10, 20
	hits, err := st.Search(ctx, Library, "common", 5)
	if err != nil || len(hits) != 5 {
		t.Fatalf("Search(common) = %v, %v; want 5 hits", hits, err)
	}
	for _, h := range hits {
		if h.ID+20 <= newest {
			t.Errorf("Search(common) in a large archive found article %d, older than the newest 20 (to %d)", h.ID, newest)
		}
	}
	if hits, _ := st.Search(ctx, Library, "zebracorn common", 5); len(hits) == 0 || hits[0].ID != old {
		t.Errorf("Search(zebracorn common) = %v, want the old article %d first", hits, old)
	}
}

// A title word in more titles than a lookup reads (maxPostings) still offers
// the newest of them.
func TestFindTitlesNewestFirst(t *testing.T) {
	eachArchive(t, func(t *testing.T, st *Store) {
		ctx := t.Context()
		const n = maxPostings + 1000
		var batch []Article
		for i := range n {
			batch = append(batch, Article{Title: fmt.Sprintf("Budget day %d", i), Text: fmt.Sprintf("Budget body %d", i)})
		}
		var last uint64
		for len(batch) > 0 {
			k := min(len(batch), 1000)
			res, err := st.Add(ctx, lib, batch[:k]...)
			if err != nil {
				t.Fatal(err)
			}
			last = res[len(res)-1].ID
			batch = batch[k:]
		}
		found, err := st.FindTitles(ctx, Library, "budget", 3)
		if err != nil || len(found) != 3 || found[0].ID != last {
			t.Errorf("FindTitles(budget) = %+v, %v; want the newest, %d, first", found, err, last)
		}
	})
}
