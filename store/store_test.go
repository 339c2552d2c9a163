package store

import (
	"bytes"
	stdflate "compress/flate"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// lib adds to the operator's library, as ingest does.
var lib = Grant{Scope: Library}

func TestAddAndRead(t *testing.T) {
	eachArchive(t, func(t *testing.T, st *Store) {
		ctx := t.Context()
		pub := time.Date(2003, 9, 15, 0, 0, 0, 0, time.UTC)
		res, err := st.Add(ctx, lib,
			Article{Title: "Procurement: September 15, 2003", Text: "Trucks come from Japan.", Published: pub},
			Article{Title: "Other", URL: "https://example.com/a", Text: "Something else entirely."},
		)
		if err != nil {
			t.Fatal(err)
		}
		if len(res) != 2 || res[0].ID != 1 || res[1].ID != 2 || res[0].Duplicate || res[1].Duplicate {
			t.Fatalf("Add = %+v, want IDs 1 and 2, both new", res)
		}
		a, err := st.Article(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != "Procurement: September 15, 2003" || a.Text != "Trucks come from Japan." || !a.Published.Equal(pub) || a.Added.IsZero() || a.Hash == "" {
			t.Errorf("Article(1) = %+v", a)
		}
		b, err := st.ArticleByURL(ctx, "https://example.com/a")
		if err != nil || b.ID != 2 || b.Text != "Something else entirely." {
			t.Errorf("ArticleByURL = %+v, %v; want article 2", b, err)
		}
		if _, err := st.Article(ctx, 99); !errors.Is(err, ErrNotFound) {
			t.Errorf("Article(99) error = %v, want ErrNotFound", err)
		}
		if _, err := st.ArticleByURL(ctx, "https://example.com/none"); !errors.Is(err, ErrNotFound) {
			t.Errorf("ArticleByURL(unknown) error = %v, want ErrNotFound", err)
		}
		if n, err := st.Count(ctx); n != 2 || err != nil {
			t.Errorf("Count = %d, %v; want 2", n, err)
		}
	})
}

func TestAddDeduplicates(t *testing.T) {
	eachArchive(t, func(t *testing.T, st *Store) {
		ctx := t.Context()
		body := strings.Repeat("The same text of a whole article, here. ", 10)
		first, err := st.Add(ctx, lib, Article{Title: "A", URL: "https://example.com/a", Text: body})
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			a    Article
		}{
			{"same URL, other text", Article{Title: "A2", URL: "https://example.com/a", Text: "Different words."}},
			{"same text, other case and spacing", Article{Title: "A3", Text: strings.ToUpper(strings.ReplaceAll(body, " ", "   "))}},
		}
		for _, tt := range tests {
			res, err := st.Add(ctx, lib, tt.a)
			if err != nil {
				t.Fatal(err)
			}
			if !res[0].Duplicate || res[0].ID != first[0].ID {
				t.Errorf("%s: Add = %+v, want duplicate of %d", tt.name, res[0], first[0].ID)
			}
		}
		if n, _ := st.Count(ctx); n != 1 {
			t.Errorf("Count = %d after duplicates, want 1", n)
		}
		if _, err := st.Add(ctx, lib, Article{Title: "empty", Text: "  \n"}); err == nil {
			t.Error("Add(empty text) succeeded, want an error")
		}
		// Ten stories that share a short generic teaser are ten articles.
		for i := range 10 {
			res, err := st.Add(ctx, lib, Article{Title: fmt.Sprint("Story ", i), URL: fmt.Sprint("https://example.com/s", i), Text: "Read the full story on our website."})
			if err != nil || res[0].Duplicate {
				t.Errorf("teaser story %d: %+v, %v; want a new article", i, res, err)
			}
		}
	})
}

func TestFindTitles(t *testing.T) {
	eachArchive(t, func(t *testing.T, st *Store) {
		ctx := t.Context()
		titles := []string{
			"Procurement: September 15, 2003",
			"Procurement reform stalls in Congress",
			"Japan cracks down on smuggling",
			"Weather: rain again",
		}
		for i, title := range titles {
			if _, err := st.Add(ctx, lib, Article{Title: title, Text: fmt.Sprint("body ", i)}); err != nil {
				t.Fatal(err)
			}
		}
		tests := []struct {
			query string
			want  []uint64
		}{
			{"Procurement", []uint64{2, 1}}, // both complete, same length: newer first
			{"procurement: september 15, 2003", []uint64{1, 2}},
			{"procur sept", []uint64{1, 2}}, // prefixes; 2 only partly
			{"SMUGGLING japan", []uint64{3}},
			{"nothing like it", nil},
			{"", nil},
		}
		for _, tt := range tests {
			got, err := st.FindTitles(ctx, Library, tt.query, 5)
			if err != nil {
				t.Fatal(err)
			}
			var ids []uint64
			for _, m := range got {
				ids = append(ids, m.ID)
			}
			if fmt.Sprint(ids) != fmt.Sprint(tt.want) {
				t.Errorf("FindTitles(%q) = %v, want %v", tt.query, ids, tt.want)
			}
			if len(got) > 0 && !got[0].Complete() {
				t.Errorf("FindTitles(%q)[0] is not a complete match: %+v", tt.query, got[0])
			}
		}

		sugg, err := st.Suggest(ctx, Library, "procurment", 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(sugg) != 2 || sugg[0].ID > 2 || sugg[1].ID > 2 {
			t.Errorf("Suggest(procurment) = %+v, want the two Procurement titles", sugg)
		}
		sugg, _ = st.Suggest(ctx, Library, "zzzzzz", 3)
		if len(sugg) != 3 || sugg[0].ID != 4 {
			t.Errorf("Suggest(zzzzzz) = %+v, want the 3 newest", sugg)
		}
	})
}

func TestOpenLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "locked.db")
	st, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, err = Open(path, Options{Timeout: 50 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Errorf("second Open error = %v, want ErrLocked", err)
	}
}

func TestOpenNotAnArchive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "garbage.db")
	if err := os.WriteFile(path, []byte("this is not a bbolt file, just some text......"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path, Options{}); err == nil {
		t.Error("Open(garbage) succeeded, want an error")
	}
}

// TestAddSurvivesKill adds articles in a child process that kills itself with
// SIGKILL right after Add returns, then checks the articles are there.
func TestAddSurvivesKill(t *testing.T) {
	if path := os.Getenv("NEWSBOT_KILL_TEST_DB"); path != "" {
		st, err := Open(path, Options{})
		if err != nil {
			os.Exit(2)
		}
		for i := range 3 {
			if _, err := st.Add(context.Background(), lib, Article{Title: strconv.Itoa(i), Text: "text " + strconv.Itoa(i)}); err != nil {
				os.Exit(3)
			}
		}
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {}
	}
	path := filepath.Join(t.TempDir(), "kill.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestAddSurvivesKill$")
	cmd.Env = append(os.Environ(), "NEWSBOT_KILL_TEST_DB="+path)
	err := cmd.Run()
	exit, ok := errors.AsType[*exec.ExitError](err)
	if !ok || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("child ended with %v, want killed by SIGKILL", err)
	}
	st, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, err := st.Count(t.Context()); n != 3 || err != nil {
		t.Errorf("after kill -9: Count = %d, %v; want 3", n, err)
	}
}

func TestWithinEdits(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want bool
	}{
		{"procurment", "procurement", 1, true},
		{"kitten", "sitting", 2, false},
		{"kitten", "sitting", 3, true},
		{"same", "same", 0, true},
		{"", "abc", 2, false},
	}
	for _, tt := range tests {
		if got := withinEdits(tt.a, tt.b, tt.max); got != tt.want {
			t.Errorf("withinEdits(%q, %q, %d) = %v, want %v", tt.a, tt.b, tt.max, got, tt.want)
		}
	}
}

func TestModelCacheAndUsage(t *testing.T) {
	eachArchive(t, func(t *testing.T, st *Store) {
		ctx := t.Context()
		if _, ok, err := st.CachedOutput(ctx, "k"); ok || err != nil {
			t.Errorf("CachedOutput(missing) = %v, %v", ok, err)
		}
		st.CacheOutput(ctx, "k", "value")
		if v, ok, _ := st.CachedOutput(ctx, "k"); !ok || v != "value" {
			t.Errorf("CachedOutput = %q, %v", v, ok)
		}
		for _, n := range []int{100, 250, -5} {
			st.AddTokens(ctx, "g1", "2026-01-01", n)
		}
		st.AddTokens(ctx, "g1", "2026-01-02", 7)
		if n, _ := st.Tokens(ctx, "g1", "2026-01-01"); n != 350 {
			t.Errorf("Tokens = %d, want 350", n)
		}
		if n, _ := st.Tokens(ctx, "g2", "2026-01-01"); n != 0 {
			t.Errorf("Tokens(other server) = %d, want 0", n)
		}
	})
}

func TestTextCompression(t *testing.T) {
	for _, text := range []string{"", "short", strings.Repeat("The harbour reopened. ", 500), "ünïcödé ✓ “quotes”"} {
		var c compressors
		stored, err := c.compressText(text)
		if err != nil {
			t.Fatal(err)
		}
		got, err := decompressText(stored)
		if err != nil || got != text {
			t.Errorf("round trip of %.20q = %.20q, %v", text, got, err)
		}
	}
	if got, _ := decompressText([]byte("an older, uncompressed text")); got != "an older, uncompressed text" {
		t.Errorf("uncompressed text read as %q", got)
	}
	if _, err := decompressText([]byte{compressedMark, 0xff, 0xfe}); err == nil {
		t.Error("corrupt compressed text read without an error")
	}
	// A damaged length: the value claims more than any text could be. (A
	// flipped bit once made one claim 512 MB, and reading it allocated three
	// times that.)
	huge := make([]byte, maxStoredText+1)
	huge[0] = compressedMark
	if _, err := decompressText(huge); !errors.Is(err, ErrDamaged) {
		t.Errorf("a %d-byte stored text: %v, want ErrDamaged", len(huge), err)
	}
}

// TestTextsCompressedBefore: texts that the standard library's flate
// compressed, as archives stored them before, read back.
func TestTextsCompressedBefore(t *testing.T) {
	text := strings.Repeat("The harbour reopened after the storm. ", 200)
	var b bytes.Buffer
	b.WriteByte(compressedMark)
	w, err := stdflate.NewWriter(&b, stdflate.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(w, text); err != nil || w.Close() != nil {
		t.Fatal("compress/flate failed", err)
	}
	if got, err := decompressText(b.Bytes()); err != nil || got != text {
		t.Errorf("a text compressed by compress/flate read as %.20q, %v", got, err)
	}
}

// BenchmarkCompressText compresses the seed article, as Add does each text.
func BenchmarkCompressText(b *testing.B) {
	seeds, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		b.Fatal("no seed article", err)
	}
	raw, err := os.ReadFile(seeds[0])
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw)
	var c compressors
	var stored []byte
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if stored, err = c.compressText(text); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(text))/float64(len(stored)), "ratio")
}
