package store

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"

	bolt "go.etcd.io/bbolt"
)

// TitleMatch is an article found by the words of its title.
type TitleMatch struct {
	ID        uint64
	Title     string
	Published time.Time
	// Matched is how many of the query's words the title contains (as a word or a
	// word's beginning); Words is how many the query had.
	Matched, Words int
}

// Complete reports whether every query word was found in the title.
func (m TitleMatch) Complete() bool { return m.Matched == m.Words }

// maxPostings bounds the work of one query word, so that a one-letter prefix in an
// archive of 100,000 titles stays cheap; such a prefix matches too much to rank
// well anyway, and the next letter typed narrows it.
const maxPostings = 4000

// newestScan bounds how many of the newest articles Suggest looks through for
// visible ones.
const newestScan = 20000

// titleStopwords are too common in titles to help find one.
var titleStopwords = map[string]bool{
	"a": true, "an": true, "and": true, "the": true, "of": true, "to": true, "in": true,
	"on": true, "for": true, "at": true, "by": true, "with": true, "is": true, "as": true,
}

// TitleWords splits a title or a query into the lower-case words the title index
// uses.
func TitleWords(s string) []string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := words[:0]
	for _, w := range words {
		if !titleStopwords[w] && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// maxWord is the longest word or term the indexes keep, in bytes: a longer
// one (a run of letters with no space, a pasted blob) is nobody's query, and
// bbolt's keys are bounded.
const maxWord = 100

// indexedTitleWords returns the TitleWords of a title that the title indexes
// keep: those of up to maxWord bytes.
func indexedTitleWords(title string) []string {
	return slices.DeleteFunc(TitleWords(title), func(w string) bool { return len(w) > maxWord })
}

// The title index keeps, for each title word, the IDs of the articles whose
// titles have it, in chunks: the key is the word's part of the index
// (held.go), the word, 0 and the chunk's first ID; the value, the later IDs as
// uvarint differences, up to titleChunk bytes. (It kept one key per article
// and word before: a commit then rewrote a page for nearly every title word
// of its part, and at 1,000,000 articles a commit's title pages took 50 MB.
// Such keys are chunks of one ID, read as they are and added to.)
const titleChunk = 512

// titleWordKey is the start of the keys of a title word's chunks.
func titleWordKey(word string) []byte { return append(partKey(word), 0) }

// putTitleIDs adds to the title index the IDs of new articles whose titles
// have the words, each word's IDs ascending and above those it has already.
func putTitleIDs(b *bolt.Bucket, words map[string][]uint64) error {
	c := b.Cursor()
	for _, w := range slices.Sorted(maps.Keys(words)) {
		if err := putTitleWord(b, c, titleWordKey(w), words[w]); err != nil {
			return err
		}
	}
	return nil
}

// putTitleWord appends ids to a title word's last chunk while it has room,
// then to new chunks. prefix is the word's titleWordKey.
func putTitleWord(b *bolt.Bucket, c *bolt.Cursor, prefix []byte, ids []uint64) error {
	var key, value []byte
	var last uint64
	// The word's last chunk is the last key up to the highest it could have.
	k, v := seekAtOrBefore(c, binary.BigEndian.AppendUint64(slices.Clip(prefix), math.MaxUint64))
	if k != nil && len(k) == len(prefix)+8 && bytes.HasPrefix(k, prefix) && len(v) < titleChunk {
		key, value = bytes.Clone(k), make([]byte, len(v), titleChunk+binary.MaxVarintLen64)
		copy(value, v)
		if err := eachTitleID(k, v, func(id uint64) { last = id }); err != nil {
			return err
		}
	}
	for _, id := range ids {
		switch {
		case id <= last:
			continue // already there
		case key == nil || len(value) >= titleChunk:
			if key != nil {
				if err := b.Put(key, value); err != nil {
					return err
				}
			}
			key, value = binary.BigEndian.AppendUint64(slices.Clip(prefix), id), make([]byte, 0, titleChunk+binary.MaxVarintLen64)
		default:
			value = binary.AppendUvarint(value, id-last)
		}
		last = id
	}
	if key == nil {
		return nil
	}
	return b.Put(key, value)
}

// seekAtOrBefore moves c to the last key at or before key, and returns it
// (nil when there is none).
func seekAtOrBefore(c *bolt.Cursor, key []byte) ([]byte, []byte) {
	k, v := c.Seek(key)
	switch {
	case k == nil:
		return c.Last()
	case !bytes.Equal(k, key):
		return c.Prev()
	}
	return k, v
}

// eachTitleID calls fn with each article ID of a title index chunk, in order.
func eachTitleID(k, v []byte, fn func(id uint64)) error {
	if len(k) < 10 {
		return fmt.Errorf("%w (title index key %x)", ErrDamaged, k)
	}
	id := binary.BigEndian.Uint64(k[len(k)-8:])
	fn(id)
	for len(v) > 0 {
		d, n := binary.Uvarint(v)
		if n <= 0 || d == 0 || id+d < id {
			return fmt.Errorf("%w (title index chunk %x)", ErrDamaged, k)
		}
		id, v = id+d, v[n:]
		fn(id)
	}
	return nil
}

// heldTitles calls fn for each title word held in memory that a transaction
// whose written is given has not written, with the IDs of the articles whose
// titles have it. The caller holds indexMu's read lock.
func (s *boltArchive) heldTitles(written *[indexParts]uint64, fn func(word string, ids []uint64)) {
	for p := range byte(indexParts) {
		for _, h := range s.held.unwritten(p, written) {
			for w, ids := range h.titles {
				fn(w, ids)
			}
		}
	}
}

// FindTitles returns up to limit articles visible in scope whose titles contain
// the query's words,
// each word matching a title word or its beginning (so "procur" finds
// "Procurement"). Titles with more of the words come first; among equals an exact
// title, then a shorter one, then a newer one. Titles matching only some words are
// included after the complete matches.
func (s *boltArchive) FindTitles(ctx context.Context, scope, query string, limit int) ([]TitleMatch, error) {
	words := TitleWords(query)
	if len(words) == 0 || limit <= 0 {
		return nil, nil
	}
	var out []TitleMatch
	s.indexMu.RLock()
	defer s.indexMu.RUnlock()
	s.access.mu.RLock()
	defer s.access.mu.RUnlock()
	err := s.view(ctx, func(tx *bolt.Tx) error {
		written, err := readWritten(tx)
		if err != nil {
			return err
		}
		hits := make(map[uint64]int)
		c := tx.Bucket(bucketTitles).Cursor()
		for _, w := range words {
			seen := make(map[uint64]bool)
			n := 0
			found := func(id uint64) {
				if !seen[id] && s.access.has(scope, id) {
					seen[id] = true
					hits[id]++
				}
				n++
			}
			// Newest first, so that a word in more than maxPostings titles
			// still finds the latest: the held words, then each part's
			// chunks from the last (words beginning with w are in every
			// part).
			var held []uint64
			s.heldTitles(&written, func(word string, ids []uint64) {
				if strings.HasPrefix(word, w) {
					held = append(held, ids...)
				}
			})
			slices.Sort(held)
			for i := len(held) - 1; i >= 0 && n < maxPostings; i-- {
				found(held[i])
			}
			var chunk []uint64
			for p := range byte(indexParts) {
				prefix := append([]byte{p}, w...)
				// The last key with the prefix: UTF-8 has no 0xff.
				k, v := seekAtOrBefore(c, append(slices.Clip(prefix), 0xff))
				for ; k != nil && bytes.HasPrefix(k, prefix) && n < maxPostings; k, v = c.Prev() {
					chunk = chunk[:0]
					if err := eachTitleID(k, v, func(id uint64) { chunk = append(chunk, id) }); err != nil {
						return err
					}
					for i := len(chunk) - 1; i >= 0; i-- {
						found(chunk[i])
					}
				}
			}
		}
		out, err = rankTitles(hits, len(words), strings.ToLower(strings.TrimSpace(query)), limit, boltTitles(tx))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("find titles %q: %w", query, err)
	}
	return out, nil
}

// Suggest returns up to limit titles visible in scope that come close to the
// query when FindTitles found nothing: words within a small edit distance of the
// query's words, or, when none are close, the newest articles.
func (s *boltArchive) Suggest(ctx context.Context, scope, query string, limit int) ([]TitleMatch, error) {
	words := TitleWords(query)
	var out []TitleMatch
	s.indexMu.RLock()
	defer s.indexMu.RUnlock()
	s.access.mu.RLock()
	defer s.access.mu.RUnlock()
	visible := func(id uint64) bool { return s.access.has(scope, id) }
	near := func(word string) bool {
		for _, w := range words {
			if len(w) >= 3 && withinEdits(w, word, 1+len(w)/6) {
				return true
			}
		}
		return false
	}
	err := s.view(ctx, func(tx *bolt.Tx) error {
		written, err := readWritten(tx)
		if err != nil {
			return err
		}
		hits := make(map[uint64]int)
		s.heldTitles(&written, func(word string, ids []uint64) {
			if near(word) {
				for _, id := range ids {
					if visible(id) {
						hits[id]++
					}
				}
			}
		})
		c := tx.Bucket(bucketTitles).Cursor()
		for k, _ := c.First(); k != nil; {
			if len(k) < 10 {
				return fmt.Errorf("%w (title index key %x)", ErrDamaged, k)
			}
			word := k[:len(k)-9] // with its part
			if near(string(word[1:])) {
				// Every article with this title word.
				for k2, v := c.Seek(k); k2 != nil && bytes.HasPrefix(k2, k[:len(k)-8]); k2, v = c.Next() {
					err := eachTitleID(k2, v, func(id uint64) {
						if visible(id) {
							hits[id]++
						}
					})
					if err != nil {
						return err
					}
				}
			}
			// Skip to the next distinct word; keys out of order are damage, and
			// would loop here.
			next, _ := c.Seek(append(slices.Clip(word), 1))
			if next != nil && bytes.Compare(next, k) <= 0 {
				return fmt.Errorf("%w (title index out of order at %x)", ErrDamaged, k)
			}
			k = next
		}
		if len(hits) == 0 {
			ac := tx.Bucket(bucketArticles).Cursor()
			// The newest visible articles; at most newestScan are looked at, so
			// a server that sees little of a large archive stays cheap.
			n := 0
			for k, _ := ac.Last(); k != nil && len(hits) < limit && n < newestScan; k, _ = ac.Prev() {
				if id := binary.BigEndian.Uint64(k); visible(id) {
					hits[id] = 0
				}
				n++
			}
		}
		out, err = rankTitles(hits, len(words), "", limit, boltTitles(tx))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("suggest titles for %q: %w", query, err)
	}
	return out, nil
}

// boltTitles reads articles' metadata, in the order of ids, for rankTitles.
func boltTitles(tx *bolt.Tx) func(ids []uint64) ([]Article, error) {
	return func(ids []uint64) ([]Article, error) {
		out := make([]Article, len(ids))
		for i, id := range ids {
			var err error
			if out[i], err = readArticle(tx, idKey(id), false); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
}

// rankTitles orders the articles that matched words of a title query (hits:
// ID → how many words) and returns the best limit; load reads the articles'
// metadata, in the order of the IDs it is given.
func rankTitles(hits map[uint64]int, words int, exact string, limit int, load func(ids []uint64) ([]Article, error)) ([]TitleMatch, error) {
	// Rank by hit count and ID first, so that only the best candidates are
	// decoded; keep a margin beyond limit so that the exact and shorter titles
	// can still win.
	ids := bestIDs(hits, limit*2)
	articles, err := load(ids)
	if err != nil {
		return nil, err
	}
	out := make([]TitleMatch, 0, len(ids))
	lengths := make(map[uint64]int, len(ids))
	for _, a := range articles {
		out = append(out, TitleMatch{ID: a.ID, Title: a.Title, Published: a.Published, Matched: hits[a.ID], Words: words})
		lengths[a.ID] = len(TitleWords(a.Title))
	}
	isExact := func(m TitleMatch) int {
		if exact != "" && strings.ToLower(strings.TrimSpace(m.Title)) == exact {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(out, func(a, b TitleMatch) int {
		return cmp.Or(
			cmp.Compare(b.Matched, a.Matched),
			cmp.Compare(isExact(b), isExact(a)),
			cmp.Compare(lengths[a.ID], lengths[b.ID]),
			cmp.Compare(b.ID, a.ID),
		)
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// bestIDs returns up to n IDs with the most hits, newer first among equals, in
// that order, without sorting them all.
func bestIDs(hits map[uint64]int, n int) []uint64 {
	better := func(a, b uint64) int { return cmp.Or(cmp.Compare(hits[b], hits[a]), cmp.Compare(b, a)) }
	best := make([]uint64, 0, n+1)
	for id := range hits {
		if len(best) == n && better(id, best[n-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(best, id, better)
		best = slices.Insert(best, i, id)
		if len(best) > n {
			best = best[:n]
		}
	}
	return best
}

// withinEdits reports whether a and b differ by at most max insertions, deletions
// or substitutions of bytes.
func withinEdits(a, b string, max int) bool {
	if d := len(a) - len(b); d > max || -d > max {
		return false
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > max {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(b)] <= max
}
