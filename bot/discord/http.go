package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// maxInteractionBody bounds an interaction's JSON; real ones are a few KB.
const maxInteractionBody = 1 << 20

// maxClockSkew is how far an interaction's timestamp may be from now.
const maxClockSkew = 5 * time.Minute

// HTTPHandler serves the interactions endpoint (POST /interactions, verified with
// the application's public key), GET /healthz (503 when health says the archive
// is unreadable; 200 with "ok", or "degraded: …" while the gateway or command
// registration is still being retried) and GET /metrics.
func (a *Adapter) HTTPHandler(publicKey ed25519.PublicKey, health func(context.Context) error) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /interactions", func(w http.ResponseWriter, r *http.Request) {
		a.serveInteraction(w, r, publicKey)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := health(ctx); err != nil {
			a.log.Warn("health check failed", "err", err)
			http.Error(w, "archive unavailable", http.StatusServiceUnavailable)
			return
		}
		// Interactions are answered either way; a degraded bot lacks the
		// gateway (and digests) or its command registration.
		if why := a.Health(); why != "" {
			io.WriteString(w, "degraded: "+why+"\n")
			return
		}
		io.WriteString(w, "ok\n")
	})
	mux.Handle("GET /metrics", a.Metrics.Handler())
	return mux
}

func (a *Adapter) serveInteraction(w http.ResponseWriter, r *http.Request, key ed25519.PublicKey) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxInteractionBody))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "cannot read request body", http.StatusBadRequest)
		return
	}
	if !verify(key, r.Header.Get("X-Signature-Ed25519"), r.Header.Get("X-Signature-Timestamp"), body, time.Now()) {
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	i, err := parseInteraction(body)
	if err != nil {
		http.Error(w, "malformed interaction", http.StatusBadRequest)
		return
	}
	responded := false
	err = a.dispatch(i, func(resp *discordgo.InteractionResponse) error {
		responded = true
		w.Header().Set("Content-Type", "application/json")
		if err := json.NewEncoder(w).Encode(resp); err != nil {
			return err
		}
		// On its way before the command's goroutine can edit it: an edit that
		// overtakes the deferral meets "Unknown Webhook".
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		return nil
	})
	switch {
	case errors.Is(err, errClosing):
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
	case errors.Is(err, errReplay):
		http.Error(w, "interaction already answered", http.StatusConflict)
	case err != nil && !responded:
		a.Metrics.Error("http")
		a.log.Error("answer interaction", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
	}
}

// verify checks Discord's Ed25519 signature over timestamp+body, and that the
// timestamp is within maxClockSkew of now.
func verify(key ed25519.PublicKey, sigHex, timestamp string, body []byte, now time.Time) bool {
	sig, err := hex.DecodeString(sigHex)
	if err != nil || len(sig) != ed25519.SignatureSize || len(key) != ed25519.PublicKeySize {
		return false
	}
	ts, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return false
	}
	if d := now.Sub(time.Unix(ts, 0)); d > maxClockSkew || d < -maxClockSkew {
		return false
	}
	msg := make([]byte, 0, len(timestamp)+len(body))
	msg = append(append(msg, timestamp...), body...)
	return ed25519.Verify(key, msg, sig)
}

// NewHTTPServer returns the server for the interactions endpoint: a request
// must arrive whole within seconds (Discord sends it at once), so connections
// that dribble or idle cannot pile up.
func NewHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       5 * time.Second,
		WriteTimeout:      20 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}
