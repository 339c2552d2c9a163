package ingest

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net"
	"syscall"

	"github.com/mmcdole/gofeed"
)

// reasonError is a fetch or feed error with a reason worded for the person who
// gave the link, beside the cause, which goes to the log.
type reasonError struct {
	kind   error // ErrUnreadable, ErrNotFeed
	reason string
	cause  error
}

func (e *reasonError) Error() string {
	if e.cause == nil {
		return e.kind.Error() + ": " + e.reason
	}
	return e.kind.Error() + ": " + e.reason + " (" + e.cause.Error() + ")"
}

func (e *reasonError) Unwrap() []error {
	if e.cause == nil {
		return []error{e.kind}
	}
	return []error{e.kind, e.cause}
}

// Reason returns the reason in err worded for a user ("the site did not answer
// in time", "its XML is broken at line 12"), or "" when err carries none.
func Reason(err error) string {
	if r, ok := errors.AsType[*reasonError](err); ok {
		return r.reason
	}
	return ""
}

// unreachable words a failed request for a user.
func unreachable(err error) error {
	reason := "the site could not be reached"
	var dns *net.DNSError
	var cert *tls.CertificateVerificationError
	switch {
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		reason = fmt.Sprintf("the site did not answer within %d seconds", int(fetchTimeout.Seconds()))
	case errors.As(err, &dns):
		reason = "the site's name (" + dns.Name + ") does not resolve"
	case errors.Is(err, syscall.ECONNREFUSED):
		reason = "the site refused the connection"
	case errors.As(err, &cert):
		reason = "the site's certificate is not valid"
	}
	return &reasonError{kind: ErrUnreadable, reason: reason, cause: err}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// notFeed words a feed parser's failure for a user.
func notFeed(body []byte, err error) error {
	reason := "it is not an RSS, Atom or JSON feed"
	var syntax *xml.SyntaxError
	var jsonSyntax *json.SyntaxError
	var jsonType *json.UnmarshalTypeError
	switch {
	case len(body) == 0:
		reason = "the feed is empty"
	case errors.As(err, &syntax):
		reason = fmt.Sprintf("its XML is broken at line %d", syntax.Line)
	case errors.As(err, &jsonSyntax):
		reason = "its JSON is broken"
	case errors.As(err, &jsonType):
		// A JSON Feed with an author given as a string, not an object.
		reason = "its JSON does not follow the JSON Feed format"
	case errors.Is(err, gofeed.ErrFeedTypeNotDetected):
	}
	return &reasonError{kind: ErrNotFeed, reason: reason, cause: err}
}
