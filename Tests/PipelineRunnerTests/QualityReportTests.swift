import PipelineModel
@testable import PipelineRunner
import Testing

/// The quality report's remedy texts that no rule knows (invented texts: the oracle has none).
@Suite struct QualityReportTests {
    @Test func unknownRemedyTextsAreListedWithTheirCountsMostFrequentFirst() {
        var report = QualityReport()
        report.add(unknownRemedies: ["Free parking": 2, "Compensation": 5])
        report.add(unknownRemedies: ["Free parking": 1])
        #expect(report.unknownRemedies == ["Free parking": 3, "Compensation": 5])
        let text = report.text(counts: RunCounts(), inputs: [])
        #expect(text.contains("remedy texts no rule knows (counted, not rejected; add them to the remedy rule table): "
                              + "8 in 2 distinct texts\n  5 x Compensation\n  3 x Free parking"), "\(text)")
    }

    @Test func withoutUnknownRemediesTheReportSaysNothingOfThem() {
        #expect(!QualityReport().text(counts: RunCounts(), inputs: []).contains("remedy"))
    }

    @Test func distinctTextsAreCappedButAllAreCounted() {
        var report = QualityReport()
        for i in 0 ..< QualityReport.unknownRemediesKept + 50 { report.add(unknownRemedies: ["text \(i)": 1]) }
        report.add(unknownRemedies: ["text 0": 4])
        #expect(report.unknownRemedies.count == QualityReport.unknownRemediesKept)
        #expect(report.unknownRemedies["text 0"] == 5)
        #expect(report.unknownRemedyCount == QualityReport.unknownRemediesKept + 54)
        let text = report.text(counts: RunCounts(), inputs: [])
        #expect(text.contains("in at least \(QualityReport.unknownRemediesKept) distinct texts"))
        #expect(text.contains("  5 x text 0\n"))
        #expect(text.contains("  ... and \(QualityReport.unknownRemediesKept - QualityReport.unknownRemediesListed) more"))
    }
}
