import Foundation
import Output
import Glibc
import Testing
import TestSupport

/// A run whose sources (exports byte for byte, configuration files, settings, program) are those
/// of the current publication, and whose files are as its manifest lists them, finds it up to
/// date: it computes nothing and builds no folder, and the publication, manifest included, stays
/// as it is; any change of source, a file that differs, `--recompute` or `--quality-report`
/// computes. Through the real executable on the sample data.
@Suite struct RepublicationTests {
    let sample = PackagePaths.path("pipelines/sample.yaml")
    let export = PackagePaths.path("sample-data/decisions-sample.csv.gz")

    func run(_ arguments: [String], input: ProcessRunner.Input = .empty) throws -> ProcessResult {
        try ProcessRunner.run(PackagePaths.executable, arguments, currentDirectory: PackagePaths.root.path, input: input)
    }

    /// Runs the sample pipeline into `out` with `extra` options and expects success.
    @discardableResult
    func publish(_ out: String, _ extra: [String] = [], input: ProcessRunner.Input = .empty) throws -> ProcessResult {
        let result = try run(["run", sample, "--out", out] + extra, input: input)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    static func manifest(_ out: String) throws -> [String: Any] {
        try ReprocessingTests.manifest(out)
    }

    /// The manifest's fields that describe what was read and written, as JSON text to compare.
    static func sources(_ manifest: [String: Any]) throws -> [String: String] {
        var fields: [String: String] = [:]
        for key in ["inputs", "counts", "configuration", "outputs", "source_fingerprint"] {
            let value = try #require(manifest[key], "\(key) missing")
            fields[key] = String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys,
                                                                                                  .fragmentsAllowed]),
                                 as: UTF8.self)
        }
        return fields
    }

    @Test func anUnchangedRerunFindsThePublicationUpToDateAndBuildsNothing() throws {
        let folder = try TemporaryFolder("republish").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        try publish(out)
        let computed = try Self.manifest(out)
        let before = try Snapshot.digests(of: out), inodesBefore = try ReprocessingTests.inodes(of: out)
        // A second apart, so that each run's start time tells which run is meant.
        Thread.sleep(forTimeInterval: 1.1)

        let second = try publish(out, ["--log-format", "json"])
        let since = try #require(computed["started"] as? String)
        #expect(second.stdout.contains("up to date since \(since)"), "\(second.stdout)")
        #expect(second.stdout.contains("3000 rows read, 2890 cases, 54 rejected"), "counts from the manifest: \(second.stdout)")
        #expect(second.stderr.contains("up to date since \(since)"), "the log says so: \(second.stderr)")
        // The run is recorded beside the folder, under its own run id.
        let lastRun = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: out + ".last-run.json"))) as? [String: Any])
        #expect(lastRun["exit_code"] as? Int == 0)
        #expect(lastRun["run_id"] as? String != computed["run_id"] as? String)

        // Nothing was built: every file, the manifest included, is the same file, and no
        // staging folder was made.
        let after = try Snapshot.digests(of: out), inodesAfter = try ReprocessingTests.inodes(of: out)
        #expect(Set(after.keys) == Set(before.keys))
        for path in before.keys {
            #expect(after[path] == before[path], "\(path) changed")
            #expect(inodesAfter[path] == inodesBefore[path], "\(path) was written again")
        }
        #expect(try Self.manifest(out)["started"] as? String == since)
        #expect(try Snapshot.stagingFolders(beside: out).isEmpty)

        // Once more: still up to date since the run that computed the files.
        #expect(try publish(out).stdout.contains("up to date since \(since)"))
    }

    /// A run that must compute: the manifest says nothing was reused, and the run says nothing
    /// about publishing again.
    func expectComputed(_ result: ProcessResult, _ out: String, _ why: Comment) throws {
        #expect(!result.stdout.contains("up to date since"), why)
        let manifest = try Self.manifest(out)
        #expect(manifest["sources_unchanged_since"] == nil, why)
        #expect(manifest["source_fingerprint"] is String, why)
    }

    @Test func aChangedSettingOrRecomputeOrAQualityReportComputes() throws {
        let folder = try TemporaryFolder("republish").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        try publish(out)
        try expectComputed(try publish(out, ["--recompute"]), out, "--recompute")
        let report = try publish(out, ["--quality-report"])
        try expectComputed(report, out, "--quality-report")
        #expect(report.stdout.contains("rows read: 3000"), "the quality report needs the rows read: \(report.stdout)")
        try expectComputed(try publish(out, ["--letter-date", "2024-07-22"]), out, "another letter date")
        let pages = (try Self.manifest(out)["partitions"] as? [String: Any])?["pages_rendered"] as? Int ?? 0
        #expect(pages > 0, "every letter carries the new date")
        try expectComputed(try publish(out, ["--letter-date", "2024-07-22", "--parse-workers", "1"]), out,
                           "another setting, even one that changes no figure")
    }

    @Test func aChangedExportOrConfigurationFileComputes() throws {
        let folder = try TemporaryFolder("republish").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        let export = folder + "/decisions.csv.gz", rules = folder + "/decisions.yaml"
        try FileManager.default.copyItem(atPath: self.export, toPath: export)
        try FileManager.default.copyItem(atPath: PackagePaths.path("pipelines/rules/decisions.yaml"), toPath: rules)
        // The templates default to the folder beside the rule tables'.
        let options = ["--decision-rules", rules, "--templates", PackagePaths.path("pipelines/templates"), export]
        try publish(out, options)
        let first = try Self.manifest(out)

        // The same rows re-exported: another time in the gzip header, the same size. The bytes
        // differ, so the run reads them (and finds every year unchanged).
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: export)))
        bytes[4] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: export))
        try expectComputed(try publish(out, options), out, "an export with other bytes")
        let inputs = try #require(try Self.manifest(out)["inputs"] as? [[String: Any]])
        #expect(inputs.first?["sha256"] as? String != (first["inputs"] as? [[String: Any]])?.first?["sha256"] as? String)

        // A rule table with a comment added.
        let text = try String(contentsOfFile: rules, encoding: .utf8) + "# reviewed\n"
        try text.write(toFile: rules, atomically: true, encoding: .utf8)
        try expectComputed(try publish(out, options), out, "a changed rule table")
        // And unchanged again: up to date.
        #expect(try publish(out, options).stdout.contains("up to date since"))
    }

    @Test func aFileMissingFromThePublicationIsMadeAgain() throws {
        let folder = try TemporaryFolder("republish").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        try publish(out)
        let fresh = try Snapshot.digests(of: out)
        for (why, options) in [("computing, the history pages are rendered again", ["--recompute"]),
                               ("sources unchanged, but a file is missing: computed", [])] {
            try FileManager.default.removeItem(atPath: out + "/report/england.html")
            try expectComputed(try publish(out, options), out, Comment(rawValue: why))
            let after = try Snapshot.digests(of: out)
            #expect(Set(after.keys) == Set(fresh.keys), Comment(rawValue: why))
            for (path, bytes) in fresh where path != "manifest.json" {
                #expect(after[path] == bytes, "\(path) differs from a fresh run's: \(why)")
            }
        }
    }

    @Test func aRuleTableEditedDuringTheRunIsRecordedAsTheRunReadIt() throws {
        let folder = try TemporaryFolder("republish").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out", rules = folder + "/decisions.yaml"
        try FileManager.default.copyItem(atPath: PackagePaths.path("pipelines/rules/decisions.yaml"), toPath: rules)
        let read = try RunManifest.FileDigest(contentsOf: rules)
        let options = ["run", sample, "--out", out, "--log-format", "json", "--decision-rules", rules,
                       "--templates", PackagePaths.path("pipelines/templates")]
        // Rendering held up by the test hook: the table is edited after the run read it and
        // before it writes its manifest.
        let run = try ProcessRunner(PackagePaths.executable, options,
                                    environment: ["ANNUAL_REVIEW_TEST_RENDER_PAUSE_MS": "100"],
                                    currentDirectory: PackagePaths.root.path)
        let deadline = Date().addingTimeInterval(60)
        while run.isRunning, Date() < deadline, !run.stderr.contains(#""stage":"aggregation","message":"stage finished""#) {
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(run.isRunning, "the run ended before the table could be edited")
        try (String(contentsOfFile: rules, encoding: .utf8) + "# edited during the run\n")
            .write(toFile: rules, atomically: true, encoding: .utf8)
        #expect(run.wait(timeout: 120).status == 0)
        let configuration = try #require(try Self.manifest(out)["configuration"] as? [String: Any])
        let files = try #require(configuration["files"] as? [[String: Any]])
        let recorded = files.first { $0["path"] as? String == rules }
        #expect(recorded?["sha256"] as? String == read.sha256, "the manifest records the table the run read")
        // The table now differs from what the publication was made from: the next run computes.
        try expectComputed(try publish(out, ["--decision-rules", rules, "--templates", PackagePaths.path("pipelines/templates")]),
                           out, "a rule table edited during the previous run")
    }

    @Test func standardInputIsAlwaysRead() throws {
        let folder = try TemporaryFolder("republish").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: export)))
        try publish(out, ["-"], input: .bytes(bytes))
        #expect(try Self.manifest(out)["source_fingerprint"] == nil, "standard input cannot be read twice to compare")
        let again = try publish(out, ["-"], input: .bytes(bytes))
        #expect(!again.stdout.contains("up to date since"))
        #expect(try Self.manifest(out)["sources_unchanged_since"] == nil)
    }
}
