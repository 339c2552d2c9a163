// Package seeds holds the articles an empty archive starts with, so that a new
// bot has something to summarize before anyone adds an article. Each file is
// plain text in the format ingest reads: a title line, then the article.
package seeds

import "embed"

// FS holds the seed articles, one .txt file each.
//
//go:embed *.txt
var FS embed.FS
