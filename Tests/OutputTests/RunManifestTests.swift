import Foundation
import Output
import PipelineModel
import Testing
import TestSupport

@Suite struct RunManifestTests {
    static func sample() -> RunManifest {
        var counts = RunCounts()
        counts.rowsRead = 1000
        counts.rowsAccepted = 990
        counts.rejectedByReason = [.badDate: 7, .unknownAuthority: 3]
        counts.duplicatesSuperseded = 12
        counts.rowsReencoded = 4
        let input = InputFileSummary(path: "exports/cases.csv.gz", bytes: 4096, sha256: String(repeating: "ab", count: 32),
                                     compressed: true, unknownColumns: ["notes"], hadByteOrderMark: false, records: 1000)
        return RunManifest(
            version: "1.2.0",
            started: Date(timeIntervalSince1970: 1_714_528_984),
            ended: Date(timeIntervalSince1970: 1_714_529_100),
            inputs: [input],
            counts: RunManifest.Counts(counts),
            configuration: RunManifest.Configuration(
                register: RunManifest.FileDigest(path: "config/register.csv", bytes: 100, sha256: String(repeating: "0", count: 64)),
                method: .pooled, years: "2019-20..2023-24",
                files: [RunManifest.FileDigest(path: "pipelines/outcomes.yaml", bytes: 10, sha256: String(repeating: "1", count: 64))],
                settings: ["max-reject-rate": "0.05"]),
            outputs: [
                RunManifest.FileDigest(path: "type_year.csv", bytes: 5, sha256: String(repeating: "2", count: 64)),
                RunManifest.FileDigest(path: "authority_year.csv", bytes: 6, sha256: String(repeating: "3", count: 64)),
            ])
    }

    @Test func roundTripsThroughJSON() throws {
        let manifest = Self.sample()
        let bytes = try manifest.jsonBytes()
        #expect(try RunManifest.decode(bytes) == manifest)
        #expect(try manifest.jsonBytes() == bytes)
        #expect(bytes.last == 0x0A)
    }

    @Test func listsEveryReasonCodeAndTheDerivedCounts() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(Self.sample().jsonBytes())) as? [String: Any])
        let counts = try #require(json["counts"] as? [String: Any])
        let byReason = try #require(counts["rejected_by_reason"] as? [String: Int])
        #expect(Set(byReason.keys) == Set(RejectReason.allCases.map(\.rawValue)))
        #expect(byReason["bad_date"] == 7)
        #expect(byReason["bad_reference"] == 0)
        #expect(counts["rows_rejected"] as? Int == 10)
        #expect(counts["cases"] as? Int == 978)
        #expect(counts["rows_reencoded"] as? Int == 4)
        #expect(json["started"] as? String == "2024-05-01T02:03:04Z")
        let outputs = try #require(json["outputs"] as? [[String: Any]])
        #expect(outputs.map { $0["path"] as? String } == ["authority_year.csv", "type_year.csv"])
        let inputs = try #require(json["inputs"] as? [[String: Any]])
        #expect(inputs.first?["path"] as? String == "exports/cases.csv.gz")
    }

    @Test func isPrettyWithSortedKeys() throws {
        let text = String(decoding: try Self.sample().jsonBytes(), as: UTF8.self)
        let topKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topKeys == ["configuration", "counts", "ended", "inputs", "outputs", "program", "started", "version"])
        #expect(text.contains("\"path\" : \"config/register.csv\""))
    }

    /// The outputs written by hand (``RunManifest/jsonBytes()``) come out as the encoder writes
    /// them, whatever the paths hold; invented paths.
    @Test(arguments: [
        [] as [String],
        ["authority_year.csv"],
        ["a\"quote", "back\\slash", "tab\tnew\nline\rreturn\u{8}\u{C}", "\u{0}\u{1}\u{1F}\u{7F}", "caf\u{E9}/\u{1F600}",
         "slash/and/more", "", "\\u0000outputs", "\u{0}outputs", "{braces}[brackets]", "</script>"],
    ])
    func handWrittenOutputsAreTheEncodersBytes(paths: [String]) throws {
        var manifest = Self.sample()
        manifest.outputs = paths.enumerated().map { index, path in
            RunManifest.FileDigest(path: path, bytes: index * 1_000_003, sha256: lowercaseHex([UInt8(index), 0xFF]))
        }
        manifest.sourceFingerprint = "\u{0}outputs"
        let encoded = try PrettyJSON.bytes(manifest, dates: .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RunManifest.iso8601(date))
        })
        let written = try manifest.jsonBytes()
        #expect(written == encoded, "\(String(decoding: written, as: UTF8.self))")
        #expect(try RunManifest.decode(written) == manifest)
    }

    @Test func digestsAFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data("abc".utf8).write(to: URL(fileURLWithPath: folder.file("abc.txt")))
        let digest = try RunManifest.FileDigest(contentsOf: folder.file("abc.txt"), recordedAs: "abc.txt")
        #expect(digest == RunManifest.FileDigest(
            path: "abc.txt", bytes: 3, sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        #expect(throws: OutputError.self) { try RunManifest.FileDigest(contentsOf: folder.file("missing")) }
    }
}
