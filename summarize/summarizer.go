package summarize

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"
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
	// Sentences are the summary's lines: the article's own sentences on the
	// extractive path, the model's bullets (or paragraph) otherwise.
	Sentences []string
	// Method says how the summary was made, for the reply's footer:
	// "extractive summary", "summary by MODEL", "extractive summary (model
	// timed out)"…
	Method string
	// Tokens is what the model call cost; zero when none was made (or cached).
	Tokens int
	// Abstractive is true when the model wrote the summary.
	Abstractive bool
}

// Cache keeps model output between calls; the archive provides one.
type Cache interface {
	Get(ctx context.Context, key string) (string, bool)
	Put(ctx context.Context, key, value string)
}

// Options configure a Summarizer. The zero value is the extractive path only.
type Options struct {
	// Model, when set, writes summaries and answers; the extractive path is the
	// fallback whenever it is slow, failing or not grounded.
	Model Model
	// ModelName names the model in footers and cache keys.
	ModelName string
	// Timeout bounds one model call; zero means 20 seconds.
	Timeout time.Duration
	// Cache, when set, keeps model summaries so that repeats cost no tokens.
	Cache Cache
	Log   *slog.Logger
	// Secrets (the API key, the bot token) are never shown: a model reply that
	// holds one is refused.
	Secrets []string
}

// Summarizer writes summaries and answers.
type Summarizer struct {
	opts  Options
	log   *slog.Logger
	vocab *Vocabulary
}

// vocabularySize bounds the words a Summarizer remembers: a few megabytes.
const vocabularySize = 200_000

// New returns a Summarizer; with no model in opts it is extractive only.
func New(opts Options) *Summarizer {
	if opts.Timeout <= 0 {
		opts.Timeout = 20 * time.Second
	}
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Summarizer{opts: opts, log: log.With("component", "summarize"), vocab: NewVocabulary(vocabularySize)}
}

// Doc prepares an article for summarizing and answering, like NewDoc, but
// remembers the words it has seen in earlier articles.
func (s *Summarizer) Doc(title, body string) *Doc { return s.vocab.NewDoc(title, body) }

// UsesModel reports whether a model is configured.
func (s *Summarizer) UsesModel() bool { return s.opts.Model != nil }

// ModelName returns the configured model's name, or "".
func (s *Summarizer) ModelName() string { return s.opts.ModelName }

// Call tunes one request.
type Call struct {
	// Extractive skips the model (a server over its daily budget, say).
	Extractive bool
}

// Summarize returns a summary of the article of the given length: the model's,
// when one is configured and its reply is grounded in the article, else the
// extractive one with a note of why.
func (s *Summarizer) Summarize(ctx context.Context, d *Doc, l Length, c Call) (Summary, error) {
	if err := ctx.Err(); err != nil {
		return Summary{}, err
	}
	extractive := Summary{Sentences: d.Summary(l.Words()), Method: "extractive summary"}
	if s.opts.Model == nil || c.Extractive || len(d.Sentences) == 0 {
		return extractive, nil
	}
	key := s.cacheKey("summary/"+l.String(), d)
	if s.opts.Cache != nil {
		if v, ok := s.opts.Cache.Get(ctx, key); ok {
			var cached Summary
			if json.Unmarshal([]byte(v), &cached) == nil && len(cached.Sentences) > 0 {
				cached.Tokens = 0
				return cached, nil
			}
		}
	}
	reply, tokens, err := s.chat(ctx, summaryPrompt(d, l))
	if err == nil {
		var lines []groundedLine
		if lines, err = d.ground(reply, s.opts.Secrets); err == nil {
			sum := Summary{Method: "summary by " + s.opts.ModelName, Tokens: tokens, Abstractive: true}
			for _, line := range lines {
				sum.Sentences = append(sum.Sentences, line.text)
			}
			if s.opts.Cache != nil {
				if v, err := json.Marshal(sum); err == nil {
					s.opts.Cache.Put(ctx, key, string(v))
				}
			}
			return sum, nil
		}
	}
	s.log.Warn("model summary not used", "err", err)
	extractive.Method = "extractive summary (" + fallbackReason(err) + ")"
	extractive.Tokens = tokens
	return extractive, nil
}

// Answer answers question from the article: the model's answer when one is
// configured and every sentence it cites exists and supports it, else the
// extractive answer with a note of why. It returns ErrEmptyQuestion or
// ErrQuestionTooLong for questions it will not read.
func (s *Summarizer) Answer(ctx context.Context, d *Doc, question string, c Call) (Answer, error) {
	if err := ctx.Err(); err != nil {
		return Answer{}, err
	}
	if strings.TrimSpace(question) == "" {
		return Answer{}, ErrEmptyQuestion
	}
	if utf8.RuneCountInString(question) > MaxQuestion {
		return Answer{}, ErrQuestionTooLong
	}
	extractive := d.Answer(question)
	extractive.Method = "extractive answer"
	if s.opts.Model == nil || c.Extractive || len(d.Sentences) == 0 {
		return extractive, nil
	}
	reply, tokens, err := s.chat(ctx, answerPrompt(d, question))
	if err == nil {
		if strings.HasPrefix(strings.ToUpper(reply), notInArticle) {
			return Answer{Missing: extractive.Missing, Unsettled: extractive.Unsettled, Method: "answer by " + s.opts.ModelName, Tokens: tokens}, nil
		}
		var lines []groundedLine
		if lines, err = d.ground(reply, s.opts.Secrets); err == nil {
			ans := Answer{Answerable: true, Method: "answer by " + s.opts.ModelName, Tokens: tokens}
			var cites []int
			var text []string
			for _, line := range lines {
				text = append(text, line.text)
				for _, i := range line.cites {
					if !slices.Contains(cites, i) {
						cites = append(cites, i)
					}
				}
			}
			slices.Sort(cites)
			ans.Reply = strings.Join(text, " ")
			for _, i := range cites {
				ans.Evidence = append(ans.Evidence, d.Sentences[i])
			}
			return ans, nil
		}
	}
	s.log.Warn("model answer not used", "err", err)
	extractive.Method = "extractive answer (" + fallbackReason(err) + ")"
	extractive.Tokens = tokens
	return extractive, nil
}

// chat calls the model within the timeout and cleans its reply.
func (s *Summarizer) chat(ctx context.Context, user string) (string, int, error) {
	ctx, cancel := context.WithTimeout(ctx, s.opts.Timeout)
	defer cancel()
	reply, tokens, err := s.opts.Model.Chat(ctx, systemPrompt, user)
	if err != nil {
		if ctx.Err() != nil {
			return "", tokens, fmt.Errorf("%w: %w", errTimeout, err)
		}
		return "", tokens, err
	}
	reply = cleanReply(reply)
	if reply == "" {
		return "", tokens, errors.New("the model's reply was empty")
	}
	return reply, tokens, nil
}

var errTimeout = errors.New("model timed out")

// fallbackReason says in a few words why the model's text was not used.
func fallbackReason(err error) string {
	switch {
	case errors.Is(err, errTimeout):
		return "the model timed out"
	case errors.Is(err, errUngrounded):
		return "the model's reply could not be checked against the article"
	}
	return "the model is unavailable"
}

// cacheKey names a model output for one article text, kind, model and prompt.
func (s *Summarizer) cacheKey(kind string, d *Doc) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00", promptVersion, s.opts.ModelName, kind, d.Title)
	for _, sent := range d.Sentences {
		h.Write([]byte(sent))
		h.Write([]byte{0})
	}
	return kind + "/" + hex.EncodeToString(h.Sum(nil))
}
