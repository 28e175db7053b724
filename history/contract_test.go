package history_test

import (
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"annals/projections"
)

// The JSON objects docs/json.md describes by their keys, `Name`: `{"key", "key": …}`, must have exactly
// the keys the types marshal: a key renamed, added or dropped in code without the page fails here.
func TestJSONContractDocumented(t *testing.T) {
	doc, err := os.ReadFile("../docs/json.md")
	if err != nil {
		t.Fatal(err)
	}
	objects := map[string]any{
		"Claim":       projections.Claim{},
		"Status":      projections.Status{},
		"Leader":      projections.Leader{},
		"Vacancy":     projections.Vacancy{},
		"Ban":         projections.Ban{},
		"Link":        projections.Link{},
		"Value":       projections.Value{},
		"PeriodState": projections.PeriodState{},
	}
	described := map[string][]string{}
	for _, m := range regexp.MustCompile("(?s)`([A-Z][A-Za-z]*)`: `\\{(.*?)\\}`").FindAllSubmatch(doc, -1) {
		for _, k := range regexp.MustCompile(`"([a-z_]+)"`).FindAllSubmatch(m[2], -1) {
			if !isValue(m[2], k[0]) {
				described[string(m[1])] = append(described[string(m[1])], string(k[1]))
			}
		}
	}
	for name, v := range objects {
		keys, ok := described[name]
		if !ok {
			t.Errorf("docs/json.md does not describe %s as `%s`: `{\"key\", …}`", name, name)
			continue
		}
		if want := jsonKeys(reflect.TypeOf(v)); !sameSet(keys, want) {
			t.Errorf("docs/json.md describes %s with keys %q; it marshals %q", name, sorted(keys), sorted(want))
		}
	}
	// The table of PartyState's keys.
	table := regexp.MustCompile("(?s)`PartyState`:\n\n(.*?)\n\n").FindSubmatch(doc)
	if table == nil {
		t.Fatal("docs/json.md has no table of PartyState's keys")
	}
	var keys []string
	for _, line := range strings.Split(string(table[1]), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 3 {
			continue
		}
		for _, k := range regexp.MustCompile("`([a-z_]+)`").FindAllStringSubmatch(cells[1], -1) {
			keys = append(keys, k[1])
		}
	}
	if want := jsonKeys(reflect.TypeOf(projections.PartyState{})); !sameSet(keys, want) {
		t.Errorf("docs/json.md's table of PartyState has keys %q; it marshals %q", sorted(keys), sorted(want))
	}
}

// isValue reports whether a quoted word in a key list is a value (`"method": "drafted"`) rather than
// a key.
func isValue(list, quoted []byte) bool {
	i := strings.Index(string(list), string(quoted))
	before := strings.TrimRight(string(list[:i]), " ")
	return strings.HasSuffix(before, ":")
}

// jsonKeys returns the keys encoding/json gives a struct type's exported fields.
func jsonKeys(t reflect.Type) []string {
	var keys []string
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-":
		case name == "" && f.Anonymous:
			keys = append(keys, jsonKeys(f.Type)...)
		case name == "":
			keys = append(keys, f.Name)
		default:
			keys = append(keys, name)
		}
	}
	return keys
}

func sameSet(a, b []string) bool { return slices.Equal(sorted(a), sorted(b)) }

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}
