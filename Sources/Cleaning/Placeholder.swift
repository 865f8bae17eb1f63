// The Cleaning stage is being written.
