import Foundation
import Glibc
import Output
import PipelineModel
import Testing
import TestSupport

@Suite struct YearPartitionsTests {
    static let figures = TableFileTests.figures
    static let y1 = ReportingYear(startYear: 2019)
    static let y2 = ReportingYear(startYear: 2020)

    /// A letter of each year, as the publishing writers give them.
    static func letters(_ year: YearFigures, text: String = "letter") -> [(path: String, bytes: [UInt8])] {
        [("letters/\(year.year.label)/AAA.md", Array("# \(text) \(year.year.label)\n".utf8))]
    }

    /// Publishes `years` of the fixture into `destination` (computing them, and carrying the
    /// others over from what is there when `carryOver`), with a manifest, as the runner does.
    @discardableResult
    static func publish(_ years: [YearFigures], to destination: String, carryOver: Bool = false,
                        method: AveragingMethod = .pooled, started: Date = Date(timeIntervalSince1970: 1_714_528_984),
                        letterText: String = "letter") throws -> RunManifest {
        let publisher = try OutputPublisher(destination: destination)
        do {
            let partitions = YearPartitions(publisher: publisher)
            for year in years { try partitions.stage(year, files: letters(year, text: letterText)) }
            if carryOver, let previous = try PreviousPublication.read(from: destination) {
                try partitions.carryOver(from: previous, method: method)
            }
            try partitions.writeTables()
            return try publishWithManifest(publisher, partitions: partitions.record, method: method, started: started)
        } catch {
            publisher.abandon()
            throw error
        }
    }

    static func inode(_ path: String) throws -> UInt {
        UInt(try InPlaceEdit.status(path).st_ino)
    }

    @Test func partitionsConcatenateToTheWholeTables() throws {
        for table in TableFile.allCases {
            let parts = Self.figures.years.map { (path: "years/\($0.year.label)/\(table.fileName)", bytes: table.render($0)) }
            #expect(try YearPartitions.concatenate(table, partitions: parts) == table.render(Self.figures), "\(table)")
            #expect(try YearPartitions.concatenate(table, partitions: []) == table.header)
        }
    }

    @Test func aPartitionWithAnotherHeaderIsNamed() throws {
        let odd = Array("year,authority_code\n2019-20,AAA\n".utf8)
        #expect(throws: OutputError.cannotCarryOver(
            path: "years/2019-20/authority_year.csv",
            reason: "its header differs from authority_year.csv's in this version: recompute that year too")) {
            try YearPartitions.concatenate(.authorityYear, partitions: [("years/2019-20/authority_year.csv", odd)])
        }
    }

    @Test func aComputedYearIsStoredInItsPartitionAndLinkedAtItsOwnPath() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out")
        let manifest = try Self.publish(Self.figures.years, to: out)

        for year in Self.figures.years {
            let label = year.year.label
            for table in TableFile.allCases {
                #expect(try contents(out + "/years/\(label)/\(table.fileName)") == table.render(year))
            }
            let stored = out + "/years/\(label)/letters/\(label)/AAA.md"
            #expect(try text(stored) == "# letter \(label)\n")
            // One file on disk under two names.
            #expect(try Self.inode(stored) == Self.inode(out + "/letters/\(label)/AAA.md"))
        }
        for table in TableFile.allCases {
            #expect(try contents(out + "/" + table.fileName) == table.render(Self.figures))
        }
        #expect(manifest.partitions == .init(computed: ["2019-20", "2020-21"], carriedOver: [], pagesRendered: 0))
        #expect(manifest.outputs.contains { $0.path == "letters/2019-20/AAA.md" })
        #expect(manifest.outputs.contains { $0.path == "years/2019-20/letters/2019-20/AAA.md" })
    }

    @Test func otherYearsAreCarriedOverByteIdenticalAndRecorded() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out")
        let first = try Self.publish(Self.figures.years, to: out)
        let before = try contents(out + "/years/2019-20/letters/2019-20/AAA.md")
        let inode = try Self.inode(out + "/years/2019-20/letters/2019-20/AAA.md")

        let later = Date(timeIntervalSince1970: 1_714_600_000)
        let second = try Self.publish([Self.figures.years[1]], to: out, carryOver: true, started: later, letterText: "redone")

        #expect(try contents(out + "/years/2019-20/letters/2019-20/AAA.md") == before)
        #expect(try contents(out + "/letters/2019-20/AAA.md") == before)
        // Carried over as a link to the same file, not a copy.
        #expect(try Self.inode(out + "/years/2019-20/letters/2019-20/AAA.md") == inode)
        #expect(try text(out + "/letters/2020-21/AAA.md") == "# redone 2020-21\n")
        for table in TableFile.allCases {
            #expect(try contents(out + "/" + table.fileName) == table.render(Self.figures))
        }
        let carried = first.outputs.filter { $0.path.hasPrefix("years/2019-20/") || $0.path.hasPrefix("letters/2019-20/") }
        #expect(carried.allSatisfy { second.outputs.contains($0) })
        #expect(second.partitions == .init(computed: ["2020-21"], carriedOver: [
            .init(year: "2019-20", previousRunStarted: first.started, computedByRunStarted: first.started),
        ], pagesRendered: 0))

        // Carried over once more: it still names the run that computed it.
        let third = try Self.publish([Self.figures.years[1]], to: out, carryOver: true,
                                     started: Date(timeIntervalSince1970: 1_714_700_000))
        #expect(third.partitions?.carriedOver == [
            .init(year: "2019-20", previousRunStarted: later, computedByRunStarted: first.started),
        ])
    }

    @Test(arguments: ["years/2019-20/letters/2019-20/AAA.md", "years/2019-20/type_year.csv"])
    func aTamperedPartitionFailsNamingTheFileAndPublishesNothing(tampered: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out")
        try Self.publish(Self.figures.years, to: out)
        let path = out + "/" + tampered
        var bytes = try contents(path)
        bytes[bytes.count - 2] ^= 1
        // A new file in place of the old, as an editor saves it, not a change through the link.
        try FileManager.default.removeItem(atPath: path)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try InPlaceEdit.setModified(path, .afterTheManifest(inFolder: out), before: InPlaceEdit.status(path).st_mtim)
        let before = try listing(out)

        do {
            try Self.publish([Self.figures.years[1]], to: out, carryOver: true)
            Issue.record("a tampered partition was carried over")
        } catch let OutputError.cannotCarryOver(failed, reason) {
            #expect(failed == path)
            #expect(reason.contains("does not match the previous manifest"))
        }
        #expect(try contents(path) == bytes)
        #expect(try listing(out) == before)
        #expect(try listing(folder.path) == [".out.lock", "out"])
    }

    @Test func aCarriedOverFileIsCheckedByItsSizeAndTimeNotRead() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out")
        let first = try Self.publish(Self.figures.years, to: out)
        let relative = "years/2019-20/letters/2019-20/AAA.md"
        let path = out + "/" + relative
        // Changed through the link, the same size, its time put back: what the check cannot see.
        let (bytes, inode) = try InPlaceEdit.flipAByte(of: path, time: .putBack)

        let second = try Self.publish([Self.figures.years[1]], to: out, carryOver: true)
        // Carried over, and listed with the first manifest's sha256 rather than that of the
        // bytes it now holds: it was not read.
        let listed = try #require(first.outputs.first { $0.path == relative })
        #expect(second.outputs.contains(listed))
        #expect(RunManifest.FileDigest(path: relative, contents: bytes) != listed)
        #expect(try contents(path) == bytes)
        #expect(try Self.inode(path) == inode)
    }

    @Test func aSameSizeEditThroughTheLinkIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out")
        try Self.publish(Self.figures.years, to: out)
        let path = out + "/years/2019-20/letters/2019-20/AAA.md"
        let (bytes, inode) = try InPlaceEdit.flipAByte(of: path, time: .afterTheManifest(inFolder: out))
        #expect(try Self.inode(path) == inode)
        let before = try listing(out)

        do {
            try Self.publish([Self.figures.years[1]], to: out, carryOver: true)
            Issue.record("a file edited after its manifest was carried over")
        } catch let OutputError.cannotCarryOver(failed, reason) {
            #expect(failed == path)
            #expect(reason.contains("does not match the previous manifest"))
            #expect(reason.contains("after the manifest was written"), "\(reason)")
        }
        #expect(try contents(path) == bytes)
        #expect(try listing(out) == before)
        #expect(try listing(folder.path) == [".out.lock", "out"])
    }

    @Test func aFileOfAnotherSizeIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out")
        try Self.publish(Self.figures.years, to: out)
        let path = out + "/years/2019-20/type_year.csv"
        let listed = try contents(path).count
        // Its time put back, so that only the size tells.
        let modified = try InPlaceEdit.status(path).st_mtim
        try InPlaceEdit.overwrite(path, with: try contents(path) + Array("2019-20,extra\n".utf8))
        try InPlaceEdit.setModified(path, to: modified)

        #expect(throws: OutputError.cannotCarryOver(path: path, reason: "it does not match the previous manifest "
                                                    + "(\(listed + 14) bytes; the manifest says \(listed) bytes)")) {
            try Self.publish([Self.figures.years[1]], to: out, carryOver: true)
        }
    }

    @Test func aFileTheManifestDoesNotListIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out")
        try Self.publish(Self.figures.years, to: out)
        let stray = out + "/years/2019-20/letters/2019-20/ZZZ.md"
        try Data("# not ours\n".utf8).write(to: URL(fileURLWithPath: stray))
        #expect(throws: OutputError.cannotCarryOver(path: stray, reason: "the previous manifest does not list it")) {
            try Self.publish([Self.figures.years[1]], to: out, carryOver: true)
        }
    }

    @Test func anotherAveragingMethodIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out")
        try Self.publish(Self.figures.years, to: out)
        #expect(throws: OutputError.self) {
            try Self.publish([Self.figures.years[1]], to: out, carryOver: true, method: .mean)
        }
    }

    @Test func noPreviousPublicationMeansNothingToCarry() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try PreviousPublication.read(from: folder.file("out")) == nil)
        try FileManager.default.createDirectory(atPath: folder.file("empty"), withIntermediateDirectories: false)
        #expect(try PreviousPublication.read(from: folder.file("empty")) == nil)

        let manifest = try Self.publish([Self.figures.years[1]], to: folder.file("out"), carryOver: true)
        #expect(manifest.partitions == .init(computed: ["2020-21"], carriedOver: [], pagesRendered: 0))
        #expect(try listing(folder.file("out/years")) == ["2020-21"])
    }

    @Test func aFolderWithoutPartitionsCannotBeCarriedOver() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        try Data("year\n".utf8).write(to: URL(fileURLWithPath: out + "/authority_year.csv"))
        #expect(throws: OutputError.self) { try PreviousPublication.read(from: out) }

        var old = RunManifestTests.sample()
        old.partitions = nil
        try Data(try old.jsonBytes()).write(to: URL(fileURLWithPath: out + "/manifest.json"))
        #expect(throws: OutputError.self) { try PreviousPublication.read(from: out) }
    }
}
