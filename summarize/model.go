package summarize

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"newsbot/backoff"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Model is a chat model: the one thing the summarizer needs from an LLM endpoint.
// Chat sends a system and a user message and returns the reply with the tokens
// the call used.
type Model interface {
	Chat(ctx context.Context, system, user string) (reply string, tokens int, err error)
}

// OpenAIConfig says how to reach an OpenAI-compatible endpoint.
type OpenAIConfig struct {
	// APIKey may be empty for local servers (Ollama, llama.cpp, vLLM).
	APIKey string
	// BaseURL is the API root, e.g. http://localhost:11434/v1; empty is OpenAI's.
	BaseURL string
	Model   string
	// APIType is "openai" (or empty) or "azure"; Azure needs BaseURL (the
	// resource endpoint), APIVersion, and Model as the deployment name.
	APIType    string
	APIVersion string
	// MaxRetries bounds the retries of a 429 or 5xx reply (Retry-After is
	// honoured within the caller's deadline). Zero means 2.
	MaxRetries int
	// RetryWait is the first wait when the server gives no Retry-After; it
	// doubles with each retry. Zero means one second.
	RetryWait time.Duration
}

// OpenAI is a Model on an OpenAI-compatible chat completions endpoint, through
// go-openai.
type OpenAI struct {
	client *openai.Client
	model  string
}

// NewOpenAI returns a Model for the endpoint cfg describes.
func NewOpenAI(cfg OpenAIConfig) (*OpenAI, error) {
	if cfg.Model == "" {
		return nil, errors.New("model name is empty")
	}
	var c openai.ClientConfig
	switch strings.ToLower(cfg.APIType) {
	case "", "openai":
		c = openai.DefaultConfig(cfg.APIKey)
		if cfg.BaseURL != "" {
			c.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
		}
	case "azure":
		if cfg.BaseURL == "" {
			return nil, errors.New("azure needs the resource endpoint as the base URL")
		}
		c = openai.DefaultAzureConfig(cfg.APIKey, cfg.BaseURL)
		if cfg.APIVersion != "" {
			c.APIVersion = cfg.APIVersion
		}
	default:
		return nil, fmt.Errorf("unknown API type %q (use openai or azure)", cfg.APIType)
	}
	retries := cfg.MaxRetries
	if retries <= 0 {
		retries = 2
	}
	if cfg.RetryWait <= 0 {
		cfg.RetryWait = time.Second
	}
	// go-openai has no timeout and no retries of its own: the caller's context
	// bounds every call, and the transport retries what may pass.
	c.HTTPClient = &http.Client{Transport: &retryTransport{next: http.DefaultTransport, retries: retries, wait: cfg.RetryWait}}
	return &OpenAI{client: openai.NewClientWithConfig(c), model: cfg.Model}, nil
}

// Name returns the model's name.
func (o *OpenAI) Name() string { return o.model }

// Chat sends one chat completion request.
func (o *OpenAI) Chat(ctx context.Context, system, user string) (string, int, error) {
	resp, err := o.client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model: o.model,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: system},
			{Role: openai.ChatMessageRoleUser, Content: user},
		},
		Temperature: 0.2,
		// A summary or an answer is a few hundred tokens; the bound keeps a
		// runaway model from writing (and billing) thousands.
		MaxTokens: maxReplyTokens,
	})
	if err != nil {
		return "", 0, fmt.Errorf("chat completion: %w", err)
	}
	if len(resp.Choices) == 0 {
		return "", resp.Usage.TotalTokens, errors.New("chat completion: no choices in the reply")
	}
	return resp.Choices[0].Message.Content, resp.Usage.TotalTokens, nil
}

// Bounds on one model reply: the tokens asked for, and the bytes read of the
// response (a reply of maxReplyTokens is a few KB of JSON; anything near
// maxReplyBytes is not one).
const (
	maxReplyTokens = 1024
	maxReplyBytes  = 256 << 10
)

// errReplyTooLarge is returned when a response body passes maxReplyBytes.
var errReplyTooLarge = fmt.Errorf("model reply is larger than %d KB", maxReplyBytes>>10)

// cappedBody fails a read once more than its limit has been read.
type cappedBody struct {
	io.ReadCloser
	left int64
}

func (b *cappedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, errReplyTooLarge
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.ReadCloser.Read(p)
	b.left -= int64(n)
	return n, err
}

// retryTransport retries requests answered 429 or 5xx, waiting as Retry-After
// says (or 1, 2, 4… seconds), never past the request's deadline.
type retryTransport struct {
	next    http.RoundTripper
	retries int
	wait    time.Duration
}

const maxRetryWait = 30 * time.Second

func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		if attempt > 0 && req.GetBody != nil {
			body, err := req.GetBody()
			if err != nil {
				return nil, err
			}
			req = req.Clone(req.Context())
			req.Body = body
		}
		resp, err := t.next.RoundTrip(req)
		if err == nil {
			resp.Body = &cappedBody{ReadCloser: resp.Body, left: maxReplyBytes}
		}
		if err != nil || attempt >= t.retries || (resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode < 500) {
			return resp, err
		}
		wait := backoff.After(resp.Header, time.Now())
		if wait <= 0 {
			wait = backoff.Policy{First: t.wait, Max: maxRetryWait}.Wait(attempt + 1)
		}
		wait = min(wait, maxRetryWait)
		if deadline, ok := req.Context().Deadline(); ok && time.Now().Add(wait).After(deadline) {
			return resp, nil // no time to wait: let the caller see this reply
		}
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		if !backoff.Sleep(req.Context(), wait) {
			return nil, req.Context().Err()
		}
	}
}
