package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"newsbot/bot/reply"
	"newsbot/store"
)

// BatchSize is how many articles share one archive transaction: large enough
// that bulk imports are bound neither by fsync nor by rewriting index blocks,
// small enough that progress shows. BatchBytes bounds the same batch by the
// size of its texts, so that a file of long articles does not hold thousands
// of them in memory at once.
const (
	BatchSize  = 1536
	BatchBytes = 16 << 20
)

// Counts tells what an ingest did.
type Counts struct {
	Added, Duplicate, Rejected int
}

func (c Counts) String() string {
	return fmt.Sprintf("%d added, %d duplicate, %d rejected", c.Added, c.Duplicate, c.Rejected)
}

// Ingester adds articles to an archive.
type Ingester struct {
	store *store.Store
	log   *slog.Logger
	// Progress, when set, is called after every stored batch with the counts so
	// far and the bytes of input read.
	Progress func(c Counts, bytesRead int64)
	// Grant is where the articles become visible: by default the operator's
	// library, as news (a server's digest carries library news only when the
	// server asks for it).
	Grant store.Grant

	counts       Counts
	read         int64
	pending      []store.Article
	pendingBytes int
	storing      []*landing // batches handed to the archive, oldest first
}

// inFlight is how many batches the archive may hold at once: one being
// stored while the next is prepared (hashed, compressed, its words counted)
// and then read on. (Two, with a third prepared, were no faster at 1,000,000
// articles and took 30 MB more: README, issue 16.)
const inFlight = 1

// landing is a batch handed to the archive: landed is closed when it has been
// stored (or not), and result then says what happened.
type landing struct {
	landed chan struct{}
	result stored
}

// errEarlierBatch is the result of a batch not stored because the one before
// it failed: the reading stops there.
var errEarlierBatch = errors.New("not stored: an earlier batch failed")

// countingReader counts the bytes read through it, for progress.
type countingReader struct {
	r io.Reader
	n *int64
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	*c.n += int64(n)
	return n, err
}

// New returns an Ingester that adds to st and logs rejected items to log.
func New(st *store.Store, log *slog.Logger) *Ingester {
	return &Ingester{store: st, log: log.With("component", "ingest"), Grant: store.Grant{Scope: store.Library, News: true}}
}

// Path ingests a file or, recursively, a folder: .jsonl files line by line, .txt,
// .md and .text files as one article each. Other files in a folder are skipped;
// a named file of another kind is read as text.
func (in *Ingester) Path(ctx context.Context, path string) (Counts, error) {
	info, err := os.Stat(path)
	if err != nil {
		return in.counts, fmt.Errorf("ingest %s: %w", path, err)
	}
	if !info.IsDir() {
		err = in.file(ctx, path)
	} else {
		err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !ingestible(p) {
				return nil
			}
			return in.file(ctx, p)
		})
	}
	err = in.finish(ctx, err) // before in.counts is read
	return in.counts, err
}

func ingestible(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".txt", ".text", ".md", ".markdown":
		return true
	}
	return false
}

func (in *Ingester) file(ctx context.Context, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("ingest %s: %w", path, err)
	}
	defer f.Close()
	r := countingReader{f, &in.read}
	if strings.EqualFold(filepath.Ext(path), ".jsonl") {
		return in.jsonl(ctx, path, r)
	}
	return in.text(ctx, path, r)
}

// Reader ingests from r, named name in messages: JSONL when its first
// non-space byte is "{", else one text article.
func (in *Ingester) Reader(ctx context.Context, name string, r io.Reader) (Counts, error) {
	br := bufio.NewReader(countingReader{r, &in.read})
	var err error
	if looksLikeJSONL(br) {
		err = in.jsonl(ctx, name, br)
	} else {
		err = in.text(ctx, name, br)
	}
	err = in.finish(ctx, err) // before in.counts is read
	return in.counts, err
}

func looksLikeJSONL(br *bufio.Reader) bool {
	for i := 1; ; i++ {
		peek, err := br.Peek(i)
		if len(peek) < i {
			return false
		}
		c := peek[i-1]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			if err != nil {
				return false
			}
			continue
		}
		return c == '{'
	}
}

func (in *Ingester) text(ctx context.Context, name string, r io.Reader) error {
	raw, err := io.ReadAll(io.LimitReader(r, MaxText+1))
	if err != nil {
		return fmt.Errorf("ingest %s: %w", name, err)
	}
	a, err := ParseText(name, raw)
	if err != nil {
		in.reject(name, err)
		return nil
	}
	return in.queue(ctx, a)
}

// jsonl reads one record per line; a bad line is rejected and the rest go on.
func (in *Ingester) jsonl(ctx context.Context, name string, r io.Reader) error {
	br := bufio.NewReaderSize(r, 1<<20)
	for n := 1; ; n++ {
		line, err := ReadLine(br, maxRecord)
		if len(bytes.TrimSpace(line)) > 0 {
			a, perr := ParseRecord(line)
			if perr != nil {
				in.reject(fmt.Sprintf("%s:%d", name, n), perr)
			} else if qerr := in.queue(ctx, a); qerr != nil {
				return qerr
			}
		}
		if errors.Is(err, ErrLineTooLong) {
			in.reject(fmt.Sprintf("%s:%d", name, n), ErrTooLarge)
			continue
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("ingest %s: %w", name, err)
		}
	}
}

// ErrLineTooLong is returned by ReadLine for a line over its limit.
var ErrLineTooLong = errors.New("line too long")

// ReadLine returns the next line of r, its end included, reading at most max
// bytes of it: a longer line is skipped to its end and reported as
// ErrLineTooLong, and reading can go on after it. At the end of the input the
// last line comes with io.EOF.
func ReadLine(r *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if len(line)+len(chunk) > max {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = r.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			return nil, ErrLineTooLong
		}
		line = append(line, chunk...)
		if !errors.Is(err, bufio.ErrBufferFull) {
			return line, err
		}
	}
}

// maxRecord bounds a JSONL line: the largest text, escaped, with its fields.
const maxRecord = 2*MaxText + 64<<10

func (in *Ingester) reject(item string, err error) {
	in.counts.Rejected++
	in.log.Warn("rejected", "item", item, "reason", err)
}

// Queue adds an article that needs no checks (one made by a program, not read
// from outside) to the next batch; Finish stores what is left.
func (in *Ingester) Queue(ctx context.Context, a store.Article) error { return in.queue(ctx, a) }

// Finish stores what is queued and waits until every batch is stored.
func (in *Ingester) Finish(ctx context.Context) (Counts, error) {
	err := in.finish(ctx, nil)
	return in.counts, err
}

func (in *Ingester) queue(ctx context.Context, a store.Article) error {
	in.pending = append(in.pending, a)
	in.pendingBytes += len(a.Text) + len(a.Title) + len(a.URL)
	if len(in.pending) >= BatchSize || in.pendingBytes >= BatchBytes {
		return in.flush(ctx)
	}
	return nil
}

// flush hands the pending articles to the archive as one batch: it has the
// archive prepare them, and stores them once the batches before are stored.
// Meanwhile the next batch is read and prepared; with inFlight batches in the
// archive it first waits for the oldest to land.
func (in *Ingester) flush(ctx context.Context) error {
	if len(in.pending) == 0 {
		return nil
	}
	articles := in.pending
	in.pending, in.pendingBytes = make([]store.Article, 0, len(articles)), 0
	b, err := in.store.Prepare(ctx, articles...)
	if err != nil {
		return fmt.Errorf("store articles: %w", err)
	}
	for len(in.storing) >= inFlight {
		if err := in.land(); err != nil {
			return err
		}
	}
	var before *landing
	if n := len(in.storing); n > 0 {
		before = in.storing[n-1]
	}
	l := &landing{landed: make(chan struct{})}
	in.storing = append(in.storing, l)
	go func() {
		defer close(l.landed)
		if before != nil {
			if <-before.landed; before.result.err != nil {
				l.result.err = errEarlierBatch
				return
			}
		}
		l.result = in.storeBatch(ctx, articles, b)
	}()
	return nil
}

// finish stores what is pending and waits until every batch is stored; err is
// what stopped the reading, if anything did.
func (in *Ingester) finish(ctx context.Context, err error) error {
	if err == nil {
		err = in.flush(ctx)
	}
	return errors.Join(err, in.wait())
}

// wait waits until every batch handed to the archive has landed, and returns
// the first error.
func (in *Ingester) wait() error {
	var first error
	for len(in.storing) > 0 {
		if err := in.land(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// land waits for the oldest batch in the archive to be stored, and counts it.
func (in *Ingester) land() error {
	l := in.storing[0]
	<-l.landed
	in.storing = in.storing[1:]
	r := l.result
	in.counts.Added += r.counts.Added
	in.counts.Duplicate += r.counts.Duplicate
	in.counts.Rejected += r.counts.Rejected
	if r.err != nil {
		return r.err
	}
	if in.Progress != nil {
		in.Progress(in.counts, in.read)
	}
	return nil
}

// stored is what storing a batch did.
type stored struct {
	counts Counts
	err    error
}

// storeBatch stores a prepared batch in one transaction. One article the
// archive refuses must not sink the batch: then it stores them one at a time,
// and rejects only those that fail.
func (in *Ingester) storeBatch(ctx context.Context, articles []store.Article, b *store.Batch) stored {
	var r stored
	results, err := in.store.AddBatch(ctx, in.Grant, b)
	if err != nil && ctx.Err() == nil && len(articles) > 1 {
		results, err = in.addEach(ctx, articles, &r.counts)
	}
	if err != nil {
		r.err = fmt.Errorf("store articles: %w", err)
	}
	for _, res := range results {
		if res.Duplicate {
			r.counts.Duplicate++
		} else {
			r.counts.Added++
		}
	}
	return r
}

// addEach stores articles one per transaction, rejecting (and counting in c)
// those the archive refuses, and returns the results of the others.
func (in *Ingester) addEach(ctx context.Context, articles []store.Article, c *Counts) ([]store.AddResult, error) {
	var results []store.AddResult
	for _, a := range articles {
		res, err := in.store.Add(ctx, in.Grant, a)
		if ctx.Err() != nil {
			return results, ctx.Err()
		}
		if err != nil {
			c.Rejected++
			in.log.Warn("rejected", "item", reply.Truncate(a.Title, 80), "reason", err)
			continue
		}
		results = append(results, res...)
	}
	return results, nil
}

// Link reads the article at a link and adds it. A link that cannot be read is
// counted as rejected, with the reason logged.
func (in *Ingester) Link(ctx context.Context, f *Fetcher, link string) (Counts, error) {
	a, err := f.Link(ctx, link)
	if err != nil {
		in.reject(link, err)
		return in.counts, nil
	}
	err = in.finish(ctx, in.queue(ctx, a))
	return in.counts, err
}

// Seeds loads the seed articles in fsys (every .txt file, in name order) into an
// archive that holds no articles yet, in the library and not as news. An archive
// with articles is left alone, so seeds load once, on the first start; a seed
// already archived is a duplicate.
func Seeds(ctx context.Context, st *store.Store, fsys fs.FS, log *slog.Logger) (Counts, error) {
	n, err := st.Count(ctx)
	if err != nil || n > 0 {
		return Counts{}, err
	}
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return Counts{}, fmt.Errorf("list seeds: %w", err)
	}
	slices.Sort(names)
	in := New(st, log)
	in.Grant.News = false
	for _, name := range names {
		raw, err := fs.ReadFile(fsys, name)
		if err == nil {
			err = in.text(ctx, name, bytes.NewReader(raw))
		} else {
			err = fmt.Errorf("read seed %s: %w", name, err)
		}
		if err != nil {
			err = in.finish(ctx, err)
			return in.counts, err
		}
	}
	err = in.finish(ctx, nil)
	return in.counts, err
}
