package ingest

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"

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

// ReadPage reads the article in a saved HTML page as Link reads a fetched one
// (its charset from a byte-order mark or <meta charset>), for pages on disk:
// `newsbot eval -pages` asks its questions of real pages this way.
func ReadPage(page []byte, pageURL *url.URL) (store.Article, error) {
	return readHTML(page, "", pageURL)
}

// readHTML reads the article in an HTML page found at pageURL, in the charset
// the HTTP header names ("" when none), else the one its byte-order mark or
// <meta charset> tells (or a guess).
func readHTML(page []byte, charsetParam string, pageURL *url.URL) (store.Article, error) {
	body, err := decodePage(page, charsetParam)
	if err != nil {
		return store.Article{}, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	doc, err := readability.FromReader(strings.NewReader(withoutFurniture(body)), pageURL)
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
// HTML standard's prescan, golang.org/x/net/html/charset, or further into the
// head, lateMetaCharset), before readability sees it. With none of them,
// valid UTF-8 is UTF-8 and anything else Windows-1252 (text.Decode). A <meta
// charset> that names a legacy encoding gives way to UTF-8 when the page has
// non-ASCII text and all of it is valid UTF-8, which text in a legacy
// encoding almost never is: a page saved or served as UTF-8 keeps the meta of
// the one it was converted from (QQ's page among go-readability's test pages
// says gb2312). Binary data is refused either way.
func decodePage(page []byte, charsetParam string) (string, error) {
	contentType := "text/html"
	if charsetParam != "" {
		contentType += "; charset=" + charsetParam
	}
	enc, name, certain := charset.DetermineEncoding(page, contentType)
	if !certain && name == "windows-1252" && !utf8.Valid(page) {
		if e, n := lateMetaCharset(page); e != nil {
			enc, name = e, n
		}
	}
	if !certain && (name == "windows-1252" || name == "utf-8" && utf8.Valid(page) || writtenInUTF8(page)) {
		return text.Decode(page) // nothing said, UTF-8 said and true, or UTF-8 whatever the meta says
	}
	utf, err := enc.NewDecoder().Bytes(page)
	if err != nil {
		return "", fmt.Errorf("decode %s: %w", name, err)
	}
	return text.Decode(utf)
}

// lateMetaCharset returns the encoding a <meta charset> (or http-equiv
// Content-Type) in the page's head names when it comes after the first 1024
// bytes, which the prescan reads: scripts an archive or a tag manager put
// first push it there, and a browser's parser still changes to it when it
// meets it. Nil when the head names none, or one Go does not know.
func lateMetaCharset(page []byte) (encoding.Encoding, string) {
	const headLimit = 256 << 10
	if len(page) > headLimit {
		page = page[:headLimit]
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil, ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, hasAttr := z.TagName()
			switch atom.Lookup(tag) {
			case atom.Body:
				return nil, ""
			case atom.Meta:
				var label, equiv, content string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch string(k) {
					case "charset":
						label = string(v)
					case "http-equiv":
						equiv = strings.ToLower(string(v))
					case "content":
						content = string(v)
					}
				}
				if label == "" && equiv == "content-type" {
					if _, params, err := mime.ParseMediaType(content); err == nil {
						label = params["charset"]
					}
				}
				if label != "" {
					if e, name := charset.Lookup(label); e != nil {
						return e, name
					}
				}
			}
		case html.EndTagToken:
			if tag, _ := z.TagName(); atom.Lookup(tag) == atom.Head {
				return nil, ""
			}
		}
	}
}

// writtenInUTF8 reports whether a page or feed has non-ASCII text and all of
// it is valid UTF-8, which text in a legacy encoding almost never is: whatever
// its <meta charset> or XML declaration say, it is UTF-8.
func writtenInUTF8(b []byte) bool {
	return utf8.Valid(b) && slices.ContainsFunc(b, func(c byte) bool { return c >= utf8.RuneSelf })
}

// furniture names the classes and IDs of what surrounds an article's text on a
// news page without being part of it: photo captions and credits, slideshow and
// gallery chrome, and notice boxes a page's script shows only when they apply
// ("Noticia en Desarrollo", "Alerta de Spoiler" in biobiochile's "bbcl-alert").
var furniture = regexp.MustCompile(`(?i)(^|[\s_-])(caption|captions|credit|credits|figcaption|slideshow|gallery|carousel|lightbox|alert)($|[\s_-])`)

// counter is a slideshow's position, alone in its element: "1 / 5", "3 of 12".
var counter = regexp.MustCompile(`(?i)^\s*\d{1,3}\s*(/|of)\s*\d{1,3}\s*$`)

// withoutFurniture removes a page's captions, credits and slideshow chrome
// while its structure still shows them — <figcaption>, elements whose class or
// ID says caption or credit, lone "1 / 5" counters — so that readability does
// not flatten them into the article's text and a summary does not quote
// "Credit: Getty Images". A page that does not parse is returned as it is.
func withoutFurniture(page string) string {
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return page
	}
	var drop []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.ElementNode && (n.DataAtom == atom.Figcaption || furnished(n)):
			drop = append(drop, n)
			return
		case n.Type == html.TextNode && counter.MatchString(n.Data) && n.Parent != nil && n.Parent.FirstChild == n && n.NextSibling == nil:
			drop = append(drop, n)
			return
		case n.DataAtom == atom.Sup && footnoteMark(n):
			drop = append(drop, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if len(drop) == 0 {
		return page
	}
	for _, n := range drop {
		n.Parent.RemoveChild(n)
	}
	var b strings.Builder
	if err := html.Render(&b, root); err != nil {
		return page
	}
	return b.String()
}

// footnoteMark reports whether a <sup> is a footnote's mark — "1", "[12]", "*"
// — linked to the note further down the page (href="#fn-1"), inside the link or
// around it. Left in, it is glued to the word it follows: "endorsement
// points1 than any other candidate". A <sup> of a unit or a power ("m²",
// "10⁶") links nowhere and stays.
func footnoteMark(sup *html.Node) bool {
	var b strings.Builder
	var inPage bool
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.DataAtom == atom.A && linksInPage(n):
			inPage = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(sup)
	if p := sup.Parent; p != nil && p.DataAtom == atom.A && linksInPage(p) {
		inPage = true
	}
	return inPage && footnoteRE.MatchString(b.String())
}

// linksInPage reports whether a link points within its own page: href="#…".
func linksInPage(a *html.Node) bool {
	for _, at := range a.Attr {
		if at.Key == "href" {
			return strings.HasPrefix(strings.TrimSpace(at.Val), "#")
		}
	}
	return false
}

// footnoteRE is a footnote's mark: a number or a letter, in brackets or not,
// or an asterisk or a dagger.
var footnoteRE = regexp.MustCompile(`^\s*\[?\s*(?:\d{1,3}|[a-z]|\*{1,3}|†|‡)\s*\]?\s*$`)

// furnished reports whether an element's class or ID names page furniture.
// The article's own container is never dropped, whatever it is called: not
// <article> or <main>, not what microdata marks as the article's body, and
// not an element that holds a paragraph of prose, which no caption is (sites
// put their story in a "carousel" or a "js-lightbox-gallery" too).
func furnished(n *html.Node) bool {
	if n.DataAtom == atom.Body || n.DataAtom == atom.Html || n.DataAtom == atom.Article || n.DataAtom == atom.Main {
		return false
	}
	named := false
	for _, a := range n.Attr {
		switch {
		case a.Key == "itemprop" && a.Val == "articleBody":
			return false
		case (a.Key == "class" || a.Key == "id") && furniture.MatchString(a.Val):
			named = true
		}
	}
	return named && !holdsProse(n)
}

// proseWords is the length of a paragraph no caption reaches: the longest
// captions on real pages run to about fifty words.
const proseWords = 60

// holdsProse reports whether a <p> within n runs to proseWords words.
func holdsProse(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.P && wordsAtLeast(c, proseWords) || holdsProse(c) {
			return true
		}
	}
	return false
}

// wordsAtLeast reports whether the text within n has at least least words,
// counting no further than that.
func wordsAtLeast(n *html.Node, least int) bool {
	count := 0
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			count += len(strings.Fields(n.Data))
			return count >= least
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	return walk(n)
}
