import Foundation
import Glibc
@testable import Output
import PipelineModel
import Testing
import TestSupport

@Suite struct OutputPublisherTests {
    /// A manifest of ours, which makes a published folder one that the next run may replace.
    static func manifest() throws -> [UInt8] {
        let started = Date(timeIntervalSince1970: 1_714_528_984)
        return try RunManifest(
            version: "test", started: started, ended: started, inputs: [], counts: .init(RunCounts()),
            configuration: .init(register: .init(path: "register.csv", bytes: 0, sha256: ""), method: .pooled, years: ""),
            outputs: []).jsonBytes()
    }

    @Test func firstPublishCreatesTheDestination() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let destination = folder.file("out")
        let publisher = try OutputPublisher(destination: destination)
        #expect(publisher.stagingDirectory == folder.file(".out.staging-\(getpid())"))
        try publisher.writeFile("authority_year.csv", Array("a\n".utf8))
        try publisher.writeFile("letters/2019-20/AAA.md", Array("# AAA\n".utf8))
        let digests = try publisher.stagedFileDigests()
        #expect(digests.map(\.path) == ["authority_year.csv", "letters/2019-20/AAA.md"])
        #expect(digests.map(\.bytes) == [2, 6])
        try publisher.publish()

        #expect(try text(destination + "/authority_year.csv") == "a\n")
        #expect(try text(destination + "/letters/2019-20/AAA.md") == "# AAA\n")
        #expect(try listing(folder.path) == [".out.lock", "out"])
    }

    @Test func secondPublishReplacesEveryFileAndLeavesNoStaging() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let destination = folder.file("out")
        let first = try OutputPublisher(destination: destination)
        try first.writeFile("authority_year.csv", Array("old\n".utf8))
        try first.writeFile("letters/2019-20/OLD.md", Array("old letter\n".utf8))
        try first.writeFile("manifest.json", try Self.manifest())
        try first.publish()

        let second = try OutputPublisher(destination: destination)
        try second.writeFile("authority_year.csv", Array("new\n".utf8))
        // rejects.csv as the aggregation stage writes it: through the concurrent writer, then recorded.
        let rejects = try second.staging().rejectsFile()
        try second.record([try rejects.finish()])
        try second.writeFile("manifest.json", try Self.manifest())
        try second.publish()

        #expect(try text(destination + "/authority_year.csv") == "new\n")
        #expect(try text(destination + "/rejects.csv") == "file,line,reference,reason,detail\n")
        #expect(try listing(destination) == ["authority_year.csv", "manifest.json", "rejects.csv"])
        #expect(try listing(folder.path) == [".out.lock", "out"])
    }

    @Test func abandonLeavesThePreviousOutputsByteIdentical() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let destination = folder.file("out")
        let first = try OutputPublisher(destination: destination)
        try first.writeFile("authority_year.csv", Array("year,authority_code\n2019-20,AAA\n".utf8))
        try first.writeFile("manifest.json", try Self.manifest())
        try first.publish()
        let before = try contents(destination + "/authority_year.csv")

        let second = try OutputPublisher(destination: destination)
        try second.writeFile("authority_year.csv", Array("something else\n".utf8))
        let rejects = try second.staging().rejectsFile()
        try rejects.write([Reject(file: "a.csv", line: 2, reference: "", reason: .missingRequired, detail: "half a file")])
        second.abandon()

        #expect(try contents(destination + "/authority_year.csv") == before)
        #expect(try contents(destination + "/manifest.json") == (try Self.manifest()))
        #expect(try listing(destination) == ["authority_year.csv", "manifest.json"])
        #expect(try listing(folder.path) == [".out.lock", "out"])
        #expect(throws: OutputError.self) { try second.publish() }
    }

    @Test func aSecondPublisherIsLockedOutWithTheHoldersPID() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let destination = folder.file("out")
        let holder = try OutputPublisher(destination: destination)
        #expect(throws: OutputError.locked(lockFile: folder.file(".out.lock"), holderPID: getpid())) {
            _ = try OutputPublisher(destination: destination)
        }
        // The holder's staging folder survives the refused attempt.
        try holder.writeFile("type_year.csv", Array("x\n".utf8))
        try holder.writeFile("manifest.json", try Self.manifest())
        try holder.publish()
        // Publishing frees the lock.
        let next = try OutputPublisher(destination: destination)
        next.abandon()
        #expect(try text(destination + "/type_year.csv") == "x\n")
    }

    @Test func lockedErrorNamesTheHolder() {
        let error = OutputError.locked(lockFile: "/srv/.out.lock", holderPID: 4242)
        #expect(error.description.contains("4242"))
        #expect(error.description.contains("/srv/.out.lock"))
    }

    @Test func droppingAPublisherReleasesTheLockAndTheStaging() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        do {
            let publisher = try OutputPublisher(destination: folder.file("out"))
            try publisher.writeFile("a.csv", Array("a\n".utf8))
        }
        #expect(try listing(folder.path) == [".out.lock"])
        let again = try OutputPublisher(destination: folder.file("out"))
        again.abandon()
    }

    @Test func aStaleStagingFolderIsRemovedByTheNextPublisher() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let stale = folder.file(".out.staging-99999999")
        try FileManager.default.createDirectory(atPath: stale + "/letters/2019-20", withIntermediateDirectories: true)
        try Data("partial".utf8).write(to: URL(fileURLWithPath: stale + "/letters/2019-20/AAA.md"))
        try Data().write(to: URL(fileURLWithPath: stale + "/" + OutputPublisher.stagingMarker))
        // Another destination's staging folder is left alone.
        let other = folder.file(".out.staging-1.staging-5")
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)

        let publisher = try OutputPublisher(destination: folder.file("out"))
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: other))
        try publisher.writeFile("a.csv", Array("a\n".utf8))
        try publisher.publish()
        #expect(try listing(folder.path) == [".out.lock", ".out.staging-1.staging-5", "out"])
    }

    @Test func aFileWhereTheParentFolderShouldBeFailsNamingThePath() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: folder.file("plain")))
        #expect(throws: OutputError.cannotCreate(path: folder.file("plain/.out.lock"), reason: "Not a directory")) {
            _ = try OutputPublisher(destination: folder.file("plain/out"))
        }
    }

    @Test func aFileWhereASubfolderShouldBeFailsAndKeepsThePreviousOutputs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let destination = folder.file("out")
        let first = try OutputPublisher(destination: destination)
        try first.writeFile("letters", Array("I am a file\n".utf8))
        try first.writeFile("manifest.json", try Self.manifest())
        try first.publish()

        let second = try OutputPublisher(destination: destination)
        try second.writeFile("letters", Array("still a file\n".utf8))
        let error = try #require(throws: OutputError.self) {
            try second.writeFile("letters/2019-20/AAA.md", Array("x".utf8))
        }
        #expect(error == .cannotCreate(path: second.stagingDirectory + "/letters", reason: "Not a directory"))
        #expect(error.description.contains(second.stagingDirectory + "/letters"))
        second.abandon()
        #expect(try text(destination + "/letters") == "I am a file\n")
    }

    // Root ignores permission bits, so the test would prove nothing there.
    @Test(.enabled(if: geteuid() != 0, "root ignores permission bits"))
    func aReadOnlyParentFailsNamingThePath() throws {
        let folder = try TemporaryFolder()
        defer {
            chmod(folder.file("ro"), 0o755)
            folder.remove()
        }
        try FileManager.default.createDirectory(atPath: folder.file("ro"), withIntermediateDirectories: false)
        chmod(folder.file("ro"), 0o555)
        #expect(throws: OutputError.cannotCreate(path: folder.file("ro/.out.lock"), reason: "Permission denied")) {
            _ = try OutputPublisher(destination: folder.file("ro/out"))
        }
    }

    @Test func aDestinationThatIsAFileIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder.file("out")))
        #expect(throws: OutputError.cannotCreate(path: folder.file("out"), reason: "exists and is not a folder")) {
            _ = try OutputPublisher(destination: folder.file("out/"))
        }
    }

    @Test(arguments: ["", "/etc/passwd", "../escape.csv", "letters//x.md", "./a.csv", "letters/"])
    func pathsOutsideTheOutputFolderAreRefused(path: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let publisher = try OutputPublisher(destination: folder.file("out"))
        defer { publisher.abandon() }
        #expect(throws: OutputError.self) { try publisher.writeFile(path, [UInt8]()) }
    }

    @Test func largeWritesThroughASinkArriveWhole() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let publisher = try OutputPublisher(destination: folder.file("out"))
        let sink = try FileSink(creating: publisher.stagingDirectory + "/big.bin")
        var expected: [UInt8] = []
        for i in 0 ..< 300 {
            let chunk = [UInt8](repeating: UInt8(i % 251), count: i * 997 % 200_000)
            try sink.write(chunk)
            expected += chunk
        }
        try sink.close()
        #expect(sink.byteCount == expected.count)
        try publisher.record([sink.digest(recordedAs: "big.bin")])
        try publisher.publish()
        #expect(try contents(folder.file("out/big.bin")) == expected)
    }

    @Test func aFolderThatIsNotOurPublicationIsRefusedUntouched() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: false)
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: folder.file("out/notes.txt")))
        let error = try #require(throws: OutputError.self) { _ = try OutputPublisher(destination: folder.file("out")) }
        guard case .cannotCreate(let path, let reason) = error else { Issue.record("\(error)"); return }
        #expect(path == folder.file("out"))
        #expect(reason.contains("neither empty nor a publication"))
        #expect(try listing(folder.file("out")) == ["notes.txt"])
        // Refused before a staging folder was made; the lock is free again.
        #expect(try listing(folder.path) == [".out.lock", "out"])
    }

    @Test func aPublicationHoldingAnInputIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = try OutputPublisher(destination: folder.file("out"))
        try first.writeFile("manifest.json", try Self.manifest())
        try first.writeFile("export.csv", Array("x\n".utf8))
        try first.publish()
        let error = try #require(throws: OutputError.self) {
            _ = try OutputPublisher(destination: folder.file("out"), inputs: [folder.file("out/../out/export.csv")])
        }
        #expect(error.description.contains("export.csv"))
        #expect(try text(folder.file("out/export.csv")) == "x\n")
    }

    @Test func aStagedFileIsNeverWrittenTwice() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let publisher = try OutputPublisher(destination: folder.file("out"))
        defer { publisher.abandon() }
        try publisher.writeFile("a.csv", Array("a\n".utf8))
        #expect(throws: OutputError.self) { try publisher.writeFile("a.csv", Array("b\n".utf8)) }
    }
}
