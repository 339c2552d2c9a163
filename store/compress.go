package store

import (
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"sync"
)

// Article texts are stored compressed: news compresses about threefold, which
// keeps the archive file, and the pages of it held in memory, small. A stored
// text starts with compressedMark when compressed; text as ingest accepts it
// never starts with a NUL byte, so older uncompressed texts read as they are.
const compressedMark = 0x00

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

// decompressText returns the text from its stored form. It copies, so the
// result outlives the transaction.
func decompressText(stored []byte) (string, error) {
	if len(stored) == 0 || stored[0] != compressedMark {
		return string(stored), nil
	}
	r := flate.NewReader(bytes.NewReader(stored[1:]))
	defer r.Close()
	var b bytes.Buffer
	b.Grow(len(stored) * 3)
	if _, err := io.Copy(&b, r); err != nil {
		return "", fmt.Errorf("decompress text: %w", err)
	}
	return b.String(), nil
}
