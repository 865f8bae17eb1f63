import Foundation
import Glibc
import Testing
import TestSupport

/// The executable as cron and systemd run it: interrupted, killed, run twice at once, or
/// writing to a full or read-only file system. In every case the previous outputs stay
/// byte-identical and no staging folder is left for long.
@Suite(.serialized) struct CronSafetyTests {
    let register = PackagePaths.path("sample-data/register.csv")
    let lookup = PackagePaths.path("sample-data/name-lookup.csv")
    let sample = PackagePaths.path("sample-data/decisions-sample.csv.gz")

    func arguments(out: String, input: String) -> [String] {
        ["run", "--register", register, "--lookup", lookup, "--max-reject-rate", "5%", "--out", out, input]
    }

    /// Publishes the sample into `out` and returns the sha256 of every file there.
    func publishGoodRun(into out: String) throws -> [String: Data] {
        let result = try ProcessRunner.run(PackagePaths.executable, arguments(out: out, input: sample))
        try #require(result.status == 0, "the good run failed: \(result.stderr)")
        return try Snapshot.digests(of: out)
    }

    /// Sends SIGTERM to `run` and expects exit 75 within 2 s, with `out` still holding `before`
    /// (sha256 by path) and no staging folder left.
    func expectSigtermStops(_ run: ProcessRunner, leaving out: String, as before: [String: Data]) throws {
        let started = Date()
        run.signal(SIGTERM)
        let status = run.wait(timeout: 30).status
        #expect(status == 75)
        #expect(Date().timeIntervalSince(started) < 2, "took \(Date().timeIntervalSince(started)) s to stop")
        #expect(run.stderr.contains("interrupted by SIGTERM"))
        #expect(try Snapshot.digests(of: out) == before)
        #expect(try Snapshot.stagingFolders(beside: out).isEmpty)
    }

    @Test func sigtermMidRunExits75AndPublishesNothing() throws {
        let out = try TemporaryFolder("cron").path + "/out"
        let before = try publishGoodRun(into: out)
        let run = try SlowRun.start(arguments: arguments(out: out, input: "-"))
        Thread.sleep(forTimeInterval: 1.5)
        #expect(run.isRunning, "the slow run ended early: \(run.stderr)")
        try expectSigtermStops(run, leaving: out, as: before)
    }

    @Test(arguments: ["1", "3"])
    func sigtermStopsEveryParseWorkerWithin2Seconds(workers: String) throws {
        // A file, not a pipe: every stage is busy (nothing waits in read(2)) when the signal comes.
        let folder = try TemporaryFolder("cron").path
        let out = folder + "/out", input = folder + "/big.csv"
        let before = try publishGoodRun(into: out)
        var text = SlowRun.header
        for reference in 0 ..< 400_000 { text += SlowRun.row(reference) }
        try text.write(toFile: input, atomically: true, encoding: .utf8)
        let run = try SlowRun.start(arguments: arguments(out: out, input: input) + ["--parse-workers", workers])
        Thread.sleep(forTimeInterval: 1.5)
        #expect(run.isRunning, "the run ended early: \(run.stderr)")
        try expectSigtermStops(run, leaving: out, as: before)
    }

    @Test func sigtermWhileInputStallsStillExits75() throws {
        let out = try TemporaryFolder("cron").path + "/out"
        let before = try publishGoodRun(into: out)
        let run = try SlowRun.start(arguments: arguments(out: out, input: "-"), stallAfterHeader: true)
        Thread.sleep(forTimeInterval: 1)
        run.signal(SIGTERM)
        // The reader is blocked in read(2), which cancellation cannot reach: the grace period ends it.
        #expect(run.wait(timeout: 30).status == 75)
        #expect(try Snapshot.digests(of: out) == before)
        #expect(try Snapshot.stagingFolders(beside: out).isEmpty)
    }

    @Test func sigtermWhileRenderingExits75Within2Seconds() throws {
        let out = try TemporaryFolder("cron").path + "/out"
        let before = try publishGoodRun(into: out)
        // Every rendering job blocks its thread for 300 ms (a test hook), as a full register's
        // rendering keeps every thread of the pool busy: the signal must still stop the run.
        // The sample again, after a template change so that no year is carried over unrendered.
        let templates = try TemporaryFolder("templates").path
        for name in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.path("pipelines/templates")) {
            try FileManager.default.copyItem(atPath: PackagePaths.path("pipelines/templates/" + name), toPath: templates + "/" + name)
        }
        try ("\n" + String(contentsOfFile: templates + "/letter.md.mustache", encoding: .utf8))
            .write(toFile: templates + "/letter.md.mustache", atomically: true, encoding: .utf8)
        let run = try ProcessRunner(PackagePaths.executable, arguments(out: out, input: sample) + ["--templates", templates],
                                    environment: ["ANNUAL_REVIEW_TEST_RENDER_PAUSE_MS": "300"])
        let deadline = Date().addingTimeInterval(60)
        while run.isRunning, Date() < deadline, !run.stderr.contains(#""stage":"aggregation","message":"stage finished""#) {
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 0.4)
        #expect(run.isRunning, "the run ended before it was stopped: \(run.stderr)")
        let started = Date()
        run.signal(SIGTERM)
        #expect(run.wait(timeout: 30).status == 75)
        #expect(Date().timeIntervalSince(started) < 2, "took \(Date().timeIntervalSince(started)) s to stop")
        #expect(try Snapshot.digests(of: out) == before)
        #expect(try Snapshot.stagingFolders(beside: out).isEmpty)
    }

    @Test func sigkillMidRunThenANormalRunSucceedsAndCleansUp() throws {
        let out = try TemporaryFolder("cron").path + "/out"
        let before = try publishGoodRun(into: out)
        let run = try SlowRun.start(arguments: arguments(out: out, input: "-"))
        Thread.sleep(forTimeInterval: 1.5)
        run.signal(SIGKILL)
        _ = run.wait(timeout: 30)
        #expect(try Snapshot.digests(of: out) == before)
        #expect(try !Snapshot.stagingFolders(beside: out).isEmpty, "a killed run leaves its staging folder")

        let next = try ProcessRunner.run(PackagePaths.executable, arguments(out: out, input: sample))
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try Snapshot.stagingFolders(beside: out).isEmpty)
    }

    @Test func aSecondRunOnTheSameOutputExits75NamingTheHolder() throws {
        let out = try TemporaryFolder("cron").path + "/out"
        let first = try SlowRun.start(arguments: arguments(out: out, input: "-"))
        defer { first.signal(SIGKILL); _ = first.wait(timeout: 30) }
        Thread.sleep(forTimeInterval: 1.5)
        let second = try ProcessRunner.run(PackagePaths.executable, arguments(out: out, input: sample))
        #expect(second.status == 75)
        #expect(second.stderr.contains("pid \(first.pid)"), "\(second.stderr)")
    }

    @Test(.enabled(if: TmpfsMount.isPossible, "needs root and mount(8) to make a small file system"))
    func aFullFileSystemFailsWith74AndKeepsThePreviousOutputs() throws {
        let mount = try TmpfsMount(kilobytes: 16_000)
        defer { mount.unmount() }
        let out = mount.path + "/out"
        let before = try publishGoodRun(into: out)
        // Fill the file system so that the next run's staging files cannot be written.
        try mount.fill()

        let result = try ProcessRunner.run(PackagePaths.executable, arguments(out: out, input: sample))
        #expect(result.status == 74 || result.status == 73, "exit \(result.status): \(result.stderr)")
        #expect(result.stderr.contains(mount.path), "the message names the file: \(result.stderr)")
        #expect(try Snapshot.digests(of: out) == before)
        #expect(try Snapshot.stagingFolders(beside: out).isEmpty)
    }

    @Test(.enabled(if: TmpfsMount.isPossible, "needs root and mount(8) to make a read-only file system"))
    func aReadOnlyFileSystemFailsWith73AndKeepsThePreviousOutputs() throws {
        let mount = try TmpfsMount(kilobytes: 16_000)
        defer { mount.unmount() }
        let out = mount.path + "/out"
        let before = try publishGoodRun(into: out)
        try mount.remountReadOnly()

        let result = try ProcessRunner.run(PackagePaths.executable, arguments(out: out, input: sample))
        #expect(result.status == 73, "exit \(result.status): \(result.stderr)")
        #expect(result.stderr.contains(mount.path))
        #expect(try Snapshot.digests(of: out) == before)
    }
}
