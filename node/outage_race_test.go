//go:build race

package node_test

// outageBatches is how many writes of outageBatch parties each node takes in TestClusterOutage: under
// -race, 2 × 20 × 100 parties of two events each and 4 × 100 more written by both, 8,800 events in
// all, so that the test stays within a few minutes on two cores.
const outageBatches = 20
