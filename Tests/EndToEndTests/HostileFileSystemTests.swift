import Foundation
import Glibc
import Testing
import TestSupport

/// An operator's slip or a local attacker's plant in the file system around a run (issue 16,
/// classes 1, 2 and 7): the run never replaces or removes a folder that is not one of ours, and never
/// follows a link planted where it writes. Each test asserts the documented exit code (under 128)
/// and that what must survive survives byte for byte.
@Suite(.serialized) struct HostileFileSystemTests {
    let register = PackagePaths.path("sample-data/register.csv")
    let lookup = PackagePaths.path("sample-data/name-lookup.csv")
    let sample = PackagePaths.path("sample-data/decisions-sample.csv.gz")

    func run(register: String? = nil, out: String, _ inputs: [String], extra: [String] = []) throws -> ProcessResult {
        try ProcessRunner.run(PackagePaths.executable, ["run", "--register", register ?? self.register, "--lookup", lookup,
                                                         "--max-reject-rate", "5%", "--out", out] + extra + inputs)
    }

    /// Every file under `folder`, links included (as their target path), by relative path.
    func snapshot(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for relative in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            let path = folder + "/" + relative
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFREG: result[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
            case S_IFLNK: result[relative] = Data(("-> " + (try FileManager.default.destinationOfSymbolicLink(atPath: path))).utf8)
            default: break
            }
        }
        return result
    }

    // MARK: - Class 1: destroying what is not ours

    @Test func anOutputFolderHoldingTheInputsIsRefusedAndNothingIsTouched() throws {
        let base = try TemporaryFolder("hostile-fs").path
        let input = base + "/in"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: register, toPath: input + "/reg.csv")
        try FileManager.default.copyItem(atPath: sample, toPath: input + "/decisions.csv.gz")
        try Data("my notes\n".utf8).write(to: URL(fileURLWithPath: input + "/notes.txt"))
        let before = try snapshot(input)

        let result = try run(register: input + "/reg.csv", out: input, [input + "/decisions.csv.gz"])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(try snapshot(input) == before)
    }

    @Test func aFolderThatIsNotAPublicationIsRefusedAndKept() throws {
        let base = try TemporaryFolder("hostile-fs").path
        let out = base + "/documents"
        try FileManager.default.createDirectory(atPath: out + "/drafts", withIntermediateDirectories: true)
        try Data("unrelated\n".utf8).write(to: URL(fileURLWithPath: out + "/notes.txt"))
        try Data("{\"name\": \"a web app\"}\n".utf8).write(to: URL(fileURLWithPath: out + "/manifest.json"))
        let before = try snapshot(out)

        let result = try run(out: out, [sample])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(try snapshot(out) == before)
    }

    @Test func anEmptyFolderAndThenItsPublicationAreReplaced() throws {
        let base = try TemporaryFolder("hostile-fs").path
        let out = base + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let first = try run(out: out, [sample])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try run(out: out, [sample])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/manifest.json"))
    }

    @Test func aFolderNamedLikeAStaleStagingFolderButNotOursIsKept() throws {
        let base = try TemporaryFolder("hostile-fs").path
        let out = base + "/out"
        let lookalike = base + "/.out.staging-12345"
        try FileManager.default.createDirectory(atPath: lookalike, withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: lookalike + "/precious.txt"))
        let victim = base + "/victim"
        try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
        try Data("keep me too\n".utf8).write(to: URL(fileURLWithPath: victim + "/precious.txt"))
        try FileManager.default.createSymbolicLink(atPath: base + "/.out.staging-23456", withDestinationPath: victim)
        let before = try snapshot(base)

        let result = try run(out: out, [sample])
        #expect(result.status == 0, "\(result.stderr)")
        // Besides the publication: its lock, its last-run report and the report's spare.
        let ours: Set<String> = [".out.lock", "out.last-run.json", ".out.last-run.json.spare"]
        #expect(try snapshot(base).filter { !$0.key.hasPrefix("out/") && !ours.contains($0.key) } == before)
    }

    @Test func keptRejectsNeverReplaceAFolderOfThatName() throws {
        let base = try TemporaryFolder("hostile-fs").path
        let out = base + "/out"
        let folder = base + "/out.rejects.csv"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: folder + "/precious.txt"))
        let before = try snapshot(folder)

        // The sample has rejected rows: a limit of 0 fails the run, which keeps its rejects.
        let result = try run(out: out, [sample], extra: ["--max-reject-rate", "0"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(try snapshot(folder) == before)
    }

    // MARK: - Class 2: following planted links

    @Test func aSymbolicLinkPlantedAtTheLockIsNotFollowed() throws {
        let base = try TemporaryFolder("hostile-fs").path
        let victim = base + "/victim.txt"
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: victim))
        try FileManager.default.createSymbolicLink(atPath: base + "/.out.lock", withDestinationPath: victim)

        let result = try run(out: base + "/out", [sample])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: victim)) == Data("precious\n".utf8))
    }

    @Test func aHardLinkPlantedAtTheLockIsNotTruncated() throws {
        let base = try TemporaryFolder("hostile-fs").path
        let victim = base + "/victim.txt"
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: victim))
        #expect(link(victim, base + "/.out.lock") == 0)

        let result = try run(out: base + "/out", [sample])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: victim)) == Data("precious\n".utf8))
    }
    // MARK: - Class 7: a stale staging folder that cannot be removed

    @Test(.enabled(if: UnremovableFile.isPossible, "needs chattr +i (as root) on the temporary folder's file system"))
    func previousOutputsThatCannotBeRemovedNeverFailLaterRuns() throws {
        let base = try TemporaryFolder("hostile-fs").path
        let out = base + "/out"
        let first = try run(out: out, [sample])
        #expect(first.status == 0, "\(first.stderr)")
        // The published file another user owns, or that is immutable: the next publication moves
        // these outputs aside and cannot remove them.
        let letter = try #require(FileManager.default.subpathsOfDirectory(atPath: out).sorted().first { $0.hasSuffix(".md") })
        let blocker = try UnremovableFile(out + "/" + letter)
        let stuck = try Data(contentsOf: URL(fileURLWithPath: blocker.path))
        defer { blocker.release(); try? FileManager.default.removeItem(atPath: base) }

        // Computing: an unchanged rerun would find the publication up to date and replace nothing.
        let second = try run(out: out, [sample], extra: ["--recompute"])
        #expect(second.status == 0, "\(second.stderr)")
        let movedAside = try #require(try Snapshot.stagingFolders(beside: out).first)
        // The immutable file now sits in the outputs moved aside: released there, or it outlives the test.
        let moved = blocker.moved(to: base + "/" + movedAside + "/" + letter)
        defer { moved.release() }
        #expect(second.stderr.contains("cannot remove the previous outputs, moved aside to \(base)/\(movedAside)"), "\(second.stderr)")
        #expect(second.stderr.contains("rm -rf -- '\(base)/\(movedAside)'"), "\(second.stderr)")

        // Every later run succeeds, says again what blocks the folder, and publishes.
        for _ in 0 ..< 2 {
            let before = try snapshot(base + "/" + movedAside)
            let later = try run(out: out, [sample], extra: ["--recompute"])
            #expect(later.status == 0, "\(later.stderr)")
            #expect(later.stderr.contains("cannot remove the stale staging folder \(base)/\(movedAside): "
                                          + "\(base)/\(movedAside)/\(letter)"), "\(later.stderr)")
            #expect(try snapshot(base + "/" + movedAside) == before)
            #expect(try Snapshot.stagingFolders(beside: out) == [movedAside])
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: base + "/" + movedAside + "/" + letter)) == stuck)
        #expect(FileManager.default.fileExists(atPath: base + "/" + movedAside + "/manifest.json"))
        #expect(try String(contentsOfFile: out + "/" + letter, encoding: .utf8) == String(decoding: stuck, as: UTF8.self))
    }
}
