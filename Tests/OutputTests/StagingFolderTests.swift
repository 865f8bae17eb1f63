import Foundation
import Glibc
@testable import Output
import PipelineModel
import Testing
import TestSupport

@Suite struct StagingFolderTests {
    @Test func filesOfOneFolderAreEachCheckedAndWritten() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let publisher = try OutputPublisher(destination: folder.file("out"))
        defer { publisher.abandon() }
        let staging = try publisher.staging()
        let digests = try staging.write([("letters/2019-20/A.md", Array("a".utf8)), ("letters/2019-20/B.md", Array("bb".utf8)),
                                         ("letters/2019-20/sub/C.md", []), ("letters/2019-21/D.md", Array("d".utf8)),
                                         ("E.csv", Array("e".utf8))])
        #expect(digests.map(\.path) == ["letters/2019-20/A.md", "letters/2019-20/B.md", "letters/2019-20/sub/C.md",
                                        "letters/2019-21/D.md", "E.csv"])
        #expect(digests.map(\.bytes) == [1, 2, 0, 1, 1])
        #expect(digests[1] == RunManifest.FileDigest(path: "letters/2019-20/B.md", contents: Array("bb".utf8)))
        #expect(try String(contentsOfFile: staging.path + "/letters/2019-20/B.md", encoding: .utf8) == "bb")
        #expect(FileManager.default.fileExists(atPath: staging.path + "/letters/2019-20/sub/C.md"))
    }

    @Test(arguments: ["letters/2019-20/..", "letters/2019-20/.", "letters/2019-20/", "letters/2019-20//x.md"])
    func aNameAfterOneOfTheSameFolderIsStillChecked(path: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let publisher = try OutputPublisher(destination: folder.file("out"))
        defer { publisher.abandon() }
        let staging = try publisher.staging()
        #expect(throws: OutputError.self) {
            _ = try staging.write([("letters/2019-20/A.md", Array("a".utf8)), (path, Array("b".utf8))])
        }
    }

    @Test func theManifestsOrderIsTheBytesOrder() {
        let paths = ["b", "a/b", "a", "é.csv", "e.csv", "a/b/c", "letters/2019-20/Z.md", "letters/2019-20/AB.md",
                     "letters/2019-20/A.md", "Z", "", "ab"]
        let digests = paths.map { RunManifest.FileDigest(path: $0, bytes: 0, sha256: "") }
        #expect(OutputPublisher.sortedByPath(digests).map(\.path) == paths.sorted(by: utf8Precedes))
    }

    @Test func writeBackWhileStagingPublishesEveryFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let destination = folder.file("out")
        let publisher = try OutputPublisher(destination: destination)
        publisher.startWriteBack()
        publisher.startWriteBack()
        let staging = try publisher.staging()
        for batch in 0 ..< 20 {
            try publisher.record(try staging.write((0 ..< 50).map { ("report/\(batch)/\($0).html", Array("page \($0)\n".utf8)) }))
            usleep(2_000)
        }
        try publisher.writeFile("manifest.json", try OutputPublisherTests.manifest())
        try publisher.publish()
        #expect(try String(contentsOfFile: destination + "/report/19/49.html", encoding: .utf8) == "page 49\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: destination + "/report").count == 20)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".out.lock", "out"])
        // Published: nothing more to start.
        publisher.startWriteBack()
        #expect(publisher.writeBack == nil)
    }

    @Test func abandoningStopsTheWriteBackAndRemovesTheStaging() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let publisher = try OutputPublisher(destination: folder.file("out"))
        publisher.startWriteBack()
        #expect(publisher.writeBack != nil)
        try publisher.writeFile("a.csv", Array("a\n".utf8))
        publisher.abandon()
        #expect(publisher.writeBack == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [".out.lock"])
        publisher.startWriteBack()
        #expect(publisher.writeBack == nil)
    }
}
