package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"os"
	"sync"
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

// Hold takes the named lease for holder and keeps it, renewing it every third
// of ttl, until release is called, which gives it up. ok is false when
// another holder has it. The held context ends with ctx or when a renewal
// finds the lease lost (this process stalled past ttl and another took it
// over): work done under the lease should stop then.
func (s *Store) Hold(ctx context.Context, name, holder string, ttl time.Duration) (held context.Context, release func() error, ok bool, err error) {
	if ok, err = s.Lease(ctx, name, holder, ttl); !ok || err != nil {
		return nil, nil, ok, err
	}
	held, cancel := context.WithCancel(ctx)
	var renewals sync.WaitGroup
	renewals.Go(func() {
		tick := time.NewTicker(ttl / 3)
		defer tick.Stop()
		for {
			select {
			case <-held.Done():
				return
			case <-tick.C:
			}
			// A failed renewal (the database unreachable a moment) is tried
			// again at the next tick; only a lease taken by another ends.
			if mine, err := s.Lease(held, name, holder, ttl); err == nil && !mine {
				cancel()
				return
			}
		}
	})
	release = func() error {
		cancel()
		renewals.Wait()
		return s.Release(context.WithoutCancel(ctx), name, holder)
	}
	return held, release, true, nil
}

// Claim records name for ttl and reports whether this is its first claim in
// that time, by any process sharing the archive: an interaction that two
// replicas receive (a replayed request) is answered by the first only.
// Claims past their time are swept now and then.
func (s *Store) Claim(ctx context.Context, name string, ttl time.Duration) (bool, error) {
	if last := s.swept.Load(); last == nil || time.Since(*last) > time.Minute {
		now := time.Now()
		s.swept.Store(&now)
		if err := s.a.Sweep(ctx, claimPrefix); err != nil {
			return false, fmt.Errorf("sweep claims: %w", err)
		}
	}
	first, err := s.a.Lease(ctx, claimPrefix+name, rand.Text(), ttl)
	if err != nil {
		return false, fmt.Errorf("claim %s: %w", name, err)
	}
	return first, nil
}

// claimPrefix starts the lease names of claims.
const claimPrefix = "claim/"

func (s *boltArchive) Sweep(ctx context.Context, prefix string) error {
	return s.update(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketLeases)
		now := time.Now()
		var lapsed [][]byte // deleted after the scan: a cursor may skip a key after a delete
		c := b.Cursor()
		for k, v := c.Seek([]byte(prefix)); k != nil && bytes.HasPrefix(k, []byte(prefix)); k, v = c.Next() {
			if len(v) < 8 || time.Unix(0, int64(binary.BigEndian.Uint64(v))).Before(now) {
				lapsed = append(lapsed, bytes.Clone(k))
			}
		}
		for _, k := range lapsed {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
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
