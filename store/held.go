package store

import (
	"context"
	"encoding/binary"
	"fmt"
	"maps"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// The newest articles' postings and title words are held in memory for a few
// commits before they are written. A batch of articles has nearly every
// common term, so writing each commit's postings rewrote the tails of nearly
// all terms — most of the tails bucket's pages, every commit — and its title
// words dirtied a title-index page each: at 1,000,000 articles most of what a
// commit wrote, and of the memory it took.
//
// Terms and title words are divided into indexParts parts by a hash, which is
// also the first byte of their keys in the postings, tails and titles buckets
// (partKey). Each commit writes the held entries of one part, in turn, with
// its own of that part, and holds the rest; so a commit rewrites about one
// part's pages, and an entry is held for at most indexParts-1 commits.
//
// The meta key "written" records, for each part, the last article ID whose
// postings of that part are written (8 bytes a part). At Open, later
// articles' postings are counted again from their stored text; Close writes
// them all. A search reads the held postings that its own transaction's
// "written" does not cover, so it counts each posting once, whether it began
// before or after the commit that wrote them.

// indexParts is how many parts the index's terms are divided into.
const indexParts = 8

var metaWritten = []byte("written")

// partOf is the part of the index that holds a term.
func partOf(term string) byte {
	h := uint32(2166136261) // FNV-1a
	for i := range len(term) {
		h ^= uint32(term[i])
		h *= 16777619
	}
	return byte(h % indexParts)
}

// partKey is a term's key in the tails bucket, and how its keys in the
// postings bucket begin: its part, then the term.
func partKey(term string) []byte {
	return append([]byte{partOf(term)}, term...)
}

// heldPostings is one commit's postings of one part, not yet written: the
// search index's, and the title index's.
type heldPostings struct {
	first  uint64              // the commit's first article ID: every posting's is this or more
	terms  map[string][]byte   // term → its postings, a block as decodeBlock reads
	titles map[string][]uint64 // title word → the IDs of the articles whose titles have it
}

// addTitle adds an article (IDs rising) to a title word's.
func (h *heldPostings) addTitle(word string, id uint64) {
	if h.titles == nil {
		h.titles = make(map[string][]uint64)
	}
	h.titles[word] = append(h.titles[word], id)
}

// held reports whether h holds anything.
func (h *heldPostings) held() bool { return h.terms != nil || h.titles != nil }

// add appends a posting (IDs rising) to a term's block.
func (h *heldPostings) add(term string, id uint64, tf uint64) {
	if h.terms == nil {
		h.terms = make(map[string][]byte)
	}
	block := h.terms[term]
	if block == nil {
		block = make([]byte, 8, 16)
	}
	h.terms[term] = appendPosting(block, id, tf)
}

// heldIndex is the postings the archive holds in memory, by part. Searches
// read it under boltArchive.indexMu's read lock; Add changes it only after its
// commit, under the write lock, and one Add at a time (boltArchive.writing).
type heldIndex struct {
	parts   [indexParts][]heldPostings // oldest first
	written [indexParts]uint64         // as the meta key "written" holds it
	next    byte                       // the part the next commit writes
}

// unwritten returns the held postings of part that a transaction whose
// "written" is given has not written, in ID order.
func (h *heldIndex) unwritten(part byte, written *[indexParts]uint64) []heldPostings {
	held := h.parts[part]
	for len(held) > 0 && held[0].first <= written[part] {
		held = held[1:]
	}
	return held
}

// wrote records a commit that wrote part, holding the batch's postings of the
// other parts; through is the commit's last article ID.
func (h *heldIndex) wrote(part byte, batch *[indexParts]heldPostings, through uint64) {
	for q := range byte(indexParts) {
		switch {
		case q == part:
			h.parts[q] = nil
		case batch[q].held():
			h.parts[q] = append(h.parts[q], batch[q])
		}
	}
	h.written[part] = through
	h.next = (part + 1) % indexParts
}

// hold divides a batch's postings and title words by part, with the
// articles' IDs (ids gives the ID at each place in the batch; 0, a duplicate,
// is left out); first is the batch's first new article ID.
func (b *boltBatch) hold(ids []uint64, first uint64) *[indexParts]heldPostings {
	var out [indexParts]heldPostings
	for i := range out {
		out[i].first = first
	}
	for _, tp := range b.postings {
		var block []byte
		for pairs := tp.pairs; len(pairs) > 0; pairs = pairs[2:] {
			if id := ids[pairs[0]]; id != 0 {
				if block == nil {
					block = make([]byte, 8, 8+len(tp.pairs)*2)
				}
				block = appendPosting(block, id, uint64(pairs[1]))
			}
		}
		if block != nil {
			h := &out[partOf(tp.term)]
			if h.terms == nil {
				h.terms = make(map[string][]byte)
			}
			h.terms[tp.term] = block
		}
	}
	for i, id := range ids {
		if id != 0 {
			for _, w := range b.prep[i].titleWords {
				out[partOf(w)].addTitle(w, id)
			}
		}
	}
	return &out
}

// writePart writes part's held postings and a commit's own of that part to the
// titles, postings and tails buckets, in key order, and records it in written,
// which it stores under "written".
func (s *boltArchive) writePart(tx *bolt.Tx, part byte, own heldPostings, written *[indexParts]uint64) error {
	held := append(slices.Clip(s.held.parts[part]), own)
	terms := make(map[string]bool)
	titles := make(map[string][]uint64)
	for _, h := range held { // in the order of their commits: IDs ascending
		for t := range h.terms {
			terms[t] = true
		}
		for w, ids := range h.titles {
			titles[w] = append(titles[w], ids...)
		}
	}
	if err := putTitleIDs(tx.Bucket(bucketTitles), titles); err != nil {
		return err
	}
	full, tails := tx.Bucket(bucketPostings), tx.Bucket(bucketTails)
	var postings []uint64
	for _, t := range slices.Sorted(maps.Keys(terms)) {
		postings = postings[:0]
		for _, h := range held {
			if block, ok := h.terms[t]; ok {
				err := decodeBlock(block, func(id, tf uint64) { postings = append(postings, id, tf) })
				if err != nil {
					return err
				}
			}
		}
		if err := appendPostings(full, tails, partKey(t), postings); err != nil {
			return err
		}
	}
	written[part] = tx.Bucket(bucketArticles).Sequence()
	return putWritten(tx, written)
}

// writeHeld writes every part's held postings, and records every part as
// written through the last article, so that the next Open has none to count
// again.
func (s *boltArchive) writeHeld() error {
	s.writing.Lock()
	defer s.writing.Unlock()
	if !slices.ContainsFunc(s.held.parts[:], func(h []heldPostings) bool { return len(h) > 0 }) &&
		slices.Min(s.held.written[:]) == slices.Max(s.held.written[:]) {
		return nil // the last commit wrote every part through its last article
	}
	var written [indexParts]uint64
	err := s.update(context.Background(), func(tx *bolt.Tx) error {
		written = s.held.written
		for p := range byte(indexParts) {
			if err := s.writePart(tx, p, heldPostings{}, &written); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("write the search index's newest postings: %w", err)
	}
	s.indexMu.Lock()
	defer s.indexMu.Unlock()
	s.held.parts = [indexParts][]heldPostings{}
	s.held.written = written
	return nil
}

// readWritten reads the meta key "written"; an archive without it has
// written every part.
func readWritten(tx *bolt.Tx) (written [indexParts]uint64, err error) {
	v := tx.Bucket(bucketMeta).Get(metaWritten)
	if v == nil {
		seq := tx.Bucket(bucketArticles).Sequence()
		for p := range written {
			written[p] = seq
		}
		return written, nil
	}
	if len(v) != 8*indexParts {
		return written, fmt.Errorf("%w (the index's record of what it has written is %d bytes, not %d)", ErrDamaged, len(v), 8*indexParts)
	}
	for p := range written {
		written[p] = binary.BigEndian.Uint64(v[8*p:])
	}
	return written, nil
}

func putWritten(tx *bolt.Tx, written *[indexParts]uint64) error {
	v := make([]byte, 0, 8*indexParts)
	for _, w := range written {
		v = binary.BigEndian.AppendUint64(v, w)
	}
	return tx.Bucket(bucketMeta).Put(metaWritten, v)
}

// countUnwritten counts again the postings and title words of articles that the file's
// "written" does not cover, into held: what was held when the archive was last
// closed without Close, or by a process that stopped.
func (s *boltArchive) countUnwritten(tx *bolt.Tx) error {
	written, err := readWritten(tx)
	if err != nil {
		return err
	}
	s.held = heldIndex{written: written}
	var recounted [indexParts]heldPostings
	for p := range recounted {
		recounted[p].first = written[p] + 1
	}
	c := tx.Bucket(bucketArticles).Cursor()
	for k, _ := c.Seek(idKey(slices.Min(written[:]) + 1)); k != nil; {
		var batch []countedArticle
		if batch, k, err = s.readCounted(tx, c, k, reindexBatch); err != nil {
			return err
		}
		for _, a := range batch {
			for t, n := range a.tf {
				if p := partOf(t); a.id > written[p] {
					recounted[p].add(t, a.id, uint64(n))
				}
			}
			for _, w := range indexedTitleWords(a.title) {
				if p := partOf(w); a.id > written[p] {
					recounted[p].addTitle(w, a.id)
				}
			}
		}
	}
	for p, h := range recounted {
		if h.held() {
			s.held.parts[p] = []heldPostings{h}
		}
	}
	return nil
}
