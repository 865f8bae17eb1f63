// libFuzzer target over the ingestion stage: the CSV reader, the line splitter, the byte source
// with its gzip inflater, and the reference-table parser.
//
// Built by scripts/fuzz, compiled into the same module as Sources/Ingestion/*.swift so that it
// can reach the stage's internals; LineSplitter and CSVTable come from the CSV module. The
// input is the decompressed CSV data of one export (or, for the gzip checks, the stored
// bytes); nothing of it is consumed as control bytes, so the seeds in Fuzz/corpus/ are plain
// export files. Chunk and batch sizes come from a hash of the input instead.
//
// A thrown CSVFileError is a correct answer. A finding is a crash, an ASan report, a hang
// (-timeout), memory over -rss_limit_mb, or one of these checks failing (fatalError):
//   - any other error type escaping the stage;
//   - the same bytes giving different records, faults, lines or errors when fed in other chunk
//     sizes, batch sizes, or through ByteSource from a plain file, a gzip file of one member or
//     of two members, or when cut into record-aligned pieces parsed by several parsers;
//   - a truncated gzip file, or one with bytes after its last member, read without an error;
//   - a bit-flipped gzip file read without an error into different records;
//   - LineSplitter losing, duplicating or misplacing bytes or line breaks;
//   - CSVParser copying quoted fields' text around libcsv's byte loop handing its sink anything
//     else, in any other order, than libcsv alone (fields, record ends, steps, errors);
//   - a batch breaking its own invariants (size, lines going backwards).

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CSV
import CZlib
import PipelineModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    IngestionFuzzCase(input).run()
    return 0
}

// MARK: - What a read produced

/// One record as the reader handed it on; its fields as a digest (FNV-1a of each field's
/// length and bytes), to keep the fuzzer fast: a copy per field costs more than the parse.
struct FuzzRecord: Equatable {
    let line: Int
    let fault: RawRecordFault?
    let fields: UInt64
}

/// Everything a read of one file produced that must not depend on how its bytes were delivered.
enum FuzzOutcome: Equatable {
    case read(records: [FuzzRecord], recordCount: Int, unknownColumns: [String], hadByteOrderMark: Bool)
    case failed(CSVFileError)

    /// The same outcome for a file of another name (errors name their file).
    func naming(_ file: String) -> FuzzOutcome {
        guard case let .failed(error) = self else { return self }
        switch error {
        case .cannotOpen(_, let reason): return .failed(.cannotOpen(file: file, reason: reason))
        case .notGzip: return .failed(.notGzip(file: file))
        case .truncatedGzip(_, let afterBytes): return .failed(.truncatedGzip(file: file, afterBytes: afterBytes))
        case .corruptGzip(_, let reason): return .failed(.corruptGzip(file: file, reason: reason))
        case .trailingGarbage(_, let offset): return .failed(.trailingGarbage(file: file, offset: offset))
        case .emptyFile: return .failed(.emptyFile(file: file))
        case .missingColumn(_, let name): return .failed(.missingColumn(file: file, name: name))
        case .duplicateColumn(_, let name): return .failed(.duplicateColumn(file: file, name: name))
        case .malformedCSV(_, let line, let reason): return .failed(.malformedCSV(file: file, line: line, reason: reason))
        case .readFailed(_, let reason): return .failed(.readFailed(file: file, reason: reason))
        case .tooLarge(_, let limit): return .failed(.tooLarge(file: file, limit: limit))
        }
    }

    var isFailure: Bool {
        if case .failed = self { return true }
        return false
    }
}

/// Stops the fuzzer with a message that says which check failed on which input.
func finding(_ message: String, _ input: [UInt8]) -> Never {
    let preview = input.prefix(200).map { byte -> String in
        (0x20 ..< 0x7f).contains(byte) && byte != 0x5c ? String(UnicodeScalar(byte)) : "\\x" + hex(byte)
    }.joined()
    fatalError("ingestion fuzz finding: \(message)\ninput (\(input.count) bytes, first 200): \(preview)")
}

func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
}

// MARK: - The checks for one input

struct IngestionFuzzCase {
    let input: [UInt8]
    /// A hash of the input's end, from which chunk, batch, cut and limit sizes are chosen.
    let seed: UInt64

    /// The reader's limits: the defaults for half the inputs, small ones (that the fuzzer's
    /// inputs can pass) for the other half.
    let maxFieldBytes: Int
    let maxHeaderBytes: Int

    init(_ input: [UInt8]) {
        self.input = input
        // The last bytes only, so that -minimize_crash can cut the rest and keep the sizes.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in input.suffix(8) { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        hash ^= hash >> 29
        hash = hash &* 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 32
        seed = hash
        // Other bits than pick(_:_:) reads, so that limits and chunk sizes vary independently.
        let limits = (hash ^ 0x9e37_79b9_7f4a_7c15) &* 0xff51_afd7_ed55_8ccd
        let small = limits >> 63 == 0
        maxFieldBytes = small ? 1 + Int((limits >> 20) % 512) : CSVRecordReader.defaultMaxFieldBytes
        maxHeaderBytes = small ? 64 + Int((limits >> 40) % 1024) : CSVRecordReader.defaultMaxHeaderBytes
    }

    /// A number in 0 ..< bound taken from the seed's bits starting at `shift`.
    func pick(_ bound: Int, _ shift: UInt64) -> Int {
        Int((seed >> shift) % UInt64(max(bound, 1)))
    }

    func run() {
        checkLineSplitter(chunk: 1 + pick(7, 0))
        checkLineSplitter(chunk: 1 + pick(300, 8))
        checkQuotedRunCopy(chunk: 1 + pick(40, 12))
        checkQuotedRunCopy(chunk: max(input.count, 1))

        let plainPath = FuzzFiles.path("export.csv")
        let gzipPath = FuzzFiles.path("export.csv.gz")

        // The reference: the whole input in one feed, default batches.
        let reference = readDirect(file: plainPath, chunk: max(input.count, 1), batchSize: 4096, maxBatchBytes: 8 << 20)
        // The same bytes in small and medium chunks, with tiny batches, must give the same.
        for (chunk, batchSize, maxBatchBytes) in [(1 + pick(7, 16), 1 + pick(3, 20), 1 + pick(64, 24)),
                                                  (16 + pick(1000, 32), 1 + pick(50, 42), 1 + pick(4096, 48))] {
            let outcome = readDirect(file: plainPath, chunk: chunk, batchSize: batchSize, maxBatchBytes: maxBatchBytes)
            if outcome != reference {
                finding("chunk \(chunk), batches of \(batchSize)/\(maxBatchBytes) bytes differ from one feed:\n"
                        + "\(outcome)\nvs\n\(reference)", input)
            }
        }

        // Through ByteSource from a plain file, in a small read size.
        FuzzFiles.write(input, to: plainPath)
        let isGzipMagic = input.count >= 2 && input[0] == 0x1f && input[1] == 0x8b
        let fromPlainFile = readSource(path: plainPath, chunkSize: 1 + pick(97, 56))
        if !isGzipMagic && fromPlainFile != reference {
            finding("ByteSource over the plain file differs from direct feeding:\n\(fromPlainFile)\nvs\n\(reference)", input)
        }

        // The input as stored bytes under a .gz name: gzip or an error, never read as CSV.
        FuzzFiles.write(input, to: gzipPath)
        let asStored = readSource(path: gzipPath, chunkSize: 1 + pick(61, 3))
        if !isGzipMagic {
            let expected: CSVFileError = input.isEmpty ? .emptyFile(file: gzipPath) : .notGzip(file: gzipPath)
            if asStored != .failed(expected) { finding(".gz without the magic gave \(asStored)", input) }
        }

        checkParallel(file: plainPath, reference: reference)
        checkGzip(path: gzipPath, reference: reference.naming(gzipPath))
        checkReferenceTable()
    }

    /// Compresses the input and reads it back whole, in two members, cut short, bit-flipped
    /// and followed by garbage.
    func checkGzip(path: String, reference gzReference: FuzzOutcome) {
        let level = pick(10, 5)
        let windowBits = 9 + pick(7, 61)
        let member = FuzzFiles.gzip(input, level: level, windowBits: windowBits)
        let chunkSize = 1 + pick(200, 13)

        FuzzFiles.write(member, to: path)
        let whole = readSource(path: path, chunkSize: chunkSize)
        if whole != gzReference {
            finding("one gzip member (level \(level), window \(windowBits)) differs from the plain bytes:\n\(whole)\nvs\n\(gzReference)", input)
        }

        let split = pick(input.count + 1, 17)
        let twoMembers = FuzzFiles.gzip(Array(input[..<split]), level: level, windowBits: windowBits)
            + FuzzFiles.gzip(Array(input[split...]), level: 9 - level)
        FuzzFiles.write(twoMembers, to: path)
        let concatenated = readSource(path: path, chunkSize: chunkSize)
        if concatenated != gzReference {
            finding("two gzip members split at \(split) differ from the plain bytes:\n\(concatenated)\nvs\n\(gzReference)", input)
        }

        // A file cut anywhere before its end is an error, never a shorter export.
        let cut = pick(member.count, 29)
        FuzzFiles.write(Array(member[..<cut]), to: path)
        let truncated = readSource(path: path, chunkSize: chunkSize)
        switch truncated {
        case .read:
            finding("gzip cut to \(cut) of \(member.count) bytes was read without an error: \(truncated)", input)
        case let .failed(error):
            if cut >= 2, case .read = gzReference, error != .truncatedGzip(file: path, afterBytes: cut) {
                finding("gzip cut to \(cut) of \(member.count) bytes: \(error), not truncatedGzip", input)
            }
        }

        // A flipped bit after the fixed header: an error, or (padding bits) the same records.
        if member.count > 10 {
            var flipped = member
            let at = 10 + pick(member.count - 10, 37)
            flipped[at] ^= UInt8(1) << UInt8(pick(8, 47))
            FuzzFiles.write(flipped, to: path)
            let outcome = readSource(path: path, chunkSize: chunkSize)
            if !outcome.isFailure && outcome != gzReference {
                finding("gzip with a bit flipped at \(at) read without an error into other records:\n\(outcome)", input)
            }
        }

        // Bytes after the last member are an error, whatever they are.
        let garbage = Array(input.prefix(1 + pick(4, 51)))
        if !garbage.isEmpty {
            FuzzFiles.write(member + garbage, to: path)
            let outcome = readSource(path: path, chunkSize: chunkSize)
            if !outcome.isFailure {
                finding("gzip followed by \(garbage.count) garbage bytes was read without an error", input)
            }
        }
    }

    /// CSVTable (register, lookup and population tables) throws only CSVFileError.
    func checkReferenceTable() {
        do {
            let table = try CSVTable.parse(input, file: "table.csv")
            _ = table.rows.count
        } catch is CSVFileError {
        } catch {
            finding("CSVTable.parse threw \(type(of: error)): \(error)", input)
        }
    }

    /// Splits the input in `chunk`-byte chunks and checks that the pieces put the bytes back
    /// together, each with at most one line break, at its end, and that no break is lost.
    func checkLineSplitter(chunk: Int) {
        var splitter = LineSplitter()
        var joined = 0
        var breaks = 0
        var previousHeldCR = false
        let body = { (piece: UnsafeRawBufferPointer, endsLine: Bool) in
            // A piece after a held-back CR may be empty or the LF alone; any other piece has bytes.
            if piece.isEmpty && !(previousHeldCR && endsLine) { finding("LineSplitter gave an empty piece", input) }
            for (i, byte) in piece.enumerated() where byte == LineSplitter.lf || byte == LineSplitter.cr {
                let last = i == piece.count - 1
                let crBeforeFinalLF = byte == LineSplitter.cr && i == piece.count - 2 && piece[i + 1] == LineSplitter.lf
                if !last && !crBeforeFinalLF { finding("LineSplitter piece with a line break inside (chunk \(chunk))", input) }
            }
            previousHeldCR = !endsLine && piece.last == LineSplitter.cr
            if endsLine { breaks += 1 }
            if joined + piece.count > input.count || !piece.elementsEqual(input[joined ..< joined + piece.count]) {
                finding("LineSplitter lost or reordered bytes (chunk \(chunk))", input)
            }
            joined += piece.count
        }
        input.withUnsafeBytes { all in
            var offset = 0
            while offset < all.count {
                let end = min(offset + chunk, all.count)
                splitter.split(UnsafeRawBufferPointer(rebasing: all[offset ..< end]), body)
                offset = end
            }
        }
        splitter.finish(body)
        if joined != input.count { finding("LineSplitter lost or reordered bytes (chunk \(chunk))", input) }
        var expected = 0
        var i = 0
        while i < input.count {
            if input[i] == LineSplitter.lf {
                expected += 1
            } else if input[i] == LineSplitter.cr {
                expected += 1
                if i + 1 < input.count && input[i + 1] == LineSplitter.lf { i += 1 }
            }
            i += 1
        }
        if breaks != expected { finding("LineSplitter ended \(breaks) lines, the input has \(expected) (chunk \(chunk))", input) }
    }

    /// CSVParser with and without the quoted-run copy, fed the same chunks, must hand its sink
    /// the same events.
    func checkQuotedRunCopy(chunk: Int) {
        func trace(copying: Bool) -> [String] {
            let parser = CSVParser(copyingQuotedRuns: copying)
            var sink = TraceSink()
            var failure: String?
            input.withUnsafeBytes { all in
                var offset = 0
                do {
                    while offset < all.count {
                        let end = min(offset + chunk, all.count)
                        try parser.feed(UnsafeRawBufferPointer(rebasing: all[offset ..< end]), into: &sink)
                        offset = end
                    }
                    try parser.finish(into: &sink)
                } catch {
                    failure = "\(error)"
                }
            }
            return sink.events + ["line \(parser.line) \(parser.hadByteOrderMark) \(parser.isAtRest) \(failure ?? "")"]
        }
        let copied = trace(copying: true)
        let reference = trace(copying: false)
        if copied != reference {
            let at = zip(copied, reference).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(copied.count, reference.count)
            finding("quoted-run copy (chunk \(chunk)) differs at event \(at): "
                    + "\(copied.dropFirst(at).first ?? "none") vs \(reference.dropFirst(at).first ?? "none")", input)
        }
    }

    /// The differential check of parallel parsing: the input cut into record-aligned pieces by
    /// a PieceCutter (chunk, piece and cap sizes from the seed, down to one byte) and parsed by
    /// 1-3 PieceParsers, group g by parser g % N as the run deals them, must give what one
    /// reader gives. Pieces are parsed in sequence order, one schedule the run may take.
    func checkParallel(file: String, reference: FuzzOutcome) {
        let workers = 1 + pick(3, 50)
        let chunk = 1 + pick(64, 52)
        let pieceSize = 1 + pick(32, 56)
        let maxPieceBytes = pieceSize + pick(48, 58)
        let batchSize = 1 + pick(5, 61)
        let label = "\(workers) workers, chunks of \(chunk), pieces of \(pieceSize) to \(maxPieceBytes)"
        var cutter = PieceCutter(inputPaths: Array(repeating: file, count: 4), pieceSize: pieceSize,
                                 maxPieceBytes: maxPieceBytes, maxFieldBytes: maxFieldBytes, maxHeaderBytes: maxHeaderBytes)
        var pieces: [RecordPiece] = []
        var cutterError: CSVFileError?
        do {
            var offset = 0
            while offset < input.count {
                let end = min(offset + chunk, input.count)
                pieces += try cutter.consume(.chunk(fileIndex: 3, bytes: Array(input[offset ..< end])))
                offset = end
            }
            pieces += try cutter.consume(.end(.init(fileIndex: 3, path: file, bytes: input.count, sha256: "", compressed: false)))
        } catch let error as CSVFileError {
            cutterError = error
        } catch {
            finding("\(type(of: error)) escaped PieceCutter: \(error)", input)
        }

        // The pieces: numbered in order, groups whole, and their bytes the input after the head.
        var cut: [UInt8] = []
        for (index, piece) in pieces.enumerated() {
            let previous = index > 0 ? pieces[index - 1] : nil
            if piece.sequence != index || piece.group != (previous.map { $0.group + ($0.endsGroup ? 1 : 0) } ?? 0)
                || piece.startsGroup != (previous?.endsGroup ?? true) || (piece.end != nil) != (cutterError == nil && index == pieces.count - 1) {
                finding("piece \(index) misnumbered or out of its group (\(label))", input)
            }
            cut += piece.bytes
        }
        if !input.reversed().starts(with: cut.reversed()) { finding("pieces are not the input after its head (\(label))", input) }

        var parsers = (0 ..< workers).map { _ in
            PieceParser(inputPaths: Array(repeating: file, count: 4), batchSize: batchSize, maxFieldBytes: maxFieldBytes)
        }
        let collector = FuzzCollector(case: self, batchSize: batchSize)
        var records = 0
        var outcome: FuzzOutcome?
        for piece in pieces {
            do {
                let (batches, count) = try parsers[piece.group % workers].parse(piece)
                collector.take(batches)
                records += count
                if piece.end != nil {
                    outcome = .read(records: collector.records, recordCount: records,
                                    unknownColumns: piece.header.unknownColumns, hadByteOrderMark: piece.header.hadByteOrderMark)
                }
            } catch let error as CSVFileError {
                outcome = .failed(error)
                break
            } catch {
                finding("\(type(of: error)) escaped PieceParser: \(error)", input)
            }
        }
        if let cutterError, outcome == nil { outcome = .failed(cutterError) }
        guard let outcome else { finding("no file end among the pieces (\(label))", input) }
        if outcome != reference {
            finding("parallel parsing (\(label)) differs from one reader:\n\(outcome)\nvs\n\(reference)", input)
        }
    }

    /// Feeds the input to a CSVRecordReader in `chunk`-byte chunks.
    func readDirect(file: String, chunk: Int, batchSize: Int, maxBatchBytes: Int) -> FuzzOutcome {
        let reader = CSVRecordReader(file: file, fileIndex: 3, batchSize: batchSize, maxBatchBytes: maxBatchBytes,
                                     maxFieldBytes: maxFieldBytes, maxHeaderBytes: maxHeaderBytes)
        let collector = FuzzCollector(case: self, batchSize: batchSize)
        return outcome(reader, collector) {
            try input.withUnsafeBytes { all in
                var offset = 0
                while offset < all.count {
                    let end = min(offset + chunk, all.count)
                    try reader.feed(UnsafeRawBufferPointer(rebasing: all[offset ..< end]))
                    collector.take(reader.takeBatches())
                    offset = end
                }
            }
        }
    }

    /// Reads the file at `path` the way ExportReader does, in `chunkSize`-byte reads.
    func readSource(path: String, chunkSize: Int) -> FuzzOutcome {
        let reader = CSVRecordReader(file: path, fileIndex: 3, batchSize: 7, maxBatchBytes: 1 << 16,
                                     maxFieldBytes: maxFieldBytes, maxHeaderBytes: maxHeaderBytes)
        let collector = FuzzCollector(case: self, batchSize: 7)
        return outcome(reader, collector) {
            let source = try ByteSource(path: path, chunkSize: chunkSize)
            var reads = 0
            while try source.read({ try reader.feed($0) }) {
                collector.take(reader.takeBatches())
                reads += 1
                // Each read delivers at least one byte of at most 2^16 inputs' worth of output.
                if reads > 64 << 20 { finding("ByteSource.read never ends", input) }
            }
            _ = source.sha256Hex()
        }
    }

    /// Runs `feed`, then finishes `reader`; the records, or the CSVFileError thrown.
    private func outcome(_ reader: CSVRecordReader, _ collector: FuzzCollector,
                         _ feed: () throws -> Void) -> FuzzOutcome {
        do {
            try feed()
            try reader.finish()
            collector.take(reader.takeBatches())
            if reader.recordCount != collector.records.count {
                finding("recordCount \(reader.recordCount) but \(collector.records.count) records in batches", input)
            }
            return .read(records: collector.records, recordCount: reader.recordCount,
                         unknownColumns: reader.unknownColumns, hadByteOrderMark: reader.hadByteOrderMark)
        } catch let error as CSVFileError {
            return .failed(error)
        } catch {
            finding("\(type(of: error)) escaped the ingestion stage: \(error)", input)
        }
    }
}

/// Copies records out of batches, checking each batch on the way.
final class FuzzCollector {
    let `case`: IngestionFuzzCase
    let batchSize: Int
    var records: [FuzzRecord] = []

    init(case: IngestionFuzzCase, batchSize: Int) {
        self.case = `case`
        self.batchSize = batchSize
    }

    func take(_ batches: [RawRecordBatch]) {
        for batch in batches {
            if batch.count == 0 { finding("an empty batch was handed on", self.case.input) }
            if batch.count > batchSize { finding("a batch of \(batch.count) records, limit \(batchSize)", self.case.input) }
            if batch.fileIndex != 3 { finding("a batch for file \(batch.fileIndex)", self.case.input) }
            for record in 0 ..< batch.count {
                let line = batch.lines[record]
                // The header is line 1; each record starts on a later line than the one before.
                if line < 2 || line <= (records.last?.line ?? 1) {
                    finding("record on line \(line) after one on line \(records.last?.line ?? 1)", self.case.input)
                }
                var digest: UInt64 = 0xcbf2_9ce4_8422_2325
                batch.bytes.withUnsafeBufferPointer { bytes in
                    for column in ExportColumn.allCases {
                        let range = batch.range(record, column)
                        digest = (digest ^ UInt64(range.count)) &* 0x0000_0100_0000_01b3
                        for byte in bytes[range] { digest = (digest ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
                    }
                }
                records.append(FuzzRecord(line: line, fault: batch.faults[record], fields: digest))
            }
        }
    }
}

// MARK: - Scratch files

/// The fuzzer's scratch files: one folder per process, in /dev/shm when there is one.
enum FuzzFiles {
    static let folder: String = {
        let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        let folder = "\(base)/annual-review-fuzz-\(getpid())"
        mkdir(folder, 0o700)
        atexit {
            for name in ["export.csv", "export.csv.gz"] { unlink(FuzzFiles.path(name)) }
            rmdir(FuzzFiles.folder)
        }
        return folder
    }()

    static func path(_ name: String) -> String { folder + "/" + name }

    static func write(_ bytes: [UInt8], to path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { fatalError("cannot create \(path): errno \(errno)") }
        defer { close(descriptor) }
        bytes.withUnsafeBytes { all in
            var offset = 0
            while offset < all.count {
                let n = Glibc.write(descriptor, all.baseAddress! + offset, all.count - offset)
                guard n > 0 else { fatalError("cannot write \(path): errno \(errno)") }
                offset += n
            }
        }
    }

    /// One gzip member holding `bytes`, compressed in memory by zlib at `level` (0-9) with a
    /// window of 2^`windowBits` bytes (9-15; any window inflates with the reader's 15).
    static func gzip(_ bytes: [UInt8], level: Int, windowBits: Int = 15) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            deflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        // deflateInit2 is a macro; its function takes the version and the struct size.
        // memLevel 1 keeps deflate's state (and ASan's work on it) small.
        let status = deflateInit2_(stream, Int32(min(max(level, 0), 9)), Z_DEFLATED,
                                   Int32(min(max(windowBits, 9), 15) + 16), 1, Z_DEFAULT_STRATEGY,
                                   zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { fatalError("deflateInit2 failed: \(status)") }
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(bytes.count))) + 32)
        let produced = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.pointee.next_in = source.baseAddress
                stream.pointee.avail_in = uInt(source.count)
                stream.pointee.next_out = target.baseAddress
                stream.pointee.avail_out = uInt(target.count)
                guard deflate(stream, Z_FINISH) == Z_STREAM_END else { fatalError("deflate did not finish") }
                return target.count - Int(stream.pointee.avail_out)
            }
        }
        return Array(output[..<produced])
    }
}

/// Every event a CSVParser hands its sink, each field as a digest of its bytes.
struct TraceSink: CSVSink {
    var events: [String] = []

    mutating func field(_ bytes: UnsafeRawBufferPointer, recordLine: Int) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        events.append("field \(recordLine) \(bytes.count) \(hash)")
    }

    mutating func endRecord() { events.append("end") }

    mutating func parsed(_ step: CSVStep) throws { events.append("\(step)") }
}
