package console

import (
	"bytes"
	"io"
	"log/slog"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"newsbot/bot"
	"newsbot/bot/ingest"
	"newsbot/seeds"
	"newsbot/store"
	"newsbot/summarize"
	"newsbot/summarize/text"
)

// newBot returns a bot over a fresh archive holding the seeds.
func newBot(t *testing.T) *bot.Bot {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "bot.db"), store.Options{Terms: text.Terms})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if _, err := ingest.Seeds(t.Context(), st, seeds.FS, log); err != nil {
		t.Fatal(err)
	}
	return bot.New(st, summarize.New(summarize.Options{}), log)
}

func TestParseLine(t *testing.T) {
	tests := []struct {
		line    string
		command string
		options map[string]string
		err     string
	}{
		{`/ask article:Procurement question:"Who makes the trucks?"`, "ask",
			map[string]string{"article": "Procurement", "question": "Who makes the trucks?"}, ""},
		{`/ask question:What happened at 10:30 on the day? article:Procurement reform`, "ask",
			map[string]string{"article": "Procurement reform", "question": "What happened at 10:30 on the day?"}, ""},
		{`/summarize article:“North Korea” length:short`, "summarize",
			map[string]string{"article": "North Korea", "length": "short"}, ""},
		{`/Digest   Preview`, "digest preview", map[string]string{}, ""},
		{`/help`, "help", map[string]string{}, ""},
		{`/unknown foo:bar baz:qux`, "unknown", map[string]string{"foo": "bar", "baz": "qux"}, ""},
		{`help`, "", nil, "start with a slash"},
		{`/ask article:1 note:this is kept`, "ask", map[string]string{"article": "1 note:this is kept"}, ""},
	}
	for _, tt := range tests {
		req, err := ParseLine(tt.line)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseLine(%q) error = %v, want %q", tt.line, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseLine(%q) error = %v", tt.line, err)
			continue
		}
		if req.Command != tt.command || !maps.Equal(req.Options, tt.options) {
			t.Errorf("ParseLine(%q) = %q %v, want %q %v", tt.line, req.Command, req.Options, tt.command, tt.options)
		}
	}
	if _, err := ParseLine("/summarize Procurement"); err == nil || !strings.Contains(err.Error(), "/summarize article:") {
		t.Errorf("ParseLine without option name: error = %v, want usage", err)
	}
}

func TestConsole(t *testing.T) {
	b := newBot(t)
	in := strings.NewReader("# a comment\n\n/summarize article:Procurement\n/ask article:1 question:\"What is the population of Pyongyang?\"\nnonsense\n" +
		"/help " + strings.Repeat("x", maxLine+10) + "\n/help\nexit\n/help\n")
	var out bytes.Buffer
	if err := Run(t.Context(), b, in, &out, false); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"High ranking defectors", "The article doesn't say", "start with a slash", "longer than", "/digest preview"} {
		if !strings.Contains(got, want) {
			t.Errorf("console output lacks %q:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "What this bot does"); n != 1 {
		t.Errorf("console ran /help %d times, want 1 (nothing after exit)", n)
	}
	if strings.HasPrefix(got, "> ") || strings.Contains(got, "\n> ") || strings.Contains(got, "newsbot console") {
		t.Errorf("piped console printed a prompt or banner:\n%s", got)
	}
}

func TestConsoleInteractive(t *testing.T) {
	b := newBot(t)
	var out bytes.Buffer
	if err := Run(t.Context(), b, strings.NewReader("/help"), &out, true); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "newsbot console") || !strings.Contains(out.String(), "> ") {
		t.Errorf("interactive console = %q, want a banner and a prompt", out.String()[:60])
	}
}
