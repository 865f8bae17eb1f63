import Aggregation
import Output
import PipelineModel

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
        collector.add(batch.cases, publicReportTexts: batch.publicReportTexts)
        try rejects.write(batch.rejects)
        quality.add(batch.rejects)
        quality.decisionsWithoutKnownArea += batch.decisionsWithoutKnownArea
        counts.rowsRead += batch.rowsRead
        counts.rowsReencoded += batch.rowsReencoded
    }

    /// What leaves the stage: the counts per year and authority, the cases with a public report,
    /// the row counts and the quality report. Only these leave: the case table (the run's largest
    /// allocation) is freed with the stage, before publication needs memory of its own.
    func finish() -> ([YearAuthority: AuthorityYearCounts], [CollectedPublicReport], RunCounts, QualityReport) {
        var counts = counts
        counts.rowsAccepted = collector.accepted
        counts.duplicatesSuperseded = collector.superseded
        return (collector.counts, collector.publicReports, counts, quality)
    }
}
