// The Ingestion stage is being written.
