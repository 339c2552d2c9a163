// Package store is newsbot's archive: the articles, the indexes that find them
// again, and what each server chose and did (settings, feeds, digests, model
// use).
//
// Two backends sit behind one Store: a bbolt file, the embedded default
// (bolt.go: one process per file), and PostgreSQL when Open is given a
// postgres:// URL (postgres.go: any number of processes on one database).
// Both behave alike; the same tests run against each (conformance_test.go).
//
// IDs are small decimal numbers that people can type. Every read that serves
// a user takes the scope it serves (access.go) and sees the library and that
// scope, nothing else.
package store

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"sync/atomic"
	"time"
)

// ErrNotFound is returned when the requested article does not exist.
var ErrNotFound = errors.New("not found")

// ErrLocked is returned by Open when another process holds the archive file.
var ErrLocked = errors.New("archive is in use by another process")

// ErrDamaged is returned when the archive file is not a sound archive: empty,
// of another kind, or with damaged pages (bbolt's panics and faults on such
// pages are caught and returned as this error).
var ErrDamaged = errors.New("the archive is damaged: restore a backup or run newsbot check")

// ErrInterrupted is returned by Open when Options.Interrupt stopped a rebuild
// of the search index; the next Open starts it again.
var ErrInterrupted = errors.New("interrupted; it starts again at the next start")

// Options tune Open. The zero value is usable.
type Options struct {
	// Timeout is how long Open waits for another process to release the file
	// before it returns ErrLocked. Zero means one second. Connecting to
	// PostgreSQL may take up to ten seconds, or Timeout when longer.
	Timeout time.Duration
	// Terms splits text into the terms the search index holds; queries are split
	// the same way. Nil means lower-case words.
	Terms func(text string) []string
	// TermsVersion names what Terms does. When the archive's index was built
	// under another version (new word forms, a new stemmer), Open rebuilds it,
	// so that queries and index split words alike. Empty skips the check.
	TermsVersion string
	// Rebuilding, when set, is told before Open rebuilds the search index
	// (it reads every article: 18–30 seconds per 100,000 on two cores, measured
	// at 200,000 and 1,000,000).
	Rebuilding func(articles int)
	// Interrupt, when closed, stops a rebuild of the search index after the
	// transaction it is in: Open returns ErrInterrupted rather than keeping
	// a process that was told to stop busy for minutes.
	Interrupt <-chan struct{}
}

// Store is an open archive. It is safe for concurrent use.
type Store struct {
	a     archive
	swept atomic.Pointer[time.Time] // when Claim last swept old claims
}

// archive is what a backend provides; Store's methods say what each does.
type archive interface {
	Close() error
	Check(ctx context.Context) error
	Verify(ctx context.Context) (int, []error)
	prepare(ctx context.Context, articles []Article) (batchWork, error)
	add(ctx context.Context, g Grant, articles []Article, work batchWork) ([]AddResult, error)
	Article(ctx context.Context, id uint64) (Article, error)
	ArticleByURL(ctx context.Context, url string) (Article, error)
	Count(ctx context.Context) (int, error)
	Visible(ctx context.Context, scope string, id uint64) (bool, error)
	News(ctx context.Context, scope string, from, to time.Time) ([]NewsItem, error)
	Search(ctx context.Context, scope, query string, limit int) ([]Hit, error)
	FindTitles(ctx context.Context, scope, query string, limit int) ([]TitleMatch, error)
	Suggest(ctx context.Context, scope, query string, limit int) ([]TitleMatch, error)
	AddFeed(ctx context.Context, f Feed) (Feed, error)
	Feeds(ctx context.Context, guildID string) ([]Feed, error)
	UpdateFeed(ctx context.Context, id uint64, update func(*Feed)) (Feed, error)
	RemoveFeed(ctx context.Context, guildID string, id uint64) (Feed, error)
	SeenItems(ctx context.Context, feedID uint64, keys []string) ([]bool, error)
	MarkItems(ctx context.Context, feedID uint64, keys []string) error
	DigestSettings(ctx context.Context, guildID string) (DigestSettings, error)
	AllDigestSettings(ctx context.Context) ([]DigestSettings, error)
	UpdateDigestSettings(ctx context.Context, guildID string, update func(*DigestSettings) error) (DigestSettings, error)
	DigestRun(ctx context.Context, guildID, date string) (DigestRun, error)
	DigestRuns(ctx context.Context, guildID string) ([]DigestRun, error)
	SaveDigestRun(ctx context.Context, r DigestRun, settings func(*DigestSettings) error) error
	Settings(ctx context.Context, guildID string) (Settings, error)
	UpdateSettings(ctx context.Context, guildID string, update func(*Settings)) (Settings, error)
	CachedOutput(ctx context.Context, key string) (string, bool, error)
	CacheOutput(ctx context.Context, key, value string) error
	AddTokens(ctx context.Context, scope, day string, tokens int) (int, error)
	Tokens(ctx context.Context, scope, day string) (int, error)
	Lease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error)
	Release(ctx context.Context, name, holder string) error
	Sweep(ctx context.Context, prefix string) error
	Size(ctx context.Context) (int64, error)
	Feed(ctx context.Context, id uint64) (Feed, error)
}

// Open opens (creating if needed) the archive at path: a bbolt file, or a
// PostgreSQL database when path is a postgres:// or postgresql:// URL. For a
// file it returns an error wrapping ErrLocked when another process has it
// open, and ErrDamaged when it is not a sound archive.
func Open(path string, opts Options) (*Store, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = time.Second
	}
	if opts.Terms == nil {
		opts.Terms = defaultTerms
	}
	var a archive
	var err error
	if IsPostgres(path) {
		a, err = openPostgres(path, opts)
	} else {
		a, err = openBolt(path, opts)
	}
	if err != nil {
		return nil, err
	}
	return &Store{a: a}, nil
}

// IsPostgres reports whether an archive path names a PostgreSQL database.
func IsPostgres(path string) bool {
	return strings.HasPrefix(path, "postgres://") || strings.HasPrefix(path, "postgresql://")
}

// Shown returns an archive path as it may be shown in logs and messages: a
// database URL without its password.
func Shown(path string) string {
	if !IsPostgres(path) {
		return path
	}
	u, err := url.Parse(path)
	if err != nil {
		return "a PostgreSQL URL that does not parse"
	}
	return u.Redacted()
}

// Close releases the archive: the file and its lock, or the database's connections.
func (s *Store) Close() error { return s.a.Close() }

// Check reads the archive once, to tell that it is open and readable.
func (s *Store) Check(ctx context.Context) error { return s.a.Check(ctx) }

// Verify reads the whole archive (for a file, every page it uses), then every
// article's metadata and text. It returns how many articles it read and up to
// 20 problems; none means the archive reads soundly.
func (s *Store) Verify(ctx context.Context) (articles int, problems []error) { return s.a.Verify(ctx) }

// Add stores the articles in one transaction, in order, makes them visible in
// the grant's scope, and returns what happened to each. An article whose URL or
// text is already archived is not stored again: its result carries the existing
// ID and Duplicate, and it joins the scope if it was not in it. Added is set to
// now when zero.
func (s *Store) Add(ctx context.Context, g Grant, articles ...Article) ([]AddResult, error) {
	b, err := s.Prepare(ctx, articles...)
	if err != nil {
		return nil, err
	}
	return s.AddBatch(ctx, g, b)
}

// A Batch is articles on their way into the archive, made by Prepare. The
// articles must not change until AddBatch has returned.
type Batch struct {
	from     *Store
	articles []Article
	work     batchWork
	added    atomic.Bool
}

// batchWork is what a backend works out for a batch before storing it; stop
// skips what has not started and waits for what has.
type batchWork interface{ stop() }

// Prepare starts the work on a batch that needs no transaction — hashing,
// compressing, counting terms — on every core, and returns without waiting
// for it. One archive file has one writer at a time and this work is most of
// an Add, so a bulk import prepares its next batch while the archive stores
// this one. A batch that is never added finishes its work and is dropped.
func (s *Store) Prepare(ctx context.Context, articles ...Article) (*Batch, error) {
	w, err := s.a.prepare(ctx, articles)
	if err != nil {
		return nil, err
	}
	return &Batch{from: s, articles: articles, work: w}, nil
}

// AddBatch stores a batch this Store prepared, as Add does. A batch is added
// once.
func (s *Store) AddBatch(ctx context.Context, g Grant, b *Batch) ([]AddResult, error) {
	if b.from != s {
		return nil, errors.New("store: a batch is added by the Store that prepared it")
	}
	if !b.added.CompareAndSwap(false, true) {
		return nil, errors.New("store: a batch is added once")
	}
	defer b.work.stop()
	if err := validScope(g.Scope); err != nil {
		return nil, err
	}
	return s.a.add(ctx, g, b.articles, b.work)
}

// Article returns the article with the given ID, text included, or an error wrapping
// ErrNotFound.
func (s *Store) Article(ctx context.Context, id uint64) (Article, error) { return s.a.Article(ctx, id) }

// ArticleByURL returns the article stored from url, text included, or an error
// wrapping ErrNotFound.
func (s *Store) ArticleByURL(ctx context.Context, url string) (Article, error) {
	return s.a.ArticleByURL(ctx, url)
}

// Size returns how many bytes the archive takes on disk: the file, or the
// database's tables and indexes.
func (s *Store) Size(ctx context.Context) (int64, error) { return s.a.Size(ctx) }

// Count returns how many articles the archive holds.
func (s *Store) Count(ctx context.Context) (int, error) { return s.a.Count(ctx) }

// Visible reports whether an article is visible in scope: it is in the library
// or it joined scope.
func (s *Store) Visible(ctx context.Context, scope string, id uint64) (bool, error) {
	return s.a.Visible(ctx, scope, id)
}

// News returns the articles that joined scope as news at or after from and
// before to (no upper bound when to is zero), newest first.
func (s *Store) News(ctx context.Context, scope string, from, to time.Time) ([]NewsItem, error) {
	return s.a.News(ctx, scope, from, to)
}

// Search returns up to limit articles visible in scope that match the query
// best over titles and text (BM25 in a file; PostgreSQL's full-text ranking in
// a database). The query is split with the same Terms as the index. No article
// outside scope is returned.
func (s *Store) Search(ctx context.Context, scope, query string, limit int) ([]Hit, error) {
	return s.a.Search(ctx, scope, query, limit)
}

// FindTitles returns up to limit articles visible in scope whose titles contain
// the query's words, each word matching a title word or its beginning (so
// "procur" finds "Procurement"). Titles with more of the words come first;
// among equals an exact title, then a shorter one, then a newer one. Titles
// matching only some words are included after the complete matches.
func (s *Store) FindTitles(ctx context.Context, scope, query string, limit int) ([]TitleMatch, error) {
	return s.a.FindTitles(ctx, scope, query, limit)
}

// Suggest returns up to limit titles visible in scope that come close to the
// query when FindTitles found nothing: words within a small edit distance of the
// query's words, or, when none are close, the newest articles.
func (s *Store) Suggest(ctx context.Context, scope, query string, limit int) ([]TitleMatch, error) {
	return s.a.Suggest(ctx, scope, query, limit)
}

// AddFeed subscribes a server to a feed and returns it with its ID. A server
// that already has the URL gets an error wrapping ErrDuplicate and the existing
// feed.
func (s *Store) AddFeed(ctx context.Context, f Feed) (Feed, error) { return s.a.AddFeed(ctx, f) }

// Feeds returns a server's feeds, or every server's with an empty guildID, in
// the order they were added.
func (s *Store) Feeds(ctx context.Context, guildID string) ([]Feed, error) {
	return s.a.Feeds(ctx, guildID)
}

// Feed returns one feed, or an error wrapping ErrNotFound.
func (s *Store) Feed(ctx context.Context, id uint64) (Feed, error) { return s.a.Feed(ctx, id) }

// UpdateFeed reads a feed, lets update change it, and writes it back in one
// transaction. It returns an error wrapping ErrNotFound for a removed feed.
func (s *Store) UpdateFeed(ctx context.Context, id uint64, update func(*Feed)) (Feed, error) {
	return s.a.UpdateFeed(ctx, id, update)
}

// RemoveFeed unsubscribes a server from a feed, forgetting the items seen in
// it. Another server's feed is ErrNotFound. Articles already archived stay.
func (s *Store) RemoveFeed(ctx context.Context, guildID string, id uint64) (Feed, error) {
	return s.a.RemoveFeed(ctx, guildID, id)
}

// SeenItems reports, for each key (an item's GUID or link), whether the feed
// has had it before.
func (s *Store) SeenItems(ctx context.Context, feedID uint64, keys []string) ([]bool, error) {
	return s.a.SeenItems(ctx, feedID, keys)
}

// MarkItems records that the feed has had these items.
func (s *Store) MarkItems(ctx context.Context, feedID uint64, keys []string) error {
	return s.a.MarkItems(ctx, feedID, keys)
}

// DigestSettings returns a server's settings, or an error wrapping ErrNotFound.
func (s *Store) DigestSettings(ctx context.Context, guildID string) (DigestSettings, error) {
	return s.a.DigestSettings(ctx, guildID)
}

// AllDigestSettings returns every server's settings.
func (s *Store) AllDigestSettings(ctx context.Context) ([]DigestSettings, error) {
	return s.a.AllDigestSettings(ctx)
}

// UpdateDigestSettings reads a server's settings (the zero value with GuildID set
// when it has none), lets update change them, and writes them back, all in one
// transaction. An error from update is returned and nothing is written.
func (s *Store) UpdateDigestSettings(ctx context.Context, guildID string, update func(*DigestSettings) error) (DigestSettings, error) {
	return s.a.UpdateDigestSettings(ctx, guildID, update)
}

// DigestRun returns a server's run for a local date, or an error wrapping
// ErrNotFound.
func (s *Store) DigestRun(ctx context.Context, guildID, date string) (DigestRun, error) {
	return s.a.DigestRun(ctx, guildID, date)
}

// DigestRuns returns a server's runs, oldest date first.
func (s *Store) DigestRuns(ctx context.Context, guildID string) ([]DigestRun, error) {
	return s.a.DigestRuns(ctx, guildID)
}

// SaveDigestRun writes a run and, in the same transaction, applies settings to
// the server's settings when it is not nil — so that a posted digest and the
// advanced window are recorded together or not at all.
func (s *Store) SaveDigestRun(ctx context.Context, r DigestRun, settings func(*DigestSettings) error) error {
	return s.a.SaveDigestRun(ctx, r, settings)
}

// Settings returns a server's settings; a server that never changed them gets
// the zero value with GuildID set.
func (s *Store) Settings(ctx context.Context, guildID string) (Settings, error) {
	return s.a.Settings(ctx, guildID)
}

// UpdateSettings reads a server's settings, lets update change them and writes
// them back in one transaction.
func (s *Store) UpdateSettings(ctx context.Context, guildID string, update func(*Settings)) (Settings, error) {
	return s.a.UpdateSettings(ctx, guildID, update)
}

// CachedOutput returns a model output cached under key.
func (s *Store) CachedOutput(ctx context.Context, key string) (string, bool, error) {
	return s.a.CachedOutput(ctx, key)
}

// CacheOutput keeps a model output under key; outputs over 64 KB are not kept.
func (s *Store) CacheOutput(ctx context.Context, key, value string) error {
	return s.a.CacheOutput(ctx, key, value)
}

// AddTokens adds tokens to a scope's (a server's) use on a day ("2006-01-02")
// and returns the day's total.
func (s *Store) AddTokens(ctx context.Context, scope, day string, tokens int) (int, error) {
	return s.a.AddTokens(ctx, scope, day, tokens)
}

// Tokens returns a scope's model use on a day.
func (s *Store) Tokens(ctx context.Context, scope, day string) (int, error) {
	return s.a.Tokens(ctx, scope, day)
}
