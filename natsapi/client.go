package natsapi

import (
	"context"

	"annals/nodeapi"

	"github.com/nats-io/nats.go"
)

// The client lives in package nodeapi, which programs that only ask import without the node.
type (
	// Client is nodeapi.Client.
	Client = nodeapi.Client
	// Error is nodeapi.Error.
	Error = nodeapi.Error
)

// DefaultAskTimeout is nodeapi.DefaultAskTimeout.
const DefaultAskTimeout = nodeapi.DefaultAskTimeout

// ErrNoNode is nodeapi.ErrNoNode.
var ErrNoNode = nodeapi.ErrNoNode

// Ask is nodeapi.Ask.
func Ask(ctx context.Context, nc *nats.Conn, endpoint string, request any) (body []byte, appliedSeq uint64, err error) {
	return nodeapi.Ask(ctx, nc, endpoint, request)
}
