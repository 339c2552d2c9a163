package ingest

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"regexp"
	"strings"

	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"

	"newsbot/store"
	"newsbot/summarize/text"
)

// ErrNotFeed is returned for a document that is not an RSS, Atom or JSON feed
// and does not point to one.
var ErrNotFeed = errors.New("not a feed")

// maxItems bounds the items taken from one poll of a feed.
const maxItems = 50

// Item is one entry of a feed, ready to archive.
type Item struct {
	// Key identifies the item within its feed: its GUID, else its link.
	Key     string
	Article store.Article
	// Teaser is true when the feed carries only a summary of the article, so
	// the full text should be fetched from the link.
	Teaser bool
}

// ParsedFeed is a feed's title and items.
type ParsedFeed struct {
	Title string
	Items []Item
}

// ParseFeed reads an RSS, Atom or JSON feed found at feedURL.
func ParseFeed(body []byte, feedURL *url.URL) (ParsedFeed, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return ParsedFeed{}, notFeed(body, err)
	}
	if f.Title == "" && f.Link == "" && len(f.Items) == 0 {
		return ParsedFeed{}, &reasonError{kind: ErrNotFeed, reason: "it has no title, link or items"}
	}
	out := ParsedFeed{Title: strings.Join(strings.Fields(htmlText(f.Title)), " ")}
	for _, it := range f.Items {
		if len(out.Items) == maxItems {
			break
		}
		if it == nil {
			continue
		}
		link := strings.TrimSpace(it.Link)
		if u, err := feedURL.Parse(link); err == nil && link != "" && (u.Scheme == "http" || u.Scheme == "https") {
			link = CanonicalURL(u)
		} else {
			link = ""
		}
		key := strings.TrimSpace(it.GUID)
		if key == "" {
			key = link
		}
		if key == "" {
			continue // nothing to tell this item from the next poll's
		}
		body := it.Content
		if len(htmlText(body)) < len(htmlText(it.Description)) {
			body = it.Description
		}
		a := store.Article{
			Title: strings.Join(strings.Fields(htmlText(it.Title)), " "),
			URL:   link,
			Text:  text.Clean(htmlText(body)),
		}
		if it.PublishedParsed != nil {
			a.Published = it.PublishedParsed.UTC()
		} else if it.UpdatedParsed != nil {
			a.Published = it.UpdatedParsed.UTC()
		}
		teaser := text.WordCount(a.Text) < minArticleWords
		if teaser && link == "" {
			continue // too little text and nowhere to read more
		}
		if a.Title == "" && a.Text != "" {
			a.Title = titleFromText(a.Text)
		}
		out.Items = append(out.Items, Item{Key: key, Article: a, Teaser: teaser})
	}
	return out, nil
}

// htmlText returns the text of an HTML fragment (feeds carry HTML in their
// descriptions), or the string itself when it holds no markup.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(s)
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return strings.TrimSpace(s)
	}
	root := &html.Node{Type: html.ElementNode, Data: "div"}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return strings.TrimSpace(render.InnerText(root))
}

var feedLink = regexp.MustCompile(`(?is)<link\s[^>]*>`)
var attr = regexp.MustCompile(`(?is)(rel|type|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`)

// DiscoverFeed finds the feed an HTML page announces with <link rel="alternate"
// type="application/rss+xml" …> (or Atom, or JSON Feed).
func DiscoverFeed(page []byte, pageURL *url.URL) (string, bool) {
	for _, tag := range feedLink.FindAll(page, -1) {
		var rel, typ, href string
		for _, m := range attr.FindAllSubmatch(tag, -1) {
			v := string(m[2]) + string(m[3]) + string(m[4])
			switch strings.ToLower(string(m[1])) {
			case "rel":
				rel = strings.ToLower(v)
			case "type":
				typ = strings.ToLower(v)
			case "href":
				href = html.UnescapeString(v)
			}
		}
		if !strings.Contains(rel, "alternate") || href == "" {
			continue
		}
		if strings.Contains(typ, "rss") || strings.Contains(typ, "atom") || strings.Contains(typ, "feed+json") {
			if u, err := pageURL.Parse(href); err == nil {
				return u.String(), true
			}
		}
	}
	return "", false
}

// Feed fetches a feed. A web page that announces a feed is followed to it. With
// validators from the last poll the request is conditional; NotModified in the
// page then means nothing new.
func (f *Fetcher) Feed(ctx context.Context, feedURL, etag, lastModified string) (*Page, ParsedFeed, error) {
	page, err := f.Get(ctx, feedURL, etag, lastModified)
	if err != nil {
		return nil, ParsedFeed{}, err
	}
	if page.NotModified {
		return page, ParsedFeed{}, nil
	}
	if page.ContentType == "text/html" {
		alt, ok := DiscoverFeed(page.Body, page.URL)
		if !ok {
			return nil, ParsedFeed{}, &reasonError{kind: ErrNotFeed, reason: "it is a web page that names no feed"}
		}
		if page, err = f.Get(ctx, alt, "", ""); err != nil {
			return nil, ParsedFeed{}, err
		}
	}
	body, err := feedUTF8(page.Body, page.Charset)
	if err != nil {
		return nil, ParsedFeed{}, &reasonError{kind: ErrNotFeed, reason: "its text is not in the encoding it claims", cause: err}
	}
	parsed, err := ParseFeed(body, page.URL)
	return page, parsed, err
}

// xmlEncoding is the encoding pseudo-attribute of an XML declaration.
var xmlEncoding = regexp.MustCompile(`(?i)^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*["']([^"']*)["']`)

// staleDeclaration reports whether a feed's XML declaration names an
// encoding other than UTF-8 though its text is UTF-8 (writtenInUTF8).
func staleDeclaration(body []byte) bool {
	m := xmlEncoding.FindSubmatch(body)
	return m != nil && !strings.EqualFold(string(m[2]), "utf-8") && writtenInUTF8(body)
}

// feedUTF8 returns a feed as UTF-8, which is what the parser reads without
// help: a UTF-16 feed (told by its byte-order mark) and one whose charset only
// the HTTP header names are converted, and their XML declaration no longer
// names the old encoding. A feed in UTF-8, or one that declares its own
// encoding in XML, is left as it is (the parser honours the declaration) —
// unless it declares a legacy encoding and its non-ASCII bytes are all valid
// UTF-8, which text in a legacy encoding almost never is: a feed converted to
// UTF-8 that kept its old declaration, read as UTF-8 (as pages are).
func feedUTF8(body []byte, httpCharset string) ([]byte, error) {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(body, []byte{0xff, 0xfe}), bytes.HasPrefix(body, []byte{0xfe, 0xff}):
		enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case staleDeclaration(body):
		return xmlEncoding.ReplaceAll(body, []byte("$1")), nil
	case httpCharset != "" && !strings.EqualFold(httpCharset, "utf-8") && !xmlEncoding.Match(body):
		e, err := htmlindex.Get(httpCharset)
		if err != nil {
			return body, nil // a charset we do not know: let the parser try
		}
		enc = e
	default:
		return body, nil
	}
	utf, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, err
	}
	return xmlEncoding.ReplaceAll(utf, []byte("$1")), nil
}
