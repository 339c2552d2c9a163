package store

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"
)

// Article is one archived article.
type Article struct {
	ID        uint64    `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Added     time.Time `json:"added"`
	Hash      string    `json:"hash"`
	// Text is the article body, paragraphs separated by blank lines. It is stored
	// apart from the metadata and filled only by the methods that say so.
	Text string `json:"-"`
}

// AddResult tells what Add did with one article.
type AddResult struct {
	ID uint64
	// Duplicate is true when the archive already held the article (same URL or same
	// text); ID is then the existing article's.
	Duplicate bool
	// Had is true when the grant's scope could already see the article.
	Had bool
}

// ContentHash returns the hash used to de-duplicate text: case, punctuation and
// spacing do not change it.
func ContentHash(text string) string {
	buf := make([]byte, 0, len(text))
	space := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				space = true
				continue
			}
			if space && len(buf) > 0 {
				buf = append(buf, ' ')
			}
			space = false
			buf = append(buf, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = true
			continue
		}
		if space && len(buf) > 0 {
			buf = append(buf, ' ')
		}
		space = false
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:])
}

func (s *boltArchive) add(ctx context.Context, g Grant, articles []Article, work batchWork) ([]AddResult, error) {
	b := work.(*boltBatch)
	results := make([]AddResult, len(articles))
	now := time.Now().UTC()
	ids := make([]uint64, len(articles)) // a new article's ID at its place in the batch
	var granted []uint64
	// The index's held postings change after the commit: one Add at a time.
	s.writing.Lock()
	defer s.writing.Unlock()
	part, written := s.held.next, s.held.written
	var held *[indexParts]heldPostings
	err := s.update(ctx, func(tx *bolt.Tx) error {
		clear(ids) // bbolt may retry: start over
		granted = granted[:0]
		first := tx.Bucket(bucketArticles).Sequence() + 1
		// These buckets get rising keys: full pages waste no space.
		for _, name := range [][]byte{bucketArticles, bucketTexts, bucketDocLens} {
			tx.Bucket(name).FillPercent = 0.95
		}
		for i, a := range articles {
			b.ready(i)
			p := &b.prep[i]
			r, err := s.addArticle(tx, a, p, now)
			if err != nil {
				return fmt.Errorf("add %q: %w", clip(a.Title), err)
			}
			joined := now
			if !r.Duplicate {
				joined = r.added
			}
			if r.Had, err = grant(tx, g, r.ID, joined); err != nil {
				return err
			}
			if !r.Had {
				granted = append(granted, r.ID)
			}
			results[i] = r.AddResult
			if r.Duplicate {
				continue
			}
			ids[i] = r.ID
			if err := tx.Bucket(bucketDocLens).Put(idKey(r.ID), binary.BigEndian.AppendUint32(nil, p.length)); err != nil {
				return err
			}
		}
		<-b.gathered
		held = b.hold(ids, first)
		return s.writePart(tx, part, held[part], &written)
	})
	if err != nil {
		return nil, err
	}
	s.indexMu.Lock()
	for i, id := range ids {
		if id != 0 {
			s.setDocLen(id, b.prep[i].length) // counted from the text addArticle stored
		}
	}
	s.held.wrote(part, held, written[part])
	s.indexMu.Unlock()
	s.access.mu.Lock()
	for _, id := range granted {
		s.access.add(g.Scope, id)
	}
	s.access.mu.Unlock()
	return results, nil
}

// added is what addArticle did: the result, and the article's Added time.
type added struct {
	AddResult
	added time.Time
}

// prepared is what can be worked out about an article before the write
// transaction, on every core: its hash, and unless it is already archived,
// its compressed text, length in terms, and title words.
type prepared struct {
	hash       string
	byText     bool // de-duplicated by its text (distinctive)
	text       []byte
	length     uint32
	titleWords []string
	err        error
}

// boltBatch is a batch being prepared for the write transaction.
type boltBatch struct {
	prep []prepared
	backgroundWork
	gathered chan struct{} // closed when postings holds the batch's postings
	postings batchPostings
}

// backgroundWork is a batch's work running in the background (background's
// results): ready(i) waits until article i is prepared; it is a batchWork.
type backgroundWork struct {
	ready func(i int)
	halt  func()
}

func (w backgroundWork) stop() { w.halt() }

// prepare works out what Add stores for each article on every core, since
// bbolt has one writer: it hashes them all and looks up which are already
// archived (by URL or text), then compresses and counts the terms of the rest
// in the background, and gathers their postings by term when all are counted.
func (s *boltArchive) prepare(ctx context.Context, articles []Article) (batchWork, error) {
	prep := make([]prepared, len(articles))
	parallel(len(articles), func(i int) {
		prep[i].hash = ContentHash(articles[i].Text)
		prep[i].byText = distinctive(articles[i].Text)
	})
	known := make([]bool, len(articles))
	err := s.view(ctx, func(tx *bolt.Tx) error {
		urls, hashes := tx.Bucket(bucketURLs), tx.Bucket(bucketHashes)
		for i, a := range articles {
			known[i] = a.URL != "" && urls.Get(urlKey(a.URL)) != nil ||
				prep[i].byText && hashes.Get([]byte(prep[i].hash)) != nil
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	b := &boltBatch{prep: prep, gathered: make(chan struct{})}
	// Each worker counts into a map of its own and gathers its articles'
	// postings; they are merged when all are counted.
	workers := backgroundWorkers(len(articles))
	counts, parts := make([]map[string]uint32, workers), make([]postingsBuilder, workers)
	for w := range workers {
		counts[w], parts[w] = make(map[string]uint32, 256), postingsBuilder{}
	}
	b.ready, b.halt = background(len(articles), func(w, i int) {
		if known[i] || strings.TrimSpace(articles[i].Text) == "" {
			return
		}
		p := &prep[i]
		p.text, p.err = s.flate.compressText(articles[i].Text)
		s.indexTerms(articles[i], counts[w])
		parts[w].add(i, counts[w])
		p.length = docLength(counts[w])
		p.titleWords = indexedTitleWords(articles[i].Title)
	})
	go func() {
		defer close(b.gathered)
		for i := range prep {
			b.ready(i)
		}
		b.postings = mergePostings(parts...)
	}()
	return b, nil
}

// parallel runs fn(0) … fn(n-1) on as many goroutines as there are cores,
// and returns when all have run.
func parallel(n int, fn func(i int)) {
	ready, stop := background(n, func(_, i int) { fn(i) })
	for i := range n {
		ready(i)
	}
	stop()
}

// backgroundWorkers is how many goroutines background runs n calls on: one
// per core.
func backgroundWorkers(n int) int { return max(1, min(runtime.GOMAXPROCS(0), n)) }

// background runs fn(w, 0) … fn(w, n-1) on backgroundWorkers(n) goroutines
// (w numbers the goroutine, from 0), taking them in order, and returns at
// once; ready(i) waits until fn(…, i) has run, or stop skipped it; stop skips
// what has not started and waits for the goroutines to end.
func background(n int, fn func(w, i int)) (ready func(i int), stop func()) {
	done := make([]chan struct{}, n)
	for i := range done {
		done[i] = make(chan struct{})
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range backgroundWorkers(n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(w, i)
				close(done[i])
			}
		})
	}
	var once sync.Once
	return func(i int) { <-done[i] }, func() {
		once.Do(func() {
			next.Store(int64(n)) // no new work
			wg.Wait()
			for _, d := range done {
				select {
				case <-d:
				default:
					close(d) // skipped
				}
			}
		})
	}
}

func (s *boltArchive) addArticle(tx *bolt.Tx, a Article, p *prepared, now time.Time) (added, error) {
	if strings.TrimSpace(a.Text) == "" {
		return added{}, errors.New("empty text")
	}
	urls, hashes := tx.Bucket(bucketURLs), tx.Bucket(bucketHashes)
	if a.URL != "" {
		if v := urls.Get(urlKey(a.URL)); v != nil {
			return added{AddResult: AddResult{ID: binary.BigEndian.Uint64(v), Duplicate: true}}, nil
		}
	}
	a.Hash = p.hash
	byText := p.byText
	if v := hashes.Get([]byte(a.Hash)); v != nil && byText {
		return added{AddResult: AddResult{ID: binary.BigEndian.Uint64(v), Duplicate: true}}, nil
	}

	articles := tx.Bucket(bucketArticles)
	id, err := articles.NextSequence()
	if err != nil {
		return added{}, err
	}
	a.ID = id
	if a.Added.IsZero() {
		a.Added = now
	}
	meta, err := json.Marshal(a)
	if err != nil {
		return added{}, err
	}
	key := idKey(id)
	if p.text == nil && p.err == nil {
		// Archived when prepared, not now: articles are never deleted.
		return added{}, errors.New("article was archived when prepared and is not now")
	}
	text, err := p.text, p.err
	if err != nil {
		return added{}, err
	}
	puts := [][3][]byte{
		{bucketArticles, key, meta},
		{bucketTexts, key, text},
	}
	if a.URL != "" {
		puts = append(puts, [3][]byte{bucketURLs, urlKey(a.URL), key})
	}
	if byText {
		puts = append(puts, [3][]byte{bucketHashes, []byte(a.Hash), key})
	}
	for _, p := range puts {
		if err := tx.Bucket(p[0]).Put(p[1], p[2]); err != nil {
			return added{}, err
		}
	}
	return added{AddResult: AddResult{ID: id}, added: a.Added}, nil
}

// Article returns the article with the given ID, text included, or an error wrapping
// ErrNotFound.
func (s *boltArchive) Article(ctx context.Context, id uint64) (Article, error) {
	var a Article
	err := s.view(ctx, func(tx *bolt.Tx) error {
		var err error
		a, err = readArticle(tx, idKey(id), true)
		return err
	})
	if err != nil {
		return Article{}, fmt.Errorf("article %d: %w", id, err)
	}
	return a, nil
}

// ArticleByURL returns the article stored from url, text included, or an error
// wrapping ErrNotFound.
func (s *boltArchive) ArticleByURL(ctx context.Context, url string) (Article, error) {
	var a Article
	err := s.view(ctx, func(tx *bolt.Tx) error {
		key := tx.Bucket(bucketURLs).Get(urlKey(url))
		if key == nil {
			return ErrNotFound
		}
		var err error
		a, err = readArticle(tx, key, true)
		return err
	})
	if err != nil {
		return Article{}, fmt.Errorf("article at %s: %w", url, err)
	}
	return a, nil
}

// Count returns how many articles the archive holds: the articles bucket's
// sequence, since each stored article takes the next number and none is ever
// deleted (counting the keys would read every page of the bucket).
func (s *boltArchive) Count(ctx context.Context) (int, error) {
	var n int
	err := s.view(ctx, func(tx *bolt.Tx) error {
		n = int(tx.Bucket(bucketArticles).Sequence())
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

func readArticle(tx *bolt.Tx, key []byte, withText bool) (Article, error) {
	meta := tx.Bucket(bucketArticles).Get(key)
	if meta == nil {
		return Article{}, ErrNotFound
	}
	var a Article
	if err := json.Unmarshal(meta, &a); err != nil {
		return Article{}, fmt.Errorf("decode article %x: %w", key, err)
	}
	if withText {
		text, err := decompressText(tx.Bucket(bucketTexts).Get(key))
		if err != nil {
			return Article{}, fmt.Errorf("article %x: %w", key, err)
		}
		a.Text = text
	}
	return a, nil
}

// distinctive reports whether a text is long enough to tell one article from
// another: two stories can share a short generic teaser ("Read the full
// story on our site."), so only longer texts are de-duplicated by their text;
// short ones only by their URL.
func distinctive(text string) bool {
	words := 0
	for range strings.FieldsSeq(text) {
		if words++; words >= 40 {
			return true
		}
	}
	return utf8.RuneCountInString(text) >= 240
}

// maxURLKey is the longest URL kept as its own key; a longer one is keyed by
// its hash (bbolt keys are at most 32 KB, and long keys make fat pages).
const maxURLKey = 512

func urlKey(url string) []byte {
	if len(url) <= maxURLKey {
		return []byte(url)
	}
	sum := sha256.Sum256([]byte(url))
	return append([]byte("#sha256:"), sum[:]...)
}

func idKey(id uint64) []byte {
	return binary.BigEndian.AppendUint64(nil, id)
}

// addedKey orders by time, then ID. Times before 1970 clamp to zero so that the
// big-endian encoding keeps its order.
func addedKey(t time.Time, id uint64) []byte {
	ns := t.UnixNano()
	if ns < 0 {
		ns = 0
	}
	k := binary.BigEndian.AppendUint64(nil, uint64(ns))
	return binary.BigEndian.AppendUint64(k, id)
}

// clip shortens a title for an error message.
func clip(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:79]) + "…"
	}
	return s
}
