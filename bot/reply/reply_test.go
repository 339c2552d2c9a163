package reply

import (
	"strings"
	"testing"
)

func checkLimits(t *testing.T, name string, r Reply) {
	t.Helper()
	for _, p := range r.Problems() {
		t.Errorf("%s: %s", name, p)
	}
}

func TestFit(t *testing.T) {
	huge := strings.Repeat("word ", 5000)
	var fields []Field
	for range 40 {
		fields = append(fields, Field{Name: huge, Value: huge})
	}
	var embeds []Embed
	for range 12 {
		embeds = append(embeds, Embed{Title: huge, Description: huge, Footer: huge, Fields: fields})
	}
	r := Reply{Content: huge, Embeds: embeds}.Fit()
	checkLimits(t, "huge", r)
	if !strings.HasSuffix(r.Content, "…") {
		t.Errorf("cut content does not end with an ellipsis: %q", r.Content[len(r.Content)-10:])
	}
	if len(r.Embeds) == 0 {
		t.Error("Fit dropped every embed")
	}
	empty := Reply{Embeds: []Embed{{Fields: []Field{{Name: "", Value: " "}}}}}.Fit()
	checkLimits(t, "empty fields", empty)
	if got := (Reply{}).Fit(); got.Content == "" {
		t.Error("Fit of an empty reply is still empty")
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 10, "one two…"},
		{"ééééé", 3, "éé…"},
		{"abc", 1, "a"},
		{"abc", 0, ""},
		{"abc", -5, ""},
	}
	for _, tt := range tests {
		if got := Truncate(tt.in, tt.max); got != tt.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

func TestWithLink(t *testing.T) {
	text := strings.Repeat("word ", 300)
	short := "https://example.com/a"
	if got := WithLink(text, short, 1024); !strings.HasSuffix(got, "\n"+short) || len([]rune(got)) > 1024 {
		t.Errorf("WithLink(short link) = %d runes ending %q", len([]rune(got)), got[len(got)-30:])
	}
	long := "https://example.com/" + strings.Repeat("x", 5000)
	if got := WithLink(text, long, 1024); strings.Contains(got, "example.com") || len([]rune(got)) > 1024 {
		t.Errorf("WithLink(5,000-character link) = %d runes, link kept: %v", len([]rune(got)), strings.Contains(got, "example.com"))
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain text, nothing to do.", "Plain text, nothing to do."},
		{"Read [the report](https://evil.example/x) now", `Read \[the report\](https://evil.example/x) now`},
		{"**bold** _it_ ~~s~~ ||spoiler|| `code`", `\*\*bold\*\* \_it\_ \~\~s\~\~ \|\|spoiler\|\| \` + "`code\\`"},
		{"Hi <@123> and <#456> at <t:1700000000>", `Hi \<@123> and \<#456> at \<t:1700000000>`},
		{"# Heading\n> quote\n- item\nA - dash # mid", "\\# Heading\n\\> quote\n\\- item\nA - dash # mid"},
		{`a \ backslash`, `a \\ backslash`},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := unescape(Escape(tt.in)); got != tt.in {
			t.Errorf("unescape(Escape(%q)) = %q", tt.in, got)
		}
	}
}

func FuzzEscape(f *testing.F) {
	f.Add("Read [the report](https://evil.example/x) **now** <@1>")
	f.Fuzz(func(t *testing.T, s string) {
		e := Escape(s)
		if got := unescape(e); got != s {
			t.Errorf("unescape(Escape(%q)) = %q", s, got)
		}
		// No markdown character is left unescaped.
		for i := 0; i < len(e); i++ {
			if e[i] == '\\' {
				i++
				continue
			}
			if strings.IndexByte("*_~|`[]<", e[i]) >= 0 {
				t.Fatalf("Escape(%q) = %q leaves %q live", s, e, e[i])
			}
		}
	})
}
