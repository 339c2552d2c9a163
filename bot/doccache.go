package bot

import (
	"container/list"
	"sync"

	"newsbot/store"
	"newsbot/summarize"
)

// docCacheSize is how many prepared articles the bot keeps: a few questions
// about the same article, or a digest and the summaries people ask for after it,
// reuse the split and the statistics.
const docCacheSize = 128

// docCache keeps the most recently used prepared articles. A Doc does not
// change once made, so one may serve several requests at once.
type docCache struct {
	prepare func(title, body string) *summarize.Doc
	mu      sync.Mutex
	order   *list.List // front: most recent
	items   map[uint64]*list.Element
}

type cachedDoc struct {
	id   uint64
	hash string
	doc  *summarize.Doc
}

func newDocCache(prepare func(title, body string) *summarize.Doc) *docCache {
	return &docCache{prepare: prepare, order: list.New(), items: make(map[uint64]*list.Element)}
}

// doc returns the prepared article, making it on a miss.
func (c *docCache) doc(a store.Article) *summarize.Doc {
	c.mu.Lock()
	if e, ok := c.items[a.ID]; ok && e.Value.(cachedDoc).hash == a.Hash {
		c.order.MoveToFront(e)
		c.mu.Unlock()
		return e.Value.(cachedDoc).doc
	}
	c.mu.Unlock()

	d := c.prepare(a.Title, a.Text) // outside the lock: the slow part
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[a.ID]; ok {
		c.order.Remove(e)
	}
	c.items[a.ID] = c.order.PushFront(cachedDoc{a.ID, a.Hash, d})
	for c.order.Len() > docCacheSize {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(cachedDoc).id)
	}
	return d
}
