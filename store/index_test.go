package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"newsbot/store/storetest"
)

func TestSearch(t *testing.T) {
	for kind, path := range storetest.Archives(t) {
		t.Run(kind, func(t *testing.T) {
			ctx := t.Context()
			st, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			docs := []Article{
				{Title: "Harbour reopens", Text: "The harbour reopened to ferries after storm repairs."},
				{Title: "Council budget", Text: "The council approved a budget for roads and the harbour wall."},
				{Title: "Football", Text: "The team won the cup final on Saturday."},
			}
			if _, err := st.Add(ctx, lib, docs...); err != nil {
				t.Fatal(err)
			}
			// Many articles with one common word, to fill several index blocks.
			var filler []Article
			for i := range 3000 {
				filler = append(filler, Article{Title: fmt.Sprint("Note ", i), Text: fmt.Sprintf("common word number %d", i)})
			}
			for i := 0; i < len(filler); i += 500 {
				if _, err := st.Add(ctx, lib, filler[i:i+500]...); err != nil {
					t.Fatal(err)
				}
			}
			check := func(st *Store, label string) {
				t.Helper()
				tests := []struct {
					query string
					want  []uint64
				}{
					{"harbour", []uint64{1, 2}}, // in the title counts more
					{"ferries storm", []uint64{1}},
					{"cup final", []uint64{3}},
					{"nothing matches this", nil},
					{"", nil},
				}
				for _, tt := range tests {
					hits, err := st.Search(ctx, Library, tt.query, 5)
					if err != nil {
						t.Fatal(err)
					}
					var ids []uint64
					for _, h := range hits {
						ids = append(ids, h.ID)
					}
					if fmt.Sprint(ids) != fmt.Sprint(tt.want) {
						t.Errorf("%s: Search(%q) = %v, want %v", label, tt.query, ids, tt.want)
					}
				}
				hits, _ := st.Search(ctx, Library, "common", 10000)
				if len(hits) != 3000 {
					t.Errorf("%s: Search(common) found %d, want 3000 (across index blocks)", label, len(hits))
				}
				if hits, _ := st.Search(ctx, Library, "number 2999", 1); len(hits) != 1 || hits[0].ID != 3003 {
					t.Errorf("%s: Search(number 2999) = %v, want article 3003", label, hits)
				}
			}
			check(st, "fresh")
			st.Close()

			st, err = Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			check(st, "reopened")

			// An archive file whose index is missing is rebuilt at Open.
			b, ok := st.a.(*boltArchive)
			if !ok {
				st.Close()
				return
			}
			b.db.Update(func(tx *bolt.Tx) error {
				tx.DeleteBucket(bucketPostings)
				tx.DeleteBucket(bucketDocLens)
				tx.CreateBucket(bucketPostings)
				_, err := tx.CreateBucket(bucketDocLens)
				return err
			})
			st.Close()
			st, err = Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			check(st, "rebuilt")
		})
	}
}

// TestTermsVersion: an archive indexed under one Terms and opened under
// another version is reindexed, so that a query split the new way finds what
// the old index held under the old terms.
func TestTermsVersion(t *testing.T) {
	for kind, path := range storetest.Archives(t) {
		t.Run(kind, func(t *testing.T) {
			ctx := t.Context()
			lower := Options{Terms: strings.Fields, TermsVersion: "v1"}
			st, err := Open(path, lower)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := st.Add(ctx, lib, Article{Title: "King", Text: "the king died in 1259"}); err != nil {
				t.Fatal(err)
			}
			st.Close()
			lemma := func(s string) []string {
				out := strings.Fields(s)
				for i, w := range out {
					if w == "died" {
						out[i] = "die"
					}
				}
				return out
			}
			for _, tc := range []struct {
				version string
				want    int
			}{{"v1", 0}, {"v2", 1}, {"v2", 1}} {
				st, err := Open(path, Options{Terms: lemma, TermsVersion: tc.version})
				if err != nil {
					t.Fatal(err)
				}
				hits, err := st.Search(ctx, lib.Scope, "die", 5)
				st.Close()
				if err != nil || len(hits) != tc.want {
					t.Errorf("opened as %s: search die = %v, %v; want %d hits", tc.version, hits, err, tc.want)
				}
			}
		})
	}
}

// TestSearchAfterDuplicatesInOneAdd: an Add whose batch holds the same link
// twice (with different text) and the same text twice indexes each stored
// article once, and nothing for the duplicates — not even the words only a
// duplicate had.
func TestSearchAfterDuplicatesInOneAdd(t *testing.T) {
	eachArchive(t, func(t *testing.T, st *Store) {
		ctx := t.Context()
		long := strings.Repeat("The harbour wall was repaired after the winter storms damaged it badly. ", 8)
		res, err := st.Add(ctx, lib,
			Article{Title: "Harbour", URL: "https://news.example/a", Text: long},
			Article{Title: "Other", URL: "https://news.example/a", Text: "A quite different zebracorn text under the same link."},
			Article{Title: "Copy", URL: "https://news.example/b", Text: long},
			Article{Title: "Bridge", Text: "The bridge opened on Monday."},
		)
		if err != nil {
			t.Fatal(err)
		}
		if !res[1].Duplicate || !res[2].Duplicate || res[0].Duplicate || res[3].Duplicate {
			t.Fatalf("results %+v, want the second and third duplicates", res)
		}
		searchFinds(t, st, map[string][]uint64{"harbour": {res[0].ID}, "bridge": {res[3].ID}, "zebracorn": nil})
		// The index itself: postings name only the two stored articles, and a
		// word only the duplicate had has none (its ID is the original's, so
		// that alone would not show it).
		b, ok := st.a.(*boltArchive)
		if !ok {
			return // PostgreSQL's index is its own
		}
		if err := b.writeHeld(); err != nil { // all of it in the file
			t.Fatal(err)
		}
		stored := map[uint64]bool{res[0].ID: true, res[3].ID: true}
		check := func(term string, block []byte) error {
			if term == "zebracorn" {
				t.Errorf("the duplicate's word %q is indexed", term)
			}
			return decodeBlock(block, func(id, _ uint64) {
				if !stored[id] {
					t.Errorf("posting for article %d under %q, which is not stored", id, term)
				}
			})
		}
		postings := 0
		err = b.db.View(func(tx *bolt.Tx) error {
			err := tx.Bucket(bucketPostings).ForEach(func(k, v []byte) error {
				postings++
				return check(string(k[1:bytes.IndexByte(k, 0)]), v)
			})
			if err != nil {
				return err
			}
			return tx.Bucket(bucketTails).ForEach(func(k, v []byte) error {
				postings++
				return check(string(k[1:]), v[4:])
			})
		})
		if postings == 0 {
			t.Error("no postings at all")
		}
		if err != nil {
			t.Fatal(err)
		}
	})
}

// TestPostingsTails: a term's postings fill its tail, which moves to the
// postings bucket block by block, numbered in order across Adds; an archive
// whose index is kept another way is reindexed at Open.
func TestPostingsTails(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "news.db")
	st, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	const batches, per = 3, 700
	for b := range batches {
		var batch []Article
		for i := range per {
			n := b*per + i
			batch = append(batch, Article{Title: fmt.Sprintf("Report %d", n), Text: fmt.Sprintf("The harbour report number w%d was filed.", n)})
		}
		if _, err := st.Add(ctx, lib, batch...); err != nil {
			t.Fatal(err)
		}
	}
	count := func(st *Store) int {
		hits, err := st.Search(ctx, lib.Scope, "harbour", batches*per+10)
		if err != nil {
			t.Fatal(err)
		}
		return len(hits)
	}
	if got := count(st); got != batches*per {
		t.Errorf("harbour: %d hits, want %d", got, batches*per)
	}
	b := st.a.(*boltArchive)
	if err := b.writeHeld(); err != nil {
		t.Fatal(err)
	}
	err = b.db.View(func(tx *bolt.Tx) error {
		var blocks []uint32
		prefix := append(partKey("harbour"), 0)
		c := tx.Bucket(bucketPostings).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			blocks = append(blocks, binary.BigEndian.Uint32(k[len(prefix):]))
		}
		tail := tx.Bucket(bucketTails).Get(partKey("harbour"))
		if len(blocks) < 2 || tail == nil {
			t.Fatalf("harbour: %d full blocks and a tail of %d bytes, want at least 2 and a tail", len(blocks), len(tail))
		}
		for i, n := range blocks {
			if n != uint32(i) {
				t.Errorf("full blocks numbered %v, want 0, 1, …", blocks)
				break
			}
		}
		if next := binary.BigEndian.Uint32(tail); next != uint32(len(blocks)) {
			t.Errorf("tail says the next block is %d, want %d", next, len(blocks))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	b.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(metaIndex, []byte("an older layout")) })
	st.Close()

	// Rebuilt a few hundred articles a transaction.
	defer func(n int) { reindexBatch = n }(reindexBatch)
	reindexBatch = 300
	rebuilt := 0
	st, err = Open(path, Options{Rebuilding: func(int) { rebuilt++ }})
	if err != nil {
		t.Fatal(err)
	}
	titles := func(st *Store) int {
		matches, err := st.FindTitles(ctx, lib.Scope, "report", batches*per+10)
		if err != nil {
			t.Fatal(err)
		}
		return len(matches)
	}
	if rebuilt != 1 || count(st) != batches*per || titles(st) != batches*per {
		t.Errorf("reopened after a layout change: rebuilt %d times, %d hits, %d titles; want once and %d",
			rebuilt, count(st), titles(st), batches*per)
	}
	// A rebuild that did not finish leaves the layout unrecorded and the
	// indexes part built: the next Open builds them again, whole.
	b = st.a.(*boltArchive)
	err = b.db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketMeta).Delete(metaIndex); err != nil {
			return err
		}
		c := tx.Bucket(bucketTitles).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.First() {
			if err := c.Delete(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	rebuilt = 0
	st, err = Open(path, Options{Rebuilding: func(int) { rebuilt++ }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if rebuilt != 1 || count(st) != batches*per || titles(st) != batches*per {
		t.Errorf("reopened after an unfinished rebuild: rebuilt %d times, %d hits, %d titles; want once and %d",
			rebuilt, count(st), titles(st), batches*per)
	}
}

// TestHeldPostings: the newest postings and title words, held in memory by
// part, are read with the written ones, each once, after every Add; an archive
// whose process stopped without Close counts them again at Open; Close writes
// them all.
func TestHeldPostings(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "news.db")
	st, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]uint64{} // term → the IDs of the articles that have it
	titled := [][]uint64{}        // Add n → the IDs of the articles titled "Report t<n>x"
	check := func(st *Store, when string) {
		t.Helper()
		for n, ids := range titled {
			var got []uint64
			matches, err := st.FindTitles(ctx, lib.Scope, fmt.Sprintf("t%dx", n), 10)
			for _, m := range matches {
				got = append(got, m.ID)
			}
			slices.Sort(got)
			if err != nil || !slices.Equal(got, ids) {
				t.Errorf("%s: titles with t%dx: %v, %v; want %v", when, n, got, err, ids)
			}
		}
		all := len(want["report"])
		if matches, err := st.Suggest(ctx, lib.Scope, "reprot", 1000); err != nil || len(matches) != all {
			t.Errorf("%s: suggested %d titles for reprot (%v), want all %d", when, len(matches), err, all)
		}
		b := st.a.(*boltArchive)
		b.indexMu.RLock()
		defer b.indexMu.RUnlock()
		err := b.db.View(func(tx *bolt.Tx) error {
			written, err := readWritten(tx)
			if err != nil {
				return err
			}
			c, tails := tx.Bucket(bucketPostings).Cursor(), tx.Bucket(bucketTails)
			for term, ids := range want {
				var got []uint64
				for _, block := range b.termBlocks(c, tails, &written, term) {
					if err := decodeBlock(block, func(id, _ uint64) { got = append(got, id) }); err != nil {
						return err
					}
				}
				if !slices.Equal(got, ids) {
					t.Errorf("%s: postings of %q name %v, want %v", when, term, got, ids)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// Enough words that every part has some, and more Adds than parts.
	for n := range 2*indexParts + 3 {
		var batch []Article
		for i := range 3 {
			batch = append(batch, Article{Title: fmt.Sprintf("Report t%dx", n), Text: fmt.Sprintf("The harbour report b%d and a%d%d.", n, n, i)})
		}
		res, err := st.Add(ctx, lib, batch...)
		if err != nil {
			t.Fatal(err)
		}
		titled = append(titled, nil)
		for i, r := range res {
			for _, term := range []string{"report", "the", "harbour", "and", fmt.Sprintf("b%d", n), fmt.Sprintf("a%d%d", n, i), fmt.Sprintf("t%dx", n)} {
				want[term] = append(want[term], r.ID)
			}
			titled[n] = append(titled[n], r.ID)
		}
		check(st, fmt.Sprintf("after Add %d", n))
	}
	parts := map[byte]bool{}
	for term := range want {
		parts[partOf(term)] = true
	}
	if len(parts) != indexParts {
		t.Fatalf("the test's terms fall in %d parts, want all %d", len(parts), indexParts)
	}
	// Stopped without Close: some postings are held, not written.
	b := st.a.(*boltArchive)
	if !slices.ContainsFunc(b.held.parts[:], func(h []heldPostings) bool { return len(h) > 0 }) {
		t.Fatal("nothing held after the Adds")
	}
	if err := b.db.Close(); err != nil {
		t.Fatal(err)
	}
	st, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	check(st, "reopened after a stop")
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b = st.a.(*boltArchive)
	if slices.ContainsFunc(b.held.parts[:], func(h []heldPostings) bool { return len(h) > 0 }) {
		t.Errorf("postings held after Close and Open: %v", b.held.parts)
	}
	check(st, "reopened after Close")
	// A damaged record of what is written: the index is rebuilt from the
	// texts, nothing refused or lost.
	if err := b.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(metaWritten, []byte("junk")) }); err != nil {
		t.Fatal(err)
	}
	if err := b.db.Close(); err != nil {
		t.Fatal(err)
	}
	rebuilt := 0
	st, err = Open(path, Options{Rebuilding: func(int) { rebuilt++ }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if rebuilt != 1 {
		t.Errorf("a damaged record of what is written: rebuilt %d times, want once", rebuilt)
	}
	check(st, "reopened after damage")
}

// TestSearchWhileAdding: a search that runs while Adds commit and hold
// postings sees each article once or not at all — every article added before
// it began, none not yet added — and counts each of its postings once:
// articles alike in every way that counts get equal scores.
func TestSearchWhileAdding(t *testing.T) {
	eachArchive(t, func(t *testing.T, st *Store) {
		ctx := t.Context()
		const adds, per = 3 * indexParts, 5
		var started, done atomic.Int64
		adding := make(chan struct{})
		defer func() { <-adding }()
		go func() {
			defer close(adding)
			for n := range adds {
				var batch []Article
				for i := range per {
					batch = append(batch, Article{Title: "Harbour report", Text: fmt.Sprintf("The harbour wall w%d.", n*per+i)})
				}
				started.Add(per)
				if _, err := st.Add(ctx, lib, batch...); err != nil {
					t.Error(err)
					return
				}
				done.Add(per)
			}
		}()
		searches := 0
		for {
			select {
			case <-adding:
				if searches == 0 {
					t.Fatal("no search ran while the Adds did")
				}
				if hits, err := st.Search(ctx, lib.Scope, "harbour", adds*per+10); err != nil || len(hits) != adds*per {
					t.Fatalf("after the Adds: %d hits, %v; want %d", len(hits), err, adds*per)
				}
				return
			default:
			}
			searches++
			before := done.Load()
			hits, err := st.Search(ctx, lib.Scope, "harbour", adds*per+10)
			after := started.Load()
			if err != nil {
				t.Fatal(err)
			}
			if n := int64(len(hits)); n < before || n > after {
				t.Fatalf("a search found %d articles while %d–%d were added", n, before, after)
			}
			for _, h := range hits {
				if math.Abs(h.Score-hits[0].Score) > 1e-6*math.Abs(hits[0].Score) {
					t.Fatalf("articles alike scored %v and %v: postings counted twice or lost", hits[0].Score, h.Score)
				}
			}
		}
	})
}

// TestPreparedAhead: a batch prepared before the one ahead of it is stored —
// as a bulk import does — sees what that one stored: an article in both is a
// duplicate in the second, and neither batch's search postings are lost or
// doubled. A batch is added once.
func TestPreparedAhead(t *testing.T) {
	eachArchive(t, func(t *testing.T, st *Store) {
		ctx := t.Context()
		text := func(w string) string {
			return "The " + w + " council met on Tuesday to discuss the harbour budget for next year."
		}
		first, err := st.Prepare(ctx,
			Article{Title: "Ferry", URL: "https://news.example/ferry", Text: text("ferry")},
			Article{Title: "Lighthouse", URL: "https://news.example/light", Text: text("lighthouse")},
		)
		if err != nil {
			t.Fatal(err)
		}
		second, err := st.Prepare(ctx,
			Article{Title: "Lighthouse again", URL: "https://news.example/light", Text: text("beacon")},
			Article{Title: "Pier", URL: "https://news.example/pier", Text: text("pier")},
		)
		if err != nil {
			t.Fatal(err)
		}
		r1, err := st.AddBatch(ctx, lib, first)
		if err != nil {
			t.Fatal(err)
		}
		r2, err := st.AddBatch(ctx, lib, second)
		if err != nil {
			t.Fatal(err)
		}
		if r1[0].Duplicate || r1[1].Duplicate || !r2[0].Duplicate || r2[1].Duplicate || r2[0].ID != r1[1].ID {
			t.Fatalf("results %+v then %+v; want the second batch's first a duplicate of %d", r1, r2, r1[1].ID)
		}
		if !(r1[0].ID < r1[1].ID && r1[1].ID < r2[1].ID) {
			t.Errorf("IDs %d, %d, %d: want them in the order the batches were added", r1[0].ID, r1[1].ID, r2[1].ID)
		}
		searchFinds(t, st, map[string][]uint64{"ferry": {r1[0].ID}, "pier": {r2[1].ID}, "lighthouse": {r1[1].ID}, "beacon": nil})
		hits, err := st.Search(ctx, lib.Scope, "harbour", 10)
		if err != nil || len(hits) != 3 {
			t.Errorf("Search(harbour) = %v, %v; want the three stored articles once each", hits, err)
		}
		if _, err := st.AddBatch(ctx, lib, first); err == nil {
			t.Error("a batch added twice: no error")
		}
		other := openAt(t, filepath.Join(t.TempDir(), "other.db"), Options{})
		if _, err := other.AddBatch(ctx, lib, second); err == nil {
			t.Error("a batch added by another Store: no error")
		}
	})
}

// TestBackgroundStop: work that stop skips is reported ready, so that what
// waits on it (a batch's postings are gathered once every article is ready)
// does not wait for ever. The work is held until well after stop, so that
// stop skips most of it.
func TestBackgroundStop(t *testing.T) {
	started, release := make(chan struct{}, 100), make(chan struct{})
	var ran atomic.Int64
	ready, stop := background(100, func(_, _ int) {
		started <- struct{}{}
		<-release
		ran.Add(1)
	})
	<-started // one is running: stop waits for it
	time.AfterFunc(50*time.Millisecond, func() { close(release) })
	stop()
	for i := range 100 {
		ready(i) // hangs, and the test times out, if a skipped one is not ready
	}
	t.Logf("%d of 100 ran before stop", ran.Load())
	stop() // a second stop is harmless
}

// searchFinds checks that each query finds the articles given, in that order,
// in the library.
func searchFinds(t *testing.T, st *Store, want map[string][]uint64) {
	t.Helper()
	for q, ids := range want {
		hits, err := st.Search(t.Context(), lib.Scope, q, 5)
		var got []uint64
		for _, h := range hits {
			got = append(got, h.ID)
		}
		if err != nil || !slices.Equal(got, ids) {
			t.Errorf("Search(%q) = %v, %v; want %v", q, got, err, ids)
		}
	}
}

// testBlocks makes postings blocks as appendPostings writes them: IDs rising
// by gaps of 1 to maxGap, counts of 1 to maxTF (both past one varint byte
// when large enough), and article lengths for every ID.
func testBlocks(seed uint64, blocks, maxGap, maxTF int) ([][]byte, []uint32) {
	r := rand.New(rand.NewPCG(seed, 1))
	var out [][]byte
	var id uint64
	for range blocks {
		block := make([]byte, 8, blockSize+32)
		var last uint64
		for len(block) < blockSize {
			id += uint64(1 + r.IntN(maxGap))
			block = binary.AppendUvarint(block, id-last)
			block = binary.AppendUvarint(block, uint64(1+r.IntN(maxTF)))
			last = id
		}
		binary.BigEndian.PutUint64(block, last)
		out = append(out, block)
	}
	docLen := make([]uint32, id+1)
	for i := range docLen {
		docLen[i] = uint32(50 + r.IntN(900))
	}
	return out, docLen
}

// TestAddBlock: scoring a block in one loop gives each posting BM25's score
// as decodeBlock reads the block, leaves out articles past the lengths known,
// and refuses damaged blocks.
func TestAddBlock(t *testing.T) {
	for _, shape := range []struct{ gap, tf int }{{8, 3}, {300, 300}} {
		blocks, docLen := testBlocks(uint64(shape.gap), 20, shape.gap, shape.tf)
		known := docLen[:len(docLen)*2/3] // the rest added after the search began
		w := bm25Weights{idf: 1.7, avg: 420}
		got, want := new(accumulator), map[uint64]float64{}
		got.reset(len(known))
		for _, block := range blocks {
			if err := got.addBlock(block, known, w); err != nil {
				t.Fatal(err)
			}
			err := decodeBlock(block, func(id, tf uint64) {
				if id < uint64(len(known)) {
					f := float64(tf)
					want[id] += w.idf * f * (bm25K1 + 1) / (f + bm25K1*(1-bm25B+bm25B*float64(known[id])/w.avg))
				}
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		if len(got.touched) != len(want) || len(want) == 0 {
			t.Fatalf("gap %d: %d articles scored, want %d", shape.gap, len(got.touched), len(want))
		}
		for id, s := range want {
			if math.Abs(float64(got.score[id])-s) > 1e-5*s {
				t.Fatalf("gap %d: article %d scored %v, want %v", shape.gap, id, got.score[id], s)
			}
		}
	}
	acc := new(accumulator)
	acc.reset(10)
	for _, bad := range [][]byte{{1, 2, 3}, {0, 0, 0, 0, 0, 0, 0, 1, 0x80}, {0, 0, 0, 0, 0, 0, 0, 1, 1, 0xff}, {0, 0, 0, 0, 0, 0, 0, 1, 1}} {
		if err := acc.addBlock(bad, make([]uint32, 10), bm25Weights{idf: 1, avg: 1}); err == nil {
			t.Errorf("block %x scored without an error", bad)
		}
	}
}

// BenchmarkScoreBlock measures scoring postings, most of a search's time:
// 100 blocks of about 330 postings each.
func BenchmarkScoreBlock(b *testing.B) {
	blocks, docLen := testBlocks(1, 100, 8, 3)
	acc := new(accumulator)
	w := bm25Weights{idf: 2, avg: 400}
	for b.Loop() {
		acc.reset(len(docLen))
		for _, block := range blocks {
			if err := acc.addBlock(block, docLen, w); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestAccumulatorKept: searches reuse the score array an earlier search
// made, garbage collections between them or not (a new one is faulted in page
// by page: 4 MB at 1,000,000 articles).
func TestAccumulatorKept(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "news.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Add(t.Context(), lib, Article{Title: "Harbour", Text: "The harbour wall was repaired."}); err != nil {
		t.Fatal(err)
	}
	b := st.a.(*boltArchive)
	search := func() *accumulator {
		if _, err := st.Search(t.Context(), lib.Scope, "harbour", 5); err != nil {
			t.Fatal(err)
		}
		acc := <-b.scores
		b.scores <- acc
		return acc
	}
	first := search()
	runtime.GC()
	runtime.GC()
	if search() != first {
		t.Error("a search after two garbage collections made a new accumulator")
	}
}

// TestTitleChunks: the title index keeps a word's articles in chunks of
// titleChunk bytes, not a key each; keys of the layout before (one ID, no
// value) are read as chunks and added to; a damaged chunk is reported.
func TestTitleChunks(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "news.db")
	st := openAt(t, path, Options{})
	// Four articles, their title word kept as in the layout before: a key
	// each, no value.
	const old = 4
	for range old {
		if _, err := st.Add(ctx, lib, Article{Title: "Budget news", Text: "old body"}); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	st = openAt(t, path, Options{})
	b := st.a.(*boltArchive)
	err := b.db.Update(func(tx *bolt.Tx) error {
		titles := tx.Bucket(bucketTitles)
		for _, w := range []string{"budget", "news"} {
			prefix := titleWordKey(w)
			if err := titles.Delete(binary.BigEndian.AppendUint64(prefix, 1)); err != nil {
				return err
			}
			for id := uint64(1); id <= old; id++ {
				if err := titles.Put(binary.BigEndian.AppendUint64(prefix, id), nil); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	const n = maxPostings + 1000 // more than one word's lookup reads
	var batch []Article
	for i := range n {
		batch = append(batch, Article{Title: fmt.Sprintf("Budget day %d", i), Text: fmt.Sprintf("body %d", i)})
	}
	for len(batch) > 0 {
		k := min(len(batch), 700)
		prepared, err := st.Prepare(ctx, batch[:k]...)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddBatch(ctx, lib, prepared); err != nil {
			t.Fatal(err)
		}
		batch = batch[k:]
	}
	st.Close()
	st = openAt(t, path, Options{})
	b = st.a.(*boltArchive)
	var keys int
	var ids []uint64
	err = b.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketTitles).Cursor()
		prefix := titleWordKey("budget")
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			keys++
			if err := eachTitleID(k, v, func(id uint64) { ids = append(ids, id) }); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != old+n || !slices.IsSorted(ids) || ids[0] != 1 || ids[len(ids)-1] != old+n {
		t.Errorf("the title index has %d IDs for budget (%v … %v), want 1 … %d in order", len(ids), ids[:min(3, len(ids))], ids[max(0, len(ids)-3):], old+n)
	}
	// 5,000 IDs one apart take a byte each: ten or eleven chunks, and the
	// four keys of the layout before (the last of which is added to).
	if keys > old+12 {
		t.Errorf("%d keys for budget's %d IDs, want chunks of %d bytes", keys, len(ids), titleChunk)
	}
	// More titles have "budget" than a lookup reads: it reads the newest.
	found, err := st.FindTitles(ctx, lib.Scope, "budget", 5)
	if err != nil || len(found) != 5 || found[0].ID != old+n {
		t.Errorf("FindTitles(budget) = %v, %v; want the 5 newest", found, err)
	}
	var ids2 []uint64
	found, err = st.FindTitles(ctx, lib.Scope, "news", 5)
	for _, m := range found {
		ids2 = append(ids2, m.ID)
	}
	if err != nil || !slices.Equal(ids2, []uint64{4, 3, 2, 1}) {
		t.Errorf("FindTitles(news) = %v, %v; want the %d kept in the layout before, newest first", ids2, err, old)
	}
	// A chunk whose differences run past the end is damage, not a loop.
	err = b.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTitles).Put(binary.BigEndian.AppendUint64(titleWordKey("budget"), 1<<40), []byte{0x80})
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.FindTitles(ctx, lib.Scope, "budget", 5); !errors.Is(err, ErrDamaged) {
		t.Errorf("FindTitles over a damaged chunk: %v, want ErrDamaged", err)
	}
	st.Close()
}

// TestRebuildInterrupted: a rebuild told to stop stops after the transaction
// it is in, Open says so, and the next Open rebuilds the index whole.
func TestRebuildInterrupted(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "news.db")
	st := openAt(t, path, Options{})
	const n = 1000
	var batch []Article
	for i := range n {
		batch = append(batch, Article{Title: fmt.Sprintf("Report %d", i), Text: fmt.Sprintf("The harbour report w%d was filed.", i)})
	}
	if _, err := st.Add(ctx, lib, batch...); err != nil {
		t.Fatal(err)
	}
	b := st.a.(*boltArchive)
	b.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(metaIndex, []byte("an older layout")) })
	st.Close()

	defer func(n int) { reindexBatch = n }(reindexBatch)
	reindexBatch = 300
	stop := make(chan struct{})
	_, err := Open(path, Options{Interrupt: stop, Rebuilding: func(int) { close(stop) }})
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("Open with the rebuild interrupted: %v, want ErrInterrupted", err)
	}
	var indexed int // articles with a length in the index
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *bolt.Tx) error {
		indexed = tx.Bucket(bucketDocLens).Stats().KeyN
		if tx.Bucket(bucketMeta).Get(metaIndex) != nil {
			t.Error("an interrupted rebuild recorded the layout")
		}
		return nil
	})
	db.Close()
	if indexed != reindexBatch {
		t.Errorf("the interrupted rebuild indexed %d articles, want the first transaction's %d", indexed, reindexBatch)
	}
	rebuilt := 0
	st = openAt(t, path, Options{Rebuilding: func(int) { rebuilt++ }})
	defer st.Close()
	hits, err := st.Search(ctx, lib.Scope, "harbour", n+10)
	if err != nil || len(hits) != n || rebuilt != 1 {
		t.Errorf("after the next Open: rebuilt %d times, %d hits (%v); want once and %d", rebuilt, len(hits), err, n)
	}
}

// An article record the rebuild cannot read — its key is there, its value is
// not an article (a flipped bit can make it unreadable JSON, or a nested
// bucket, which reads as missing) — is damage: Open says ErrDamaged, not
// "not found".
func TestRebuildOverUnreadableArticle(t *testing.T) {
	ctx := t.Context()
	for _, damage := range []struct {
		name string
		do   func(b *bolt.Bucket, key []byte) error
	}{
		{"garbled", func(b *bolt.Bucket, key []byte) error { return b.Put(key, []byte("{\"title\": 7")) }},
		{"a bucket", func(b *bolt.Bucket, key []byte) error {
			if err := b.Delete(key); err != nil {
				return err
			}
			_, err := b.CreateBucket(key)
			return err
		}},
	} {
		path := filepath.Join(t.TempDir(), "a.db")
		st := openAt(t, path, Options{})
		if _, err := st.Add(ctx, lib, Article{Title: "Harbour report", Text: "The harbour report was filed."},
			Article{Title: "Ferry report", Text: "The ferry report was filed."}); err != nil {
			t.Fatal(err)
		}
		b := st.a.(*boltArchive)
		err := b.db.Update(func(tx *bolt.Tx) error {
			if err := tx.Bucket(bucketMeta).Put(metaIndex, []byte("an older layout")); err != nil {
				return err
			}
			return damage.do(tx.Bucket(bucketArticles), idKey(2))
		})
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
		if _, err := Open(path, Options{}); !errors.Is(err, ErrDamaged) {
			t.Errorf("%s article: Open = %v, want ErrDamaged", damage.name, err)
		}
	}
}
