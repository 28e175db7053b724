package events

import "reflect"

var entityIDType = reflect.TypeFor[EntityID]()

// MapRefs returns p with every entity id it refers to (each one Refs returns) replaced by f(id). p is
// not changed: the result is a copy when an id changes, p itself when none does. f is not called with
// an empty id.
func MapRefs(p Payload, f func(EntityID) EntityID) Payload {
	changed := false
	for _, id := range p.Refs() {
		if f(id) != id {
			changed = true
			break
		}
	}
	if !changed {
		return p
	}
	v := reflect.ValueOf(p)
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	mapValue(c, f)
	return c.Interface().(Payload)
}

// mapValue replaces the entity ids in v, which is settable, with f of them; it copies slices of ids
// rather than write into the arrays the original payload shares.
func mapValue(v reflect.Value, f func(EntityID) EntityID) {
	switch {
	case v.Type() == entityIDType:
		if id := EntityID(v.String()); id != "" {
			v.SetString(string(f(id)))
		}
	case v.Kind() == reflect.Slice && v.Type().Elem() == entityIDType:
		if v.IsNil() {
			return
		}
		s := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(s, v)
		for i := range s.Len() {
			mapValue(s.Index(i), f)
		}
		v.Set(s)
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			mapValue(v.Field(i), f)
		}
	}
}
