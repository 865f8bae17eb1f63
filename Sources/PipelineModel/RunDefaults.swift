/// The program's version and every default setting of a run, in one table: the command line's
/// help, the pipeline definitions, the stages' parameters and the manifest all read them here.
package enum RunDefaults {
    /// The program's version, recorded in every manifest and printed by `--version`.
    package static let version = "0.1.0"
    /// Records per batch between stages.
    package static let batchSize = 4096
    /// The largest share of rejected rows (0.01 = 1%) a run may have and still publish.
    package static let maxRejectRate = 0.01
    /// The fewest data rows a run must read to publish.
    package static let minRows = 1
    /// How type averages are computed.
    package static let method = AveragingMethod.pooled
    /// The decision rule table, relative to the program's data folder (`pipelines/`).
    package static let decisionRules = "rules/decisions.yaml"
    /// The service-area rule table, relative to the program's data folder.
    package static let serviceAreaRules = "rules/service-areas.yaml"
    /// The remedy rule table, relative to the program's data folder.
    package static let remedyRules = "rules/remedies.yaml"
    /// Bytes read, and inflated, per step of decompression.
    package static let chunkSize = 1 << 20
    /// The most bytes of fields a batch holds before it is handed on, whatever its row count.
    package static let maxBatchBytes = 8 << 20
}
