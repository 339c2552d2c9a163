package digest

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"newsbot/bot/reply"
	"newsbot/store"
)

// A digest is made of stories, not articles: the same news from several feeds
// is one story with the other sources linked. Stories are ranked by how many
// sources carry them, how recent they are and whether the server brought them
// in itself (its feeds and admins) rather than the operator's library.

// Digest size. A server may choose how many stories get a summary; the rest
// are listed by title, and what does not fit in the messages is counted.
const (
	DefaultStories = 10
	MaxStories     = 25
	MaxMessages    = 3
)

// storyPool is how many of the newest articles of a window are grouped and
// ranked; older ones are only counted. A window of thousands (a bulk ingest the
// server asked for) is not read in full for a digest of a few dozen lines.
const storyPool = 300

// Two articles are one story when they share at least sameStory of their
// signature words (Jaccard) and at least sameWords of them: the same wire
// story under two feeds' headlines shares most of its lede, while two short
// notes on different things can share half of very few words.
const (
	sameStory = 0.5
	sameWords = 8
)

// signatureWords is how many words of an article's text, after its title, make
// its signature: the lede, which tells the story.
const signatureWords = 40

// story is one entry of a digest.
type story struct {
	lead   store.Article
	also   []store.Article // the same story from other sources
	joined time.Time
	own    bool
	score  float64
	words  map[string]bool
}

// Window is what a digest covers: its stories, best first, and how many
// articles of the window were not looked at (beyond storyPool).
type Window struct {
	stories []story
	unread  int
	// summarize is how many stories the server wants summarized.
	summarize int
}

// Stories is how many stories the window holds, those not looked at
// included (each counts as one).
func (w Window) Stories() int { return len(w.stories) + w.unread }

// Articles is how many articles the window holds.
func (w Window) Articles() int { return len(w.articleIDs()) + w.unread }

// articleIDs lists every article the window's stories hold.
func (w Window) articleIDs() []uint64 {
	var ids []uint64
	for _, s := range w.stories {
		ids = append(ids, s.lead.ID)
		for _, a := range s.also {
			ids = append(ids, a.ID)
		}
	}
	return ids
}

// collect returns a server's digest window [from, to): what joined the server
// as news, and the library's news when the server asked for it.
func (dg *Digests) collect(ctx context.Context, guildID string, from, to time.Time) (Window, error) {
	settings, err := dg.store.Settings(ctx, guildID)
	if err != nil {
		return Window{}, err
	}
	w := Window{summarize: DefaultStories}
	if settings.DigestStories > 0 {
		w.summarize = min(settings.DigestStories, MaxStories)
	}
	items, err := dg.store.News(ctx, guildID, from, to)
	if err != nil {
		return Window{}, err
	}
	own := make(map[uint64]bool, len(items))
	for _, it := range items {
		own[it.ID] = true
	}
	if settings.DigestLibrary {
		lib, err := dg.store.News(ctx, store.Library, from, to)
		if err != nil {
			return Window{}, err
		}
		for _, it := range lib {
			if !own[it.ID] {
				items = append(items, it)
			}
		}
	}
	// An article joins a scope once, and the library's own are left out above:
	// no ID comes twice.
	slices.SortStableFunc(items, func(x, y store.NewsItem) int {
		return cmp.Or(y.Joined.Compare(x.Joined), cmp.Compare(y.ID, x.ID))
	})
	if len(items) > storyPool {
		w.unread = len(items) - storyPool
		items = items[:storyPool]
	}
	for _, it := range items {
		a, err := dg.store.Article(ctx, it.ID)
		if err != nil {
			dg.log.Warn("digest article missing", "article", it.ID, "err", err)
			continue
		}
		w.stories = join(w.stories, story{lead: a, joined: it.Joined, own: own[it.ID], words: signature(a)})
	}
	rank(w.stories, to)
	return w, nil
}

// signature is the words that tell an article's story: its title's and its
// lede's.
func signature(a store.Article) map[string]bool {
	lede := strings.Fields(a.Text)
	lede = lede[:min(len(lede), signatureWords)]
	words := make(map[string]bool)
	for _, w := range store.TitleWords(a.Title + " " + strings.Join(lede, " ")) {
		words[w] = true
	}
	return words
}

// join adds s to the stories, as another source of the first story it repeats,
// or as a story of its own.
func join(stories []story, s story) []story {
	for i := range stories {
		if shared, j := overlap(stories[i].words, s.words); j >= sameStory && shared >= sameWords {
			stories[i].also = append(stories[i].also, s.lead)
			stories[i].own = stories[i].own || s.own
			return stories
		}
	}
	return append(stories, s)
}

// overlap returns how many words two sets share and their Jaccard similarity.
func overlap(a, b map[string]bool) (shared int, jaccard float64) {
	if len(a) == 0 || len(b) == 0 {
		return 0, 0
	}
	for w := range a {
		if b[w] {
			shared++
		}
	}
	return shared, float64(shared) / float64(len(a)+len(b)-shared)
}

// rank orders stories best first: each further source counts one, recency up
// to one (halving every day), and the server's own articles a half.
func rank(stories []story, end time.Time) {
	for i := range stories {
		s := &stories[i]
		age := max(end.Sub(s.joined).Hours(), 0)
		s.score = float64(len(s.also)) + math.Exp2(-age/24)
		if s.own {
			s.score += 0.5
		}
	}
	slices.SortStableFunc(stories, func(x, y story) int {
		return cmp.Or(cmp.Compare(y.score, x.score), y.joined.Compare(x.joined), cmp.Compare(y.lead.ID, x.lead.ID))
	})
}

// render lays a window out as at most MaxMessages messages: the first
// w.summarize stories as fields (as many as the messages hold), then a list of
// the next stories' titles, then how many more there are.
func (dg *Digests) render(ctx context.Context, guildID string, w Window) []reply.Reply {
	total := w.Stories()
	if total == 0 {
		return nil
	}
	title := fmt.Sprintf("Daily digest: %d new stor%s", total, reply.PluralY(total))
	msgs := []reply.Reply{{Embeds: []reply.Embed{{Title: title}}}}
	size := runeLen(title)
	shown := 0
	for _, s := range w.stories[:min(w.summarize, len(w.stories))] {
		f := reply.Field{
			Name:  reply.Truncate(reply.OneLine(fmt.Sprintf("%s (ID %d)", reply.Escape(s.lead.Title), s.lead.ID)), reply.MaxFieldName),
			Value: reply.Truncate(dg.storyLine(ctx, guildID, s), reply.MaxFieldValue),
		}
		n := runeLen(f.Name) + runeLen(f.Value)
		m := &msgs[len(msgs)-1]
		if size+n > reply.MaxEmbedTotal || len(m.Embeds) == reply.MaxEmbeds && len(m.Embeds[len(m.Embeds)-1].Fields) == reply.MaxFields {
			if len(msgs) == MaxMessages {
				break // the messages are full: the rest are listed
			}
			msgs = append(msgs, reply.Reply{Embeds: []reply.Embed{{}}})
			m, size = &msgs[len(msgs)-1], 0
		} else if len(m.Embeds[len(m.Embeds)-1].Fields) == reply.MaxFields {
			m.Embeds = append(m.Embeds, reply.Embed{})
		}
		e := &m.Embeds[len(m.Embeds)-1]
		e.Fields = append(e.Fields, f)
		size += n
		shown++
	}
	msgs, shown = listStories(msgs, size, w.stories, shown)
	if more := total - shown; more > 0 {
		last := &msgs[len(msgs)-1]
		e := &last.Embeds[len(last.Embeds)-1]
		e.Footer = fmt.Sprintf("…and %d more — /search finds them.", more)
	}
	for i := range msgs {
		msgs[i] = msgs[i].Fit()
	}
	return msgs
}

// listStories adds the titles of stories[shown:] to the messages, one line
// each, in one embed, as far as the limits allow, and returns the messages and
// how many stories they now show.
func listStories(msgs []reply.Reply, size int, stories []story, shown int) ([]reply.Reply, int) {
	if shown == len(stories) {
		return msgs, shown
	}
	const footerRoom = 60 // for "…and N more"
	last := &msgs[len(msgs)-1]
	room := reply.MaxEmbedTotal - size - footerRoom
	if len(last.Embeds) == reply.MaxEmbeds || room < 200 {
		if len(msgs) == MaxMessages {
			return msgs, shown
		}
		msgs = append(msgs, reply.Reply{})
		last = &msgs[len(msgs)-1]
		room = reply.MaxEmbedTotal - footerRoom
	}
	room = min(room, reply.MaxEmbedDescription)
	var list strings.Builder
	for _, s := range stories[shown:] {
		line := reply.Truncate(reply.OneLine(fmt.Sprintf("• %s (ID %d)", reply.Escape(s.lead.Title), s.lead.ID)), 200) + "\n"
		if runeLen(list.String())+runeLen(line) > room {
			break
		}
		list.WriteString(line)
		shown++
	}
	if list.Len() > 0 {
		last.Embeds = append(last.Embeds, reply.Embed{Title: "Also new", Description: strings.TrimSpace(list.String())})
	} else if len(last.Embeds) == 0 {
		msgs = msgs[:len(msgs)-1]
	}
	return msgs, shown
}

// storyLine is a story's entry: a short summary of its lead article, its link
// and the links of the other sources.
func (dg *Digests) storyLine(ctx context.Context, guildID string, s story) string {
	line := dg.line(ctx, guildID, s.lead)
	if len(s.also) == 0 {
		return line
	}
	var links []string
	for _, a := range s.also {
		if a.URL != "" {
			links = append(links, a.URL)
		} else {
			links = append(links, fmt.Sprintf("ID %d", a.ID))
		}
	}
	return line + "\nAlso: " + strings.Join(links, " · ")
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// Next is the digest a server would get now: its window, from where the
// last posted digest ended (24 hours back before the first), and its messages.
func (dg *Digests) Next(ctx context.Context, guildID string, now time.Time) (Window, []reply.Reply, error) {
	var windowEnd time.Time
	if d, err := dg.store.DigestSettings(ctx, guildID); err == nil {
		windowEnd = d.WindowEnd
	}
	w, err := dg.collect(ctx, guildID, windowStart(windowEnd, now), now)
	if err != nil {
		return Window{}, nil, err
	}
	return w, dg.render(ctx, guildID, w), nil
}

// windowStart is where a digest due now starts: where the last posted one
// ended (24 hours back before the first), at most maxWindow back.
func windowStart(lastEnd, now time.Time) time.Time {
	if lastEnd.IsZero() {
		lastEnd = now.Add(-FirstWindow)
	}
	return later(lastEnd, now.Add(-maxWindow))
}
