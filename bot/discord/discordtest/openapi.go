package discordtest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Spec validates request bodies against Discord's OpenAPI description.
type Spec struct {
	compiler *jsonschema.Compiler
	paths    []specPath

	mu      sync.Mutex
	schemas map[string]*jsonschema.Schema
}

type specPath struct {
	template string
	re       *regexp.Regexp
	methods  map[string]bool
}

const specURL = "file:///discord-openapi.json"

var (
	pathParam  = regexp.MustCompile(`\\\{[a-z_]+\\\}`)
	apiVersion = regexp.MustCompile(`^/api/v\d+`)
)

// SpecFile finds ../shared/discord/openapi.json beside the repository, looking
// up from the current directory; it returns "" when there is none.
func SpecFile() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, "..", "shared", "discord", "openapi.json")
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// LoadSpec reads an OpenAPI description.
func LoadSpec(path string) (*Spec, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(specURL, doc); err != nil {
		return nil, err
	}
	s := &Spec{compiler: c, schemas: map[string]*jsonschema.Schema{}}
	paths, _ := doc.(map[string]any)["paths"].(map[string]any)
	for tmpl, item := range paths {
		methods := map[string]bool{}
		for m := range item.(map[string]any) {
			methods[strings.ToUpper(m)] = true
		}
		pattern := pathParam.ReplaceAllString(regexp.QuoteMeta(tmpl), `[^/]+`)
		s.paths = append(s.paths, specPath{template: tmpl, re: regexp.MustCompile("^" + pattern + "$"), methods: methods})
	}
	return s, nil
}

// Validate checks a request body against the request schema of its method and
// path (a path under /api/vN/). It returns an error when the spec has no such
// operation or the body does not match.
func (s *Spec) Validate(method, path string, body []byte) error {
	path = apiVersion.ReplaceAllString(path, "")
	var tmpl string
	for _, p := range s.paths {
		// A literal path (…/@original) beats a template ({message_id}).
		if p.re.MatchString(path) && p.methods[method] && (tmpl == "" || !strings.Contains(p.template, "{message_id}")) {
			tmpl = p.template
		}
	}
	if tmpl == "" {
		return fmt.Errorf("%s %s is not in Discord's API", method, path)
	}
	if len(body) == 0 {
		return nil
	}
	sch, err := s.schema(tmpl, method)
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(string(body)))
	if err != nil {
		return fmt.Errorf("%s %s: body is not JSON: %w", method, path, err)
	}
	numberStrings(inst, "default_member_permissions")
	if err := sch.Validate(inst); err != nil {
		return fmt.Errorf("%s %s (%s): %w", method, path, tmpl, err)
	}
	return nil
}

func (s *Spec) schema(tmpl, method string) (*jsonschema.Schema, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := method + " " + tmpl
	if sch, ok := s.schemas[key]; ok {
		return sch, nil
	}
	ptr := "/paths/" + escape(tmpl) + "/" + strings.ToLower(method) + "/requestBody/content/application~1json/schema"
	sch, err := s.compiler.Compile(specURL + "#" + ptr)
	if err != nil {
		return nil, fmt.Errorf("compile schema for %s: %w", key, err)
	}
	s.schemas[key] = sch
	return sch, nil
}

// escape makes a JSON pointer token of an OpenAPI path, URL-encoding braces.
func escape(tmpl string) string {
	t := strings.ReplaceAll(tmpl, "~", "~0")
	t = strings.ReplaceAll(t, "/", "~1")
	t = strings.ReplaceAll(t, "{", "%7B")
	return strings.ReplaceAll(t, "}", "%7D")
}

// numberStrings turns string values of the named key into numbers, anywhere in
// v: Discord documents default_member_permissions as a string of digits (and
// discordgo sends one) while the spec types it as an integer.
func numberStrings(v any, key string) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if str, ok := val.(string); ok && k == key {
				x[k] = json.Number(str)
				continue
			}
			numberStrings(val, key)
		}
	case []any:
		for _, e := range x {
			numberStrings(e, key)
		}
	}
}
