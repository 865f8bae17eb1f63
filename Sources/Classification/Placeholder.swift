// The Classification stage is being written.
