// Package reply is the shape of what newsbot says: a Reply (content, embeds,
// ephemeral flag) independent of Discord, the limits Discord puts on a message,
// Fit to keep within them, and Render to show a reply as text (the console,
// tests). Commands and the digest build replies; transports send them.
package reply

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Discord's limits on a message, in characters (runes).
const (
	MaxContent          = 2000
	MaxEmbeds           = 10
	MaxEmbedTitle       = 256
	MaxEmbedDescription = 4096
	MaxFields           = 25
	MaxFieldName        = 256
	MaxFieldValue       = 1024
	MaxFooter           = 2048
	MaxEmbedTotal       = 6000
)

// Reply is what a command answers, independent of Discord. Fit trims it to
// Discord's limits; every reply a command returns has been through Fit.
type Reply struct {
	Content   string
	Embeds    []Embed
	Ephemeral bool
}

// Embed is a rich block of a reply.
type Embed struct {
	Title       string
	URL         string
	Description string
	Fields      []Field
	Footer      string
}

// Field is a titled part of an embed.
type Field struct {
	Name, Value string
	Inline      bool
}

// Ephemeral returns a plain message only the user who asked sees.
func Ephemeral(msg string) Reply {
	return Reply{Content: msg, Ephemeral: true}.Fit()
}

// Fit returns the reply trimmed to Discord's limits: each text cut at a word
// boundary with an ellipsis, extra embeds and fields dropped, empty fields filled,
// and the embeds' combined text kept within MaxEmbedTotal by trimming from the
// last embed backwards.
func (r Reply) Fit() Reply {
	r.Content = Truncate(r.Content, MaxContent)
	if len(r.Embeds) > MaxEmbeds {
		r.Embeds = r.Embeds[:MaxEmbeds]
	}
	embeds := make([]Embed, len(r.Embeds))
	for i, e := range r.Embeds {
		e.Title = Truncate(OneLine(e.Title), MaxEmbedTitle)
		e.Description = Truncate(e.Description, MaxEmbedDescription)
		e.Footer = Truncate(e.Footer, MaxFooter)
		if len(e.Fields) > MaxFields {
			e.Fields = e.Fields[:MaxFields]
		}
		fields := make([]Field, len(e.Fields))
		for j, f := range e.Fields {
			f.Name = Truncate(OneLine(f.Name), MaxFieldName)
			f.Value = Truncate(f.Value, MaxFieldValue)
			if strings.TrimSpace(f.Name) == "" {
				f.Name = "\u200b"
			}
			if strings.TrimSpace(f.Value) == "" {
				f.Value = "\u200b"
			}
			fields[j] = f
		}
		e.Fields = fields
		embeds[i] = e
	}
	r.Embeds = fitTotal(embeds)
	if r.Content == "" && len(r.Embeds) == 0 {
		r.Content = "(nothing to show)"
	}
	return r
}

// Problems lists what in r breaks Discord's limits; a reply that has been
// through Fit has none.
func (r Reply) Problems() []string {
	n := utf8.RuneCountInString
	var out []string
	if n(r.Content) > MaxContent {
		out = append(out, fmt.Sprintf("content has %d characters", n(r.Content)))
	}
	if r.Content == "" && len(r.Embeds) == 0 {
		out = append(out, "nothing to show")
	}
	if len(r.Embeds) > MaxEmbeds {
		out = append(out, fmt.Sprintf("%d embeds", len(r.Embeds)))
	}
	total := 0
	for _, e := range r.Embeds {
		total += embedLen(e)
		if n(e.Title) > MaxEmbedTitle || n(e.Description) > MaxEmbedDescription || n(e.Footer) > MaxFooter || len(e.Fields) > MaxFields {
			out = append(out, fmt.Sprintf("embed over a limit: title %d, description %d, footer %d, fields %d", n(e.Title), n(e.Description), n(e.Footer), len(e.Fields)))
		}
		for _, f := range e.Fields {
			if n(f.Name) > MaxFieldName || n(f.Value) > MaxFieldValue || strings.TrimSpace(f.Name) == "" || strings.TrimSpace(f.Value) == "" {
				out = append(out, fmt.Sprintf("field over a limit or empty: name %d, value %d", n(f.Name), n(f.Value)))
			}
		}
	}
	if total > MaxEmbedTotal {
		out = append(out, fmt.Sprintf("embeds total %d characters", total))
	}
	return out
}

// embedLen counts what Discord counts toward the 6000-character total.
func embedLen(e Embed) int {
	n := utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description) + utf8.RuneCountInString(e.Footer)
	for _, f := range e.Fields {
		n += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
	}
	return n
}

// fitTotal trims the embeds until their combined text is within MaxEmbedTotal:
// fields go first from the end, then the description is shortened, then whole
// embeds are dropped.
func fitTotal(embeds []Embed) []Embed {
	total := 0
	for _, e := range embeds {
		total += embedLen(e)
	}
	for total > MaxEmbedTotal && len(embeds) > 0 {
		last := &embeds[len(embeds)-1]
		before := embedLen(*last)
		over := total - MaxEmbedTotal
		switch {
		case len(last.Fields) > 0:
			last.Fields = last.Fields[:len(last.Fields)-1]
		case utf8.RuneCountInString(last.Description) > over+1:
			last.Description = Truncate(last.Description, utf8.RuneCountInString(last.Description)-over)
		default:
			embeds = embeds[:len(embeds)-1]
			total -= before
			continue
		}
		total += embedLen(*last) - before
	}
	return embeds
}

// Truncate shortens s to at most max runes, cutting at a space when one is near
// the end and marking the cut with an ellipsis.
func Truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	if max <= 0 {
		return ""
	}
	if max == 1 {
		return string([]rune(s)[:1])
	}
	runes := []rune(s)[:max-1]
	cut := len(runes)
	for i := len(runes) - 1; i > len(runes)-40 && i > 0; i-- {
		if runes[i] == ' ' || runes[i] == '\n' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(runes[:cut]), " \n") + "…"
}

// WithLink returns text and, on a line of its own, link, within max runes:
// the text is shortened to make room, and a link too long to leave room for
// some text is left out (a link cut short would lead nowhere).
func WithLink(text, link string, max int) string {
	const minText = 80
	if link == "" || utf8.RuneCountInString(link)+1+minText > max {
		return Truncate(text, max)
	}
	return Truncate(text, max-utf8.RuneCountInString(link)-1) + "\n" + link
}

// Escape makes text from an article, a feed or a user show as written in
// Discord instead of as markdown: masked links ([text](url)), bold, italics,
// strike, spoilers, code, mentions (<@id>, <#id>, <t:…>), and headings, quotes
// and lists at the start of a line. Every reply built from such text escapes
// it; the bot's own markup around it stays live.
func Escape(s string) string {
	if !strings.ContainsAny(s, "\\*_~|`[]<#>-") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	lineStart := true
	for i := 0; i < len(s); i++ { // bytes: every character escaped is ASCII
		c := s[i]
		if strings.IndexByte("\\*_~|`[]<", c) >= 0 || lineStart && (c == '#' || c == '>' || c == '-') {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
		lineStart = c == '\n' || lineStart && (c == ' ' || c == '\t')
	}
	return b.String()
}

// unescape undoes Escape, as Discord does when it shows the text.
func unescape(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// OneLine folds s onto one line, with single spaces.
func OneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Render writes a reply as text, the way Discord lays it out: content first, then
// each embed as a block with a bar down its side.
func Render(w io.Writer, r Reply) {
	var b strings.Builder
	if r.Ephemeral {
		b.WriteString("(only you can see this)\n")
	}
	if r.Content != "" {
		b.WriteString(unescape(r.Content) + "\n")
	}
	for _, e := range r.Embeds {
		bar := func(s string) {
			for _, l := range strings.Split(unescape(s), "\n") {
				b.WriteString("│ " + l + "\n")
			}
		}
		if e.Title != "" {
			title := "**" + e.Title + "**"
			if e.URL != "" {
				title += " <" + e.URL + ">"
			}
			bar(title)
		}
		if e.Description != "" {
			bar(e.Description)
		}
		for _, f := range e.Fields {
			bar("**" + f.Name + "**")
			bar(f.Value)
		}
		if e.Footer != "" {
			bar("— " + e.Footer)
		}
	}
	b.WriteString("\n")
	io.WriteString(w, b.String())
}

// Plural is the ending of a plural noun for n things: "" for one, "s" else
// ("3 article" + Plural(3)).
func Plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// PluralY is Plural for nouns in -y: "y" for one, "ies" else ("stor" + PluralY(n)).
func PluralY(n int) string {
	if n == 1 {
		return "y"
	}
	return "ies"
}
