import Aggregation
import Glibc
import Output
import PipelineConfig
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
    private(set) var collector: CaseCollector
    private(set) var counts = RunCounts()
    private(set) var quality = QualityReport()
    private let rejects: RejectsFileWriter

    /// The stage's state, its case table sized for about `expectedCases` (``expectedCases(in:)``).
    init(rejects: RejectsFileWriter, expectedCases: Int = 0) {
        self.rejects = rejects
        collector = CaseCollector(expectedCases: expectedCases)
    }

    /// About how many cases `inputs` hold, from the size of the largest as stored (0 for
    /// standard input or a file that cannot be looked at): a run's inputs are full exports
    /// that mostly repeat each other's cases, so their sizes are not added up.
    ///
    /// Rows of the case system's exports take about 91 bytes gzipped and 730 as plain CSV (the
    /// 280,000- and 2,000,000-row exports of make-export); the estimate assumes a little more,
    /// so that it errs low, where the table merely grows.
    static func expectedCases(in inputs: [String]) -> Int {
        inputs.map { path in
            var status = stat()
            guard path != "-", stat(path, &status) == 0, status.st_mode & mode_t(S_IFMT) == mode_t(S_IFREG) else { return 0 }
            return Int(status.st_size) / (path.hasSuffix(".gz") ? 100 : 800)
        }.max() ?? 0
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
    func finish() async throws -> Aggregated {
        var counts = counts
        counts.rowsAccepted = collector.accepted
        counts.duplicatesSuperseded = collector.superseded
        let file = try rejects.finish()
        counts.rejectedByReason = rejects.countsByReason.filter { $0.value > 0 }
        return Aggregated(yearCounts: collector.counts, publicReports: collector.publicReports,
                          cases: await collector.cases(inParts: AvailableCores.count),
                          counts: counts, quality: quality, rejectsFile: file)
    }
}
