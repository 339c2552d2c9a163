package store

// What servers chose and did, in the PostgreSQL archive: feeds, digests,
// settings and model use. Documents are the same JSON as the file's; a
// read-modify-write holds the row's lock (SELECT … FOR UPDATE) for its
// transaction, so two processes cannot lose each other's change.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

func (a *pgArchive) AddFeed(ctx context.Context, f Feed) (Feed, error) {
	err := a.tx(ctx, func(tx pgx.Tx) error {
		var doc []byte
		err := tx.QueryRow(ctx, `SELECT doc FROM feeds WHERE guild_id = $1 AND url = $2`, f.GuildID, f.URL).Scan(&doc)
		if err == nil {
			if err := json.Unmarshal(doc, &f); err != nil {
				return err
			}
			return ErrDuplicate
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		var id int64
		if err := tx.QueryRow(ctx, `SELECT nextval(pg_get_serial_sequence('feeds', 'id'))`).Scan(&id); err != nil {
			return err
		}
		f.ID = uint64(id)
		if doc, err = json.Marshal(f); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO feeds (id, guild_id, url, doc) VALUES ($1, $2, $3, $4)`, id, f.GuildID, f.URL, string(doc))
		return err
	})
	if err != nil && !errors.Is(err, ErrDuplicate) {
		return Feed{}, fmt.Errorf("add feed %s: %w", f.URL, err)
	}
	return f, err
}

func (a *pgArchive) Feeds(ctx context.Context, guildID string) ([]Feed, error) {
	rows, err := a.pool.Query(ctx, `SELECT doc FROM feeds WHERE $1 = '' OR guild_id = $1 ORDER BY id`, guildID)
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	out, err := collectJSON[Feed](rows)
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	return out, nil
}

func (a *pgArchive) Feed(ctx context.Context, id uint64) (Feed, error) {
	var f Feed
	if err := readJSON(ctx, a.pool, `SELECT doc FROM feeds WHERE id = $1`, &f, int64(id)); err != nil {
		return Feed{}, fmt.Errorf("feed %d: %w", id, err)
	}
	return f, nil
}

func (a *pgArchive) UpdateFeed(ctx context.Context, id uint64, update func(*Feed)) (Feed, error) {
	var f Feed
	err := a.tx(ctx, func(tx pgx.Tx) error {
		f = Feed{}
		if err := readJSON(ctx, tx, `SELECT doc FROM feeds WHERE id = $1 FOR UPDATE`, &f, int64(id)); err != nil {
			return err
		}
		update(&f)
		return execJSON(ctx, tx, `UPDATE feeds SET doc = $2 WHERE id = $1`, f, int64(id))
	})
	if err != nil {
		return Feed{}, fmt.Errorf("update feed %d: %w", id, err)
	}
	return f, nil
}

func (a *pgArchive) RemoveFeed(ctx context.Context, guildID string, id uint64) (Feed, error) {
	var f Feed
	err := a.tx(ctx, func(tx pgx.Tx) error {
		f = Feed{}
		if err := readJSON(ctx, tx, `SELECT doc FROM feeds WHERE id = $1 FOR UPDATE`, &f, int64(id)); err != nil {
			return err
		}
		if f.GuildID != guildID {
			return ErrNotFound
		}
		_, err := tx.Exec(ctx, `DELETE FROM feeds WHERE id = $1`, int64(id)) // its items go with it
		return err
	})
	if err != nil {
		return Feed{}, fmt.Errorf("remove feed %d: %w", id, err)
	}
	return f, nil
}

// itemKeys are the stored keys of a feed's items (hashes, as in the file).
func itemKeys(feedID uint64, keys []string) [][]byte {
	out := make([][]byte, len(keys))
	for i, k := range keys {
		out[i] = itemKey(feedID, k)
	}
	return out
}

func (a *pgArchive) SeenItems(ctx context.Context, feedID uint64, keys []string) ([]bool, error) {
	stored := itemKeys(feedID, keys)
	rows, err := a.pool.Query(ctx, `SELECT key FROM feed_items WHERE feed = $1 AND key = ANY($2)`, int64(feedID), stored)
	if err != nil {
		return nil, fmt.Errorf("feed items: %w", err)
	}
	have := make(map[string]bool)
	var key []byte
	if _, err := pgx.ForEachRow(rows, []any{&key}, func() error {
		have[string(key)] = true
		return nil
	}); err != nil {
		return nil, fmt.Errorf("feed items: %w", err)
	}
	seen := make([]bool, len(keys))
	for i, k := range stored {
		seen[i] = have[string(k)]
	}
	return seen, nil
}

func (a *pgArchive) MarkItems(ctx context.Context, feedID uint64, keys []string) error {
	// A feed removed meanwhile has no items to remember: the insert selects
	// from it, so nothing is written then.
	_, err := a.pool.Exec(ctx, `INSERT INTO feed_items (feed, key)
		SELECT f.id, k FROM feeds f, unnest($2::bytea[]) k WHERE f.id = $1
		ON CONFLICT DO NOTHING`, int64(feedID), itemKeys(feedID, keys))
	if err != nil {
		return fmt.Errorf("mark feed items: %w", err)
	}
	return nil
}

func (a *pgArchive) DigestSettings(ctx context.Context, guildID string) (DigestSettings, error) {
	var d DigestSettings
	if err := readJSON(ctx, a.pool, `SELECT doc FROM digest_settings WHERE guild_id = $1`, &d, guildID); err != nil {
		return DigestSettings{}, fmt.Errorf("digest settings of %s: %w", guildID, err)
	}
	return d, nil
}

func (a *pgArchive) AllDigestSettings(ctx context.Context) ([]DigestSettings, error) {
	rows, err := a.pool.Query(ctx, `SELECT doc FROM digest_settings ORDER BY guild_id COLLATE "C"`)
	if err != nil {
		return nil, fmt.Errorf("digest settings: %w", err)
	}
	out, err := collectJSON[DigestSettings](rows)
	if err != nil {
		return nil, fmt.Errorf("digest settings: %w", err)
	}
	return out, nil
}

func (a *pgArchive) UpdateDigestSettings(ctx context.Context, guildID string, update func(*DigestSettings) error) (DigestSettings, error) {
	var d DigestSettings
	err := a.tx(ctx, func(tx pgx.Tx) error {
		var err error
		d, err = pgUpdateDigestSettings(ctx, tx, guildID, update)
		return err
	})
	if err != nil {
		return DigestSettings{}, fmt.Errorf("update digest settings of %s: %w", guildID, err)
	}
	return d, nil
}

func pgUpdateDigestSettings(ctx context.Context, tx pgx.Tx, guildID string, update func(*DigestSettings) error) (DigestSettings, error) {
	var d DigestSettings
	if err := lockRow(ctx, tx, "digest_settings", guildID); err != nil {
		return d, err
	}
	err := readJSON(ctx, tx, `SELECT doc FROM digest_settings WHERE guild_id = $1 FOR UPDATE`, &d, guildID)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return d, err
	}
	d.GuildID = guildID
	if err := update(&d); err != nil {
		return d, err
	}
	return d, execJSON(ctx, tx, `INSERT INTO digest_settings (guild_id, doc) VALUES ($1, $2)
		ON CONFLICT (guild_id) DO UPDATE SET doc = excluded.doc`, d, guildID)
}

func (a *pgArchive) DigestRun(ctx context.Context, guildID, date string) (DigestRun, error) {
	var r DigestRun
	err := readJSON(ctx, a.pool, `SELECT doc FROM digest_runs WHERE guild_id = $1 AND date = $2`, &r, guildID, date)
	if err != nil {
		return DigestRun{}, fmt.Errorf("digest of %s on %s: %w", guildID, date, err)
	}
	return r, nil
}

func (a *pgArchive) DigestRuns(ctx context.Context, guildID string) ([]DigestRun, error) {
	rows, err := a.pool.Query(ctx, `SELECT doc FROM digest_runs WHERE guild_id = $1 ORDER BY date COLLATE "C"`, guildID)
	if err != nil {
		return nil, fmt.Errorf("digests of %s: %w", guildID, err)
	}
	out, err := collectJSON[DigestRun](rows)
	if err != nil {
		return nil, fmt.Errorf("digests of %s: %w", guildID, err)
	}
	return out, nil
}

func (a *pgArchive) SaveDigestRun(ctx context.Context, r DigestRun, settings func(*DigestSettings) error) error {
	err := a.tx(ctx, func(tx pgx.Tx) error {
		err := execJSON(ctx, tx, `INSERT INTO digest_runs (guild_id, date, doc) VALUES ($1, $2, $3)
			ON CONFLICT (guild_id, date) DO UPDATE SET doc = excluded.doc`, r, r.GuildID, r.Date)
		if err != nil || settings == nil {
			return err
		}
		_, err = pgUpdateDigestSettings(ctx, tx, r.GuildID, settings)
		return err
	})
	if err != nil {
		return fmt.Errorf("save digest of %s on %s: %w", r.GuildID, r.Date, err)
	}
	return nil
}

func (a *pgArchive) Settings(ctx context.Context, guildID string) (Settings, error) {
	st := Settings{GuildID: guildID}
	err := readJSON(ctx, a.pool, `SELECT doc FROM server_settings WHERE guild_id = $1`, &st, guildID)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return Settings{}, fmt.Errorf("settings of %s: %w", guildID, err)
	}
	return st, nil
}

func (a *pgArchive) UpdateSettings(ctx context.Context, guildID string, update func(*Settings)) (Settings, error) {
	var st Settings
	err := a.tx(ctx, func(tx pgx.Tx) error {
		st = Settings{}
		if err := lockRow(ctx, tx, "server_settings", guildID); err != nil {
			return err
		}
		err := readJSON(ctx, tx, `SELECT doc FROM server_settings WHERE guild_id = $1 FOR UPDATE`, &st, guildID)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		st.GuildID = guildID
		update(&st)
		return execJSON(ctx, tx, `INSERT INTO server_settings (guild_id, doc) VALUES ($1, $2)
			ON CONFLICT (guild_id) DO UPDATE SET doc = excluded.doc`, st, guildID)
	})
	if err != nil {
		return Settings{}, fmt.Errorf("update settings of %s: %w", guildID, err)
	}
	return st, nil
}

func (a *pgArchive) CachedOutput(ctx context.Context, key string) (string, bool, error) {
	var v string
	err := a.pool.QueryRow(ctx, `SELECT value FROM model_cache WHERE key = $1`, key).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read model cache: %w", err)
	}
	return v, true, nil
}

func (a *pgArchive) CacheOutput(ctx context.Context, key, value string) error {
	if len(value) > maxCacheValue || key == "" {
		return nil
	}
	_, err := a.pool.Exec(ctx, `INSERT INTO model_cache (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("write model cache: %w", err)
	}
	return nil
}

func (a *pgArchive) AddTokens(ctx context.Context, scope, day string, tokens int) (int, error) {
	var total int
	err := a.pool.QueryRow(ctx, `INSERT INTO model_usage (scope, day, tokens) VALUES ($1, $2, $3)
		ON CONFLICT (scope, day) DO UPDATE SET tokens = model_usage.tokens + excluded.tokens
		RETURNING tokens`, scope, day, int64(max(tokens, 0))).Scan(&total)
	if err != nil {
		return 0, fmt.Errorf("record model usage: %w", err)
	}
	return total, nil
}

func (a *pgArchive) Tokens(ctx context.Context, scope, day string) (int, error) {
	var n int
	err := a.pool.QueryRow(ctx, `SELECT tokens FROM model_usage WHERE scope = $1 AND day = $2`, scope, day).Scan(&n)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read model usage: %w", err)
	}
	return n, nil
}

func (a *pgArchive) Lease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error) {
	// The database's clock decides when a lease lapses, so that processes on
	// machines whose clocks differ agree.
	tag, err := a.pool.Exec(ctx, `WITH now AS (SELECT (extract(epoch FROM clock_timestamp()) * 1e9)::bigint AS ns)
		INSERT INTO leases (name, holder, until) SELECT $1, $2, now.ns + $3 FROM now
		ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
		WHERE leases.holder = excluded.holder
			OR leases.until < (extract(epoch FROM clock_timestamp()) * 1e9)::bigint`,
		name, holder, ttl.Nanoseconds())
	if err != nil {
		return false, err
	}
	return tag.RowsAffected() == 1, nil
}

func (a *pgArchive) Release(ctx context.Context, name, holder string) error {
	_, err := a.pool.Exec(ctx, `DELETE FROM leases WHERE name = $1 AND holder = $2`, name, holder)
	return err
}

func (a *pgArchive) Sweep(ctx context.Context, prefix string) error {
	_, err := a.pool.Exec(ctx, `DELETE FROM leases WHERE name LIKE $1 || '%'
		AND until < (extract(epoch FROM clock_timestamp()) * 1e9)::bigint`, prefix)
	return err
}

// querier is what both a pool and a transaction can do.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// readJSON reads one JSON document into v (locking its row when the query
// says FOR UPDATE); no row is ErrNotFound.
func readJSON(ctx context.Context, q querier, sql string, v any, args ...any) error {
	var doc []byte
	err := q.QueryRow(ctx, sql, args...).Scan(&doc)
	if errors.Is(err, pgx.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	return json.Unmarshal(doc, v)
}

// execJSON runs sql with v's JSON as the last argument.
func execJSON(ctx context.Context, tx pgx.Tx, sql string, v any, args ...any) error {
	doc, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, sql, append(args, string(doc))...)
	return err
}

// lockRow takes a transaction-long lock on a server's row of table before it
// exists, so that two processes creating it at once take turns instead of
// one failing on the primary key.
func lockRow(ctx context.Context, tx pgx.Tx, table, key string) error {
	_, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext($1))`, table+"/"+key)
	return err
}

func collectJSON[T any](rows pgx.Rows) ([]T, error) {
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (T, error) {
		var v T
		var doc []byte
		if err := row.Scan(&doc); err != nil {
			return v, err
		}
		return v, json.Unmarshal(doc, &v)
	})
}
