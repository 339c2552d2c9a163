package store

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Leases let one of several processes on a shared archive do a piece of work
// at a time — post a server's digest, poll a feed — and another take it over
// when the holder is gone: a lease not renewed within its time lapses. A
// holder names itself (one name per process); a lease is a name such as
// "digest/<server>".
//
//	leases   name → expiry (ns, 8 bytes) ‖ holder

var bucketLeases = []byte("leases")

// NewHolder returns a name for one process's leases: its host and process ID
// (for whoever reads the table) and a random part (so that a restarted
// process with the same ID is another holder).
func NewHolder() string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), rand.Text()[:8])
}

// Lease takes the named lease for holder until ttl from now, or renews it
// when holder has it already, and reports whether holder now has it; false
// means another holder's lease has not lapsed.
func (s *Store) Lease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error) {
	ok, err := s.a.Lease(ctx, name, holder, ttl)
	if err != nil {
		return false, fmt.Errorf("lease %s: %w", name, err)
	}
	return ok, nil
}

// Release gives up holder's lease early, so that another holder need not wait
// for it to lapse. Releasing a lease one does not hold changes nothing.
func (s *Store) Release(ctx context.Context, name, holder string) error {
	if err := s.a.Release(ctx, name, holder); err != nil {
		return fmt.Errorf("release lease %s: %w", name, err)
	}
	return nil
}

func (s *boltArchive) Lease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error) {
	ok := false
	err := s.update(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketLeases)
		now := time.Now()
		if v := b.Get([]byte(name)); len(v) >= 8 && string(v[8:]) != holder &&
			time.Unix(0, int64(binary.BigEndian.Uint64(v))).After(now) {
			return nil
		}
		ok = true
		return b.Put([]byte(name), append(binary.BigEndian.AppendUint64(nil, uint64(now.Add(ttl).UnixNano())), holder...))
	})
	return ok, err
}

func (s *boltArchive) Release(ctx context.Context, name, holder string) error {
	return s.update(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketLeases)
		if v := b.Get([]byte(name)); len(v) >= 8 && string(v[8:]) == holder {
			return b.Delete([]byte(name))
		}
		return nil
	})
}
