package summarize

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Length is how long a summary should be.
type Length int

// The summary lengths users can ask for; Medium is the default.
const (
	Short Length = iota + 1
	Medium
	Long
)

// ParseLength reads "short", "medium" or "long" (any case); the empty string is
// Medium.
func ParseLength(s string) (Length, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "short":
		return Short, nil
	case "", "medium":
		return Medium, nil
	case "long":
		return Long, nil
	}
	return 0, fmt.Errorf("unknown length %q (use short, medium or long)", s)
}

func (l Length) String() string {
	switch l {
	case Short:
		return "short"
	case Long:
		return "long"
	}
	return "medium"
}

// Words returns the word budget of a summary of this length: sentences are added
// until the summary holds at least this many words. Medium, the default, is set
// where summaries score best against news highlights (docs/EVAL.md).
func (l Length) Words() int {
	switch l {
	case Short:
		return 35
	case Long:
		return 140
	}
	return 65
}

// MaxQuestion is the longest question, in characters, that Answer accepts.
const MaxQuestion = 1000

// ErrQuestionTooLong is returned by Answer for a question over MaxQuestion
// characters.
var ErrQuestionTooLong = fmt.Errorf("question is longer than %d characters", MaxQuestion)

// ErrEmptyQuestion is returned by Answer for a question with no words.
var ErrEmptyQuestion = errors.New("question is empty")

// Summary is a summary and how it was made.
type Summary struct {
	Sentences []string
	// Method says how the summary was made, for the reply's footer.
	Method string
}

// Summarizer writes summaries and answers. The zero value is not used; call New.
type Summarizer struct{}

// New returns a Summarizer on the extractive path.
func New() *Summarizer { return &Summarizer{} }

// Summarize returns a summary of the article of the given length.
func (s *Summarizer) Summarize(ctx context.Context, d *Doc, l Length) (Summary, error) {
	if err := ctx.Err(); err != nil {
		return Summary{}, err
	}
	return Summary{Sentences: d.Summary(l.Words()), Method: "extractive summary"}, nil
}

// Answer answers question from the article. It returns ErrEmptyQuestion or
// ErrQuestionTooLong for questions it will not read.
func (s *Summarizer) Answer(ctx context.Context, d *Doc, question string) (Answer, error) {
	if err := ctx.Err(); err != nil {
		return Answer{}, err
	}
	if strings.TrimSpace(question) == "" {
		return Answer{}, ErrEmptyQuestion
	}
	if utf8.RuneCountInString(question) > MaxQuestion {
		return Answer{}, ErrQuestionTooLong
	}
	return d.Answer(question), nil
}
