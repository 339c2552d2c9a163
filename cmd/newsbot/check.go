package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"newsbot/store"
)

// runCheck reads the whole archive (every page, every article) and reports
// what it finds. It opens the file as it is: no seeds, no migration of a file
// that does not open.
func runCheck(ctx context.Context, cfg config, stdout io.Writer) error {
	st, err := store.Open(cfg.DB, archiveOptions(ctx, slog.New(slog.NewTextHandler(stdout, nil))))
	if err != nil {
		return err
	}
	defer st.Close()
	articles, problems := st.Verify(ctx)
	if len(problems) == 0 {
		fmt.Fprintf(stdout, "%s: sound, %d articles read\n", store.Shown(cfg.DB), articles)
		return nil
	}
	for _, p := range problems {
		fmt.Fprintln(stdout, "problem:", p)
	}
	return fmt.Errorf("%s: %d articles read, %d problems: the archive is damaged; restore a backup", store.Shown(cfg.DB), articles, len(problems))
}
