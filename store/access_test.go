package store

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestScopes(t *testing.T) {
	eachArchive(t, func(t *testing.T, st *Store) {
		ctx := t.Context()
		a, b := Grant{Scope: "guild-a", News: true}, Grant{Scope: "guild-b", News: true}
		if _, err := st.Add(ctx, lib, Article{Title: "Library harbour", Text: "The harbour is in the library."}); err != nil {
			t.Fatal(err)
		}
		res, err := st.Add(ctx, a, Article{Title: "Secret harbour plans", URL: "https://a.example/plans", Text: "Only server A brought in the harbour plans."})
		if err != nil {
			t.Fatal(err)
		}
		idA := res[0].ID

		for _, tt := range []struct {
			scope string
			want  string
		}{{"guild-a", "[1 2]"}, {"guild-b", "[1]"}, {Library, "[1]"}} {
			hits, err := st.Search(ctx, tt.scope, "harbour", 5)
			if err != nil {
				t.Fatal(err)
			}
			var ids []uint64
			for _, h := range hits {
				ids = append(ids, h.ID)
			}
			slices.Sort(ids)
			if fmt.Sprint(ids) != tt.want {
				t.Errorf("Search(%s, harbour) = %v, want %v", tt.scope, ids, tt.want)
			}
			titles, _ := st.FindTitles(ctx, tt.scope, "harb", 5)
			if len(titles) != len(ids) {
				t.Errorf("FindTitles(%s, harb) = %v, want %d titles", tt.scope, titles, len(ids))
			}
			newest, _ := st.Suggest(ctx, tt.scope, "", 5)
			if len(newest) != len(ids) {
				t.Errorf("Suggest(%s) = %v, want %d titles", tt.scope, newest, len(ids))
			}
		}
		visible := func(scope string, id uint64) bool {
			t.Helper()
			ok, err := st.Visible(ctx, scope, id)
			if err != nil {
				t.Fatal(err)
			}
			return ok
		}
		if !visible("guild-a", idA) || visible("guild-b", idA) || !visible("guild-b", 1) {
			t.Errorf("Visible: A sees %d %v, B sees it %v, B sees the library %v", idA, visible("guild-a", idA), visible("guild-b", idA), visible("guild-b", 1))
		}

		// B brings in the same link: one stored copy, now visible to both, and
		// news in B from the moment B got it.
		res, err = st.Add(ctx, b, Article{Title: "Secret harbour plans", URL: "https://a.example/plans", Text: "Only server A brought in the harbour plans."})
		if err != nil {
			t.Fatal(err)
		}
		if !res[0].Duplicate || res[0].Had || res[0].ID != idA || !visible("guild-b", idA) {
			t.Errorf("B adding A's article: %+v, visible in B %v; want a duplicate new to B", res[0], visible("guild-b", idA))
		}
		res, _ = st.Add(ctx, b, Article{URL: "https://a.example/plans", Text: "x"})
		if !res[0].Had {
			t.Errorf("B adding it again: %+v, want Had", res[0])
		}
		if n, _ := st.Count(ctx); n != 2 {
			t.Errorf("Count = %d, want 2 (one stored copy)", n)
		}
		for scope, want := range map[string]string{"guild-a": "[2]", "guild-b": "[2]", Library: "[]"} {
			items, err := st.News(ctx, scope, time.Now().Add(-time.Hour), time.Time{})
			if ids := newsIDs(items); err != nil || fmt.Sprint(ids) != want {
				t.Errorf("News(%s) = %v, %v; want %s", scope, ids, err, want)
			}
		}
		if _, err := st.Add(ctx, Grant{}, Article{Text: "x"}); err == nil {
			t.Error("Add with no scope succeeded")
		}
	})
}

func TestNewsWindow(t *testing.T) {
	eachArchive(t, func(t *testing.T, st *Store) {
		ctx := t.Context()
		base := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
		g := Grant{Scope: "g", News: true}
		for i := range 5 {
			if _, err := st.Add(ctx, g, Article{Title: fmt.Sprint("T", i), Text: fmt.Sprint("text ", i), Added: base.Add(time.Duration(i) * time.Hour)}); err != nil {
				t.Fatal(err)
			}
		}
		st.Add(ctx, Grant{Scope: "g"}, Article{Title: "quiet", Text: "a backfill", Added: base.Add(3 * time.Hour)})
		st.Add(ctx, Grant{Scope: "other", News: true}, Article{Title: "elsewhere", Text: "another server", Added: base.Add(3 * time.Hour)})
		for _, tt := range []struct {
			from, to time.Time
			want     string
		}{
			{base.Add(2 * time.Hour), time.Time{}, "[5 4 3]"},
			{base, base.Add(2 * time.Hour), "[2 1]"},
			{base.Add(10 * time.Hour), time.Time{}, "[]"},
		} {
			items, err := st.News(ctx, "g", tt.from, tt.to)
			if ids := newsIDs(items); err != nil || fmt.Sprint(ids) != tt.want {
				t.Errorf("News(g, %s, %s) = %v, %v; want %s", tt.from, tt.to, ids, err, tt.want)
			}
		}
		if items, _ := st.News(ctx, "g", base, base.Add(90*time.Minute)); len(items) != 2 || !items[0].Joined.Equal(base.Add(time.Hour)) {
			t.Errorf("News(g, first 90 min) = %+v, want article 2 joined at %s first", items, base.Add(time.Hour))
		}
	})
}

// TestMigrateArchiveV1 opens an archive written by the store before scopes
// (testdata/archive-v1.db) and finds its articles in the library, its settings,
// feeds and digest log intact.
func TestMigrateArchiveV1(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "v1.db")
	copyFile(t, "testdata/archive-v1.db", path)
	for round := range 2 { // the second open finds the migration done
		st, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, scope := range []string{Library, "111", "any other server"} {
			hits, _ := st.Search(ctx, scope, "harbour", 5)
			if ok, _ := st.Visible(ctx, scope, 1); len(hits) != 1 || hits[0].ID != 2 || !ok {
				t.Errorf("round %d: Search(%s, harbour) = %v, Visible(1) %v; want article 2 and 1 visible", round, scope, hits, ok)
			}
		}
		if ids, _ := st.News(ctx, "111", time.Time{}, time.Time{}); round == 0 && len(ids) != 0 {
			t.Errorf("round %d: migrated articles are news in 111: %v", round, ids)
		}
		d, err := st.DigestSettings(ctx, "111")
		if err != nil || d.ChannelID != "222" || d.Zone != "Europe/Berlin" || !d.Enabled {
			t.Errorf("round %d: digest settings = %+v, %v", round, d, err)
		}
		feeds, _ := st.Feeds(ctx, "111")
		if len(feeds) != 1 || feeds[0].URL != "https://example.com/feed.xml" {
			t.Errorf("round %d: feeds = %+v", round, feeds)
		}
		if r, err := st.DigestRun(ctx, "111", "2026-11-30"); err != nil || r.State != DigestPosted || len(r.MessageIDs) != 1 {
			t.Errorf("round %d: digest run = %+v, %v", round, r, err)
		}
		res, err := st.Add(ctx, Grant{Scope: "111", News: true}, Article{Title: "New", Text: "A new article after the migration."})
		if err != nil || res[0].Duplicate && round == 0 {
			t.Errorf("round %d: Add after migration = %+v, %v", round, res, err)
		}
		if ok, _ := st.Visible(ctx, "222", 3); ok {
			t.Errorf("round %d: a server's new article is visible to another", round)
		}
		st.Close()
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func newsIDs(items []NewsItem) []uint64 {
	ids := []uint64{}
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	return ids
}
