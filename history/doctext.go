package history

import (
	"context"

	"annals/events"
)

// DocumentText returns the text of the document of that file name as the record holds it (KnownAt,
// CuratedOnly): the text of its document.recorded event, the last recorded when there are several. It
// reads only the document's own events (the store's entity events of events.DocumentEntity(name)),
// never the whole record. A document the record does not hold is a *DocumentNotFoundError.
func (h *Historian) DocumentText(ctx context.Context, name string) (string, error) {
	text, err := h.documentText(ctx, name)
	return text, h.done(err)
}

func (h *Historian) documentText(ctx context.Context, name string) (string, error) {
	stored, err := h.store().EntityEvents(ctx, events.DocumentEntity(name))
	if err != nil {
		return "", err
	}
	text, found, last := "", false, uint64(0)
	for _, st := range stored {
		if d, ok := st.Event.Payload.(events.DocumentRecorded); ok && d.Name == name && h.known(st) && (!found || st.Seq > last) {
			text, found, last = d.Text, true, st.Seq
		}
	}
	if !found {
		return "", h.documentNotFound(ctx, name)
	}
	return text, nil
}
