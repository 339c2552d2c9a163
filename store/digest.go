package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// DigestSettings are one server's digest schedule and where it stands.
type DigestSettings struct {
	GuildID   string `json:"guild_id"`
	ChannelID string `json:"channel_id"`
	// Time is the local time of day, "HH:MM", in Zone (an IANA name).
	Time    string `json:"time"`
	Zone    string `json:"zone"`
	Enabled bool   `json:"enabled"`
	// Since is when the schedule took effect: due times before it do not count,
	// so a time set earlier in the day than now is first due tomorrow.
	Since time.Time `json:"since"`
	// Paused, when not empty, says why posting stopped (the channel is gone or
	// the bot may not post there); /digest set clears it.
	Paused string `json:"paused,omitempty"`
	// WindowEnd is where the last posted digest's window ended: the next digest
	// covers the articles added from there on. Zero before the first digest.
	WindowEnd  time.Time `json:"window_end,omitzero"`
	LastPosted time.Time `json:"last_posted,omitzero"`
	// LastOutcome says what the last due digest did, for /digest status.
	LastOutcome string    `json:"last_outcome,omitempty"`
	LastError   string    `json:"last_error,omitempty"`
	LastErrorAt time.Time `json:"last_error_at,omitzero"`
}

// Digest run states.
const (
	DigestPosting = "posting" // recorded before the first message is sent
	DigestPosted  = "posted"
	DigestEmpty   = "empty" // nothing new: nothing was posted
	DigestFailed  = "failed"
)

// DigestRun is one server's digest for one local date: the log that makes a
// digest post exactly once.
type DigestRun struct {
	GuildID string `json:"guild_id"`
	// Date is the local date the digest is due on, "2006-01-02" in the server's
	// zone.
	Date  string `json:"date"`
	State string `json:"state"`
	// The window of articles, fixed when the run starts so that a retry posts the
	// same digest.
	WindowStart time.Time `json:"window_start"`
	WindowEnd   time.Time `json:"window_end"`
	Articles    []uint64  `json:"articles,omitempty"`
	// Messages are the digest's messages, rendered once when the run starts
	// (the bot's own encoding), so that a retry sends exactly what the first
	// attempt would have: no article twice, whatever the summaries do between.
	Messages []json.RawMessage `json:"messages,omitempty"`
	// Stories is how many stories the messages hold.
	Stories int `json:"stories,omitempty"`
	// MessageIDs holds Discord's ID of each message sent so far, in order.
	MessageIDs  []string  `json:"message_ids,omitempty"`
	Attempts    int       `json:"attempts,omitempty"`
	NextAttempt time.Time `json:"next_attempt,omitzero"`
	LastError   string    `json:"last_error,omitempty"`
	Started     time.Time `json:"started"`
	Finished    time.Time `json:"finished,omitzero"`
}

// Done reports whether the run needs no more work.
func (r DigestRun) Done() bool {
	return r.State == DigestPosted || r.State == DigestEmpty || r.State == DigestFailed
}

var (
	bucketDigestSettings = []byte("digest_settings")
	bucketDigestRuns     = []byte("digest_runs")
)

// DigestSettings returns a server's settings, or an error wrapping ErrNotFound.
func (s *boltArchive) DigestSettings(ctx context.Context, guildID string) (DigestSettings, error) {
	var d DigestSettings
	err := s.view(ctx, func(tx *bolt.Tx) error {
		return getJSON(tx.Bucket(bucketDigestSettings), []byte(guildID), &d)
	})
	if err != nil {
		return DigestSettings{}, fmt.Errorf("digest settings of %s: %w", guildID, err)
	}
	return d, nil
}

// AllDigestSettings returns every server's settings.
func (s *boltArchive) AllDigestSettings(ctx context.Context) ([]DigestSettings, error) {
	var out []DigestSettings
	err := s.view(ctx, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketDigestSettings).ForEach(func(k, v []byte) error {
			var d DigestSettings
			if err := json.Unmarshal(v, &d); err != nil {
				return fmt.Errorf("decode digest settings %s: %w", k, err)
			}
			out = append(out, d)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("digest settings: %w", err)
	}
	return out, nil
}

// UpdateDigestSettings reads a server's settings (the zero value with GuildID set
// when it has none), lets update change them, and writes them back, all in one
// transaction. An error from update is returned and nothing is written.
func (s *boltArchive) UpdateDigestSettings(ctx context.Context, guildID string, update func(*DigestSettings) error) (DigestSettings, error) {
	var d DigestSettings
	err := s.update(ctx, func(tx *bolt.Tx) error {
		var err error
		d, err = updateSettings(tx, guildID, update)
		return err
	})
	if err != nil {
		return DigestSettings{}, fmt.Errorf("update digest settings of %s: %w", guildID, err)
	}
	return d, nil
}

func updateSettings(tx *bolt.Tx, guildID string, update func(*DigestSettings) error) (DigestSettings, error) {
	b := tx.Bucket(bucketDigestSettings)
	var d DigestSettings
	if err := getJSON(b, []byte(guildID), &d); err != nil && !errors.Is(err, ErrNotFound) {
		return d, err
	}
	d.GuildID = guildID
	if err := update(&d); err != nil {
		return d, err
	}
	return d, putJSON(b, []byte(guildID), d)
}

func runKey(guildID, date string) []byte { return []byte(guildID + "/" + date) }

// DigestRun returns a server's run for a local date, or an error wrapping
// ErrNotFound.
func (s *boltArchive) DigestRun(ctx context.Context, guildID, date string) (DigestRun, error) {
	var r DigestRun
	err := s.view(ctx, func(tx *bolt.Tx) error {
		return getJSON(tx.Bucket(bucketDigestRuns), runKey(guildID, date), &r)
	})
	if err != nil {
		return DigestRun{}, fmt.Errorf("digest of %s on %s: %w", guildID, date, err)
	}
	return r, nil
}

// DigestRuns returns a server's runs, oldest date first.
func (s *boltArchive) DigestRuns(ctx context.Context, guildID string) ([]DigestRun, error) {
	var out []DigestRun
	err := s.view(ctx, func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketDigestRuns).Cursor()
		prefix := []byte(guildID + "/")
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			var r DigestRun
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode digest run %s: %w", k, err)
			}
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("digests of %s: %w", guildID, err)
	}
	return out, nil
}

// SaveDigestRun writes a run and, in the same transaction, applies settings to
// the server's settings when it is not nil — so that a posted digest and the
// advanced window are recorded together or not at all.
func (s *boltArchive) SaveDigestRun(ctx context.Context, r DigestRun, settings func(*DigestSettings) error) error {
	err := s.update(ctx, func(tx *bolt.Tx) error {
		if err := putJSON(tx.Bucket(bucketDigestRuns), runKey(r.GuildID, r.Date), r); err != nil {
			return err
		}
		if settings == nil {
			return nil
		}
		_, err := updateSettings(tx, r.GuildID, settings)
		return err
	})
	if err != nil {
		return fmt.Errorf("save digest of %s on %s: %w", r.GuildID, r.Date, err)
	}
	return nil
}

func getJSON(b *bolt.Bucket, key []byte, v any) error {
	data := b.Get(key)
	if data == nil {
		return ErrNotFound
	}
	return json.Unmarshal(data, v)
}

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}
