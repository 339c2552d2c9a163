package store

import (
	"bytes"
	"fmt"
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
)

// Article texts are stored compressed: news compresses about threefold, which
// keeps the archive file, and the pages of it held in memory, small. A stored
// text starts with compressedMark when compressed; text as ingest accepts it
// never starts with a NUL byte, so older uncompressed texts read as they are.
const compressedMark = 0x00

// Texts are DEFLATE streams, written with klauspost/compress's flate: the same
// format as the standard library's (which wrote older archives, and reads
// these), a third less time at the fastest level (BenchmarkCompressText on the
// seed article: 23.3 → 15.8 µs, ratio 1.99 → 1.96), and Add compresses every
// text.

// compressors reuse flate writers: each carries about a megabyte of state.
type compressors struct{ pool sync.Pool }

// compressText returns the stored form of a text.
func (c *compressors) compressText(text string) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(len(text)/2 + 16)
	b.WriteByte(compressedMark)
	w, _ := c.pool.Get().(*flate.Writer)
	if w == nil {
		var err error
		if w, err = flate.NewWriter(&b, flate.BestSpeed); err != nil {
			return nil, err
		}
	}
	defer c.pool.Put(w)
	w.Reset(&b)
	if _, err := io.WriteString(w, text); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// maxStoredText bounds a text, stored or decompressed: far above any article
// (ingest takes 10 MB at most), so that a damaged length or stream — a flipped
// bit can make a value claim half a gigabyte — is reported, not allocated.
const maxStoredText = 64 << 20

// decompressText returns the text from its stored form. It copies, so the
// result outlives the transaction.
func decompressText(stored []byte) (string, error) {
	if len(stored) > maxStoredText {
		return "", fmt.Errorf("%w (a stored text of %d bytes)", ErrDamaged, len(stored))
	}
	if len(stored) == 0 || stored[0] != compressedMark {
		return string(stored), nil
	}
	r := flate.NewReader(bytes.NewReader(stored[1:]))
	defer r.Close()
	var b bytes.Buffer
	b.Grow(min(len(stored)*3, 1<<20))
	n, err := io.Copy(&b, io.LimitReader(r, maxStoredText+1))
	if err != nil {
		return "", fmt.Errorf("decompress text: %w", err)
	}
	if n > maxStoredText {
		return "", fmt.Errorf("%w (a text that decompresses past %d MB)", ErrDamaged, maxStoredText>>20)
	}
	return b.String(), nil
}
