package store

import (
	"context"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

var (
	bucketModelCache = []byte("model_cache")
	bucketModelUsage = []byte("model_usage")
)

// maxCacheValue bounds one cached model output.
const maxCacheValue = 64 << 10

// CachedOutput returns a model output cached under key.
func (s *boltArchive) CachedOutput(ctx context.Context, key string) (string, bool, error) {
	var v string
	var ok bool
	err := s.view(ctx, func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketModelCache).Get([]byte(key)); b != nil {
			v, ok = string(b), true
		}
		return nil
	})
	if err != nil {
		return "", false, fmt.Errorf("read model cache: %w", err)
	}
	return v, ok, nil
}

// CacheOutput keeps a model output under key; outputs over 64 KB are not kept.
func (s *boltArchive) CacheOutput(ctx context.Context, key, value string) error {
	if len(value) > maxCacheValue || key == "" {
		return nil
	}
	err := s.update(ctx, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketModelCache).Put([]byte(key), []byte(value))
	})
	if err != nil {
		return fmt.Errorf("write model cache: %w", err)
	}
	return nil
}

func usageKey(scope, day string) []byte { return []byte(scope + "/" + day) }

// AddTokens adds tokens to a scope's (a server's) use on a day ("2006-01-02")
// and returns the day's total.
func (s *boltArchive) AddTokens(ctx context.Context, scope, day string, tokens int) (int, error) {
	var total uint64
	err := s.update(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketModelUsage)
		k := usageKey(scope, day)
		if v := b.Get(k); len(v) == 8 {
			total = binary.BigEndian.Uint64(v)
		}
		total += uint64(max(tokens, 0))
		return b.Put(k, binary.BigEndian.AppendUint64(nil, total))
	})
	if err != nil {
		return 0, fmt.Errorf("record model usage: %w", err)
	}
	return int(total), nil
}

// Tokens returns a scope's model use on a day.
func (s *boltArchive) Tokens(ctx context.Context, scope, day string) (int, error) {
	var total uint64
	err := s.view(ctx, func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketModelUsage).Get(usageKey(scope, day)); len(v) == 8 {
			total = binary.BigEndian.Uint64(v)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("read model usage: %w", err)
	}
	return int(total), nil
}
