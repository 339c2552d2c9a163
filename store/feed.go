package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Feed is a server's subscription to an RSS, Atom or JSON feed, and how polling
// it goes.
type Feed struct {
	ID      uint64    `json:"id"`
	GuildID string    `json:"guild_id"`
	URL     string    `json:"url"`
	Title   string    `json:"title"`
	Added   time.Time `json:"added"`
	// The validators of the last response, for conditional requests.
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	LastPolled   time.Time `json:"last_polled,omitzero"`
	NextPoll     time.Time `json:"next_poll,omitzero"`
	// Failures counts polls failed in a row, for backoff.
	Failures    int       `json:"failures,omitempty"`
	LastError   string    `json:"last_error,omitempty"`
	LastErrorAt time.Time `json:"last_error_at,omitzero"`
	// Articles is how many articles the feed has brought in.
	Articles int `json:"articles,omitempty"`
}

var (
	bucketFeeds     = []byte("feeds")
	bucketFeedItems = []byte("feed_items")
)

// ErrDuplicate is returned when a server subscribes to a feed it already has.
var ErrDuplicate = errors.New("already exists")

// AddFeed subscribes a server to a feed and returns it with its ID. A server
// that already has the URL gets an error wrapping ErrDuplicate and the existing
// feed.
func (s *boltArchive) AddFeed(ctx context.Context, f Feed) (Feed, error) {
	err := s.update(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFeeds)
		dup := false
		err := b.ForEach(func(_, v []byte) error {
			var e Feed
			if json.Unmarshal(v, &e) == nil && e.GuildID == f.GuildID && e.URL == f.URL {
				f, dup = e, true
			}
			return nil
		})
		if err != nil {
			return err
		}
		if dup {
			return ErrDuplicate
		}
		if f.ID, err = b.NextSequence(); err != nil {
			return err
		}
		return putJSON(b, idKey(f.ID), f)
	})
	if err != nil && !errors.Is(err, ErrDuplicate) {
		return Feed{}, fmt.Errorf("add feed %s: %w", f.URL, err)
	}
	return f, err
}

// Feeds returns a server's feeds, or every server's with an empty guildID, in
// the order they were added.
func (s *boltArchive) Feeds(ctx context.Context, guildID string) ([]Feed, error) {
	var out []Feed
	err := s.view(ctx, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketFeeds).ForEach(func(k, v []byte) error {
			var f Feed
			if err := json.Unmarshal(v, &f); err != nil {
				return fmt.Errorf("decode feed %x: %w", k, err)
			}
			if guildID == "" || f.GuildID == guildID {
				out = append(out, f)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	return out, nil
}

func (s *boltArchive) Feed(ctx context.Context, id uint64) (Feed, error) {
	var f Feed
	err := s.view(ctx, func(tx *bolt.Tx) error { return getJSON(tx.Bucket(bucketFeeds), idKey(id), &f) })
	if err != nil {
		return Feed{}, fmt.Errorf("feed %d: %w", id, err)
	}
	return f, nil
}

// UpdateFeed reads a feed, lets update change it, and writes it back in one
// transaction. It returns an error wrapping ErrNotFound for a removed feed.
func (s *boltArchive) UpdateFeed(ctx context.Context, id uint64, update func(*Feed)) (Feed, error) {
	var f Feed
	err := s.update(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFeeds)
		if err := getJSON(b, idKey(id), &f); err != nil {
			return err
		}
		update(&f)
		return putJSON(b, idKey(id), f)
	})
	if err != nil {
		return Feed{}, fmt.Errorf("update feed %d: %w", id, err)
	}
	return f, nil
}

// RemoveFeed unsubscribes a server from a feed, forgetting the items seen in
// it. Another server's feed is ErrNotFound. Articles already archived stay.
func (s *boltArchive) RemoveFeed(ctx context.Context, guildID string, id uint64) (Feed, error) {
	var f Feed
	err := s.update(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFeeds)
		if err := getJSON(b, idKey(id), &f); err != nil {
			return err
		}
		if f.GuildID != guildID {
			return ErrNotFound
		}
		items := tx.Bucket(bucketFeedItems)
		prefix := idKey(id)
		c := items.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Seek(prefix) {
			if err := items.Delete(k); err != nil {
				return err
			}
		}
		return b.Delete(idKey(id))
	})
	if err != nil {
		return Feed{}, fmt.Errorf("remove feed %d: %w", id, err)
	}
	return f, nil
}

func itemKey(feedID uint64, key string) []byte {
	sum := sha256.Sum256([]byte(key))
	return append(binary.BigEndian.AppendUint64(nil, feedID), sum[:16]...)
}

// SeenItems reports, for each key (an item's GUID or link), whether the feed
// has had it before.
func (s *boltArchive) SeenItems(ctx context.Context, feedID uint64, keys []string) ([]bool, error) {
	seen := make([]bool, len(keys))
	err := s.view(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFeedItems)
		for i, k := range keys {
			seen[i] = b.Get(itemKey(feedID, k)) != nil
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("feed items: %w", err)
	}
	return seen, nil
}

// MarkItems records that the feed has had these items.
func (s *boltArchive) MarkItems(ctx context.Context, feedID uint64, keys []string) error {
	err := s.update(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFeedItems)
		for _, k := range keys {
			if err := b.Put(itemKey(feedID, k), []byte{}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("mark feed items: %w", err)
	}
	return nil
}
