// Package ingest turns what people hand the bot — text and markdown files,
// folders of them, JSONL exports, the embedded seeds — into archive articles.
//
// Every path goes through the same steps: decode the bytes to UTF-8 (text.Decode
// refuses binary data), remove boilerplate (text.Clean), find the title and the
// published date, and store with de-duplication (store.Add). An item that cannot
// be read is counted as rejected with its reason logged; the rest go on.
package ingest

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"newsbot/store"
	"newsbot/summarize/text"
)

// MaxText is the largest article, in bytes, that ingest accepts.
const MaxText = 10 << 20

// ErrNoText is returned for an item with nothing but a title, boilerplate or
// space in it.
var ErrNoText = errors.New("no article text")

// ErrTooLarge is returned for an item over MaxText bytes.
var ErrTooLarge = fmt.Errorf("article is larger than %d MB", MaxText>>20)

// dateline matches a title line of the form "Category: Month DD, YYYY".
var dateline = regexp.MustCompile(`^(.{1,120}?):\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4})$`)

// ParseText reads one plain-text or markdown article. The title is the first line
// when it looks like one ("Category: Month DD, YYYY", a markdown heading, or a
// short line without final punctuation), else it is made from name. The body is
// cleaned of boilerplate.
func ParseText(name string, raw []byte) (store.Article, error) {
	if len(raw) > MaxText {
		return store.Article{}, ErrTooLarge
	}
	s, err := text.Decode(raw)
	if err != nil {
		return store.Article{}, err
	}
	if isMarkdown(name) {
		s = stripMarkdown(s)
	}
	s = strings.TrimSpace(s)
	first, rest, _ := strings.Cut(s, "\n")
	first = strings.TrimSpace(first)

	var a store.Article
	switch {
	case dateline.MatchString(first):
		m := dateline.FindStringSubmatch(first)
		a.Title, a.Published = first, parseDate(m[2])
		s = rest
	case strings.HasPrefix(first, "#"):
		a.Title = strings.TrimSpace(strings.TrimLeft(first, "#"))
		s = rest
	case looksLikeTitle(first) && strings.TrimSpace(rest) != "":
		a.Title = first
		s = rest
	default:
		a.Title = titleFromName(name)
	}
	a.Text = text.Clean(s)
	if strings.TrimSpace(a.Text) == "" {
		return store.Article{}, ErrNoText
	}
	if a.Title == "" {
		a.Title = titleFromText(a.Text)
	}
	return a, nil
}

func looksLikeTitle(line string) bool {
	n := utf8.RuneCountInString(line)
	return n > 0 && n <= 150 && !strings.ContainsAny(line[len(line)-1:], ".!?,;")
}

func titleFromName(name string) string {
	// File names are bytes, not always UTF-8.
	base := strings.ToValidUTF8(strings.TrimSuffix(filepath.Base(name), filepath.Ext(name)), "")
	if base == "" || base == "." || base == "-" {
		return ""
	}
	return strings.Join(strings.Fields(strings.NewReplacer("_", " ", "-", " ").Replace(base)), " ")
}

// titleFromText makes a title of the text's first sentence, shortened.
func titleFromText(body string) string {
	first := body
	if ss := text.Sentences(body); len(ss) > 0 {
		first = ss[0]
	}
	words := strings.Fields(first)
	if len(words) > 12 {
		return strings.Join(words[:12], " ") + "…"
	}
	return strings.Join(words, " ")
}

func isMarkdown(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

var (
	mdLink     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdEmphasis = regexp.MustCompile(`(\*\*|__|\*|_|` + "`" + `)([^*_` + "`" + `\n]+)(\*\*|__|\*|_|` + "`" + `)`)
	mdBullet   = regexp.MustCompile(`(?m)^\s*([-*+]|>)\s+`)
	mdHeading  = regexp.MustCompile(`(?m)^(#{2,6})\s+`)
)

// stripMarkdown keeps the words of markdown and drops its markup: links become
// their text, emphasis and bullets go, subheadings become plain lines.
func stripMarkdown(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdEmphasis.ReplaceAllString(s, "$2")
	s = mdBullet.ReplaceAllString(s, "")
	return mdHeading.ReplaceAllString(s, "")
}

// Record is one line of a JSONL import.
type Record struct {
	Title     string `json:"title"`
	Text      string `json:"text"`
	URL       string `json:"url"`
	Published string `json:"published"`
}

// ParseRecord reads one JSONL line {"title","text","url","published"}. The text
// is cleaned like a file's; a missing title is made from the text.
func ParseRecord(line []byte) (store.Article, error) {
	var r Record
	if err := json.Unmarshal(line, &r); err != nil {
		return store.Article{}, fmt.Errorf("invalid JSON: %w", err)
	}
	if len(r.Text) > MaxText {
		return store.Article{}, ErrTooLarge
	}
	body, err := text.Decode([]byte(r.Text))
	if err != nil {
		return store.Article{}, err
	}
	a := store.Article{
		Title:     strings.Join(strings.Fields(r.Title), " "),
		URL:       strings.TrimSpace(r.URL),
		Published: parseDate(r.Published),
		Text:      text.Clean(body),
	}
	if strings.TrimSpace(a.Text) == "" {
		return store.Article{}, ErrNoText
	}
	if a.Title == "" {
		a.Title = titleFromText(a.Text)
	}
	return a, nil
}

var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02",
	"January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "2 January 2006", "2 Jan 2006",
	time.RFC1123Z, time.RFC1123,
}

// parseDate reads the common ways articles write their date; anything else is
// the zero time (unknown), not an error: a date is a nicety, not the article.
func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}
