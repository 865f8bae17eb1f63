import Foundation
import Testing
import TestSupport

/// The frame of the issue 16 tests through the executable: a good publication first, then the
/// hostile run into the same folder, then the checks every case shares.
struct HostileSetting {
    let base: String
    let out: String
    let register = PackagePaths.path("sample-data/register.csv")
    let lookup = PackagePaths.path("sample-data/name-lookup.csv")
    let sample = PackagePaths.path("sample-data/decisions-sample.csv.gz")
    /// The good publication, file by file, to compare with after the hostile run.
    let published: [String: Data]

    /// A folder of its own holding a publication of the sample in `out`.
    init(_ name: String) throws {
        base = try TemporaryFolder(name).path
        out = base + "/out"
        let good = try ProcessRunner.run(PackagePaths.executable, ["run", "--register", register, "--lookup", lookup,
                                                                     "--max-reject-rate", "5%", "--out", out, sample])
        try #require(good.status == 0, "the good run failed: \(good.stderr)")
        published = try Snapshot.digests(of: out)
    }

    /// `run` with the sample's register, lookup and limit unless `arguments` give their own.
    func run(_ arguments: [String], command: String = "run", deadline: Double = 30) throws -> HostileRunResult {
        var full = [command]
        if !arguments.contains("--register"), !arguments.contains(where: { $0.hasSuffix(".yaml") }) {
            full += ["--register", register, "--lookup", lookup]
        }
        if !arguments.contains("--max-reject-rate"), !arguments.contains(where: { $0.hasSuffix(".yaml") }) {
            full += ["--max-reject-rate", "5%"]
        }
        return try HostileProcess.run(full + arguments, deadline: deadline)
    }

    /// A file in the folder, written with `bytes`.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = base + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The checks every case shares: it exited (no signal, no deadline) with `status`, under 128,
    /// within `seconds` and `mebibytes`; the publication is byte-identical unless `published`
    /// is false; no staging folder is left.
    func expectEnded(_ result: HostileRunResult, status: Int32, seconds: Double = 10, mebibytes: Int = 256,
                     keepsPublication: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(!result.signalled && !result.timedOut, "crashed or hung: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.status == status && result.status < 128, "exit \(result.status): \(result.stderr)",
                sourceLocation: sourceLocation)
        #expect(result.seconds < seconds, "took \(result.seconds) s", sourceLocation: sourceLocation)
        #expect(result.peakMiB < mebibytes, "resident memory reached \(result.peakMiB) MiB", sourceLocation: sourceLocation)
        if keepsPublication {
            #expect(try Snapshot.digests(of: out) == published, "the publication changed", sourceLocation: sourceLocation)
        }
        #expect(try Snapshot.stagingFolders(beside: out).isEmpty, sourceLocation: sourceLocation)
    }

    func remove() { try? FileManager.default.removeItem(atPath: base) }
}
