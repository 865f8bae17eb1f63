import Foundation
import Operations
import Testing
import TestSupport

/// `DIR.last-run.json`: written beside the output folder by every run, whatever its exit code,
/// with the reason, the counts and each stage's times.
@Suite(.serialized) struct RunReportTests {
    let register = PackagePaths.path("sample-data/register.csv")
    let lookup = PackagePaths.path("sample-data/name-lookup.csv")
    let sample = PackagePaths.path("sample-data/decisions-sample.csv.gz")

    func arguments(out: String, input: String, _ extra: [String] = []) -> [String] {
        ["run", "--register", register, "--lookup", lookup, "--max-reject-rate", "5%", "--out", out] + extra + [input]
    }

    func report(beside out: String) throws -> LastRunReport {
        let path = out + ".last-run.json"
        let bytes = try #require(FileManager.default.contents(atPath: path), "no \(path)")
        return try LastRunReport.decode(bytes)
    }

    @Test(arguments: [
        // One parse worker: five stages; several: the workers parse, clean and classify.
        ("1", ["decompression", "parsing", "cleaning", "classification", "aggregation"]),
        ("2", ["decompression", "parsing", "aggregation"]),
    ] as [(String, Set<String>)])
    func successRecordsCountsRejectsAndEveryStage(workers: String, stages: Set<String>) throws {
        let out = try TemporaryFolder("report").path + "/out"
        let result = try ProcessRunner.run(PackagePaths.executable,
                                           arguments(out: out, input: sample) + ["--parse-workers", workers])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try report(beside: out)
        #expect(report.exitCode == 0)
        #expect(report.exitReason == "success")
        let counts = try #require(report.counts)
        #expect(counts.rowsRead == 3000)
        #expect(counts.rowsAccepted + counts.rowsRejected == counts.rowsRead)
        #expect(counts.rowsRejected == 54)
        #expect(report.rejectedByReason.values.reduce(0, +) == 54)
        #expect(Set(report.stages.keys) == stages)
        #expect(report.stages.values.allSatisfy { $0.busySeconds >= 0 && $0.waitingSeconds >= 0 })
        #expect(report.durationSeconds > 0)
        // The same run_id as the log lines and the manifest.
        let logged = try #require(result.stderr.split(separator: "\n").first)
        #expect(logged.contains("\"run_id\":\"\(report.runID)\""))
        let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"run_id\" : \"\(report.runID)\""), "\(manifest.prefix(400))")
        // Never inside the publication, and no temporary file left beside it.
        #expect(!FileManager.default.fileExists(atPath: out + "/last-run.json"))
        let parent = (out as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test func rejectLimitFailureRecords65WithItsCounts() throws {
        let out = try TemporaryFolder("report").path + "/out"
        let result = try ProcessRunner.run(PackagePaths.executable,
                                           arguments(out: out, input: sample, ["--max-reject-rate", "0.1%"]))
        #expect(result.status == 65)
        let report = try report(beside: out)
        #expect(report.exitCode == 65)
        #expect(report.exitReason.contains("rejected 54 of 3000 rows"), "\(report.exitReason)")
        #expect(report.counts?.rowsRejected == 54)
        #expect(report.rejectedByReason.values.reduce(0, +) == 54)
        #expect(Set(report.stages.keys).isSuperset(of: ["decompression", "parsing", "aggregation"]), "\(report.stages.keys)")
    }

    @Test func aLockedOutputRecords75() throws {
        let out = try TemporaryFolder("report").path + "/out"
        let first = try SlowRun.start(arguments: arguments(out: out, input: "-"))
        defer { first.signal(SIGKILL); _ = first.wait(timeout: 30) }
        Thread.sleep(forTimeInterval: 1.5)
        let second = try ProcessRunner.run(PackagePaths.executable, arguments(out: out, input: sample))
        #expect(second.status == 75)
        let report = try report(beside: out)
        #expect(report.exitCode == 75)
        #expect(report.exitReason.contains("pid \(first.pid)"), "\(report.exitReason)")
        #expect(report.counts == nil, "a run that never read has no counts")
        #expect(report.stages.isEmpty)
    }

    @Test func anInterruptedRunRecords75() throws {
        let out = try TemporaryFolder("report").path + "/out"
        let run = try SlowRun.start(arguments: arguments(out: out, input: "-"))
        Thread.sleep(forTimeInterval: 1.5)
        run.signal(SIGTERM)
        #expect(run.wait(timeout: 30).status == 75)
        let report = try report(beside: out)
        #expect(report.exitCode == 75)
        #expect(report.exitReason.contains("SIGTERM"), "\(report.exitReason)")
        #expect(report.counts == nil, "stopped mid-run: its rows were never all counted")
    }

    @Test func aRunEndedAfterTheGracePeriodRecords75() throws {
        let out = try TemporaryFolder("report").path + "/out"
        // The reader blocks in read(2), which cancellation cannot reach: the grace period ends it.
        let run = try SlowRun.start(arguments: arguments(out: out, input: "-"), stallAfterHeader: true)
        Thread.sleep(forTimeInterval: 1)
        run.signal(SIGTERM)
        #expect(run.wait(timeout: 30).status == 75)
        let report = try report(beside: out)
        #expect(report.exitCode == 75)
        #expect(report.exitReason.contains("did not stop"), "\(report.exitReason)")
    }

    @Test(.enabled(if: TmpfsMount.isPossible, "needs root and mount(8) to make a small file system"))
    func aFullFileSystemRecords74() throws {
        let mount = try TmpfsMount(kilobytes: 16_000)
        defer { mount.unmount() }
        let out = mount.path + "/out"
        let good = try ProcessRunner.run(PackagePaths.executable, arguments(out: out, input: sample))
        try #require(good.status == 0, "\(good.stderr)")
        let before = try report(beside: out)
        try mount.fill()

        let result = try ProcessRunner.run(PackagePaths.executable, arguments(out: out, input: sample))
        // 74 when a staged file cannot be written; 73 when the staging folder itself cannot be made.
        try #require(result.status == 74 || result.status == 73, "exit \(result.status): \(result.stderr)")
        let report = try report(beside: out)
        #expect(report.exitCode == result.status)
        #expect(report.exitReason.contains(mount.path), "\(report.exitReason)")
        #expect(report.runID != before.runID)
    }

    @Test func aDryRunLeavesTheLastRealRunsReport() throws {
        let out = try TemporaryFolder("report").path + "/out"
        #expect(try ProcessRunner.run(PackagePaths.executable, arguments(out: out, input: sample)).status == 0)
        let before = try report(beside: out)
        #expect(try ProcessRunner.run(PackagePaths.executable, arguments(out: out, input: sample, ["--dry-run"])).status == 0)
        #expect(try report(beside: out) == before)
    }
}
