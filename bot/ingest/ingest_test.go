package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"newsbot/seeds"
	"newsbot/store"
	"newsbot/summarize/text"
)

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "a.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func discard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestParseTextSeed(t *testing.T) {
	raw, err := seeds.FS.ReadFile("000_03d2b61af7269cbe.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseText("000_03d2b61af7269cbe.txt", raw)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Procurement: September 15, 2003" {
		t.Errorf("Title = %q", a.Title)
	}
	if want := time.Date(2003, 9, 15, 0, 0, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", a.Published, want)
	}
	if !strings.HasPrefix(a.Text, "High ranking defectors") || strings.Contains(a.Text, "Drying Up") || strings.Contains(a.Text, "Procurement:") {
		t.Errorf("Text = %.80q…, want the body without title and footer", a.Text)
	}
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name, file, in   string
		title, textStart string
		err              error
	}{
		{"markdown heading", "note.md", "# Big **news** today\n\nThe [mayor](https://x.example) spoke.", "Big news today", "The mayor spoke.", nil},
		{"short first line", "a.txt", "Bridge opens\nThe bridge opened on Monday.", "Bridge opens", "The bridge opened", nil},
		{"no title line", "city_council-vote.txt", "The council voted on Monday. It passed.", "city council vote", "The council voted", nil},
		{"stdin without title", "-", "The council voted on Monday to approve the new budget for schools. It passed.", "The council voted on Monday to approve the new budget for schools.", "The council", nil},
		{"empty", "e.txt", "  \n\n ", "", "", ErrNoText},
		{"one line is the text", "t.txt", "Just a title", "t", "Just a title", nil},
		{"binary", "b.txt", "\x7fELF\x00\x01\x02", "", "", text.ErrBinary},
	}
	for _, tt := range tests {
		a, err := ParseText(tt.file, []byte(tt.in))
		if tt.err != nil {
			if !errors.Is(err, tt.err) {
				t.Errorf("%s: error = %v, want %v", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: error %v", tt.name, err)
			continue
		}
		if a.Title != tt.title || !strings.HasPrefix(a.Text, tt.textStart) {
			t.Errorf("%s: got title %q text %.40q, want %q and %q…", tt.name, a.Title, a.Text, tt.title, tt.textStart)
		}
	}
	big := make([]byte, MaxText+1)
	if _, err := ParseText("big.txt", big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ParseText(too large) error = %v, want ErrTooLarge", err)
	}
}

func TestReaderJSONL(t *testing.T) {
	st := openStore(t)
	in := `{"title":"One","text":"First article text here.","url":"https://example.com/1","published":"2024-03-01"}
not json at all
{"title":"Empty","text":"   "}

{"title":"Two","text":"Second article text here."}
{"title":"One again","text":"Different text.","url":"https://example.com/1"}
{"text":"A third article with no title but enough words to make one."}
`
	var progress []Counts
	ing := New(st, discard())
	ing.Progress = func(c Counts, _ int64) { progress = append(progress, c) }
	got, err := ing.Reader(t.Context(), "stdin", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Counts{Added: 3, Duplicate: 1, Rejected: 2}); got != want {
		t.Errorf("counts = %v, want %v", got, want)
	}
	if len(progress) == 0 || progress[len(progress)-1] != got {
		t.Errorf("progress = %v, want it to end with %v", progress, got)
	}
	a, err := st.ArticleByURL(t.Context(), "https://example.com/1")
	if err != nil || a.Title != "One" || a.Published.Year() != 2024 {
		t.Errorf("article 1 = %+v, %v", a, err)
	}
}

func TestPathFolder(t *testing.T) {
	dir := t.TempDir()
	alpha := strings.Repeat("The alpha article tells a long story. ", 8) // long enough to be told apart by its text
	files := map[string]string{
		"a.txt":        "Alpha\n" + alpha,
		"sub/b.md":     "# Beta\n\nThe beta article.",
		"sub/c.jsonl":  `{"title":"Gamma","text":"The gamma article."}` + "\n",
		"image.png":    "\x89PNG\x00",
		"sub/dup.text": "Alpha again\n" + alpha,
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := New(openStore(t), discard()).Path(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Counts{Added: 3, Duplicate: 1}); got != want {
		t.Errorf("Path(folder) = %v, want %v", got, want)
	}
	if _, err := New(openStore(t), discard()).Path(t.Context(), filepath.Join(dir, "missing")); err == nil {
		t.Error("Path(missing) succeeded, want an error")
	}
}

func TestSeedsOnce(t *testing.T) {
	st := openStore(t)
	fsys := fstest.MapFS{
		"1.txt": {Data: []byte("First\nThe first seed.")},
		"2.txt": {Data: []byte("Second\nThe second seed.")},
	}
	c, err := Seeds(t.Context(), st, fsys, discard())
	if err != nil || c.Added != 2 {
		t.Fatalf("first Seeds = %v, %v; want 2 added", c, err)
	}
	c, err = Seeds(t.Context(), st, fsys, discard())
	if err != nil || c != (Counts{}) {
		t.Errorf("second Seeds = %v, %v; want nothing done", c, err)
	}
	if n, _ := st.Count(t.Context()); n != 2 {
		t.Errorf("Count = %d, want 2", n)
	}
}

func FuzzParseText(f *testing.F) {
	raw, _ := seeds.FS.ReadFile("000_03d2b61af7269cbe.txt")
	f.Add("seed.txt", raw)
	f.Add("x.md", []byte("# T\n\n[a](b) **c**"))
	f.Add("y.txt", []byte("\xff\xfe\x00"))
	f.Fuzz(func(t *testing.T, name string, raw []byte) {
		a, err := ParseText(name, raw)
		if err != nil {
			return
		}
		if strings.TrimSpace(a.Text) == "" {
			t.Fatalf("ParseText accepted empty text from %q", raw)
		}
		if !utf8Valid(a.Title) || !utf8Valid(a.Text) {
			t.Fatalf("ParseText returned invalid UTF-8 from %q", raw)
		}
	})
}

func FuzzParseRecord(f *testing.F) {
	f.Add([]byte(`{"title":"T","text":"Body text.","url":"https://e.x/1","published":"2024-01-02"}`))
	f.Add([]byte(`{"text":""}`))
	f.Add([]byte(`[1,2]`))
	f.Fuzz(func(t *testing.T, line []byte) {
		a, err := ParseRecord(line)
		if err == nil && (strings.TrimSpace(a.Text) == "" || a.Title == "") {
			t.Fatalf("ParseRecord(%q) = %+v without error", line, a)
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// TestIngestAbsurdArticles ingests, among ordinary articles, one with a
// 100,000-letter word and one behind a 40,000-character link: every article is
// stored and found.
func TestIngestAbsurdArticles(t *testing.T) {
	st := openStore(t)
	var in strings.Builder
	fmt.Fprintf(&in, `{"title":"Harbour opens","text":"The harbour opened on Monday with two ships."}`+"\n")
	fmt.Fprintf(&in, `{"title":"Blob","text":"A pasted %s in an article about ferries."}`+"\n", strings.Repeat("z", 100000))
	fmt.Fprintf(&in, `{"title":"Long link","url":"https://example.com/%s","text":"Behind a long link, a story about bridges."}`+"\n", strings.Repeat("a", 40000))
	fmt.Fprintf(&in, `{"title":"Budget","text":"The council set its budget for roads."}`+"\n")
	got, err := New(st, discard()).Reader(t.Context(), "stdin", strings.NewReader(in.String()))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Counts{Added: 4}); got != want {
		t.Errorf("counts = %v, want %v", got, want)
	}
	for _, q := range []string{"harbour", "ferries", "bridges", "budget"} {
		if hits, _ := st.Search(t.Context(), store.Library, q, 1); len(hits) != 1 {
			t.Errorf("Search(%s) = %v, want one article", q, hits)
		}
	}
}

// TestFlushRejectsOnlyTheBadArticle hands the archive a batch in which one
// article cannot be stored (no text, which the parsers never let through):
// that one is rejected and the batch's others are stored.
func TestFlushRejectsOnlyTheBadArticle(t *testing.T) {
	st := openStore(t)
	in := New(st, discard())
	for _, a := range []store.Article{{Title: "A", Text: "First good article."}, {Title: "Bad", Text: "   "}, {Title: "B", Text: "Second good article."}} {
		if err := in.queue(t.Context(), a); err != nil {
			t.Fatal(err)
		}
	}
	if err := in.finish(t.Context(), nil); err != nil {
		t.Fatalf("finish = %v, want the good articles stored", err)
	}
	if want := (Counts{Added: 2, Rejected: 1}); in.counts != want {
		t.Errorf("counts = %v, want %v", in.counts, want)
	}
	if n, _ := st.Count(t.Context()); n != 2 {
		t.Errorf("archive holds %d, want 2", n)
	}
}

// TestBatchBoundedByBytes queues long articles and checks that they are
// stored once their texts pass BatchBytes, not held until BatchSize.
func TestBatchBoundedByBytes(t *testing.T) {
	st := openStore(t)
	in := New(st, discard())
	flushed := 0
	in.Progress = func(Counts, int64) { flushed++ }
	long := BatchBytes/3 + 1
	for i := range 3 {
		text := fmt.Sprintf("Article %d. ", i) + strings.Repeat("word ", long/5)
		if err := in.queue(t.Context(), store.Article{Title: fmt.Sprint(i), Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	if len(in.storing) != 1 || len(in.pending) != 0 {
		t.Fatalf("after %d bytes of text: %d pending, %d batches in the archive; want the batch handed to it", 3*long, len(in.pending), len(in.storing))
	}
	if err := in.wait(); err != nil || flushed != 1 || in.counts.Added != 3 {
		t.Errorf("wait = %v, %d batches stored, counts %v; want one batch of 3", err, flushed, in.counts)
	}
}

// TestBatchesInFileOrder reads a file of more than two batches, which the
// ingester stores while it reads and prepares the next: every line is counted
// once, a link repeated from an earlier batch is a duplicate, progress comes
// once per batch, and IDs follow the file's order.
func TestBatchesInFileOrder(t *testing.T) {
	st := openStore(t)
	in := New(st, discard())
	batches := 0
	in.Progress = func(Counts, int64) { batches++ }
	var lines strings.Builder
	n := 2*BatchSize + 10
	for i := range n {
		url := fmt.Sprintf("https://news.example/%d", i)
		if i == BatchSize+5 {
			url = "https://news.example/3" // in the first batch
		}
		fmt.Fprintf(&lines, `{"title":"Story %d","url":%q,"text":"Story number %d happened on day %d."}`+"\n", i, url, i, i)
	}
	got, err := in.Reader(t.Context(), "stories.jsonl", strings.NewReader(lines.String()))
	if want := (Counts{Added: n - 1, Duplicate: 1}); err != nil || got != want {
		t.Fatalf("Reader = %v, %v; want %v", got, err, want)
	}
	if batches != 3 {
		t.Errorf("progress %d times, want once per batch (3)", batches)
	}
	var last uint64
	for _, i := range []int{0, 1, BatchSize - 1, BatchSize, BatchSize + 6, 2 * BatchSize, n - 1} {
		a, err := st.ArticleByURL(t.Context(), fmt.Sprintf("https://news.example/%d", i))
		if err != nil || a.Title != fmt.Sprintf("Story %d", i) || a.ID <= last {
			t.Errorf("line %d: %q, ID %d (the one before %d), %v; want IDs in file order", i, a.Title, a.ID, last, err)
		}
		last = a.ID
	}
}

// cancelAfter cancels a context once n bytes have been read through it.
type cancelAfter struct {
	r      io.Reader
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	if c.n -= k; c.n <= 0 {
		c.cancel()
	}
	return k, err
}

// TestCancelledWhileStoring stops an ingest midway, with batches in the
// archive: the reading stops with the context's error, every batch handed to
// the archive lands before the ingester returns, and the counts say exactly
// what the archive holds.
func TestCancelledWhileStoring(t *testing.T) {
	st := openStore(t)
	in := New(st, discard())
	var lines strings.Builder
	filler := strings.Repeat("Witnesses described the scene to reporters. ", 10) // past the reader's buffer
	for i := range 3 * BatchSize {
		fmt.Fprintf(&lines, `{"title":"Story %d","url":"https://news.example/%d","text":"Story number %d happened on day %d. %s"}`+"\n", i, i, i, i, filler)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	r := &cancelAfter{r: strings.NewReader(lines.String()), n: lines.Len() * 3 / 4, cancel: cancel}
	got, err := in.Reader(ctx, "stories.jsonl", r)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Reader = %v, %v; want the context's error", got, err)
	}
	if len(in.storing) != 0 {
		t.Errorf("%d batches still in the archive after Reader returned", len(in.storing))
	}
	t.Logf("stopped with %v", got)
	n, err := st.Count(t.Context())
	if err != nil || n != got.Added || got.Added%BatchSize != 0 || got.Added >= 3*BatchSize {
		t.Errorf("archive holds %d (%v), counts %v: want whole batches, counted as stored", n, err, got)
	}
}
