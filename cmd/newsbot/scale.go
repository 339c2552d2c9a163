package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"newsbot/bot/ingest"
	"newsbot/store"
)

// runScale builds a synthetic archive and measures what a large archive costs:
// ingest rate, size on disk, search and autocomplete latency, start-up time and
// peak memory.
func runScale(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("scale", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	n := fs.Int("n", 100_000, "articles")
	dir := fs.String("dir", "", "folder for the archive (default: a temporary one, removed after)")
	db := fs.String("db", "", "an empty PostgreSQL archive (postgres://…) to measure instead of a file")
	existing := fs.Bool("existing", false, "measure the archive an earlier scale run built (-dir or -db), without ingesting")
	queries := fs.Int("queries", 1000, "searches and autocompletes to time")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	memprofile := fs.String("memprofile", "", "write a heap profile, taken after the ingest, to this file")
	if err := fs.Parse(args); err != nil || *n < 1 {
		return fmt.Errorf("scale [-n articles] [-dir folder | -db postgres://…] [-existing] [-queries N]\n%w", errUsage)
	}
	if *dir == "" {
		tmp, err := os.MkdirTemp("", "newsbot-scale-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		*dir = tmp
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	path := filepath.Join(*dir, "scale.db")
	if *db != "" {
		if !store.IsPostgres(*db) {
			return fmt.Errorf("-db %q is not a postgres:// URL", store.Shown(*db))
		}
		path = *db
	} else if !*existing {
		os.Remove(path)
	}
	gen := newCorpus(1)

	// Ingest, in the batches ingest uses.
	opts := archiveOptions(ctx, slog.New(slog.DiscardHandler)) // a new archive: nothing to rebuild
	st, err := store.Open(path, opts)
	if err != nil {
		return err
	}
	switch had, err := st.Count(ctx); {
	case err != nil:
		st.Close()
		return err
	case had > 0 && !*existing:
		st.Close()
		return fmt.Errorf("scale needs an empty archive: %s holds %d articles", store.Shown(path), had)
	case had == 0 && *existing:
		st.Close()
		return fmt.Errorf("-existing: %s holds no articles (give the -dir or -db of an earlier run)", store.Shown(path))
	}
	var raw int64
	var peakAnon int64 // the process's own memory, sampled after every batch
	in := ingest.New(st, slog.New(slog.DiscardHandler))
	in.Progress = func(ingest.Counts, int64) { peakAnon = max(peakAnon, rss("RssAnon:")) }
	// The ingester stores a batch while the next is made up and prepared, as
	// it does while reading a file: the time is the whole run's, making up
	// the articles included.
	start := time.Now()
	for i := 0; i < *n && !*existing; i++ {
		a := gen.article()
		raw += int64(len(a.Title) + len(a.Text))
		if err := in.Queue(ctx, a); err != nil {
			in.Finish(ctx) // the batches in the archive land before it closes
			st.Close()
			return err
		}
	}
	if _, err := in.Finish(ctx); err != nil {
		st.Close()
		return err
	}
	adding := time.Since(start)
	if *memprofile != "" {
		if err := writeHeapProfile(*memprofile); err != nil {
			st.Close()
			return err
		}
	}
	size, err := st.Size(ctx)
	if err != nil {
		st.Close()
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}

	// Start-up: open the archive (which loads what search keeps in memory).
	start = time.Now()
	st, err = store.Open(path, opts)
	if err != nil {
		return err
	}
	count, err := st.Count(ctx)
	open := time.Since(start)
	if err != nil {
		st.Close()
		return err
	}
	defer st.Close()

	var search, complete []time.Duration
	for range *queries {
		q := gen.query()
		t0 := time.Now()
		if _, err := st.Search(ctx, store.Library, q, 5); err != nil {
			return err
		}
		search = append(search, time.Since(t0))
		prefix := gen.prefix()
		t0 = time.Now()
		if _, err := st.FindTitles(ctx, store.Library, prefix, 25); err != nil {
			return err
		}
		complete = append(complete, time.Since(t0))
	}

	mb := func(b int64) float64 { return float64(b) / (1 << 20) }
	fmt.Fprintf(stdout, "articles        %d (%d in the archive)\n", *n, count)
	if *existing {
		fmt.Fprintf(stdout, "archive size    %.0f MB on disk\n", mb(size))
	} else {
		fmt.Fprintf(stdout, "ingest          %.0f articles/s (%s)\n", float64(*n)/adding.Seconds(), adding.Round(time.Millisecond))
		fmt.Fprintf(stdout, "archive size    %.0f MB on disk for %.0f MB of text (%.1fx)\n", mb(size), mb(raw), float64(size)/float64(raw))
	}
	fmt.Fprintf(stdout, "start-up        %s (open the archive, load search lengths)\n", open.Round(time.Millisecond))
	fmt.Fprintf(stdout, "search          p50 %s, p99 %s (%d queries of 1–3 words, top 5)\n", pct(search, 50), pct(search, 99), len(search))
	fmt.Fprintf(stdout, "autocomplete    p50 %s, p99 %s (title prefixes, 25 choices)\n", pct(complete, 50), pct(complete, 99))
	peakAnon = max(peakAnon, rss("RssAnon:"))
	fmt.Fprintf(stdout, "peak memory     %.0f MB resident at most (VmHWM); of it the process's own (RssAnon, sampled) %.0f MB, the rest the archive's mapped file pages\n",
		mb(rss("VmHWM:")), mb(peakAnon))
	return nil
}

func pct(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := min(len(s)-1, len(s)*p/100)
	return s[i].Round(10 * time.Microsecond)
}

// rss reads a memory figure, in bytes, from /proc/self/status (Linux).
func rss(field string) int64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, field); ok {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(v), "%d", &kb)
			return kb << 10
		}
	}
	return 0
}

// corpus generates articles from a made-up vocabulary whose word frequencies
// follow Zipf's law, as real text does, so that posting lists have realistic
// lengths.
type corpus struct {
	rng   *rand.Rand
	words []string
	zipf  alias
}

func newCorpus(seed uint64) *corpus {
	rng := rand.New(rand.NewPCG(seed, seed))
	const vocab = 50_000
	words := make([]string, vocab)
	syllables := []string{"ka", "to", "ri", "men", "sa", "lo", "ver", "dan", "ti", "nor", "bel", "us", "gra", "pi", "on", "es", "tar", "mi", "qu", "el"}
	for i := range words {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		words[i] = b.String()
	}
	// Word k is drawn with weight (2+k)^-1.1, as rand.NewZipf(rng, 1.1, 2, …)
	// draws it — from a table, since making the articles up overlaps the
	// ingest and Zipf's sampler was a tenth of the run's CPU.
	weights := make([]float64, vocab)
	for k := range weights {
		weights[k] = math.Pow(2+float64(k), -1.1)
	}
	return &corpus{rng: rng, words: words, zipf: newAlias(weights)}
}

func (c *corpus) word() string { return c.words[c.zipf.draw(c.rng)] }

// alias draws from a discrete distribution in constant time (Walker's alias
// method, in Vose's form): a column at random, then the column's own value or
// its alias.
type alias struct {
	keep  []float64 // the chance of keeping column i's own value
	other []int32   // the value given otherwise
}

func newAlias(weights []float64) alias {
	n := len(weights)
	var total float64
	for _, w := range weights {
		total += w
	}
	a := alias{keep: make([]float64, n), other: make([]int32, n)}
	var small, large []int32
	for i, w := range weights {
		a.keep[i] = w * float64(n) / total
		if a.keep[i] < 1 {
			small = append(small, int32(i))
		} else {
			large = append(large, int32(i))
		}
	}
	for len(small) > 0 && len(large) > 0 {
		s, l := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		a.other[s] = l
		a.keep[l] -= 1 - a.keep[s]
		if a.keep[l] < 1 {
			large = large[:len(large)-1]
			small = append(small, l)
		}
	}
	for _, i := range append(small, large...) {
		a.keep[i] = 1 // what rounding left over
	}
	return a
}

func (a alias) draw(rng *rand.Rand) int {
	i := rng.IntN(len(a.keep))
	if rng.Float64() < a.keep[i] {
		return i
	}
	return int(a.other[i])
}

// writeSentence writes n words, the first capitalized, and a full stop.
func (c *corpus) writeSentence(b *strings.Builder, n int) {
	for i := range n {
		w := c.word()
		if i == 0 {
			b.WriteByte(w[0] - 'a' + 'A') // the words are lower-case ASCII
			w = w[1:]
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	b.WriteByte('.')
}

// article is about 400 words in 20 sentences, under a title of 5–9 words.
func (c *corpus) article() store.Article {
	var t strings.Builder
	c.writeSentence(&t, 5+c.rng.IntN(5))
	title := strings.TrimSuffix(t.String(), ".")
	var b strings.Builder
	b.Grow(4096)
	for i := range 20 {
		if i > 0 && i%4 == 0 {
			b.WriteString("\n\n")
		} else if i > 0 {
			b.WriteString(" ")
		}
		c.writeSentence(&b, 12+c.rng.IntN(16))
	}
	// A copy the size of the text, as reading one gives: the builder's buffer
	// has more room, and three batches are held at once.
	return store.Article{Title: title, Text: strings.Clone(b.String())}
}

// query is 1–3 words of middling frequency, as people search for topics.
func (c *corpus) query() string {
	ws := make([]string, 1+c.rng.IntN(3))
	for i := range ws {
		ws[i] = c.words[50+c.rng.IntN(5000)]
	}
	return strings.Join(ws, " ")
}

// prefix is what someone has typed of a title word: 2–6 letters.
func (c *corpus) prefix() string {
	w := c.word()
	return w[:min(len(w), 2+c.rng.IntN(5))]
}

// writeHeapProfile writes what the heap holds now, after a collection.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	runtime.GC()
	return pprof.Lookup("heap").WriteTo(f, 0)
}
