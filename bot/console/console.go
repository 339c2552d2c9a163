// Package console is newsbot's console transport: it reads command lines as a
// user would type them in Discord, hands them to the bot and prints the
// replies the way Discord would show them. It works interactively and piped.
//
// The console speaks for an administrator of a server of its own ("console"),
// so that every command can be tried; that server's scope is its own, like any
// other server's.
package console

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"

	"newsbot/bot"
	"newsbot/bot/ingest"
	"newsbot/bot/reply"
)

// maxLine bounds one console line, so that a stray binary file piped in cannot
// exhaust memory.
const maxLine = 1 << 20

// request is who the console speaks for: an administrator of a server of its
// own, so that every command can be tried.
func request() bot.Request {
	return bot.Request{GuildID: "console", UserID: "console", CanManage: true}
}

// notice is a reply from the console itself.
func notice(msg string) reply.Reply {
	return reply.Reply{Content: msg, Ephemeral: true}.Fit()
}

// Run reads commands from in, one per line, and writes each reply to out as
// Discord would show it. Blank lines and lines starting with # are skipped; "exit"
// or "quit" ends it, as does the end of the input or ctx. With interactive set it
// greets the user and prompts for each line.
//
// When ctx ends while a terminal read is blocked, Console returns at once and the
// reading goroutine ends with the process: a read from a terminal cannot be
// interrupted portably.
func Run(ctx context.Context, b *bot.Bot, in io.Reader, out io.Writer, interactive bool) error {
	type line struct {
		text string
		err  error
	}
	lines := make(chan line)
	done := make(chan struct{})
	defer close(done)
	go func() {
		r := bufio.NewReaderSize(in, 64<<10)
		for {
			raw, err := ingest.ReadLine(r, maxLine)
			text := strings.TrimRight(string(raw), "\r\n")
			select {
			case lines <- line{text, err}:
			case <-done:
				return
			}
			if err != nil && !errors.Is(err, ingest.ErrLineTooLong) {
				return
			}
		}
	}()

	if interactive {
		fmt.Fprintln(out, "newsbot console: type /help for the commands, exit to leave.")
	}
	for {
		if interactive {
			fmt.Fprint(out, "> ")
		}
		var l line
		select {
		case <-ctx.Done():
			return nil
		case l = <-lines:
		}
		if errors.Is(l.err, ingest.ErrLineTooLong) {
			reply.Render(out, notice(fmt.Sprintf("That line is longer than %d bytes; it was skipped.", maxLine)))
			continue
		}
		text := strings.TrimSpace(l.text)
		switch {
		case text == "exit" || text == "quit":
			return nil
		case text != "" && !strings.HasPrefix(text, "#"):
			req, err := ParseLine(text)
			r := notice(fmt.Sprintf("I couldn't read that: %v.", err))
			if err == nil {
				r = b.Handle(ctx, req)
			}
			reply.Render(out, r)
		}
		if l.err == io.EOF {
			return nil
		}
		if l.err != nil {
			return fmt.Errorf("read console input: %w", l.err)
		}
	}
}

var optionStart = regexp.MustCompile(`(?:^|\s)([A-Za-z_]+):`)

// ParseLine reads a command line as typed in the console: the command with its
// slash, then options as name:value. A value runs until the next option of the
// command, so quotes are only needed around a value that itself contains such a
// name; straight or curly quotes around a value are removed.
//
//	/ask article:Procurement question:"Who makes the trucks?"
func ParseLine(line string) (bot.Request, error) {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "/") {
		return bot.Request{}, errors.New("commands start with a slash, like /help")
	}
	// The command is the longest run of leading words that names one ("digest
	// preview"); with none, every word before the first option.
	words := strings.Fields(strings.TrimPrefix(line, "/"))
	n := 0
	for n < len(words) && !strings.Contains(words[n], ":") {
		n++
	}
	cmd, known := bot.Command{}, false
	for k := n; k > 0 && !known; k-- {
		if cmd, known = bot.Lookup(strings.Join(words[:k], " ")); known {
			n = k
		}
	}
	rest := strings.TrimSpace(strings.TrimPrefix(line, "/"))
	for range n {
		i := strings.IndexFunc(rest, unicode.IsSpace)
		if i < 0 {
			rest = ""
			break
		}
		rest = strings.TrimLeftFunc(rest[i:], unicode.IsSpace)
	}
	req := request()
	req.Command = strings.ToLower(strings.Join(words[:n], " "))
	req.Options = map[string]string{}

	// Option starts: any name:, or for a known command only its own options, so
	// that "question:What happened at 10:30?" stays one value.
	var starts [][]int
	for _, m := range optionStart.FindAllStringSubmatchIndex(rest, -1) {
		if !known || cmd.Option(strings.ToLower(rest[m[2]:m[3]])) != nil {
			starts = append(starts, m)
		}
	}
	first := len(rest)
	if len(starts) > 0 {
		first = starts[0][0]
	}
	if stray := strings.TrimSpace(rest[:first]); stray != "" {
		usage := "name:value"
		if known {
			usage = cmd.Usage()
		}
		if r := []rune(stray); len(r) > 80 {
			stray = string(r[:79]) + "…"
		}
		return bot.Request{}, fmt.Errorf("“%s” is not an option; options go as %s", stray, usage)
	}
	for i, m := range starts {
		end := len(rest)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		req.Options[strings.ToLower(rest[m[2]:m[3]])] = unquote(strings.TrimSpace(rest[m[1]:end]))
	}
	return req, nil
}

func unquote(v string) string {
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}, {"'", "'"}} {
		if len(v) >= len(q[0])+len(q[1]) && strings.HasPrefix(v, q[0]) && strings.HasSuffix(v, q[1]) {
			return v[len(q[0]) : len(v)-len(q[1])]
		}
	}
	return v
}
