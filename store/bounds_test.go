package store

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"newsbot/store/storetest"
)

// TestKeysBounded adds articles whose URL, title and text hold what no key can
// (a 40,000-character URL, a 100,000-letter word) and finds them again by URL
// and by their ordinary words.
func TestKeysBounded(t *testing.T) {
	eachArchive(t, func(t *testing.T, st *Store) {
		ctx := t.Context()
		long := "https://example.com/" + strings.Repeat("a", 40000)
		blob := strings.Repeat("z", 100000)
		res, err := st.Add(ctx, lib,
			Article{Title: "Long link", URL: long, Text: "An article behind a very long link about harbours."},
			Article{Title: "Blob " + blob, Text: "A pasted blob " + blob + " inside an article about ferries."},
		)
		if err != nil {
			t.Fatalf("Add = %v, want both stored", err)
		}
		if a, err := st.ArticleByURL(ctx, long); err != nil || a.ID != res[0].ID {
			t.Errorf("ArticleByURL(40,000 characters) = %d, %v; want %d", a.ID, err, res[0].ID)
		}
		if again, _ := st.Add(ctx, lib, Article{URL: long, Text: "other text"}); !again[0].Duplicate {
			t.Errorf("the same long link again is not a duplicate: %+v", again[0])
		}
		for q, want := range map[string]uint64{"harbours": res[0].ID, "ferries": res[1].ID} {
			hits, err := st.Search(ctx, Library, q, 1)
			if err != nil || len(hits) != 1 || hits[0].ID != want {
				t.Errorf("Search(%s) = %v, %v; want article %d", q, hits, err, want)
			}
		}
		if titles, _ := st.FindTitles(ctx, Library, "blob", 1); len(titles) != 1 {
			t.Errorf("FindTitles(blob) = %v, want the blob article", titles)
		}
		// An error names the article by a short title.
		_, err = st.Add(ctx, lib, Article{Title: strings.Repeat("t", 5000), Text: " "})
		if err == nil || len(err.Error()) > 200 {
			t.Errorf("Add(empty text, 5,000-character title) error = %.300v (%d bytes), want a short error", err, len(fmt.Sprint(err)))
		}
	})
}

// FuzzAdd stores articles with any URL, title, text and scope — the paths from
// user input to the archive's keys — and checks that Add either refuses with an
// error or stores an article that is found again by ID and URL, and that the
// archive stays usable — on both backends (PostgreSQL when the tests have it).
func FuzzAdd(f *testing.F) {
	f.Add("https://example.com/a", "A title", "Some text.", "g1")
	f.Add("https://example.com/"+strings.Repeat("a", 600), strings.Repeat("t", 200), strings.Repeat("z", 5000), "dm/1")
	f.Add("", "", "\x00\xff text", "library")
	f.Add("https://example.com/\xff", "\xc3\x28 title\x00", "text\x00with a NUL byte and \xe2\x82 a cut rune", "g\xff")
	paths := []string{filepath.Join(f.TempDir(), "fuzz.db")}
	if dsn := storetest.Postgres(f); dsn != "" {
		paths = append(paths, dsn)
	}
	var stores []*Store
	for _, path := range paths {
		st, err := Open(path, Options{})
		if err != nil {
			f.Fatal(err)
		}
		f.Cleanup(func() { st.Close() })
		stores = append(stores, st)
	}
	f.Fuzz(func(t *testing.T, url, title, text, scope string) {
		for _, st := range stores {
			addAndFind(t, st, url, title, text, scope)
		}
	})
}

// addAndFind adds one article and finds it again as FuzzAdd expects.
func addAndFind(t *testing.T, st *Store, url, title, text, scope string) {
	t.Helper()
	ctx := t.Context()
	res, err := st.Add(ctx, Grant{Scope: scope, News: true}, Article{Title: title, URL: url, Text: text})
	if err != nil {
		return
	}
	if ok, err := st.Visible(ctx, scope, res[0].ID); !ok || err != nil {
		t.Errorf("Add(%q) stored %d, not visible in its scope", scope, res[0].ID)
	}
	if _, err := st.Article(ctx, res[0].ID); err != nil {
		t.Errorf("Article(%d) after Add: %v", res[0].ID, err)
	}
	if url != "" && !res[0].Duplicate { // a duplicate by text keeps the first article's URL
		if a, err := st.ArticleByURL(ctx, url); err != nil || a.ID != res[0].ID {
			t.Errorf("ArticleByURL(%q) = %d, %v; want %d", url, a.ID, err, res[0].ID)
		}
	}
	if _, err := st.Search(ctx, scope, title+" "+text, 3); err != nil {
		t.Errorf("Search after Add: %v", err)
	}
	if _, err := st.FindTitles(ctx, scope, title, 3); err != nil {
		t.Errorf("FindTitles after Add: %v", err)
	}
}
