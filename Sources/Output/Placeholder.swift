// The Output stage is being written.
