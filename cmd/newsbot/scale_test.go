package main

import (
	"bytes"
	"math"
	"math/rand/v2"
	"regexp"
	"testing"
)

// TestScale runs a small scale measurement: every article is ingested and the
// report gives each figure.
func TestScale(t *testing.T) {
	var out bytes.Buffer
	if err := runScale(t.Context(), []string{"-n", "5000", "-queries", "20", "-dir", t.TempDir()}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`articles +5000 \(5000 in the archive\)`, `ingest +\d+ articles/s`, `search +p50 `, `autocomplete +p50 `, `peak memory +\d+ MB`} {
		if !regexp.MustCompile(want).MatchString(out.String()) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

// TestAliasDrawsZipf: the table the made-up articles' words are drawn from
// gives each word the share rand.Zipf would.
func TestAliasDrawsZipf(t *testing.T) {
	const n, draws = 50_000, 2_000_000
	weights := make([]float64, n)
	var total float64
	for k := range weights {
		weights[k] = math.Pow(2+float64(k), -1.1)
		total += weights[k]
	}
	a := newAlias(weights)
	rng := rand.New(rand.NewPCG(7, 7))
	zipf := rand.NewZipf(rand.New(rand.NewPCG(8, 8)), 1.1, 2, n-1)
	fromTable, fromZipf := make([]int, n), make([]int, n)
	for range draws {
		fromTable[a.draw(rng)]++
		fromZipf[zipf.Uint64()]++
	}
	for _, k := range []int{0, 1, 5, 50, 500} {
		want := weights[k] / total * draws
		for name, got := range map[string]int{"table": fromTable[k], "rand.Zipf": fromZipf[k]} {
			if math.Abs(float64(got)-want) > 5*math.Sqrt(want) {
				t.Errorf("word %d drawn %d times from the %s, want about %.0f", k, got, name, want)
			}
		}
	}
	// The tail too: words past the first thousand, together.
	var table, zipfTail int
	for k := 1000; k < n; k++ {
		table += fromTable[k]
		zipfTail += fromZipf[k]
	}
	if d := math.Abs(float64(table - zipfTail)); d > 0.01*draws {
		t.Errorf("words past 1,000 drawn %d times from the table, %d from rand.Zipf", table, zipfTail)
	}
}
