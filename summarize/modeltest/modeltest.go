// Package modeltest is a local OpenAI-compatible server for tests: POST
// /v1/chat/completions answered by a function the test gives, with every
// request recorded.
package modeltest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// Request is a chat completion request as the server received it.
type Request struct {
	Model     string `json:"model"`
	MaxTokens int    `json:"max_tokens"`
	Messages  []struct {
		Role, Content string
	} `json:"messages"`
}

// Server is a fake model endpoint; URL is its API root (…/v1).
type Server struct {
	URL string
	// Reply answers call number call (from 1); it may write any status.
	Reply func(call int, w http.ResponseWriter, r *http.Request, req Request)

	mu       sync.Mutex
	requests []Request
}

// New starts a server, closed when the test ends.
func New(t testing.TB, reply func(int, http.ResponseWriter, *http.Request, Request)) *Server {
	s := &Server{Reply: reply}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	s.URL = srv.URL + "/v1"
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/v1/chat/completions" || r.Method != http.MethodPost {
		http.NotFound(w, r)
		return
	}
	var req Request
	body, _ := io.ReadAll(r.Body)
	json.Unmarshal(body, &req)
	s.mu.Lock()
	s.requests = append(s.requests, req)
	call := len(s.requests)
	reply := s.Reply
	s.mu.Unlock()
	reply(call, w, r, req)
}

// Calls returns how many requests arrived.
func (s *Server) Calls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

// Requests returns the requests so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Completion writes a chat completion whose message is content, using 460
// tokens.
func Completion(w http.ResponseWriter, content string) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "test-model",
		"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
			"message": map[string]any{"role": "assistant", "content": content}}},
		"usage": map[string]any{"prompt_tokens": 400, "completion_tokens": 60, "total_tokens": 460},
	})
}

// Says replies content to every call.
func Says(content string) func(int, http.ResponseWriter, *http.Request, Request) {
	return func(_ int, w http.ResponseWriter, _ *http.Request, _ Request) { Completion(w, content) }
}

// Status replies with a status code and a body of the given type.
func Status(code int, contentType, body string) func(int, http.ResponseWriter, *http.Request, Request) {
	return func(_ int, w http.ResponseWriter, _ *http.Request, _ Request) {
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(code)
		io.WriteString(w, body)
	}
}

// Hangs never replies: it waits until the client gives up.
func Hangs(_ int, _ http.ResponseWriter, r *http.Request, _ Request) { <-r.Context().Done() }
