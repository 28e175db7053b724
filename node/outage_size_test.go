//go:build !race

package node_test

// outageBatches is how many writes of outageBatch parties each node takes in TestClusterOutage:
// 2 × 60 × 100 parties of two events each, and 12 × 100 more written by both, 26,400 events in all.
const outageBatches = 60
