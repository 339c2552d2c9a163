package text

import (
	"bytes"
	"errors"
	"unicode"
	"unicode/utf8"
)

// ErrBinary is returned by Decode for data that is not text.
var ErrBinary = errors.New("binary data, not text")

// Decode returns b as UTF-8 text. Valid UTF-8 is kept (a byte-order mark is
// dropped); anything else is read as Windows-1252, the usual encoding of older
// Western pages, which also covers Latin-1. Data with NUL bytes, or with more than
// one control character in a hundred, is ErrBinary.
func Decode(b []byte) (string, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(b, 0) >= 0 {
		return "", ErrBinary
	}
	var s string
	if utf8.Valid(b) {
		s = string(b)
	} else {
		rs := make([]rune, len(b))
		for i, c := range b {
			rs[i] = rune(c)
			if c >= 0x80 && c < 0xa0 {
				rs[i] = cp1252[c-0x80]
			}
		}
		s = string(rs)
	}
	controls := 0
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			controls++
		}
	}
	if controls*100 > utf8.RuneCountInString(s) {
		return "", ErrBinary
	}
	return s, nil
}

// cp1252 maps the bytes 0x80–0x9F of Windows-1252; the rest of the code page is
// Latin-1. Unassigned bytes stay as the C1 control they are in Latin-1.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8d, 'Ž', 0x8f,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9d, 'ž', 'Ÿ',
}
