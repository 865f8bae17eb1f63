import Aggregation
import Output
import PipelineModel

/// What the stages leave for publication: the counts per year and authority, the cases with a
/// public report, the row counts, the quality report and the inputs as read.
struct Aggregated {
    /// Counts per reporting year and authority, by the duplicate rule.
    var yearCounts: [YearAuthority: AuthorityYearCounts]
    /// The cases with a public report.
    var publicReports: [CollectedPublicReport]
    /// The cases behind the counts, per year and authority (the per-case tables' rows).
    var cases: [YearAuthority: AuthorityYearCases] = [:]
    /// Rows read, accepted, rejected (by reason), superseded.
    var counts: RunCounts
    /// Rejects by reason with examples, unknown authorities.
    var quality: QualityReport
    /// The finished `rejects.csv`, for the publication to record.
    var rejectsFile: RunManifest.FileDigest
    /// The inputs as read, in order.
    var inputs: [InputFileSummary] = []
}

/// The aggregation stage's work on each classified batch, the same whether the batches come
/// from one parsing pipeline or from several parse workers put back in file order: cases into
/// the collector (the duplicate rule), rejects into `rejects.csv` and the quality report, rows
/// counted.
struct Aggregating {
    private(set) var collector = CaseCollector()
    private(set) var counts = RunCounts()
    private(set) var quality = QualityReport()
    private let rejects: RejectsFileWriter

    init(rejects: RejectsFileWriter) {
        self.rejects = rejects
    }

    /// Takes in one batch, in file order.
    mutating func add(_ batch: CaseBatch) throws {
        collector.add(batch.cases, publicReportTexts: batch.publicReportTexts,
                      serviceImprovementTexts: batch.serviceImprovementTexts)
        try rejects.write(batch.rejects)
        quality.add(batch.rejects)
        quality.decisionsWithoutKnownArea += batch.decisionsWithoutKnownArea
        quality.add(unknownRemedies: batch.unknownRemedies)
        counts.rowsRead += batch.rowsRead
        counts.rowsReencoded += batch.rowsReencoded
    }

    /// What leaves the stage, with `rejects.csv` closed. Only this leaves: the case table (the
    /// run's largest allocation) is freed with the stage, before publication needs memory of
    /// its own.
    /// - Throws: ``OutputError`` when `rejects.csv` cannot be written out.
    func finish() throws -> Aggregated {
        var counts = counts
        counts.rowsAccepted = collector.accepted
        counts.duplicatesSuperseded = collector.superseded
        let file = try rejects.finish()
        counts.rejectedByReason = rejects.countsByReason.filter { $0.value > 0 }
        return Aggregated(yearCounts: collector.counts, publicReports: collector.publicReports, cases: collector.cases,
                          counts: counts, quality: quality, rejectsFile: file)
    }
}
