package events

import (
	"reflect"
	"strings"
)

// TypeInfo describes one registered event type for people writing facts by hand: its wire name, the
// kind of entity it is about, what it records, its payload's fields and a complete example.
type TypeInfo struct {
	Type    Type        `json:"type"`
	Kind    Kind        `json:"entity_kind,omitempty"` // "" when any kind of entity may be its subject
	Summary string      `json:"summary"`
	Fields  []FieldInfo `json:"fields"`
	Example Fact        `json:"example"`
}

// FieldInfo describes one field of a payload as the wire encoding writes it.
type FieldInfo struct {
	Name string `json:"name"` // the JSON key
	// Type is "string", "integer", "boolean", "entity" (an EntityID), "list of …" or "object {…}".
	Type string `json:"type"`
	// Required says that a fact without it (the field left out, or empty) does not validate.
	Required bool `json:"required"`
}

// Catalogue returns every registered event type, in the order of Types, with its fields and an
// example (Examples). Whether a field is required is found the way a writer would: the example with
// that field left out is validated.
func Catalogue() []TypeInfo {
	var out []TypeInfo
	for _, ex := range Examples() {
		info := TypeInfo{Type: ex.Type, Kind: ex.Type.EntityKind(), Summary: ex.Type.Summary(), Example: ex}
		pv := reflect.ValueOf(ex.Payload)
		for i := range pv.NumField() {
			sf := pv.Type().Field(i)
			name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				// An embedded struct (Office) writes its fields in the payload's object.
				if sf.Anonymous && sf.Type.Kind() == reflect.Struct {
					info.Fields = append(info.Fields, embeddedFields(ex, i)...)
				}
				continue
			}
			info.Fields = append(info.Fields, FieldInfo{Name: name, Type: typeName(sf.Type), Required: requiredField(ex, []int{i})})
		}
		out = append(out, info)
	}
	return out
}

// embeddedFields describes the fields of the embedded struct at index i of the example's payload.
func embeddedFields(ex Fact, i int) []FieldInfo {
	var out []FieldInfo
	t := reflect.TypeOf(ex.Payload).Field(i).Type
	for j := range t.NumField() {
		sf := t.Field(j)
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		out = append(out, FieldInfo{Name: name, Type: typeName(sf.Type), Required: requiredField(ex, []int{i, j})})
	}
	return out
}

// requiredField reports whether the example fails to validate once the field at index path of its
// payload is set to its zero value.
func requiredField(ex Fact, path []int) bool {
	pv := reflect.New(reflect.TypeOf(ex.Payload)).Elem()
	pv.Set(reflect.ValueOf(ex.Payload))
	field := pv.FieldByIndex(path)
	field.Set(reflect.Zero(field.Type()))
	ex.Payload = pv.Interface().(Payload)
	return ex.Validate() != nil
}

// typeName names a field's type as the catalogue shows it.
func typeName(t reflect.Type) string {
	switch {
	case t == entityIDType:
		return "entity"
	case t.Kind() == reflect.String:
		return "string"
	case t.Kind() == reflect.Bool:
		return "boolean"
	case t.Kind() == reflect.Int || t.Kind() == reflect.Int32 || t.Kind() == reflect.Int64:
		return "integer"
	case t.Kind() == reflect.Slice:
		return "list of " + typeName(t.Elem())
	case t.Kind() == reflect.Struct:
		var fields []string
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			fields = append(fields, name+": "+typeName(t.Field(i).Type))
		}
		return "object {" + strings.Join(fields, ", ") + "}"
	}
	return t.Kind().String()
}
