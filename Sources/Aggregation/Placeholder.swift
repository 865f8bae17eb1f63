// The Aggregation stage is being written.
