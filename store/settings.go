package store

import (
	"context"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Settings are one server's choices about what joins its archive and how large
// its digest is. The zero value is the default.
type Settings struct {
	GuildID string `json:"guild_id"`
	// MembersAdd lets links that members (not only admins) summarize join the
	// server's archive and digest.
	MembersAdd bool `json:"members_add,omitempty"`
	// DigestStories is how many stories the digest shows with a summary; zero
	// is the bot's default.
	DigestStories int `json:"digest_stories,omitempty"`
	// DigestLibrary puts the operator's new library articles (bulk ingests) in
	// the digest too.
	DigestLibrary bool `json:"digest_library,omitempty"`
}

var bucketSettings = []byte("server_settings")

// Settings returns a server's settings; a server that never changed them gets
// the zero value with GuildID set.
func (s *boltArchive) Settings(ctx context.Context, guildID string) (Settings, error) {
	st := Settings{GuildID: guildID}
	err := s.view(ctx, func(tx *bolt.Tx) error {
		err := getJSON(tx.Bucket(bucketSettings), []byte(guildID), &st)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		return err
	})
	if err != nil {
		return Settings{}, fmt.Errorf("settings of %s: %w", guildID, err)
	}
	return st, nil
}

// UpdateSettings reads a server's settings, lets update change them and writes
// them back in one transaction.
func (s *boltArchive) UpdateSettings(ctx context.Context, guildID string, update func(*Settings)) (Settings, error) {
	var st Settings
	err := s.update(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSettings)
		st = Settings{}
		if err := getJSON(b, []byte(guildID), &st); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		st.GuildID = guildID
		update(&st)
		return putJSON(b, []byte(guildID), st)
	})
	if err != nil {
		return Settings{}, fmt.Errorf("update settings of %s: %w", guildID, err)
	}
	return st, nil
}
