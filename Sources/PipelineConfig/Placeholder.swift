// The PipelineConfig stage is being written.
