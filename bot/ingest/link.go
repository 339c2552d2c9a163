package ingest

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html/charset"

	"newsbot/store"
	"newsbot/summarize/text"
)

// minArticleWords is the least text a page must yield to count as an article;
// a paywall, a login wall or a navigation page gives less.
const minArticleWords = 80

// Link fetches a page and reads the article in it: title, byline, published
// date and text, cleaned like any other article. A page that is not HTML, or
// holds too little readable text, is ErrUnreadable.
func (f *Fetcher) Link(ctx context.Context, rawURL string) (store.Article, error) {
	page, err := f.Get(ctx, rawURL, "", "")
	if err != nil {
		return store.Article{}, err
	}
	if page.ContentType != "text/html" && page.ContentType != "application/xhtml+xml" {
		return store.Article{}, fmt.Errorf("%w: it is %s, not a web page", ErrUnreadable, page.ContentType)
	}
	return readHTML(page.Body, page.Charset, page.URL)
}

// ReadHTML reads the article in an HTML page found at pageURL, its encoding
// told by its byte-order mark or <meta charset> (or guessed).
func ReadHTML(page []byte, pageURL *url.URL) (store.Article, error) {
	return readHTML(page, "", pageURL)
}

func readHTML(page []byte, charsetParam string, pageURL *url.URL) (store.Article, error) {
	body, err := decodePage(page, charsetParam)
	if err != nil {
		return store.Article{}, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	doc, err := readability.FromReader(strings.NewReader(body), pageURL)
	if err != nil || doc.Node == nil {
		return store.Article{}, fmt.Errorf("%w: no article found", ErrUnreadable)
	}
	var b bytes.Buffer
	if err := doc.RenderText(&b); err != nil {
		return store.Article{}, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	a := store.Article{
		Title: strings.Join(strings.Fields(doc.Title()), " "),
		URL:   CanonicalURL(pageURL),
		Text:  text.Clean(b.String()),
	}
	if t, err := doc.PublishedTime(); err == nil {
		a.Published = t.UTC()
	}
	if n := text.WordCount(a.Text); n < minArticleWords {
		return store.Article{}, fmt.Errorf("%w: only %d words of text (a paywall, a login page or not an article)", ErrUnreadable, n)
	}
	if a.Title == "" {
		a.Title = titleFromText(a.Text)
	}
	return a, nil
}

// decodePage returns a page as UTF-8 text, in the encoding a browser would
// pick: its byte-order mark, the HTTP charset, or its <meta charset> (the
// HTML standard's prescan, golang.org/x/net/html/charset), before readability
// sees it. With none of them, valid UTF-8 is UTF-8 and anything else
// Windows-1252 (text.Decode). Binary data is refused either way.
func decodePage(page []byte, charsetParam string) (string, error) {
	contentType := "text/html"
	if charsetParam != "" {
		contentType += "; charset=" + charsetParam
	}
	enc, name, certain := charset.DetermineEncoding(page, contentType)
	if !certain && (name == "windows-1252" || name == "utf-8" && utf8.Valid(page)) {
		return text.Decode(page) // nothing said, or UTF-8 said and true
	}
	utf, err := enc.NewDecoder().Bytes(page)
	if err != nil {
		return "", fmt.Errorf("decode %s: %w", name, err)
	}
	return text.Decode(utf)
}
