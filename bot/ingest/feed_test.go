package ingest

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestParseFeed(t *testing.T) {
	base, _ := url.Parse("https://gazette.example/feed")
	tests := []struct {
		file, title string
		keys        []string
		teasers     []bool
		firstURL    string
	}{
		{"feed.rss", "Coastal Gazette", []string{"gazette-1001", "gazette-1002"}, []bool{true, false}, "https://gazette.example/news/harbour-reopens"},
		{"feed.atom", "Valley Times", []string{"urn:valley:bridge-vote"}, []bool{true}, "https://valley.example/bridge-vote"},
		{"feed.json", "Hill Post", []string{"hp-7"}, []bool{true}, "https://hill.example/orchard"},
	}
	for _, tt := range tests {
		body, err := os.ReadFile("testdata/" + tt.file)
		if err != nil {
			t.Fatal(err)
		}
		f, err := ParseFeed(body, base)
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if f.Title != tt.title || len(f.Items) != len(tt.keys) {
			t.Fatalf("%s: title %q with %d items, want %q with %d", tt.file, f.Title, len(f.Items), tt.title, len(tt.keys))
		}
		for i, it := range f.Items {
			if it.Key != tt.keys[i] || it.Teaser != tt.teasers[i] {
				t.Errorf("%s item %d: key %q teaser %v, want %q %v", tt.file, i, it.Key, it.Teaser, tt.keys[i], tt.teasers[i])
			}
		}
		if got := f.Items[0].Article.URL; got != tt.firstURL {
			t.Errorf("%s: first URL %q, want %q (canonical)", tt.file, got, tt.firstURL)
		}
		if f.Items[0].Article.Published.IsZero() {
			t.Errorf("%s: first item has no date", tt.file)
		}
	}
	body, _ := os.ReadFile("testdata/feed.rss")
	f, _ := ParseFeed(body, base)
	if text := f.Items[1].Article.Text; strings.Contains(text, "<p>") || !strings.Contains(text, "The town library will open") {
		t.Errorf("full item text = %q, want the text without markup", text)
	}
	for _, garbage := range []string{"", "not a feed at all", "<html><body>hi</body></html>", `{"foo": 1}`} {
		if _, err := ParseFeed([]byte(garbage), base); !errors.Is(err, ErrNotFeed) {
			t.Errorf("ParseFeed(%q) error = %v, want ErrNotFeed", garbage, err)
		}
	}
}

func TestDiscoverFeed(t *testing.T) {
	page, _ := url.Parse("https://gazette.example/news/")
	tests := map[string]string{
		`<head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>`:                        "https://gazette.example/feed.xml",
		`<link type='application/atom+xml' rel='alternate' href='https://x.example/atom'>`:                       "https://x.example/atom",
		`<link rel="stylesheet" href="/a.css"><link rel="alternate" type="application/feed+json" href="f.json">`: "https://gazette.example/news/f.json",
		`<link rel="alternate" hreflang="de" href="/de/">`:                                                       "",
	}
	for html, want := range tests {
		got, ok := DiscoverFeed([]byte(html), page)
		if got != want || ok != (want != "") {
			t.Errorf("DiscoverFeed(%s) = %q, %v; want %q", html, got, ok, want)
		}
	}
}

func FuzzParseFeed(f *testing.F) {
	for _, name := range []string{"feed.rss", "feed.atom", "feed.json"} {
		b, _ := os.ReadFile("testdata/" + name)
		f.Add(b)
	}
	f.Add([]byte("<rss><channel><item><title>x</title></item></channel></rss>"))
	base, _ := url.Parse("https://example.com/feed")
	f.Fuzz(func(t *testing.T, body []byte) {
		feed, err := ParseFeed(body, base)
		if err != nil {
			return
		}
		if len(feed.Items) > maxItems {
			t.Fatalf("%d items, want at most %d", len(feed.Items), maxItems)
		}
		for _, it := range feed.Items {
			if it.Key == "" {
				t.Fatalf("an item without a key: %+v", it)
			}
			if it.Teaser && it.Article.URL == "" {
				t.Fatalf("a teaser with nowhere to read more: %+v", it)
			}
		}
	})
}

// TestChineseArticles reads a Chinese page and a Chinese feed item, written
// without spaces between words: the page is an article, not "too few words",
// and the item is whole, not a teaser.
func TestChineseArticles(t *testing.T) {
	para := "港口在周五重新开放，距离冬季风暴摧毁部分防波堤并淹没候船楼已经过去三个月。工程师用驳船运来的花岗岩块重建了九十米的防波堤，候船楼一楼也已翻新并装上了防洪门。"
	page := "<html><head><title>港口在风暴修复后重新开放</title></head><body><article><h1>港口在风暴修复后重新开放</h1><p>" + para + "</p><p>" + para + "</p></article></body></html>"
	u, _ := url.Parse("https://news.example/zh/harbour")
	a, err := readHTML([]byte(page), "", u)
	if err != nil || !strings.Contains(a.Text, "防波堤") {
		t.Errorf("readHTML(Chinese page) = %q, %v; want the article", a.Text, err)
	}
	feed := `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>&lt;b&gt;新闻&lt;/b&gt; &amp; 评论</title>` +
		`<item><title>港口重新开放</title><link>https://news.example/zh/1</link><guid>zh-1</guid><description>` + para + para + `</description></item></channel></rss>`
	parsed, err := ParseFeed([]byte(feed), u)
	if err != nil || len(parsed.Items) != 1 {
		t.Fatalf("ParseFeed = %+v, %v", parsed, err)
	}
	if parsed.Items[0].Teaser {
		t.Error("a whole Chinese item counts as a teaser")
	}
	if parsed.Title != "新闻 & 评论" {
		t.Errorf("feed title = %q, want it as plain text", parsed.Title)
	}
}

// TestFeedReasons words a feed's failures for the person who gave the link.
func TestFeedReasons(t *testing.T) {
	u, _ := url.Parse("https://news.example/feed")
	for body, want := range map[string]string{
		"": "the feed is empty",
		"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>a</title>\n<item><title>b</title></item>\n<<<</channel></rss>": "its XML is broken at line 4",
		"just some words, not a feed at all":             "it is not an RSS, Atom or JSON feed",
		"<rss version=\"2.0\"><channel></channel></rss>": "it has no title, link or items",
		`{"version": "https://jsonfeed.org/version/1", "title": "Gazette", "items": [{"id": "1", "author": "Ann Lee"}]}`: "its JSON does not follow the JSON Feed format",
	} {
		_, err := ParseFeed([]byte(body), u)
		if !errors.Is(err, ErrNotFeed) || Reason(err) != want {
			t.Errorf("ParseFeed(%.40q): reason %q (%v), want %q", body, Reason(err), err, want)
		}
	}
	f := NewFetcher(true)
	if _, err := f.Get(t.Context(), "http://nothing.invalid/feed", "", ""); !strings.Contains(Reason(err), "does not resolve") {
		t.Errorf("Get(unresolvable name): reason %q (%v)", Reason(err), err)
	}
}

// TestFeedEncodings fetches feeds in UTF-16 (told by a byte-order mark), in
// ISO-8859-1 told only by the HTTP header, and in windows-1252 told by the XML
// declaration: each item's title comes out as written.
func TestFeedEncodings(t *testing.T) {
	const title = "Café owners welcome the new harbour"
	feed := func(decl string) string {
		return `<?xml version="1.0"` + decl + `?><rss version="2.0"><channel><title>Gazette</title>` +
			`<item><title>` + title + `</title><link>https://news.example/1</link><guid>g1</guid><description>` +
			strings.Repeat("The harbour reopened and the café owners said business was good again. ", 12) + `</description></item></channel></rss>`
	}
	tests := []struct {
		name, contentType string
		body              func() []byte
	}{
		{"UTF-16 with a BOM", "application/rss+xml", func() []byte {
			b, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(feed(` encoding="UTF-16"`)))
			return b
		}},
		{"ISO-8859-1 in HTTP only", "application/rss+xml; charset=iso-8859-1", func() []byte {
			b, _ := charmap.ISO8859_1.NewEncoder().Bytes([]byte(feed("")))
			return b
		}},
		{"windows-1252 in the XML declaration", "application/rss+xml", func() []byte {
			b, _ := charmap.Windows1252.NewEncoder().Bytes([]byte(feed(` encoding="windows-1252"`)))
			return b
		}},
		{"UTF-8 under a stale ISO-8859-1 declaration", "application/rss+xml", func() []byte {
			return []byte(feed(` encoding="ISO-8859-1"`))
		}},
	}
	for _, tt := range tests {
		body := tt.body()
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", tt.contentType)
			w.Write(body)
		}))
		_, parsed, err := NewFetcher(true).Feed(t.Context(), srv.URL+"/feed", "", "")
		srv.Close()
		if err != nil || len(parsed.Items) != 1 || parsed.Items[0].Article.Title != title {
			t.Errorf("%s: %+v, %v; want one item titled %q", tt.name, parsed.Items, err, title)
		}
	}
}
