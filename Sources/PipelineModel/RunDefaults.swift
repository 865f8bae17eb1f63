/// The program's version and the stages' parameters that modules below PipelineConfig need:
/// the run settings' defaults are in their descriptors (PipelineConfig's `RunSettingTable`),
/// except `batchSize`, which the batch-size setting takes from here because Ingestion's readers
/// default to it too.
package enum RunDefaults {
    /// The program's version, recorded in every manifest and printed by `--version`.
    package static let version = "0.1.0"
    /// Records per batch between stages: the batch-size setting's default.
    package static let batchSize = 4096
    /// Bytes read, and inflated, per step of decompression.
    package static let chunkSize = 1 << 20
    /// The most bytes of fields a batch holds before it is handed on, whatever its row count.
    package static let maxBatchBytes = 8 << 20
}
