package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"unicode"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// The search index is an inverted index kept in the archive and updated by
// every Add, in the same transaction:
//
//	postings   part ‖ term ‖ 0 ‖ block number → a full block of (article ID, term count) pairs
//	tails      part ‖ term → number of the term's next full block (4 bytes) ‖ its last block, not yet full
//	doclens    article ID → number of terms (for BM25's length normalization)
//
// where part is a byte, the term's part of the index (partOf; see held.go for
// why the newest postings are held in memory a few commits, by part).
//
// A block starts with the last article ID it holds (8 bytes), then pairs of
// uvarints: the ID's distance from the previous one in the block, and the term
// count. Articles get rising IDs, so a term's postings are only ever appended,
// to its tail until that reaches blockSize and moves to postings. Keeping the
// tails apart keeps the pages an Add rewrites few: the tails of all terms fill
// a few thousand pages, where each term's last block among its full ones would
// put each on a page of its own.
//
// Terms come from Options.Terms, so that the archive and the code that queries
// it split text the same way; the title's terms count twice.

var (
	bucketPostings = []byte("postings")
	bucketTails    = []byte("tails")
	bucketDocLens  = []byte("doclens")
)

// indexLayout names how the index is kept (the meta key "index"); an archive
// whose index was kept otherwise is reindexed at Open.
const indexLayout = "parts-2"

var metaIndex = []byte("index")

const blockSize = 1024

// metaTerms is the meta key that names the Terms the index was built under.
var metaTerms = []byte("terms")

// Hit is an article found by a search, with its BM25 score.
type Hit struct {
	ID    uint64
	Score float64
}

// BM25 parameters, the usual values.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// defaultTerms splits text into lower-case words; Options.Terms replaces it.
func defaultTerms(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// indexTerms counts an article's terms into tf (cleared first), the title's
// twice; terms longer than maxWord are left out.
func (s *boltArchive) indexTerms(a Article, tf map[string]uint32) {
	clear(tf)
	for _, t := range s.terms(a.Title) {
		if len(t) <= maxWord {
			tf[t] += 2
		}
	}
	for _, t := range s.terms(a.Text) {
		if len(t) <= maxWord {
			tf[t]++
		}
	}
}

// termPostings is one term's postings in a batch of articles, before the
// articles have IDs: pairs of the article's place in the batch and the term's
// count in it, places rising.
type termPostings struct {
	term  string
	pairs []uint32
}

// batchPostings is a batch's postings by term, in term order, so that each
// term's tail is rewritten once per batch, not once per article, and in key
// order, which makes bbolt's page writes cheaper.
type batchPostings []termPostings

// postingsBuilder gathers postings by term as articles are counted, in rising
// places: term → place, count, place, count…
type postingsBuilder map[string][]uint32

func (p postingsBuilder) add(place int, tf map[string]uint32) {
	for t, n := range tf {
		p[t] = append(p[t], uint32(place), n)
	}
}

// mergePostings puts together the postings that several builders gathered
// from one batch (each article in one of them), in term order.
func mergePostings(parts ...postingsBuilder) batchPostings {
	at := make(map[string]int, len(parts[0]))
	var out batchPostings
	for _, part := range parts {
		for t, pairs := range part {
			if j, ok := at[t]; ok {
				out[j].pairs = mergePairs(out[j].pairs, pairs)
				continue
			}
			at[t] = len(out)
			out = append(out, termPostings{term: t, pairs: pairs})
		}
	}
	slices.SortFunc(out, func(a, b termPostings) int { return strings.Compare(a.term, b.term) })
	return out
}

// mergePairs merges two lists of place, count pairs, each in rising places.
func mergePairs(a, b []uint32) []uint32 {
	out := make([]uint32, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0] < b[0] {
			out, a = append(out, a[0], a[1]), a[2:]
		} else {
			out, b = append(out, b[0], b[1]), b[2:]
		}
	}
	return append(append(out, a...), b...)
}

// write appends the postings to their terms' tails at once, holding none:
// for reindex, which writes all parts. ids gives the article ID at each place
// in the batch; an article with none (0: a duplicate) is left out.
func (p batchPostings) write(tx *bolt.Tx, ids []uint64) error {
	full, tails := tx.Bucket(bucketPostings), tx.Bucket(bucketTails)
	var postings []uint64
	for _, tp := range p {
		postings = postings[:0]
		for pairs := tp.pairs; len(pairs) > 0; pairs = pairs[2:] {
			if id := ids[pairs[0]]; id != 0 {
				postings = append(postings, id, uint64(pairs[1]))
			}
		}
		if err := appendPostings(full, tails, partKey(tp.term), postings); err != nil {
			return err
		}
	}
	return nil
}

// appendPostings appends postings (pairs of article ID and term count, IDs
// rising and above any the term has) to the tail under key, moving each tail
// that fills to the full blocks.
func appendPostings(full, tails *bolt.Bucket, key []byte, postings []uint64) error {
	if len(postings) == 0 {
		return nil // no new article has the term
	}
	var blockNo uint32
	var block []byte
	if v := tails.Get(key); len(v) >= 4 {
		blockNo = binary.BigEndian.Uint32(v)
		block = append(make([]byte, 0, len(v)-4+64), v[4:]...)
	}
	for ; len(postings) > 0; postings = postings[2:] {
		if len(block) >= blockSize {
			if err := full.Put(binary.BigEndian.AppendUint32(append(slices.Clip(key), 0), blockNo), block); err != nil {
				return err
			}
			blockNo++
			block = nil
		}
		if len(block) < 8 {
			block = make([]byte, 8, 64)
		}
		block = appendPosting(block, postings[0], postings[1])
	}
	tail := binary.BigEndian.AppendUint32(make([]byte, 0, 4+len(block)), blockNo)
	return tails.Put(key, append(tail, block...))
}

// appendPosting appends a posting to a block, which has at least its 8-byte
// header (zero in a new block): the ID's distance from the block's last one
// and the count, then the ID as the block's last.
func appendPosting(block []byte, id, tf uint64) []byte {
	block = binary.AppendUvarint(block, id-binary.BigEndian.Uint64(block))
	block = binary.AppendUvarint(block, tf)
	binary.BigEndian.PutUint64(block, id)
	return block
}

// decodeBlock calls fn for each posting in a block.
func decodeBlock(block []byte, fn func(id, tf uint64)) error {
	if len(block) < 8 {
		return errors.New("short index block")
	}
	var id uint64
	for rest := block[8:]; len(rest) > 0; {
		delta, n := binary.Uvarint(rest)
		if n <= 0 {
			return errors.New("corrupt index block")
		}
		rest = rest[n:]
		tf, m := binary.Uvarint(rest)
		if m <= 0 {
			return errors.New("corrupt index block")
		}
		rest = rest[m:]
		id += delta
		fn(id, tf)
	}
	return nil
}

// loadDocLens reads every article's length into memory for scoring, and
// rebuilds the index of an archive written before it had one, or under other
// Terms than the store's, or kept another way.
func (s *boltArchive) loadDocLens() error {
	var rebuild bool
	var n uint64
	err := s.db.View(func(tx *bolt.Tx) error {
		var stale bool
		stale, n = s.staleIndex(tx)
		// Every stored article has a length, the last article's too, unless
		// the archive was written before the index.
		lastLen, _ := tx.Bucket(bucketDocLens).Cursor().Last()
		unindexed := n > 0 && (len(lastLen) != 8 || binary.BigEndian.Uint64(lastLen) != n)
		rebuild = unindexed || stale && n > 0
		return nil
	})
	if err != nil {
		return err
	}
	if rebuild {
		if s.rebuilding != nil {
			s.rebuilding(int(n))
		}
		if err := s.reindex(); err != nil {
			return fmt.Errorf("rebuild search index: %w", err)
		}
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		if stale, _ := s.staleIndex(tx); stale { // a new archive
			if err := s.markIndexed(tx); err != nil {
				return err
			}
		}
		if err := s.countUnwritten(tx); err != nil {
			return fmt.Errorf("count the search index's newest postings again: %w", err)
		}
		n := tx.Bucket(bucketArticles).Sequence()
		s.docLen, s.totalLen, s.docs = s.docLen[:0], 0, 0
		return tx.Bucket(bucketDocLens).ForEach(func(k, v []byte) error {
			if len(k) != 8 || len(v) != 4 || binary.BigEndian.Uint64(k) > n {
				return fmt.Errorf("%w (search index entry %x names no article)", ErrDamaged, k)
			}
			s.setDocLen(binary.BigEndian.Uint64(k), binary.BigEndian.Uint32(v))
			return nil
		})
	})
}

func (s *boltArchive) setDocLen(id uint64, n uint32) {
	for uint64(len(s.docLen)) <= id {
		s.docLen = append(s.docLen, 0)
	}
	s.totalLen += uint64(n) - uint64(s.docLen[id])
	if s.docLen[id] == 0 && n > 0 {
		s.docs++
	}
	s.docLen[id] = n
}

// staleIndex reports whether the archive's index was built under other Terms
// than the store's, kept another way, or has a damaged record of what it has
// written; and how many articles the archive has had.
func (s *boltArchive) staleIndex(tx *bolt.Tx) (stale bool, articles uint64) {
	meta := tx.Bucket(bucketMeta)
	_, unreadable := readWritten(tx) // damaged: rebuild rather than refuse the archive
	stale = s.termsVersion != "" && string(meta.Get(metaTerms)) != s.termsVersion ||
		string(meta.Get(metaIndex)) != indexLayout || unreadable != nil
	return stale, tx.Bucket(bucketArticles).Sequence()
}

// markIndexed records that the index is built under the store's Terms, kept
// as this code keeps it, every part written.
func (s *boltArchive) markIndexed(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	if err := meta.Delete(metaWritten); err != nil {
		return err
	}
	if err := meta.Put(metaTerms, []byte(s.termsVersion)); err != nil {
		return err
	}
	return meta.Put(metaIndex, []byte(indexLayout))
}

// reindex builds the search and title indexes from scratch, reindexBatch
// articles a transaction. (In one transaction, bbolt keeps every page written
// in memory and splits none until the commit, so each new key went into an
// ever longer node: at 1,000,000 articles it had not finished after 20
// minutes.) The layout is recorded by the last commit: an Open after a rebuild
// that did not finish starts it again.
func (s *boltArchive) reindex() error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketPostings, bucketTails, bucketDocLens, bucketTitles} {
			if err := tx.DeleteBucket(name); err != nil && !errors.Is(err, bolterrors.ErrBucketNotFound) {
				return err
			}
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Delete(metaIndex) // unfinished until the last commit
	})
	if err != nil {
		return err
	}
	pending := postingsBuilder{}
	var ids []uint64
	titles := make(map[string][]uint64)
	var next []byte // the key of the first article not yet indexed
	for done := false; !done; {
		err := s.db.Update(func(tx *bolt.Tx) error {
			clear(pending)
			ids = ids[:0]
			clear(titles)
			lens := tx.Bucket(bucketDocLens)
			c := tx.Bucket(bucketArticles).Cursor()
			var k []byte
			if next == nil {
				k, _ = c.First()
			} else {
				k, _ = c.Seek(next)
			}
			batch, k, err := s.readCounted(tx, c, k, reindexBatch)
			if err != nil {
				return err
			}
			for _, r := range batch {
				pending.add(len(ids), r.tf)
				ids = append(ids, r.id)
				for _, w := range indexedTitleWords(r.title) {
					titles[w] = append(titles[w], r.id)
				}
				if err := lens.Put(idKey(r.id), binary.BigEndian.AppendUint32(nil, docLength(r.tf))); err != nil {
					return err
				}
			}
			if done = k == nil; !done {
				next = bytes.Clone(k)
			}
			if err := putTitleIDs(tx.Bucket(bucketTitles), titles); err != nil {
				return err
			}
			if err := mergePostings(pending).write(tx, ids); err != nil {
				return err
			}
			if done {
				return s.markIndexed(tx)
			}
			return nil
		})
		if err != nil {
			return err
		}
		select {
		case <-s.interrupt:
			if !done {
				return ErrInterrupted // the layout unrecorded: the next Open starts again
			}
		default:
		}
	}
	return nil
}

// countedArticle is an article read again to index it: its ID, title and the
// terms of its text and title, counted.
type countedArticle struct {
	id    uint64
	title string
	tf    map[string]uint32
}

// readCounted reads up to limit articles in tx, from key k (where c stands) on,
// and counts their terms on every core; it returns them and the key after the
// last one read (nil at the end).
func (s *boltArchive) readCounted(tx *bolt.Tx, c *bolt.Cursor, k []byte, limit int) ([]countedArticle, []byte, error) {
	var articles []Article
	var stored [][]byte // compressed texts, valid while tx is
	texts := tx.Bucket(bucketTexts)
	for ; k != nil && len(articles) < limit; k, _ = c.Next() {
		a, err := readArticle(tx, k, false)
		if err != nil {
			// The cursor found the key: an article there that cannot be
			// read (garbled, or a flipped bit that makes it read as a
			// bucket, so as missing) is damage, not a lookup that failed.
			return nil, nil, damaged(k, err)
		}
		articles, stored = append(articles, a), append(stored, texts.Get(k))
	}
	out := make([]countedArticle, len(articles))
	errs := make([]error, len(articles))
	parallel(len(articles), func(i int) {
		a := &articles[i]
		if a.Text, errs[i] = decompressText(stored[i]); errs[i] != nil {
			errs[i] = damaged(idKey(a.ID), errs[i])
			return
		}
		out[i] = countedArticle{id: a.ID, title: a.Title, tf: make(map[string]uint32, 256)}
		s.indexTerms(*a, out[i].tf)
		a.Text = "" // counted: only the counts are kept
	})
	for _, err := range errs {
		if err != nil {
			return nil, nil, err // the first: a damaged archive may have many
		}
	}
	return out, k, nil
}

// damaged returns err, about the stored article at key, as one wrapping
// ErrDamaged.
func damaged(key []byte, err error) error {
	if errors.Is(err, ErrDamaged) {
		return fmt.Errorf("article %x: %w", key, err)
	}
	return fmt.Errorf("%w (article %x: %v)", ErrDamaged, key, err)
}

// reindexBatch is how many articles reindex indexes a transaction (a
// variable for tests).
var reindexBatch = 4096

func docLength(tf map[string]uint32) uint32 {
	var n uint64
	for _, c := range tf {
		n += uint64(c)
	}
	return uint32(min(n, math.MaxUint32))
}

// Search returns up to limit articles visible in scope that match the query
// best, by BM25 over titles and text. The query is split with the same Terms as
// the index. Terms in more than a third of the articles are passed over when the
// query has rarer ones: they barely change the order and cost the most to read.
// The statistics (document frequencies, average length) are the whole
// archive's: what other scopes hold shifts the scores a little, but no article
// outside scope is returned.
func (s *boltArchive) Search(ctx context.Context, scope, query string, limit int) ([]Hit, error) {
	terms := slices.Compact(slices.Sorted(slices.Values(s.terms(query))))
	if len(terms) == 0 || limit <= 0 {
		return nil, nil
	}
	s.indexMu.RLock()
	defer s.indexMu.RUnlock()
	n := float64(s.docs)
	if n == 0 {
		return nil, nil
	}
	avg := float64(s.totalLen) / n
	var acc *accumulator
	select {
	case acc = <-s.scores:
	default:
		acc = new(accumulator)
	}
	defer func() {
		select {
		case s.scores <- acc:
		default: // enough are kept
		}
	}()
	acc.reset(len(s.docLen))

	err := s.view(ctx, func(tx *bolt.Tx) error {
		c, tails := tx.Bucket(bucketPostings).Cursor(), tx.Bucket(bucketTails)
		written, err := readWritten(tx)
		if err != nil {
			return err
		}
		type termBlocks struct {
			df     int
			blocks [][]byte
		}
		found := make([]termBlocks, 0, len(terms))
		rarest := math.MaxInt
		for _, t := range terms {
			tb := termBlocks{blocks: s.termBlocks(c, tails, &written, t)}
			for _, block := range tb.blocks {
				tb.df += countPostings(block)
			}
			if tb.df > 0 {
				found = append(found, tb)
				rarest = min(rarest, tb.df)
			}
		}
		for _, tb := range found {
			if float64(tb.df) > n/3 && float64(rarest) <= n/3 {
				continue
			}
			idf := math.Log(1 + (n-float64(tb.df)+0.5)/(float64(tb.df)+0.5))
			w := bm25Weights{idf: idf, avg: avg}
			for _, block := range tb.blocks {
				if err := acc.addBlock(block, s.docLen, w); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	s.access.mu.RLock()
	defer s.access.mu.RUnlock()
	return acc.top(limit, func(id uint64) bool { return s.access.has(scope, id) }), nil
}

// termBlocks returns the blocks of a term's postings, in ID order: its full
// blocks and tail in a transaction's postings cursor and tails bucket, then
// the held postings that the transaction's written does not cover. The caller
// holds indexMu's read lock.
func (s *boltArchive) termBlocks(c *bolt.Cursor, tails *bolt.Bucket, written *[indexParts]uint64, term string) [][]byte {
	var blocks [][]byte
	key := partKey(term)
	prefix := append(slices.Clip(key), 0)
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		blocks = append(blocks, v)
	}
	if v := tails.Get(key); len(v) >= 4+8 {
		blocks = append(blocks, v[4:])
	}
	for _, h := range s.held.unwritten(key[0], written) {
		if block, ok := h.terms[term]; ok {
			blocks = append(blocks, block)
		}
	}
	return blocks
}

// accumulator adds up scores by article ID in a dense array, and remembers
// which IDs it touched so that resetting and ranking cost only those.
//
// A search reuses one kept from an earlier search: a new one is an array as
// long as the archive (4 MB at 1,000,000 articles) that the first search to
// use it faults in page by page. Kept in a sync.Pool, every garbage collection
// dropped them, and the searches after one took 10–30 ms longer.
type accumulator struct {
	score   []float32
	touched []uint64
}

func (a *accumulator) reset(n int) {
	for _, id := range a.touched {
		if id < uint64(len(a.score)) {
			a.score[id] = 0
		}
	}
	a.touched = a.touched[:0]
	if len(a.score) < n {
		a.score = append(a.score, make([]float32, n-len(a.score))...)
	}
}

func (a *accumulator) add(id uint64, s float32) {
	if a.score[id] == 0 {
		a.touched = append(a.touched, id)
	}
	a.score[id] += s
}

// accumulators is how many accumulators an archive keeps for searches: one
// per core is enough, as searches score on the CPU.
var accumulators = runtime.GOMAXPROCS(0)

// bm25Weights is what BM25 needs of a term and the archive besides a
// posting: the term's idf and the average article length.
type bm25Weights struct{ idf, avg float64 }

// addBlock adds the BM25 score of each posting in a block (decodeBlock's
// format, decoded here without a call per posting: most searches' time is in
// this loop). An article past docLen was added after the search began and is
// left out.
func (a *accumulator) addBlock(block []byte, docLen []uint32, w bm25Weights) error {
	if len(block) < 8 {
		return errors.New("short index block")
	}
	// score = idf·f·(k1+1) / (f + k1·(1−b) + k1·b·len/avg)
	num, base, perLen := w.idf*(bm25K1+1), bm25K1*(1-bm25B), bm25K1*bm25B/w.avg
	var id uint64
	for rest := block[8:]; len(rest) > 0; {
		// The two uvarints read alike, written out twice: a helper is not
		// inlined, and costs 40% (BenchmarkScoreBlock 0.17 → 0.24 ms).
		var delta, tf uint64
		if rest[0] < 0x80 { // one byte, as most are
			delta, rest = uint64(rest[0]), rest[1:]
		} else {
			n := 0
			if delta, n = binary.Uvarint(rest); n <= 0 {
				return errors.New("corrupt index block")
			}
			rest = rest[n:]
		}
		if len(rest) > 0 && rest[0] < 0x80 {
			tf, rest = uint64(rest[0]), rest[1:]
		} else {
			n := 0
			if tf, n = binary.Uvarint(rest); n <= 0 {
				return errors.New("corrupt index block")
			}
			rest = rest[n:]
		}
		id += delta
		if id >= uint64(len(docLen)) {
			continue
		}
		f := float64(tf)
		a.add(id, float32(num*f/(f+base+perLen*float64(docLen[id]))))
	}
	return nil
}

// top returns the k best hits that keep allows, best first (newer first on
// ties).
func (a *accumulator) top(k int, keep func(id uint64) bool) []Hit {
	better := func(x, y Hit) bool { return x.Score > y.Score || x.Score == y.Score && x.ID > y.ID }
	var best []Hit // kept sorted, at most k
	for _, id := range a.touched {
		h := Hit{ID: id, Score: float64(a.score[id])}
		if len(best) == k && !better(h, best[k-1]) || !keep(id) {
			continue
		}
		i, _ := slices.BinarySearchFunc(best, h, func(e, t Hit) int {
			if better(e, t) {
				return -1
			}
			return 1
		})
		best = slices.Insert(best, i, h)
		if len(best) > k {
			best = best[:k]
		}
	}
	return best
}

// countPostings counts a block's postings: every second uvarint ends one.
func countPostings(block []byte) int {
	n := 0
	for _, c := range block[8:] {
		if c < 0x80 {
			n++
		}
	}
	return n / 2
}
