import Foundation
@testable import PipelineRunner
import Testing
import TestSupport

/// The case table's size guessed from the inputs (``Aggregating/expectedCases(in:)``).
@Suite struct ExpectedCasesTests {
    @Test func theLargestInputAsStoredGivesTheEstimate() throws {
        let folder = try TemporaryFolder("expected-cases")
        let (gzip, plain, small) = (folder.path + "/full.csv.gz", folder.path + "/full.csv", folder.path + "/small.csv.gz")
        try Data(count: 100_000).write(to: URL(fileURLWithPath: gzip))
        try Data(count: 400_000).write(to: URL(fileURLWithPath: plain))
        try Data(count: 20_000).write(to: URL(fileURLWithPath: small))
        #expect(Aggregating.expectedCases(in: [gzip]) == 1000)
        #expect(Aggregating.expectedCases(in: [plain]) == 500)
        // Full exports repeat each other's cases: the largest counts, not the sum.
        #expect(Aggregating.expectedCases(in: [small, gzip, plain]) == 1000)
    }

    @Test func withoutASizeToGoByThereIsNoEstimate() throws {
        let folder = try TemporaryFolder("expected-cases")
        #expect(Aggregating.expectedCases(in: []) == 0)
        #expect(Aggregating.expectedCases(in: ["-"]) == 0)
        #expect(Aggregating.expectedCases(in: [folder.path + "/missing.csv.gz"]) == 0)
        #expect(Aggregating.expectedCases(in: [folder.path]) == 0)
    }
}
