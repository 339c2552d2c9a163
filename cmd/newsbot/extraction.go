package main

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"hash/crc32"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"codeberg.org/readeck/go-readability/v2"

	"newsbot/bot/ingest"
	"newsbot/summarize"
)

// A benchmarkPage is one page of an extraction benchmark: snippets a good
// reading of it keeps (With: the article's text) and leaves out (Without: the
// page's furniture), as Trafilatura's comparison set labels them.
type benchmarkPage struct {
	URL     string
	File    string
	With    []string
	Without []string
}

// loadExtractionBenchmark reads the labelled pages of go-trafilatura's
// comparison set, whose labels are a Go map literal (scripts/comparison/data.go,
// URL → {File, With, Without, …}) and whose pages are test-files/comparison/FILE.
// It parses the literal rather than running anything of the module's.
func loadExtractionBenchmark(dir string) ([]benchmarkPage, error) {
	path := filepath.Join(dir, "scripts", "comparison", "data.go")
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("read labels: %w", err)
	}
	var pages []benchmarkPage
	ast.Inspect(f, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		key, ok := kv.Key.(*ast.BasicLit)
		entry, isLit := kv.Value.(*ast.CompositeLit)
		if !ok || key.Kind != token.STRING || !isLit {
			return true
		}
		p := benchmarkPage{URL: unquote(key)}
		for _, e := range entry.Elts {
			field, ok := e.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			name, _ := field.Key.(*ast.Ident)
			switch {
			case name == nil:
			case name.Name == "File":
				if lit, ok := field.Value.(*ast.BasicLit); ok {
					p.File = unquote(lit)
				}
			case name.Name == "With":
				p.With = stringList(field.Value)
			case name.Name == "Without":
				p.Without = stringList(field.Value)
			}
		}
		if p.File != "" {
			pages = append(pages, p)
		}
		return false
	})
	if len(pages) == 0 {
		return nil, fmt.Errorf("read labels: no labelled page in %s", path)
	}
	slices.SortFunc(pages, func(a, b benchmarkPage) int { return strings.Compare(a.File, b.File) })
	return pages, nil
}

func unquote(lit *ast.BasicLit) string {
	s, err := strconv.Unquote(lit.Value)
	if err != nil {
		return ""
	}
	return s
}

// stringList reads a []string{…} literal, each snippet squeezed once (as
// texts are matched against them).
func stringList(e ast.Expr) []string {
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	var out []string
	for _, el := range lit.Elts {
		if s, ok := el.(*ast.BasicLit); ok && s.Kind == token.STRING {
			if v := squeeze(unquote(s)); v != "" {
				out = append(out, v)
			}
		}
	}
	return out
}

// extractionScore counts a reader's snippets over pages, as Trafilatura's
// evaluation does: a With snippet found is a true positive, one missing a false
// negative; a Without snippet found is a false positive, one absent a true
// negative. A page the reader refuses has found nothing.
type extractionScore struct {
	pages, refused int
	tp, fn, fp, tn int
	// summaryFP counts Without snippets quoted in the default summary: the
	// furniture a user is shown.
	summaryFP int
}

// add counts one page's snippets in a reader's text and summary, both
// squeezed.
func (s *extractionScore) add(text, summary string, p benchmarkPage) {
	for _, w := range p.With {
		if strings.Contains(text, w) {
			s.tp++
		} else {
			s.fn++
		}
	}
	for _, w := range p.Without {
		if strings.Contains(text, w) {
			s.fp++
		} else {
			s.tn++
		}
		if summary != "" && strings.Contains(summary, w) {
			s.summaryFP++
		}
	}
}

func (s extractionScore) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s extractionScore) recall() float64    { return ratio(s.tp, s.tp+s.fn) }
func (s extractionScore) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
func (s extractionScore) accuracy() float64 { return ratio(s.tp+s.tn, s.tp+s.tn+s.fp+s.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// squeeze makes one space of every run of white space, so that a snippet
// matches across the reader's line breaks.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

// benchmarkHalf splits the pages in two fixed halves by their file's name: the
// development half to look at while changing the reader, the held-out half to
// measure the change on.
func benchmarkHalf(file string) string {
	if crc32.ChecksumIEEE([]byte(file))%2 == 0 {
		return "dev"
	}
	return "held-out"
}

// runExtraction reads every page of the benchmark in dir twice — as the bot
// reads a link (ingest.ReadPage) and as go-readability alone reads the page —
// and prints each reader's snippet scores per half; with verbose, it lists the
// bot's misses (With snippets lost, Without snippets kept) page by page.
func runExtraction(dir, only string, verbose bool, stdout io.Writer) error {
	pages, err := loadExtractionBenchmark(dir)
	if err != nil {
		return err
	}
	type key struct{ system, half string }
	scores := map[key]*extractionScore{}
	score := func(system, half string) *extractionScore {
		k := key{system, half}
		if scores[k] == nil {
			scores[k] = &extractionScore{}
		}
		return scores[k]
	}
	for _, p := range pages {
		half := benchmarkHalf(p.File)
		if only != "" && half != only {
			continue
		}
		page, err := os.ReadFile(filepath.Join(dir, "test-files", "comparison", p.File))
		if errors.Is(err, os.ErrNotExist) {
			continue // labelled, but not shipped with the module
		} else if err != nil {
			return err
		}
		pageURL, err := url.Parse(p.URL)
		if err != nil {
			pageURL = &url.URL{Scheme: "https", Host: "example.org", Path: "/"}
		}

		var text, summary string
		a, err := ingest.ReadPage(page, pageURL)
		if err == nil {
			text = squeeze(a.Text)
			summary = squeeze(strings.Join(summarize.NewDoc(a.Title, a.Text).Summary(summarize.Medium.Words()), " "))
		}
		for _, half := range []string{half, "all"} {
			s := score("newsbot", half)
			s.pages++
			if err != nil {
				s.refused++
			}
			s.add(text, summary, p)
		}
		alone := ""
		if doc, err := readability.FromReader(strings.NewReader(string(page)), pageURL); err == nil && doc.Node != nil {
			var b strings.Builder
			if doc.RenderText(&b) == nil {
				alone = squeeze(b.String())
			}
		}
		for _, half := range []string{half, "all"} {
			s := score("go-readability", half)
			s.pages++
			if alone == "" {
				s.refused++
			}
			s.add(alone, "", p)
		}
		if verbose {
			listMisses(stdout, p, text, summary, alone, err)
		}
	}

	w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	defer w.Flush()
	fmt.Fprintln(w, "half\treader\tpages\trefused\twith found\twithout kept\tprecision\trecall\tF1\taccuracy\twithout in summary\t")
	for _, half := range []string{"dev", "held-out", "all"} {
		for _, system := range []string{"go-readability", "newsbot"} {
			s := scores[key{system, half}]
			if s == nil {
				continue
			}
			fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%d/%d\t%d/%d\t%.3f\t%.3f\t%.3f\t%.3f\t", half, system, s.pages, s.refused,
				s.tp, s.tp+s.fn, s.fp, s.fp+s.tn, s.precision(), s.recall(), s.f1(), s.accuracy())
			if system == "newsbot" {
				fmt.Fprintf(w, "%d\t\n", s.summaryFP)
			} else {
				fmt.Fprint(w, "\t\n")
			}
		}
	}
	return nil
}

// listMisses prints what the bot's reading of one page got wrong, marking
// with "(alone: right)" each snippet go-readability alone got right, and the
// furniture its default summary quotes (the texts squeezed).
func listMisses(w io.Writer, p benchmarkPage, text, summary, alone string, readErr error) {
	var lost, kept, quoted []string
	mark := func(s string, right bool) string {
		if right {
			return strconv.Quote(s) + " (alone: right)"
		}
		return strconv.Quote(s)
	}
	for _, s := range p.With {
		if !strings.Contains(text, s) {
			lost = append(lost, mark(s, strings.Contains(alone, s)))
		}
	}
	for _, s := range p.Without {
		if strings.Contains(text, s) {
			kept = append(kept, mark(s, !strings.Contains(alone, s)))
		}
		if strings.Contains(summary, s) {
			quoted = append(quoted, strconv.Quote(s))
		}
	}
	if readErr != nil {
		fmt.Fprintf(w, "%s\trefused: %v\n", p.File, readErr)
		return
	}
	if len(lost) > 0 {
		fmt.Fprintf(w, "%s\tlost %s\n", p.File, strings.Join(lost, ", "))
	}
	if len(kept) > 0 {
		fmt.Fprintf(w, "%s\tkept %s\n", p.File, strings.Join(kept, ", "))
	}
	if len(quoted) > 0 {
		fmt.Fprintf(w, "%s\tsummary quotes %s\n", p.File, strings.Join(quoted, ", "))
	}
}
