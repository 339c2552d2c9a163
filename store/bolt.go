package store

// The embedded archive: one bbolt file.
//
//	articles   id → article metadata (JSON, no text)
//	texts      id → article text, compressed (compress.go)
//	urls       source URL → id          (de-duplication by URL)
//	hashes     content hash → id        (de-duplication by text)
//	titles     title word ‖ 0 ‖ id → nil (lookup by title words, autocomplete)
//	digest_settings  guild ID → DigestSettings (JSON)
//	digest_runs      guild ID / local date → DigestRun (JSON), the digest log
//	model_cache      key → model output (summaries, so repeats cost no tokens)
//	model_usage      server / date → tokens used that day
//	postings, doclens  the search index (index.go)
//	feeds            id → Feed (JSON): servers' subscriptions
//	feed_items       feed id ‖ hash of an item's GUID or link → nil: items seen
//	access, news     which scopes (the library, servers) see an article (access.go)
//	server_settings  guild ID → Settings (JSON): who may add, the digest's size
//	leases           name → expiry ‖ holder: who does shared work (lease.go)
//
// IDs come from the articles bucket's sequence. bbolt allows one process per
// file, so Open waits at most Options.Timeout for the file lock and then fails
// with ErrLocked. Byte slices read from bbolt are valid only inside their
// transaction; everything returned here is copied out. Every write is an
// Update that has been fsynced when it returns, so a returned Add survives
// kill -9.

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"sync"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

var (
	bucketArticles = []byte("articles")
	bucketTexts    = []byte("texts")
	bucketURLs     = []byte("urls")
	bucketHashes   = []byte("hashes")
	bucketTitles   = []byte("titles")
	// bucketMeta holds facts about the archive itself: under which Terms its
	// search index was built (key "terms") and how it is kept (key "index").
	bucketMeta = []byte("meta")
)

var allBuckets = [][]byte{
	bucketArticles, bucketTexts, bucketURLs, bucketHashes, bucketTitles,
	bucketDigestSettings, bucketDigestRuns, bucketModelCache, bucketModelUsage,
	bucketPostings, bucketTails, bucketDocLens, bucketFeeds, bucketFeedItems,
	bucketAccess, bucketNews, bucketSettings, bucketMeta, bucketLeases,
}

// boltArchive is an archive in one bbolt file.
type boltArchive struct {
	db           *bolt.DB
	path         string
	terms        func(string) []string
	termsVersion string
	rebuilding   func(articles int)
	interrupt    <-chan struct{} // Options.Interrupt

	// The articles' lengths in terms, by ID, for search scoring, and the
	// newest postings: read at Open, updated after every Add commits.
	indexMu  sync.RWMutex
	docLen   []uint32
	totalLen uint64
	docs     int
	held     heldIndex
	writing  sync.Mutex        // held by the Add that is writing, and by Close
	scores   chan *accumulator // kept for the next search: see accumulators
	flate    compressors
	access   visibility
}

// openBolt opens (creating if needed) the bbolt file at path.
func openBolt(path string, opts Options) (st *boltArchive, err error) {
	if info, err := os.Stat(path); err == nil && info.Size() == 0 {
		// bbolt would take an empty file for a new archive; an empty file where
		// an archive should be is a lost one.
		return nil, fmt.Errorf("open archive %s: %w (the file is empty; remove it to start a new archive)", path, ErrDamaged)
	}
	var db *bolt.DB
	defer func() {
		if err != nil && db != nil {
			db.Close()
		}
		if err != nil {
			err = fmt.Errorf("open archive %s: %w", path, err)
		}
	}()
	defer caught(&err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: opts.Timeout})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, fmt.Errorf("%w (waited %s for its lock)", ErrLocked, opts.Timeout)
	case errors.Is(err, fs.ErrPermission), errors.Is(err, fs.ErrNotExist):
		return nil, err
	case err != nil:
		// An invalid header, a bad checksum, a file too small to be an archive.
		return nil, fmt.Errorf("%w (%v: not a newsbot archive, or its header is damaged)", ErrDamaged, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		legacy := tx.Bucket(bucketAccess) == nil && tx.Bucket(bucketArticles) != nil
		for _, name := range allBuckets {
			_, err := tx.CreateBucketIfNotExists(name)
			if errors.Is(err, bolterrors.ErrIncompatibleValue) {
				// The bucket's name holds a plain value: a damaged page.
				return fmt.Errorf("%w (bucket %s is not a bucket)", ErrDamaged, name)
			}
			if err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		if legacy {
			return migrateAccess(tx)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	st = &boltArchive{db: db, path: path, terms: opts.Terms, termsVersion: opts.TermsVersion, rebuilding: opts.Rebuilding,
		interrupt: opts.Interrupt}
	st.scores = make(chan *accumulator, accumulators)
	if err := st.loadAccess(); err != nil {
		return nil, err
	}
	if err := st.loadDocLens(); err != nil {
		return nil, err
	}
	return st, nil
}

func (s *boltArchive) Size(ctx context.Context) (int64, error) {
	info, err := os.Stat(s.path)
	if err != nil {
		return 0, err
	}
	return info.Size(), nil
}

// caught turns a panic of the goroutine — bbolt's on a damaged page, or a
// memory fault on a truncated file, which SetPanicOnFault makes a panic — into
// ErrDamaged. Deferred by everything that reads the file.
func caught(err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("%w (%v)", ErrDamaged, p)
	}
}

// Close writes the search index's held postings, and releases the file and
// its lock.
func (s *boltArchive) Close() error {
	held := s.writeHeld() // if not written, the next Open counts them again
	if err := s.db.Close(); err != nil {
		return errors.Join(held, fmt.Errorf("close archive %s: %w", s.path, err))
	}
	if held != nil {
		return fmt.Errorf("close archive %s: %w", s.path, held)
	}
	return nil
}

// Check reads the archive once, to tell that it is open and readable.
func (s *boltArchive) Check(ctx context.Context) error {
	_, err := s.Count(ctx)
	return err
}

// maxProblems bounds what Verify reports of a badly damaged file.
const maxProblems = 20

// Verify reads the whole archive: every key and value of every bucket (so
// every page the archive uses), then every article's metadata and text. It
// returns how many articles it read and up to 20 problems; none means the
// archive reads soundly. (bbolt's own Tx.Check is not used: it reads pages in a
// goroutine of its own, where a damaged page's fault cannot be caught.)
func (s *boltArchive) Verify(ctx context.Context) (articles int, problems []error) {
	problem := func(err error) {
		if len(problems) < maxProblems {
			problems = append(problems, err)
		}
	}
	err := s.view(ctx, func(tx *bolt.Tx) error {
		err := tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error { return ctx.Err() })
		})
		if err != nil {
			return err
		}
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				problem(fmt.Errorf("%w (bucket %s is missing)", ErrDamaged, name))
			}
		}
		return tx.Bucket(bucketArticles).ForEach(func(k, _ []byte) error {
			if _, err := readArticle(tx, k, true); err != nil {
				problem(err)
			} else {
				articles++
			}
			return ctx.Err()
		})
	})
	if err != nil {
		problem(err)
	}
	return articles, problems
}

func (s *boltArchive) view(ctx context.Context, fn func(tx *bolt.Tx) error) error {
	return guarded(ctx, s.db.View, fn)
}

func (s *boltArchive) update(ctx context.Context, fn func(tx *bolt.Tx) error) error {
	return guarded(ctx, s.db.Update, fn)
}

// guarded runs fn in a transaction (db.View or db.Update) unless ctx is done,
// turning a panic or a memory fault on a damaged page into an error.
func guarded(ctx context.Context, run func(func(*bolt.Tx) error) error, fn func(tx *bolt.Tx) error) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	defer caught(&err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	return run(fn)
}
