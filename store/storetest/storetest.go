// Package storetest gives tests a PostgreSQL archive of their own, so that
// the same tests can run on both of the store's backends.
//
// The server comes from NEWSBOT_TEST_POSTGRES (a URL; .ci/postgres start
// gives one). Each call makes a new schema on it, dropped when the test ends,
// and returns a URL whose search_path is that schema: an empty archive that
// any number of Stores (or processes) can open. Without the variable the
// PostgreSQL runs are skipped with a message — except under CI, where .ci/run
// starts a server and its absence is a failure.
package storetest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
)

var schemas atomic.Int64

// Archives returns where to open a new, empty archive of each kind, by the
// kind's name: "bolt", a file in the test's temporary folder, and
// "postgres" when the tests have a server.
func Archives(t testing.TB) map[string]string {
	t.Helper()
	out := map[string]string{"bolt": filepath.Join(t.TempDir(), "newsbot.db")}
	if dsn := Postgres(t); dsn != "" {
		out["postgres"] = dsn
	}
	return out
}

// Postgres returns the URL of a new, empty archive on the test server, or ""
// after logging why there is none.
func Postgres(t testing.TB) string {
	t.Helper()
	base := os.Getenv("NEWSBOT_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("NEWSBOT_TEST_POSTGRES is not set: .ci/run starts PostgreSQL for the tests")
		}
		t.Log("PostgreSQL skipped: set NEWSBOT_TEST_POSTGRES to a server's URL (.ci/postgres start gives one)")
		return ""
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("NEWSBOT_TEST_POSTGRES: %v", err)
	}
	schema := fmt.Sprintf("t%d_%d", os.Getpid(), schemas.Add(1))
	if err := exec(base, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("NEWSBOT_TEST_POSTGRES: %v", err)
	}
	t.Cleanup(func() {
		if err := exec(base, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Error(err)
		}
	})
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func exec(dsn, sql string) error {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}
