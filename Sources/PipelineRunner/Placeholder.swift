// The PipelineRunner stage is being written.
