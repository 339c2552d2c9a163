package summarize

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

func TestZZGerman(t *testing.T) {
	f := os.Getenv("ZZSET")
	if f == "" {
		t.Skip()
	}
	fh, _ := os.Open(f)
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var q struct{ Question string }
		json.Unmarshal(sc.Bytes(), &q)
		if e, _, ok := germanQuestion(q.Question); ok {
			t.Logf("%q -> %q", q.Question, e)
		}
	}
}
