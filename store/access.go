package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Who sees an article. One stored copy of an article can be visible in several
// scopes: the operator's library, which everyone sees, and any number of
// servers (or one user's direct messages) that brought it in. A scope is an
// opaque name to the store; the bot names them (a server's ID, "dm/" and a
// user's ID). Every read that serves a user takes the scope it serves and sees
// the library and that scope, nothing else.
//
//	access   scope ‖ 0 ‖ article ID → when it joined the scope (8 bytes) ‖ flags (1 byte)
//	news     scope ‖ 0 ‖ joined time ‖ article ID → nil: what joined a scope as news,
//	         by time, for digests
//
// An article joins a scope as news (something a digest should carry) or
// quietly (a feed's first import, a bulk ingest, the seeds). Joining a scope
// that already has the article changes nothing.
//
// An archive written before scopes existed has no access bucket; Open creates
// it and puts every article in the library, quietly.

// Library is the operator's scope: articles ingested from the command line and
// the seeds. Every scope sees it.
const Library = "library"

var (
	bucketAccess = []byte("access")
	bucketNews   = []byte("news")
)

const flagNews = 1

// Grant says where the articles given to Add become visible.
type Grant struct {
	// Scope is the scope they join: Library, or a name the bot chose.
	Scope string
	// News marks them as news in that scope, for its digest.
	News bool
}

// visibility is the in-memory copy of the access bucket: the library as a bit
// set (it may hold most of the archive), other scopes as sets of IDs.
type visibility struct {
	mu      sync.RWMutex
	library []uint64 // bit per article ID
	scoped  map[string]map[uint64]struct{}
}

func (v *visibility) add(scope string, id uint64) {
	if scope == Library {
		for uint64(len(v.library))*64 <= id {
			v.library = append(v.library, 0)
		}
		v.library[id/64] |= 1 << (id % 64)
		return
	}
	if v.scoped == nil {
		v.scoped = make(map[string]map[uint64]struct{})
	}
	set := v.scoped[scope]
	if set == nil {
		set = make(map[uint64]struct{})
		v.scoped[scope] = set
	}
	set[id] = struct{}{}
}

// has reports whether scope sees id; the caller holds mu.
func (v *visibility) has(scope string, id uint64) bool {
	if id/64 < uint64(len(v.library)) && v.library[id/64]&(1<<(id%64)) != 0 {
		return true
	}
	_, ok := v.scoped[scope][id]
	return ok
}

func (s *boltArchive) Visible(ctx context.Context, scope string, id uint64) (bool, error) {
	s.access.mu.RLock()
	defer s.access.mu.RUnlock()
	return s.access.has(scope, id), nil
}

func accessKey(scope string, id uint64) []byte {
	return binary.BigEndian.AppendUint64(append([]byte(scope), 0), id)
}

func newsKey(scope string, t time.Time, id uint64) []byte {
	return append(append([]byte(scope), 0), addedKey(t, id)...)
}

// grant makes id visible in g.Scope inside tx, unless it is already, and
// reports whether it was.
func grant(tx *bolt.Tx, g Grant, id uint64, now time.Time) (had bool, err error) {
	b := tx.Bucket(bucketAccess)
	key := accessKey(g.Scope, id)
	if b.Get(key) != nil {
		return true, nil
	}
	val := binary.BigEndian.AppendUint64(nil, uint64(max(now.UnixNano(), 0)))
	var flags byte
	if g.News {
		flags |= flagNews
		if err := tx.Bucket(bucketNews).Put(newsKey(g.Scope, now, id), []byte{}); err != nil {
			return false, err
		}
	}
	return false, b.Put(key, append(val, flags))
}

// migrateAccess puts every article of an archive written before scopes into
// the library. It runs in Open's transaction when the access bucket is new.
func migrateAccess(tx *bolt.Tx) error {
	access := tx.Bucket(bucketAccess)
	return tx.Bucket(bucketArticles).ForEach(func(k, _ []byte) error {
		a, err := readArticle(tx, k, false)
		if err != nil {
			return err
		}
		val := binary.BigEndian.AppendUint64(nil, uint64(max(a.Added.UnixNano(), 0)))
		return access.Put(accessKey(Library, a.ID), append(val, 0))
	})
}

// loadAccess reads the access bucket into memory.
func (s *boltArchive) loadAccess() error {
	s.access.mu.Lock()
	defer s.access.mu.Unlock()
	s.access.library, s.access.scoped = nil, nil
	return s.db.View(func(tx *bolt.Tx) error {
		last := tx.Bucket(bucketArticles).Sequence()
		return tx.Bucket(bucketAccess).ForEach(func(k, _ []byte) error {
			i := bytes.IndexByte(k, 0)
			if i < 0 || len(k) != i+9 || binary.BigEndian.Uint64(k[i+1:]) > last {
				return fmt.Errorf("%w (access entry %q names no article)", ErrDamaged, k)
			}
			s.access.add(string(k[:i]), binary.BigEndian.Uint64(k[i+1:]))
			return nil
		})
	})
}

// NewsItem is an article that joined a scope as news, and when.
type NewsItem struct {
	ID     uint64
	Joined time.Time
}

// News returns the articles that joined scope as news at or after from and
// before to (no upper bound when to is zero), newest first.
func (s *boltArchive) News(ctx context.Context, scope string, from, to time.Time) ([]NewsItem, error) {
	var out []NewsItem
	err := s.view(ctx, func(tx *bolt.Tx) error {
		prefix := append([]byte(scope), 0)
		c := tx.Bucket(bucketNews).Cursor()
		floor := append(slices.Clone(prefix), addedKey(from, 0)...)
		var k []byte
		if to.IsZero() {
			k, _ = c.Seek(append(slices.Clone(prefix), 0xff))
		} else {
			k, _ = c.Seek(append(slices.Clone(prefix), addedKey(to, 0)...))
		}
		if k == nil {
			k, _ = c.Last()
		} else {
			k, _ = c.Prev()
		}
		for ; k != nil && bytes.HasPrefix(k, prefix) && bytes.Compare(k, floor) >= 0; k, _ = c.Prev() {
			rest := k[len(prefix):]
			out = append(out, NewsItem{
				ID:     binary.BigEndian.Uint64(rest[8:]),
				Joined: time.Unix(0, int64(binary.BigEndian.Uint64(rest[:8]))).UTC(),
			})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("news of %s since %s: %w", scope, from.Format(time.RFC3339), err)
	}
	return out, nil
}

// validScope reports whether a scope name can be stored: not empty and without
// the separator byte.
func validScope(scope string) error {
	if scope == "" || strings.IndexByte(scope, 0) >= 0 || len(scope) > 200 {
		return fmt.Errorf("invalid scope %q", scope)
	}
	return nil
}
