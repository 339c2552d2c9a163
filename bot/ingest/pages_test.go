package ingest

import (
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"newsbot/summarize"
	"newsbot/summarize/text"
)

// realPages returns the folder of real web pages that go-readability tests
// itself on (Mozilla Readability's test pages: BBC, CNN, the New York Times,
// Le Monde, QQ, …), which `go mod download` puts in the module cache with the
// library the bot is built on.
func realPages(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "codeberg.org/readeck/go-readability/v2").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "test-pages")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no test pages in the module: %v", err)
	}
	return dir
}

// captionish finds the elements a page marks as captions or credits in any
// spelling ("imageCaption", "media-caption__text", "photo-credit"): wider than
// the furniture the reader drops, so that the test is not the rule again.
var captionish = regexp.MustCompile(`(?i)caption|credit`)

// pageCaptions returns the sentences of a page's <figcaption>s and caption or
// credit elements that have four words or more.
func pageCaptions(page []byte) []string {
	root, err := html.Parse(strings.NewReader(string(page)))
	if err != nil {
		return nil
	}
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom != atom.Body && n.DataAtom != atom.Html {
			marked := n.DataAtom == atom.Figcaption
			for _, a := range n.Attr {
				marked = marked || (a.Key == "class" || a.Key == "id") && captionish.MatchString(a.Val)
			}
			if marked {
				for _, s := range text.Sentences(nodeText(n)) {
					if s = strings.Join(strings.Fields(s), " "); len(strings.Fields(s)) >= 4 {
						out = append(out, s)
					}
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

// nodeText is the text inside a node, its pieces joined by spaces.
func nodeText(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(nodeText(c))
		b.WriteString(" ")
	}
	return b.String()
}

// TestRealPages reads real news and web pages nobody here wrote: no Chinese or
// Japanese page is refused, each page's title is the one go-readability reads
// from it alone, and no sentence of a page's captions or credits is in the
// default summary of its article. (Measured on the 135 pages: 52 have
// captions by this test's reckoning; without withoutFurniture, 13 of their
// summaries quote one — "United Nations peacekeepers at a refugee camp in
// Sudan on Monday.", "© Provided by Business Insider Inc Nintendo/Apple".)
func TestRealPages(t *testing.T) {
	dir := realPages(t)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	pageURL, _ := url.Parse("http://fakehost/test/page.html")
	cjk := map[string]bool{"qq": true, "gmw": true, "pixnet": true, "hukumusume": true}
	read, captioned := 0, 0
	for _, e := range entries {
		page, err := os.ReadFile(filepath.Join(dir, e.Name(), "source.html"))
		if err != nil {
			continue
		}
		a, err := readHTML(page, "", pageURL)
		if err != nil {
			if cjk[e.Name()] {
				t.Errorf("%s: %v", e.Name(), err)
			}
			continue // the library's small feature tests ("ol", "visibility-hidden") are no articles
		}
		read++
		delete(cjk, e.Name())
		if _, name, _ := charset.DetermineEncoding(page, "text/html"); name == "utf-8" {
			// Said to be UTF-8 and decoded as such.
		} else if alone, err := readability.FromReader(strings.NewReader(string(page)), pageURL); err == nil {
			// Decoded as the library reads the page given as text: the
			// same title (QQ's page, UTF-8 with a gb2312 meta, once came
			// out as mojibake).
			if want := strings.Join(strings.Fields(alone.Title()), " "); want != "" && want != a.Title {
				t.Errorf("%s: title %q, go-readability alone reads %q", e.Name(), a.Title, want)
			}
		}
		captions := pageCaptions(page)
		if len(captions) == 0 {
			continue
		}
		captioned++
		summary := strings.Join(strings.Fields(strings.Join(summarize.NewDoc(a.Title, a.Text).Summary(summarize.Medium.Words()), " ")), " ")
		for _, c := range captions {
			if strings.Contains(summary, c) {
				t.Errorf("%s: the summary quotes the caption %q", e.Name(), c)
				break
			}
		}
	}
	for name := range cjk {
		t.Errorf("%s: not among the test pages", name)
	}
	if read < 120 || captioned < 40 {
		t.Errorf("read %d pages, %d with captions: want at least 120 and 40, or the test says little", read, captioned)
	}
}
