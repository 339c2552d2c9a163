package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"path/filepath"
	"strings"

	"newsbot/bot/ingest"
)

// runIngest adds articles from each argument: a file, a folder, or - for stdin.
// On a terminal it draws a progress bar; otherwise it prints the counts at the end.
func runIngest(ctx context.Context, cfg config, log *slog.Logger, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("ingest needs a file, a folder or - (stdin)\n%w", errUsage)
	}
	st, err := openArchive(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer st.Close()

	in := ingest.New(st, log)
	if isTerminal(stderr) {
		total := totalSize(args)
		in.Progress = func(c ingest.Counts, read int64) { drawProgress(stderr, c, read, total) }
		defer fmt.Fprintln(stderr)
	}
	var counts ingest.Counts
	fetcher := ingest.NewFetcher(cfg.AllowPrivate)
	for _, a := range args {
		switch {
		case a == "-":
			counts, err = in.Reader(ctx, "stdin", stdin)
		case strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://"):
			counts, err = in.Link(ctx, fetcher, a)
		default:
			counts, err = in.Path(ctx, a)
		}
		if err != nil {
			return err
		}
	}
	fmt.Fprintln(stdout, counts)
	return nil
}

// totalSize adds up the sizes of the files to ingest, for the progress bar; stdin
// has no known size.
func totalSize(args []string) int64 {
	var total int64
	for _, a := range args {
		if a == "-" {
			continue
		}
		filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if info, err := d.Info(); err == nil && !d.IsDir() {
				total += info.Size()
			}
			return nil
		})
	}
	return total
}

func drawProgress(w io.Writer, c ingest.Counts, read, total int64) {
	const width = 30
	bar := ""
	if total > 0 {
		done := min(int(read*width/total), width)
		bar = fmt.Sprintf("[%s%s] %3d%% ", strings.Repeat("#", done), strings.Repeat(".", width-done), min(read*100/total, 100))
	}
	fmt.Fprintf(w, "\r%s%s", bar, c)
}
