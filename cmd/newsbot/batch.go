package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"newsbot/summarize"
	"newsbot/summarize/text"
)

// batchRecord is one input line of newsbot batch.
type batchRecord struct {
	ID       json.RawMessage `json:"id"`
	Title    string          `json:"title"`
	Text     *string         `json:"text"`
	Question *string         `json:"question"`
}

type summaryLine struct {
	ID      json.RawMessage `json:"id"`
	Summary []string        `json:"summary"`
}

type answerLine struct {
	ID         json.RawMessage `json:"id"`
	Answerable bool            `json:"answerable"`
	Answer     string          `json:"answer"`
	Evidence   []string        `json:"evidence"`
}

type errorLine struct {
	ID    json.RawMessage `json:"id"`
	Error string          `json:"error"`
}

// maxBatchLine bounds one input line: the largest article, escaped.
const maxBatchLine = 32 << 20

// runBatch reads JSONL from stdin and writes one result line per input line, in
// input order, with the defaults the bot uses in Discord.
func runBatch(ctx context.Context, sum *summarize.Summarizer, args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("batch needs summarize or ask\n%w", errUsage)
	}
	mode, args := args[0], args[1:]
	fs := flag.NewFlagSet("batch "+mode, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	sentences := fs.Int("sentences", 0, "sentences per summary (default: the bot's medium length)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("batch %s: %w\n%w", mode, err, errUsage)
	}
	if *sentences < 0 {
		return fmt.Errorf("batch %s: -sentences must be at least 1", mode)
	}
	var do func(batchRecord) any
	switch mode {
	case "summarize":
		do = func(r batchRecord) any { return batchSummarize(ctx, sum, r, *sentences) }
	case "ask":
		do = func(r batchRecord) any { return batchAsk(ctx, sum, r) }
	default:
		return fmt.Errorf("batch %q: use summarize or ask\n%w", mode, errUsage)
	}

	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 0, 1<<20), maxBatchLine)
	for n := 1; sc.Scan(); n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line := sc.Bytes()
		if len(strings.TrimSpace(string(line))) == 0 {
			continue
		}
		var rec batchRecord
		var result any
		if err := json.Unmarshal(line, &rec); err != nil {
			result = errorLine{ID: rawID(line), Error: fmt.Sprintf("line %d: invalid JSON: %v", n, err)}
		} else {
			result = do(rec)
		}
		if err := enc.Encode(result); err != nil {
			return fmt.Errorf("write result: %w", err)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("read input: a line is longer than %d MB", maxBatchLine>>20)
		}
		return fmt.Errorf("read input: %w", err)
	}
	return nil
}

// rawID digs the id out of a line that is not valid JSON as a whole, when it can.
func rawID(line []byte) json.RawMessage {
	var probe struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(line, &probe) == nil && len(probe.ID) > 0 {
		return probe.ID
	}
	return json.RawMessage("null")
}

// batchDoc checks and prepares a record's text the way ingest does for the bot.
func batchDoc(r batchRecord) (*summarize.Doc, error) {
	if r.Text == nil {
		return nil, errors.New(`missing "text"`)
	}
	body, err := text.Decode([]byte(*r.Text))
	if err != nil {
		return nil, err
	}
	body = text.Clean(body)
	if strings.TrimSpace(body) == "" {
		return nil, errors.New("text is empty")
	}
	return summarize.NewDoc(r.Title, body), nil
}

func idOrNull(id json.RawMessage) json.RawMessage {
	if len(id) == 0 {
		return json.RawMessage("null")
	}
	return id
}

func batchSummarize(ctx context.Context, s *summarize.Summarizer, r batchRecord, sentences int) any {
	id := idOrNull(r.ID)
	doc, err := batchDoc(r)
	if err != nil {
		return errorLine{ID: id, Error: err.Error()}
	}
	var lines []string
	if sentences > 0 {
		lines = doc.SummarySentences(sentences)
	} else {
		sum, err := s.Summarize(ctx, doc, summarize.Medium, summarize.Call{})
		if err != nil {
			return errorLine{ID: id, Error: err.Error()}
		}
		lines = sum.Sentences
	}
	if lines == nil {
		lines = []string{}
	}
	return summaryLine{ID: id, Summary: lines}
}

func batchAsk(ctx context.Context, s *summarize.Summarizer, r batchRecord) any {
	id := idOrNull(r.ID)
	if r.Question == nil {
		return errorLine{ID: id, Error: `missing "question"`}
	}
	doc, err := batchDoc(r)
	if err != nil {
		return errorLine{ID: id, Error: err.Error()}
	}
	ans, err := s.Answer(ctx, doc, *r.Question, summarize.Call{})
	if err != nil {
		return errorLine{ID: id, Error: err.Error()}
	}
	evidence := ans.Evidence
	if evidence == nil {
		evidence = []string{}
	}
	return answerLine{ID: id, Answerable: ans.Answerable, Answer: ans.Text(), Evidence: evidence}
}
