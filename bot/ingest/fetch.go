package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"
)

// Limits of a fetch.
const (
	MaxPage      = 5 << 20 // bytes of one page or feed
	MaxLink      = 2048    // characters of a link: Discord's limit on an embed's URL
	maxRedirects = 5
	fetchTimeout = 20 * time.Second
	userAgent    = "newsbot/1 (article reader)"
)

// Errors a fetch returns, wrapped with detail.
var (
	// ErrPrivateAddress: the link leads (perhaps after DNS or a redirect) to a
	// loopback, private, link-local or otherwise internal address.
	ErrPrivateAddress = errors.New("link leads to a private address")
	// ErrNotWeb: the link is not http or https.
	ErrNotWeb = errors.New("only http and https links can be read")
	// ErrLinkTooLong: the link, or where it redirects, is over MaxLink
	// characters.
	ErrLinkTooLong = fmt.Errorf("link is longer than %d characters", MaxLink)
	// ErrPageTooLarge: the page is over MaxPage bytes.
	ErrPageTooLarge = fmt.Errorf("page is larger than %d MB", MaxPage>>20)
	// ErrUnreadable: no article could be read at the link (not HTML, a
	// paywall or login page, an empty extraction, an HTTP error).
	ErrUnreadable = errors.New("couldn't read an article at that link")
)

// Fetcher gets pages from the web safely: timeouts, at most five redirects, a
// size cap, http(s) only, and no connection to internal addresses — checked on
// the address actually dialled, after DNS and on every redirect.
type Fetcher struct {
	client *http.Client
}

// NewFetcher returns a Fetcher. With allowPrivate, internal addresses may be
// fetched (for a bot that reads an intranet, or tests).
func NewFetcher(allowPrivate bool) *Fetcher {
	if allowPrivate {
		return newFetcher(nil)
	}
	return newFetcher(internal)
}

// newFetcher returns a Fetcher that refuses to dial the addresses refuse
// reports (none when it is nil).
func newFetcher(refuse func(netip.Addr) bool) *Fetcher {
	dialer := &net.Dialer{Timeout: 10 * time.Second}
	if refuse != nil {
		// The dialer's last word: it sees the resolved IP of every connection,
		// redirects included.
		dialer.Control = func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil || refuse(ap.Addr()) {
				return fmt.Errorf("%w (%s)", ErrPrivateAddress, address)
			}
			return nil
		}
	}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would dial for us and hide the address
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 15 * time.Second,
		MaxIdleConns:          16,
		IdleConnTimeout:       30 * time.Second,
	}
	return &Fetcher{client: &http.Client{
		Transport: transport,
		Timeout:   fetchTimeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("%w: more than %d redirects", ErrUnreadable, maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("%w: redirected to %s", ErrNotWeb, req.URL.Scheme)
			}
			if utf8.RuneCountInString(req.URL.String()) > MaxLink {
				return fmt.Errorf("%w (a redirect)", ErrLinkTooLong)
			}
			return nil
		},
	}}
}

// internal reports whether an address is not on the public internet.
func internal(a netip.Addr) bool {
	a = a.Unmap()
	return a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsUnspecified() || a.IsMulticast() || a.IsInterfaceLocalMulticast() ||
		slices.ContainsFunc(reserved, func(p netip.Prefix) bool { return p.Contains(a) })
}

// reserved are further ranges that are not public: carrier-grade NAT, IPv4
// "this network", benchmarking, documentation, and IPv6 unique-local, and the
// IPv6 forms that carry an IPv4 address inside (IPv4-compatible ::a.b.c.d,
// IPv4-translated, NAT64 well-known and local-use, 6to4, Teredo), which could
// reach an internal IPv4 address through a relay. No web server needs them.
var reserved = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("fc00::/7"),
	netip.MustParsePrefix("::/96"),
	netip.MustParsePrefix("::ffff:0:0:0/96"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
	netip.MustParsePrefix("2002::/16"),
	netip.MustParsePrefix("2001::/32"),
	netip.MustParsePrefix("100::/64"),
}

// Page is a fetched document.
type Page struct {
	// URL is where the document was found, after redirects.
	URL         *url.URL
	ContentType string
	// Charset is the charset parameter of the Content-Type header, if any.
	Charset string
	Body    []byte
	// ETag and LastModified are the validators for a conditional request.
	ETag, LastModified string
	// NotModified is true when a conditional request found nothing new.
	NotModified bool
}

// Get fetches rawURL. The validators, when given, make the request conditional.
// Only 200 (and 304 for conditional requests) count as success.
func (f *Fetcher) Get(ctx context.Context, rawURL, etag, lastModified string) (*Page, error) {
	if utf8.RuneCountInString(rawURL) > MaxLink {
		return nil, ErrLinkTooLong
	}
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("%w: %q is not a link", ErrNotWeb, rawURL)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%w: %s", ErrNotWeb, u.Scheme)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotWeb, err)
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.8,*/*;q=0.5")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		for _, known := range []error{ErrPrivateAddress, ErrNotWeb, ErrUnreadable} {
			if errors.Is(err, known) {
				return nil, err
			}
		}
		return nil, unreachable(err)
	}
	defer resp.Body.Close()
	page := &Page{URL: resp.Request.URL, ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	if resp.StatusCode == http.StatusNotModified && (etag != "" || lastModified != "") {
		page.NotModified = true
		return page, nil
	}
	if resp.StatusCode != http.StatusOK {
		return nil, &reasonError{kind: ErrUnreadable, reason: "the server said " + resp.Status}
	}
	if resp.ContentLength > MaxPage {
		return nil, ErrPageTooLarge
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxPage+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	if len(body) > MaxPage {
		return nil, ErrPageTooLarge
	}
	page.Body = body
	var params map[string]string
	page.ContentType, params, _ = mime.ParseMediaType(resp.Header.Get("Content-Type"))
	page.Charset = params["charset"]
	if page.ContentType == "" {
		page.ContentType = http.DetectContentType(body)
		page.ContentType, _, _ = mime.ParseMediaType(page.ContentType)
	}
	return page, nil
}

// CanonicalURL is the form a link is stored and de-duplicated under: lower-case
// scheme and host, no fragment, no tracking parameters, no default port, and no
// trailing slash on a path.
func CanonicalURL(u *url.URL) string {
	c := *u
	c.Scheme = strings.ToLower(c.Scheme)
	c.Host = strings.ToLower(c.Host)
	if (c.Scheme == "http" && c.Port() == "80") || (c.Scheme == "https" && c.Port() == "443") {
		c.Host = c.Hostname()
	}
	c.Fragment, c.RawFragment = "", ""
	q := c.Query()
	for k := range q {
		l := strings.ToLower(k)
		if strings.HasPrefix(l, "utm_") || l == "fbclid" || l == "gclid" || l == "mc_cid" || l == "mc_eid" || l == "ref" {
			q.Del(k)
		}
	}
	c.RawQuery = q.Encode()
	if len(c.Path) > 1 {
		c.Path = strings.TrimRight(c.Path, "/")
		c.RawPath = ""
	}
	return c.String()
}
