// Command genlemmas writes summarize/text/lemmas.go: the inflected forms that
// Porter stemming does not join to their base, from WordNet 3.0 (Debian's
// wordnet-base, /usr/share/wordnet): its exception lists of irregular forms
// (verb.exc, noun.exc, adj.exc: "came come", "children child", "worse bad")
// and, for the verbs of its index that end in -e, -eed, -o or a doubled
// consonant, the regular forms that stemming parts from the base ("died" →
// "di" but "die" → "die"; "sued", "suing"; "lying", "tying"; "succeeded" →
// "succeed" but "succeed" → "succe"; "added" → "ad" but "add" → "add"; "goes"
// → "goe" but "go" → "go"). Only forms whose
// stem differs from their base's are kept; a form two bases could make
// ("dying": die, dye) goes to the one the exception list names, else it is
// left out, and a noun's or adjective's irregular form that is also a regular
// verb form ("leaves") is left to the verb. Words Stem leaves whole or cuts
// short (three letters ending in -y, -us/-is/-as) get their regular forms too
// (shortForms).
//
// Run from the repository: go generate ./summarize/text
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"newsbot/summarize/text"
)

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "WordNet's dict directory")
	out := flag.String("o", "lemmas.go", "output file")
	flag.Parse()

	made := map[string][]string{} // regular form → the -e verbs that make it
	verbs := map[string]bool{}
	err := eachLine(filepath.Join(*dir, "index.verb"), func(f []string) {
		base := f[0]
		if !plain(base) {
			return
		}
		verbs[base] = true
		for _, form := range shortForms(base, true) {
			made[form] = append(made[form], base)
		}
		if n := len(base); n >= 3 && base[n-1] == base[n-2] && !strings.ContainsRune("aeiouylsz", rune(base[n-1])) {
			// Porter undoubles the consonant its -ed and -ing leave
			// ("added" → "ad") but not the base's own ("add").
			made[base+"ed"] = append(made[base+"ed"], base)
			made[base+"ing"] = append(made[base+"ing"], base)
			return
		}
		if strings.HasSuffix(base, "o") && !strings.HasSuffix(base, "oo") { // not "boo", "woo": "boos", "woos"
			// Porter cuts only the s of -oes, and so parts "goes" ("goe")
			// from "go" (the longer "echoes" and "vetoes" it joins to their base).
			made[base+"es"] = append(made[base+"es"], base)
		}
		if strings.HasSuffix(base, "eed") {
			// Porter's -eed rule parts "succeed" ("succe") from "succeeded"
			// and "succeeding" ("succeed"), which lose their ending first.
			// (The -feed and -breed verbs make "fed" and "bred".)
			if !strings.HasSuffix(base, "feed") && !strings.HasSuffix(base, "breed") {
				made[base+"ed"] = append(made[base+"ed"], base)
			}
			made[base+"ing"] = append(made[base+"ing"], base)
			return
		}
		if !strings.HasSuffix(base, "e") || len(base) < 3 {
			return
		}
		ing := base[:len(base)-1] + "ing"
		if strings.HasSuffix(base, "ie") {
			ing = base[:len(base)-2] + "ying"
		}
		for _, form := range []string{base + "d", base + "s", ing} {
			made[form] = append(made[form], base)
		}
	})
	if err != nil {
		log.Fatal(err)
	}
	forms := map[string]string{} // form → base
	for _, pos := range []string{"verb", "noun", "adj"} {
		err := eachLine(filepath.Join(*dir, pos+".exc"), func(f []string) {
			form, base := f[0], f[1]
			if !plain(form) || !plain(base) {
				return // multi-word entries ("bit_by" …)
			}
			if pos != "verb" && regularVerbForm(form, verbs) {
				return // "leaves" is more often leave's than leaf's
			}
			if _, seen := forms[form]; !seen {
				forms[form] = base
			}
		})
		if err != nil {
			log.Fatal(err)
		}
	}
	// Morphy's noun rule -men → -man ("women", "chairmen"), which the
	// exception list leaves to the rule.
	err = eachLine(filepath.Join(*dir, "index.noun"), func(f []string) {
		base := f[0]
		if !plain(base) {
			return
		}
		if strings.HasSuffix(base, "man") {
			made[strings.TrimSuffix(base, "man")+"men"] = append(made[strings.TrimSuffix(base, "man")+"men"], base)
		}
		if !verbs[base] && tagged(f) && !strings.HasSuffix(base, "is") && !strings.HasSuffix(base, "as") {
			// A noun's plural, of nouns the tagged texts use (not the
			// genera: "acanthuses"); "-is" and "-as" nouns make theirs
			// otherwise ("crises", "atlases" is rare) — a verb's forms
			// are made above.
			for _, form := range shortForms(base, false) {
				made[form] = append(made[form], base)
			}
		}
	})
	if err != nil {
		log.Fatal(err)
	}
	for form, bases := range made {
		if _, listed := forms[form]; listed || len(bases) > 1 || verbs[form] {
			continue // irregular already, ambiguous, or a verb of its own
		}
		if stem, ok := strings.CutSuffix(form, "ed"); ok && verbs[stem] && stem != bases[0] {
			continue // "skied" is ski's, not sky's
		}
		forms[form] = bases[0]
	}

	var lines []string
	for form, base := range forms {
		if text.Stem(form) != text.Stem(base) && !text.IsStopword(form) && !text.IsStopword(base) {
			lines = append(lines, form+" "+base)
		}
	}
	slices.Sort(lines)
	var b strings.Builder
	b.WriteString(`// Code generated by genlemmas from WordNet 3.0; DO NOT EDIT.
//
// WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
// THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY
// MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF
// EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS
// OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR
// THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
// INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
// The name of Princeton University or Princeton may not be used in
// advertising or publicity pertaining to distribution of the software and/or
// database. Title to copyright in this software, database and any associated
// documentation shall at all times remain with Princeton University and
// LICENSEE agrees to preserve same.

package text

`)
	fmt.Fprintf(&b, "// lemmaForms holds %d lines \"form base\": inflected forms that stemming\n// alone does not join to their base.\nconst lemmaForms = `%s`\n", len(lines), strings.Join(lines, "\n"))
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}

// shortForms returns the regular forms of a word that stemming parts from it
// because Stem leaves words of three letters alone ("pay", but "pays" →
// "pai"; "try", "tried" → "tri"; "day", "days") or takes the s of -us, -is,
// -as ("focus" → "focu", but "focused" → "focus"): a noun's plural, and a
// verb's -s, -ed and -ing forms.
func shortForms(base string, verb bool) []string {
	n := len(base)
	switch {
	case n == 3 && base[2] == 'y' && strings.ContainsRune("aeiou", rune(base[1])):
		if verb {
			return []string{base + "s", base + "ed", base + "ing"}
		}
		return []string{base + "s"}
	case n == 3 && base[2] == 'y':
		if verb {
			return []string{base[:2] + "ies", base[:2] + "ied", base + "ing"}
		}
		return []string{base[:2] + "ies"}
	case n >= 4 && (strings.HasSuffix(base, "us") || strings.HasSuffix(base, "is") || strings.HasSuffix(base, "as")):
		if verb {
			return []string{base + "es", base + "ed", base + "ing"}
		}
		return []string{base + "es"}
	}
	return nil
}

// tagged reports whether a line of WordNet's index gives a lemma that its
// semantically tagged texts use (tagsense_cnt, the field after sense_cnt).
func tagged(f []string) bool {
	if len(f) < 4 {
		return false
	}
	p, err := strconv.Atoi(f[3]) // how many pointer symbols follow
	if err != nil || len(f) <= 5+p {
		return false
	}
	n, err := strconv.Atoi(f[5+p])
	return err == nil && n > 0
}

// regularVerbForm reports whether w is a regular inflection of a verb.
func regularVerbForm(w string, verbs map[string]bool) bool {
	for _, suffix := range []string{"s", "es", "d", "ed", "ing"} {
		if base, ok := strings.CutSuffix(w, suffix); ok && (verbs[base] || verbs[base+"e"]) {
			return true
		}
	}
	return false
}

// plain reports whether a WordNet lemma is one lower-case word.
func plain(w string) bool {
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return w != ""
}

func eachLine(path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, " ") { // the index's licence header
			continue
		}
		if fields := strings.Fields(line); len(fields) >= 2 {
			fn(fields)
		}
	}
	return sc.Err()
}
