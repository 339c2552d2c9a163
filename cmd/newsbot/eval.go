package main

import (
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"newsbot/bot/ingest"
	"newsbot/summarize/eval"
)

// runEval measures the summarizer and the answerer on evaluation sets and prints
// a table beside the baselines (Lead-3 for summaries, BM25 for questions).
func runEval(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	rounds := fs.Int("rounds", 1000, "bootstrap resamples")
	var corpora []string
	fs.Func("corpus", "articles (JSONL: id, title, text) that question sets name by doc_id; give it once per file", func(path string) error {
		corpora = append(corpora, path)
		return nil
	})
	var pages []string
	fs.Func("pages", "a folder of saved web pages (NAME/source.html, as go-readability's test-pages, or NAME.html, as go-trafilatura's test-files/comparison) that question sets name as page/NAME, read as /add reads a link; give it once per folder (a page an earlier folder has by the same name is read from there)", func(dir string) error {
		pages = append(pages, dir)
		return nil
	})
	verbose := fs.Bool("v", false, "after each question set, list every question with the bot's reply and whether it is right; with -extraction, every page's misses")
	extraction := fs.String("extraction", "", "go-trafilatura's module folder: score how the bot reads its comparison set's labelled pages (snippets kept and left out) beside go-readability alone")
	half := fs.String("half", "", "with -extraction, only the dev or the held-out half of the pages")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	if *extraction != "" {
		if *half != "" && *half != "dev" && *half != "held-out" {
			return fmt.Errorf("eval: -half is dev or held-out, not %q\n%w", *half, errUsage)
		}
		if err := runExtraction(*extraction, *half, *verbose, stdout); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		if fs.NArg() == 0 {
			return nil
		}
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("eval needs JSONL files, like ../shared/eval/cnndm-dev.jsonl\n%w", errUsage)
	}
	articles, err := sourceArticles(corpora, pages)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	from := strings.Join(append(corpora, pages...), " and ")
	w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	defer w.Flush()
	header := true
	for _, path := range fs.Args() {
		set, err := eval.Load(path)
		if err == nil && len(articles) > 0 {
			err = set.AttachArticles(from, articles)
		} else if err == nil {
			err = set.Attach()
		}
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		if len(set.Articles) > 0 {
			if header {
				fmt.Fprintln(w, "set\tsystem\tn\tROUGE-1\tROUGE-2\tROUGE-L\tΔR1 vs Lead-3 [95%]\tΔR2 [95%]\tΔRL [95%]\twords\tsents\tms/article\t")
			}
			header = false
			lead := eval.ScoreSummaries("lead-3", set.Articles, eval.Lead3)
			ours := eval.ScoreSummaries("newsbot", set.Articles, func(a eval.Article) []string { return eval.Newsbot(a.Title, a.Text) })
			for _, s := range []eval.SummaryScores{lead, ours} {
				fmt.Fprintf(w, "%s\t%s\t%d\t%.2f\t%.2f\t%.2f\t", set.Name, s.System, len(s.R1), 100*eval.Mean(s.R1), 100*eval.Mean(s.R2), 100*eval.Mean(s.L))
				if s.System == "lead-3" {
					fmt.Fprint(w, "\t\t\t")
				} else {
					for _, pair := range [][2][]float64{{s.R1, lead.R1}, {s.R2, lead.R2}, {s.L, lead.L}} {
						iv := eval.PairedBootstrap(pair[0], pair[1], *rounds)
						fmt.Fprintf(w, "%+.2f [%+.2f, %+.2f]\t", 100*iv.Diff, 100*iv.Lo, 100*iv.Hi)
					}
				}
				fmt.Fprintf(w, "%.1f\t%.1f\t%.3f\t\n", s.Words, s.Sentences, s.Ms)
			}
		}
		if len(set.Questions) > 0 {
			w.Flush()
			fmt.Fprintln(w, "set\tsystem\tn\tacc@1\tacc@3\tΔacc@1 vs BM25 [95%]\tΔacc@3 [95%]\tanswer shown\tΔshown [95%]\twrong declines\tunanswerable\tdeclined\tto another article\tsents quoted\tms/question\t")
			base := eval.ScoreQA("bm25", set.Questions, eval.BM25Ranker)
			two := eval.ScoreQA("bm25-top2", set.Questions, eval.BM25Top2Ranker)
			ours := eval.ScoreQA("newsbot", set.Questions, eval.NewsbotRanker)
			for _, s := range []eval.QAScores{base, two, ours} {
				fmt.Fprintf(w, "%s\t%s\t%d\t%.1f%%\t%.1f%%\t", set.Name, s.System, len(s.At1), 100*eval.Mean(s.At1), 100*eval.Mean(s.At3))
				if s.System != "newsbot" {
					fmt.Fprint(w, "\t\t")
				} else {
					for _, pair := range [][2][]float64{{s.At1, base.At1}, {s.At3, base.At3}} {
						iv := eval.PairedBootstrap(pair[0], pair[1], *rounds)
						fmt.Fprintf(w, "%+.1f [%+.1f, %+.1f]\t", 100*iv.Diff, 100*iv.Lo, 100*iv.Hi)
					}
				}
				fmt.Fprintf(w, "%.1f%%\t", 100*eval.Mean(s.Shown))
				if s.System != "newsbot" {
					fmt.Fprint(w, "\t")
				} else {
					iv := eval.PairedBootstrap(s.Shown, base.Shown, *rounds)
					fmt.Fprintf(w, "%+.1f [%+.1f, %+.1f]\t", 100*iv.Diff, 100*iv.Lo, 100*iv.Hi)
				}
				fmt.Fprintf(w, "%.1f%%\t%d\t", 100*s.WrongDeclines, s.Unanswerable)
				if s.Unanswerable > 0 {
					fmt.Fprintf(w, "%.1f%%\t", 100*s.RightDeclines)
				} else {
					fmt.Fprint(w, "\t")
				}
				fmt.Fprintf(w, "%.1f%%\t%.2f\t%.3f\t\n", 100*s.RefusedOther, s.Quoted, s.Ms)
			}
			header = true
			if *verbose {
				w.Flush()
				listReplies(stdout, set.Questions)
			}
		}
	}
	return nil
}

// sourceArticles reads the articles that question sets name: those of the
// JSONL corpora, and those of the saved pages in each folder of pages, read
// as the bot reads a link (ingest.ReadPage) and named page/NAME after their
// folder (NAME/source.html) or file (NAME.html). A page the bot would refuse
// is left out (a question that names it then says so).
func sourceArticles(corpora, pages []string) ([]eval.Article, error) {
	var out []eval.Article
	for _, path := range corpora {
		c, err := eval.Load(path)
		if err != nil {
			return nil, err
		}
		out = append(out, c.Articles...)
	}
	pageURL, _ := url.Parse("http://fakehost/test/page.html") // where go-readability's test pages say they are
	// A page an earlier folder has under the same name is that folder's:
	// go-trafilatura's mock and comparison folders share one.
	read := map[string]bool{}
	for _, dir := range pages {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			path, name := filepath.Join(dir, e.Name(), "source.html"), e.Name()
			if !e.IsDir() {
				path, name = filepath.Join(dir, e.Name()), strings.TrimSuffix(e.Name(), ".html")
				if name == e.Name() {
					continue // not a saved page
				}
			}
			if read[name] {
				continue
			}
			page, err := os.ReadFile(path)
			if err != nil {
				continue // not a saved page
			}
			read[name] = true
			if a, err := ingest.ReadPage(page, pageURL); err == nil {
				out = append(out, eval.Article{ID: "page/" + name, Title: a.Title, Text: a.Text})
			}
		}
	}
	return out, nil
}

// listReplies prints, for each question, what the bot replies and how that
// counts (eval.Judge).
func listReplies(w io.Writer, questions []eval.Question) {
	for _, q := range questions {
		reply := eval.NewsbotReply(q)
		fmt.Fprintf(w, "%s\t%s\t%s\t(answer: %q)\n\t%s\n", q.ID, eval.Judge(q, reply.Answerable, reply.Evidence), q.Question, q.Answer, reply.Text())
	}
}
