import Foundation
import Glibc
import Output
import Testing
import TestSupport

/// A stale staging folder that cannot be removed (another user's files, an immutable file)
/// never fails every later run (issue 16, class 7): the publisher removes what it can, keeps
/// the folder recognisable, says what blocks it and how to remove it, and carries on.
@Suite(.serialized, .enabled(if: UnremovableFile.isPossible, "needs chattr +i (as root) on the temporary folder's file system"))
struct UnremovableStagingTests {
    /// A stale staging folder of ours at `name` in `folder`: marker, a removable file and, in
    /// `letters/`, a file made unremovable (returned, to release).
    func staleFolder(_ name: String, in folder: TemporaryFolder) throws -> (path: String, blocker: UnremovableFile) {
        let stale = folder.file(name)
        try FileManager.default.createDirectory(atPath: stale + "/letters", withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: stale + "/" + OutputPublisher.stagingMarker))
        try Data("partial\n".utf8).write(to: URL(fileURLWithPath: stale + "/authority_year.csv"))
        try Data("stuck\n".utf8).write(to: URL(fileURLWithPath: stale + "/letters/AAA.md"))
        return (stale, try UnremovableFile(stale + "/letters/AAA.md"))
    }

    @Test func anUnremovableStaleFolderIsSkippedWithAWarningNamingItAndTheCommand() throws {
        let folder = try TemporaryFolder()
        let (stale, blocker) = try staleFolder(".out.staging-99999999", in: folder)
        defer { blocker.release(); folder.remove() }

        for _ in 0 ..< 2 {
            let publisher = try OutputPublisher(destination: folder.file("out"))
            let warnings = publisher.takeWarnings()
            #expect(warnings.count == 1)
            let warning = try #require(warnings.first)
            #expect(warning.contains("cannot remove the stale staging folder \(stale): \(stale)/letters/AAA.md"), "\(warning)")
            #expect(warning.contains("rm -rf -- '\(stale)'"))
            try publisher.writeFile("a.csv", Array("a\n".utf8))
            try publisher.writeFile("manifest.json", try OutputPublisherTests.manifest())
            try publisher.publish()
            #expect(publisher.takeWarnings().isEmpty)
            #expect(try text(folder.file("out/a.csv")) == "a\n")
            // What could go went; the marker stays, so the next run recognises the folder again.
            #expect(try listing(stale) == [OutputPublisher.stagingMarker, "letters"])
            #expect(try text(stale + "/letters/AAA.md") == "stuck\n")
        }
    }

    @Test func aStaleFolderWithThisRunsNameMakesItStageUnderAnother() throws {
        let folder = try TemporaryFolder()
        let (stale, blocker) = try staleFolder(".out.staging-\(getpid())", in: folder)
        defer { blocker.release(); folder.remove() }

        let publisher = try OutputPublisher(destination: folder.file("out"))
        #expect(publisher.stagingDirectory == stale + "1")
        #expect(publisher.takeWarnings().count == 1)
        try publisher.writeFile("a.csv", Array("a\n".utf8))
        try publisher.publish()
        #expect(try text(folder.file("out/a.csv")) == "a\n")
        #expect(FileManager.default.fileExists(atPath: stale + "/letters/AAA.md"))
    }

    @Test func previousOutputsThatCannotBeRemovedAreKeptWithAWarningAndTheNextRunSucceeds() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let destination = folder.file("out")
        let first = try OutputPublisher(destination: destination)
        try first.writeFile("letters/AAA.md", Array("old letter\n".utf8))
        try first.writeFile("manifest.json", try OutputPublisherTests.manifest())
        try first.publish()
        let blocker = try UnremovableFile(destination + "/letters/AAA.md")
        defer { blocker.release() }

        let second = try OutputPublisher(destination: destination)
        let movedAside = second.stagingDirectory
        try second.writeFile("letters/AAA.md", Array("new letter\n".utf8))
        try second.writeFile("manifest.json", try OutputPublisherTests.manifest())
        try second.publish()
        // The immutable file now sits in the outputs moved aside: released there, or it outlives the test.
        let moved = blocker.moved(to: movedAside + "/letters/AAA.md")
        defer { moved.release() }
        let warning = try #require(second.takeWarnings().first)
        #expect(warning.contains("cannot remove the previous outputs, moved aside to \(movedAside)"), "\(warning)")
        #expect(try text(destination + "/letters/AAA.md") == "new letter\n")
        #expect(try listing(movedAside) == ["letters", "manifest.json"])

        let third = try OutputPublisher(destination: destination)
        #expect(third.stagingDirectory != movedAside)
        #expect(third.takeWarnings().first?.contains("stale staging folder \(movedAside)") == true)
        try third.writeFile("letters/AAA.md", Array("newer letter\n".utf8))
        try third.publish()
        #expect(try text(destination + "/letters/AAA.md") == "newer letter\n")
    }
}

/// A lock file left by a run as another user fails the next run with 73; the error says the
/// lock holds no data and how to remove it (issue 16, class 7).
@Suite struct ForeignLockTests {
    // Root opens any file, so the test needs another user's view.
    @Test(.enabled(if: geteuid() != 0, "root opens any lock file whatever its mode"))
    func aLockThisUserCannotOpenSaysHowToRemoveIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let lock = folder.file(".out.lock")
        try Data("1234\n".utf8).write(to: URL(fileURLWithPath: lock))
        chmod(lock, 0o000)
        let error = try #require(throws: OutputError.self) { _ = try OutputPublisher(destination: folder.file("out")) }
        guard case .cannotCreate(let path, let reason) = error else { Issue.record("\(error)"); return }
        #expect(path == lock)
        #expect(reason.contains("rm -- '\(lock)'"), "\(reason)")
    }
}
