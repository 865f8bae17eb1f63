import Foundation
import CSV
import Ingestion
import PipelineModel
import Testing
import TestSupport

@Suite struct GeneratedExportTests {
    /// Runs make-export into a fresh directory; returns the export's path and the oracle's.
    static func generate(extra: [String]) throws -> (export: String, expect: URL) {
        let dir = try TemporaryFolder("ingestion-tests").url
        let export = dir.appendingPathComponent("ing.csv.gz").path
        let expect = dir.appendingPathComponent("expect")
        let result = try ProcessRunner.run("/usr/bin/env", [
            "python3", SharedFolder.makeExport, "--rows", "2000", "--seed", "3", "--years", "2018-19..2020-21",
            "--messy", "0.02", "--out", export, "--expect", expect.path,
        ] + extra)
        try #require(result.status == 0, "make-export failed: \(result.stderr)")
        return (export, expect)
    }

    @Test(SharedFolder.requires("tools/make-export"), arguments: [[], ["--shuffle-columns"]])
    func parseFaultsMatchTheOracle(extra: [String]) async throws {
        let (export, expect) = try Self.generate(extra: extra)
        let (rows, _, summary) = try await Fixtures.read(export, batchSize: 256)

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: expect.appendingPathComponent("expected.json")))
        let expected = try #require(json as? [String: Any])
        let output = try #require(expected["output"] as? [String: Any])
        #expect(summary.records == expected["rows_written"] as? Int)
        #expect(rows.count == summary.records)
        #expect(summary.sha256 == output["sha256"] as? String)
        #expect(summary.bytes == output["bytes"] as? Int)
        #expect(summary.hadByteOrderMark == (expected["bom"] as? Bool))
        #expect(summary.compressed)
        #expect(summary.unknownColumns == (extra.isEmpty ? [] : ["Case Officer"]))

        let rejects = try CSVTable.read(path: expect.appendingPathComponent("expected_rejects.csv").path)
        let lineAt = try #require(rejects.header.firstIndex(of: "line"))
        let referenceAt = try #require(rejects.header.firstIndex(of: "reference"))
        let reasonAt = try #require(rejects.header.firstIndex(of: "reason"))
        let parseFaults = rejects.rows.filter { ["unterminated_quote", "field_count"].contains($0[reasonAt]) }
        #expect(parseFaults.contains { $0[reasonAt] == "unterminated_quote" })
        #expect(parseFaults.contains { $0[reasonAt] == "field_count" })

        let byLine = Dictionary(rows.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        for fault in parseFaults {
            let line = try #require(Int(fault[lineAt]))
            let row = try #require(byLine[line], "no record starts at line \(line)")
            #expect(row.fault != nil, "line \(line) should be faulty")
            if fault[reasonAt] == "unterminated_quote" {
                #expect(row.fault == .unterminatedQuote)
            } else if case .fieldCount(_, let expected)? = row.fault {
                // The spec's 15 columns, plus `Case Officer` when shuffled.
                #expect(expected == (extra.isEmpty ? 15 : 16))
            } else {
                Issue.record("line \(line): expected a field count fault, got \(String(describing: row.fault))")
            }
            // In the spec's column order the reference comes first, before any shifted field.
            if extra.isEmpty {
                #expect(row[.reference] == fault[referenceAt], "line \(line)")
            }
        }
        // No other record is faulty: the generator writes no other quoting problems.
        let faulty = Set(rows.filter { $0.fault != nil }.map(\.line))
        #expect(faulty == Set(parseFaults.compactMap { Int($0[lineAt]) }))
        // Lines strictly increase: every record starts after the previous one.
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.line < $1.line })
    }
}
