package rouge

import (
	"encoding/json"
	"math"
	"os"
	"testing"
)

// testdata/vectors.json holds our own sentences with the F1 scores that the
// reference scorer (../shared/tools/rouge.py, --stem) gives them.
func TestCompareMatchesReferenceScorer(t *testing.T) {
	raw, err := os.ReadFile("testdata/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var vectors []struct {
		Reference, Summary        []string
		Rouge1, Rouge2, RougeLsum float64
	}
	if err := json.Unmarshal(raw, &vectors); err != nil {
		t.Fatal(err)
	}
	if len(vectors) < 8 {
		t.Fatalf("only %d vectors", len(vectors))
	}
	for _, v := range vectors {
		got := Compare(v.Reference, v.Summary)
		for _, c := range []struct {
			name      string
			got, want float64
		}{{"ROUGE-1", got.R1.F, v.Rouge1}, {"ROUGE-2", got.R2.F, v.Rouge2}, {"ROUGE-Lsum", got.L.F, v.RougeLsum}} {
			if math.Abs(c.got-c.want) > 1e-4 {
				t.Errorf("%s(%q, %q) = %.6f, want %.6f", c.name, v.Reference, v.Summary, c.got, c.want)
			}
		}
	}
}
