import CSV
import Foundation
import Ingestion
import PipelineModel
import Testing
import TestSupport

@Suite struct ExportReaderTests {
    static let csv = "reference,authority_name,category,received_date,last_updated\r\n"
        + "19 012 345,Leicester City Council,Housing,03/04/2019,2020-02-01T10:22:31\r\n"
        + "19 012 346,Leicester CC,Planning,04/04/2019,2020-02-02T10:22:31\r\n"

    /// The sha256 of the file as `sha256sum` prints it, or nil where the tool is missing.
    static func sha256sum(_ path: String) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum") else { return nil }
        let output = try ProcessRunner.run("/usr/bin/sha256sum", [path]).stdout
        return output.split(separator: " ").first.map(String.init)
    }

    @Test func readsPlainCSV() async throws {
        let path = try Fixtures.write(Self.csv, name: "plain.csv")
        let (rows, batches, summary) = try await Fixtures.read(path)
        #expect(rows.map(\.line) == [2, 3])
        #expect(rows[0][.reference] == "19 012 345")
        #expect(rows[1][.authorityName] == "Leicester CC")
        #expect(rows.allSatisfy { $0.fault == nil })
        #expect(batches.allSatisfy { $0.fileIndex == 7 })
        #expect(summary.path == path)
        #expect(!summary.compressed)
        #expect(summary.records == 2)
        #expect(summary.bytes == Self.csv.utf8.count)
        #expect(summary.unknownColumns.isEmpty)
        #expect(!summary.hadByteOrderMark)
    }

    @Test func readsGzip() async throws {
        let gz = GzipBytes.member(Array(Self.csv.utf8))
        let path = try Fixtures.write(gz, name: "export.csv.gz")
        let (rows, _, summary) = try await Fixtures.read(path)
        #expect(rows.map(\.line) == [2, 3])
        #expect(rows[1][.category] == "Planning")
        #expect(summary.compressed)
        #expect(summary.bytes == gz.count)
        #expect(summary.records == 2)
    }

    @Test func gzipWithoutGzNameIsStillInflated() async throws {
        let path = try Fixtures.write(GzipBytes.member(Array(Self.csv.utf8)), name: "export.csv")
        let (rows, _, summary) = try await Fixtures.read(path)
        #expect(summary.compressed)
        #expect(rows.count == 2)
    }

    @Test func readsEveryMemberOfConcatenatedGzip() async throws {
        let lines = Self.csv.split(separator: "\r\n", omittingEmptySubsequences: false)
        let first = GzipBytes.member(Array((lines[0] + "\r\n" + lines[1] + "\r\n").utf8))
        let second = GzipBytes.member(Array((lines[2] + "\r\n").utf8))
        let third = GzipBytes.member(Array("19 012 347,Leicester,Housing,05/04/2019,2020-02-03T10:22:31".utf8))
        let path = try Fixtures.write(first + second + third, name: "multi.csv.gz")
        let (rows, _, summary) = try await Fixtures.read(path)
        #expect(rows.map(\.line) == [2, 3, 4])
        #expect(rows.map { $0[.reference] } == ["19 012 345", "19 012 346", "19 012 347"])
        #expect(summary.bytes == first.count + second.count + third.count)
    }

    @Test func concatenatedMembersSurviveTinyChunks() async throws {
        let first = GzipBytes.member(Array(Self.csv.utf8))
        let second = GzipBytes.member(Array("19 012 347,Leicester,Housing,05/04/2019,2020-02-03\r\n".utf8))
        let path = try Fixtures.write(first + second, name: "multi.csv.gz")
        let whole = try await Fixtures.read(path).rows
        for chunkSize in [1, 2, 3, 7, 64] {
            let (rows, _, summary) = try await Fixtures.read(path, chunkSize: chunkSize)
            #expect(rows == whole, "chunk size \(chunkSize)")
            #expect(summary.bytes == first.count + second.count)
        }
        #expect(whole.map(\.line) == [2, 3, 4])
    }

    @Test(arguments: [0.5, 0.9])
    func truncatedGzipMidStreamIsAnError(fraction: Double) async throws {
        let body = (0 ..< 2000).map { "19 \(100_000 + $0),Council \($0),Housing,03/04/2019,2020-02-01\r\n" }.joined()
        let gz = GzipBytes.member(Array((Self.csv + body).utf8))
        let cut = Array(gz.prefix(Int(Double(gz.count) * fraction)))
        let path = try Fixtures.write(cut, name: "cut.csv.gz")
        await #expect(throws: CSVFileError.truncatedGzip(file: path, afterBytes: cut.count)) {
            _ = try await Fixtures.read(path)
        }
    }

    @Test(arguments: [1, 4, 8])
    func gzipWithoutItsTrailerIsTruncated(missing: Int) async throws {
        let gz = GzipBytes.member(Array(Self.csv.utf8))
        let cut = Array(gz.dropLast(missing))
        let path = try Fixtures.write(cut, name: "notrailer.csv.gz")
        await #expect(throws: CSVFileError.truncatedGzip(file: path, afterBytes: cut.count)) {
            _ = try await Fixtures.read(path)
        }
    }

    @Test func crcMismatchIsCorrupt() async throws {
        var gz = GzipBytes.member(Array(Self.csv.utf8))
        gz[gz.count - 8] ^= 0x01  // first byte of the CRC32 in the trailer
        let path = try Fixtures.write(gz, name: "crc.csv.gz")
        let error = await #expect(throws: CSVFileError.self) { _ = try await Fixtures.read(path) }
        #expect(error == .corruptGzip(file: path, reason: "incorrect data check"))
        #expect(error?.description.contains(path) == true)
    }

    @Test func bitFlipInCompressedDataIsAnError() async throws {
        let gz = GzipBytes.member(Array(Self.csv.utf8))
        // Flip each bit of the deflate data in turn: every one must fail, never read quietly.
        for index in 10 ..< gz.count - 8 {
            var flipped = gz
            flipped[index] ^= 0x10
            let path = try Fixtures.write(flipped, name: "flip.csv.gz")
            let error = await #expect(throws: CSVFileError.self, "byte \(index)") {
                _ = try await Fixtures.read(path)
            }
            switch error {
            case .corruptGzip, .truncatedGzip, .trailingGarbage: break
            default: Issue.record("byte \(index): unexpected \(String(describing: error))")
            }
        }
    }

    @Test func bytesAfterTheLastMemberAreAnError() async throws {
        let gz = GzipBytes.member(Array(Self.csv.utf8))
        let path = try Fixtures.write(gz + Array("trailing junk".utf8), name: "junk.csv.gz")
        await #expect(throws: CSVFileError.trailingGarbage(file: path, offset: gz.count)) {
            _ = try await Fixtures.read(path)
        }
        let oneByte = try Fixtures.write(gz + [0x1f, 0x00, 0x00], name: "junk2.csv.gz")
        await #expect(throws: CSVFileError.trailingGarbage(file: oneByte, offset: gz.count)) {
            _ = try await Fixtures.read(oneByte)
        }
    }

    @Test func gzNameWithoutGzipMagicIsAnError() async throws {
        let path = try Fixtures.write(Self.csv, name: "plain.csv.gz")
        let error = await #expect(throws: CSVFileError.notGzip(file: path)) { _ = try await Fixtures.read(path) }
        #expect(error?.description.contains("not a gzip file") == true)
    }

    @Test func emptyFileIsAnError() async throws {
        let path = try Fixtures.write([], name: "empty.csv")
        await #expect(throws: CSVFileError.emptyFile(file: path)) { _ = try await Fixtures.read(path) }
        let gz = try Fixtures.write([], name: "empty.csv.gz")
        await #expect(throws: CSVFileError.emptyFile(file: gz)) { _ = try await Fixtures.read(gz) }
    }

    @Test func gzipOfNothingHasNoHeader() async throws {
        let path = try Fixtures.write(GzipBytes.member([]), name: "nothing.csv.gz")
        await #expect(throws: CSVFileError.emptyFile(file: path)) { _ = try await Fixtures.read(path) }
    }

    @Test func missingFileCannotBeOpened() async throws {
        let path = try TemporaryFolder("ingestion-tests").file("absent.csv.gz")
        let error = await #expect(throws: CSVFileError.self) { _ = try await Fixtures.read(path) }
        guard case .cannotOpen(let file, let reason) = error else {
            Issue.record("expected cannotOpen, got \(String(describing: error))")
            return
        }
        #expect(file == path)
        #expect(reason.contains("No such file"))
    }

    @Test(arguments: [Fixtures.requiredHeader + "\r\n", Fixtures.requiredHeader])
    func headerOnlyFileHasNoRecords(text: String) async throws {
        let path = try Fixtures.write(text, name: "header.csv")
        let (rows, batches, summary) = try await Fixtures.read(path)
        #expect(rows.isEmpty)
        #expect(batches.isEmpty)
        #expect(summary.records == 0)
    }

    @Test(arguments: ["stored.csv", "stored.csv.gz"])
    func sha256AndByteCountDescribeTheStoredFile(name: String) async throws {
        let body = (0 ..< 3000).map { "19 \(100_000 + $0),Council,Housing,03/04/2019,2020-02-01\n" }.joined()
        let plain = Array((Self.csv + body).utf8)
        let stored = name.hasSuffix(".gz") ? GzipBytes.member(plain) : plain
        let path = try Fixtures.write(stored, name: name)
        let summary = try await Fixtures.read(path, chunkSize: 4096).summary
        #expect(summary.bytes == stored.count)
        #expect(summary.records == 3002)
        #expect(summary.sha256.count == 64)
        #expect(summary.sha256 == summary.sha256.lowercased())
        if let expected = try Self.sha256sum(path) {
            #expect(summary.sha256 == expected)
        } else {
            print("sha256sum not found: comparing with a known digest only")
        }
    }

    @Test func sha256OfKnownBytes() async throws {
        let path = try Fixtures.write("reference,authority_name,category,received_date,last_updated\n", name: "h.csv")
        let summary = try await Fixtures.read(path).summary
        // printf 'reference,authority_name,category,received_date,last_updated\n' | sha256sum
        #expect(summary.sha256 == "6eb0ab25c16c9fbed8a612f32eba0e7cac87e46f6a8b7e6bfbcdb7cb54088bbf")
    }

    @Test func batchesAreCutByCountAndByBytes() async throws {
        let body = (0 ..< 1000).map { "19 \(100_000 + $0),Council,Housing,03/04/2019,2020-02-01\r\n" }.joined()
        let path = try Fixtures.write(Self.csv + body, name: "many.csv")
        let byCount = try await Fixtures.read(path, batchSize: 100)
        #expect(byCount.batches.map(\.count) == Array(repeating: 100, count: 10) + [2])
        let byBytes = try await Fixtures.read(path, batchSize: 4096, maxBatchBytes: 1000)
        #expect(byBytes.batches.count > 10)
        #expect(byBytes.batches.dropLast().allSatisfy { $0.byteCount >= 1000 && $0.byteCount < 1100 })
        #expect(byBytes.rows == byCount.rows)
    }

    @Test func cancellationStopsReading() async throws {
        let body = (0 ..< 5000).map { "19 \(100_000 + $0),Council,Housing,03/04/2019,2020-02-01\r\n" }.joined()
        let path = try Fixtures.write(Self.csv + body, name: "long.csv")
        let task = Task {
            try await ExportReader(batchSize: 10, chunkSize: 1024).read(path: path, fileIndex: 0) { _ in
                withUnsafeCurrentTask { $0?.cancel() }
            }
        }
        await #expect(throws: CancellationError.self) { _ = try await task.value }
    }
}
