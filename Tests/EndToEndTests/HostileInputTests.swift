import Foundation
import Testing
import TestSupport

/// Hostile and broken exports through the real executable, as cron runs it.
///
/// Every case first publishes a good run into its output folder, then runs the hostile file
/// into the same folder, and checks: the exit code; for a file-level problem, one error line
/// naming the file and exit 65 with the previous outputs byte-identical; for bad rows, the
/// spec's reject reason at the right physical line; and always that nothing crashed, hung
/// (killed after 60 s), grew past 512 MiB or left a staging folder behind.
@Suite struct HostileInputTests {
    typealias E = HostileExport

    /// A reject expected in rejects.csv: its line, reason code, and words of its detail.
    struct Rejected: Sendable, Equatable, CustomStringConvertible {
        let line: Int
        let reason: String
        var detail: String? = nil
        var description: String { "\(line) \(reason)" + (detail.map { " (\($0))" } ?? "") }
    }

    /// What a published run left, for a case's own checks.
    struct Published {
        let out: String
        let manifest: [String: Any]
        let authorityYear: [[String: String]]

        /// The authority_year.csv row of `code` in `year`.
        func row(_ year: String, _ code: String) throws -> [String: String] {
            try #require(authorityYear.first { $0["year"] == year && $0["authority_code"] == code },
                         "no authority_year row for \(code) in \(year)")
        }

        var counts: [String: Any] { manifest["counts"] as? [String: Any] ?? [:] }
        var input: [String: Any] { (manifest["inputs"] as? [[String: Any]])?.first ?? [:] }
    }

    enum Expected: Sendable {
        /// Exit 65, one error line naming the file and holding one of `phrases`; nothing published.
        case fileError([String])
        /// Exit 65 for the run as a whole (a limit); nothing published, the rejects kept as `<out>.rejects.csv`.
        case runError(String, kept: [Rejected])
        /// Exit 0: the data rows read, the cases left, exactly these rejects, and the case's own checks.
        case published(rows: Int, cases: Int, rejects: [Rejected] = [],
                       check: (@Sendable (Published) throws -> Void)? = nil)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// The input's file name (its suffix matters: `.gz` promises gzip).
        let file: String
        let bytes: @Sendable () throws -> [UInt8]
        let expected: Expected
        /// Options besides the register, rules and output folder.
        let options: [String]
        /// Set while a known bug makes the case fail: the case then records a known issue.
        let knownIssue: String?
        /// Seconds after which the run is killed: 60, or 10 for a known issue (no need to wait for it).
        let deadline: Double

        var testDescription: String { name }

        init(_ name: String, file: String = "decisions.csv", _ expected: Expected, options: [String]? = nil,
             knownIssue: String? = nil, bytes: @escaping @Sendable () throws -> [UInt8]) {
            self.name = name
            self.file = file
            self.bytes = bytes
            self.expected = expected
            // Rows are the point of a published case: let every reject through the limit.
            if case .published = expected {
                self.options = options ?? ["--max-reject-rate", "100%"]
            } else {
                self.options = options ?? []
            }
            self.knownIssue = knownIssue
            deadline = knownIssue == nil ? 60 : 10
        }
    }

    // MARK: - The cases

    static let nowhere = E.row("19 099 999", name: "Nowhere Borough Council")

    /// A day 400 days after the test runs (`yyyy-mm-dd`) and the label of its reporting year.
    static let nextYear: (date: String, label: String) = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = calendar.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(400 * 86_400))
        let (y, m, d) = (day.year!, day.month!, day.day!)
        let start = m >= 4 ? y : y - 1
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return ("\(y)-\(two(m))-\(two(d))", "\(start)-\(two((start + 1) % 100))")
    }()

    static let fileCases: [Case] = [
        Case("truncated gzip, cut mid-stream", file: "decisions.csv.gz", .fileError(["truncated gzip stream"])) {
            let gz = try E.gzip(E.good)
            return Array(gz[..<(gz.count / 2)])
        },
        Case("gzip without its trailer", file: "decisions.csv.gz", .fileError(["truncated gzip stream"])) {
            Array(try E.gzip(E.good).dropLast(8))
        },
        Case("gzip with a flipped bit in its CRC", file: "decisions.csv.gz",
             .fileError(["corrupt gzip data: incorrect data check"])) {
            var gz = try E.gzip(E.good)
            gz[gz.count - 6] ^= 0x01
            return gz
        },
        Case("gzip with a flipped bit in the compressed data", file: "decisions.csv.gz",
             .fileError(["corrupt gzip data", "truncated gzip stream", "unexpected bytes after gzip member"])) {
            var gz = try E.gzip(E.good)
            gz[gz.count / 2] ^= 0x10
            return gz
        },
        Case("second gzip member truncated", file: "decisions.csv.gz", .fileError(["truncated gzip stream"])) {
            try E.gzip(E.good) + E.gzip(E.csv([E.row("19 000 101"), E.row("19 000 102")])).dropLast(12)
        },
        Case("bytes after the last gzip member", file: "decisions.csv.gz",
             .fileError(["unexpected bytes after gzip member"])) {
            try E.gzip(E.good) + Array("PK\u{3}\u{4} not a gzip member".utf8)
        },
        Case("plain CSV named .csv.gz", file: "decisions.csv.gz", .fileError(["not a gzip file"])) { E.good },
        Case("zip archive named .csv.gz", file: "decisions.csv.gz", .fileError(["not a gzip file"])) {
            [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00] + Array(repeating: 0xA5, count: 64)
        },
        Case("empty file", .fileError(["empty file (no header row)"])) { [] },
        Case("empty file named .csv.gz", file: "decisions.csv.gz", .fileError(["empty file (no header row)"])) { [] },
        Case("nothing but blank lines", .fileError(["empty file (no header row)"])) { Array("\n\r\n\n\r".utf8) },
        Case("required column missing", .fileError(["required column category is missing from the header"])) {
            E.csv(["reference,authority_name,received_date,last_updated",
                   "19 012 352,Leicester City Council,03/04/2019,2020-02-01"])
        },
        Case("same column twice under two spellings", .fileError(["column last_updated appears more than once"])) {
            E.csv([E.header + ",Last Updated", E.goodRows[0] + ",2020-02-01"])
        },
        // The field number in this message is always 1 (see the hostile-input report), so it is left out.
        Case("stray quote in the header", .fileError([":1: header: text after a closing quote in field"])) {
            E.csv(["reference,\"authority_name\"x,category,received_date,last_updated", E.goodRows[0]])
        },
        Case("quote in the header never closed", .fileError([":1: header: quoted field not closed before the end of the file"])) {
            E.csv(["reference,\"authority_name,category,received_date,last_updated", E.row("19 000 001")], final: false)
        },
        Case("gzip inside gzip", file: "decisions.csv.gz",
             .fileError(["is missing from the header", "header:", "empty file"])) {
            try E.gzip(try E.gzip(E.good))
        },
        Case("binary file named .csv", .fileError(["is missing from the header", "header:", "empty file"])) {
            var bytes: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
            var state: UInt32 = 12345
            for _ in 0 ..< 4096 {
                state = state &* 1_103_515_245 &+ 12345
                bytes.append(UInt8(truncatingIfNeeded: state >> 16))
            }
            return bytes
        },
    ]

    static let limitCases: [Case] = [
        Case("header only: fewer rows than --min-rows 1", .runError("read 0 data rows, fewer than the minimum of 1", kept: [])) {
            E.csv([E.header])
        },
        Case("gzip holding only a header", file: "decisions.csv.gz",
             .runError("read 0 data rows, fewer than the minimum of 1", kept: [])) {
            try E.gzip(E.csv([E.header], final: false))
        },
        Case("every row rejected: over the reject limit",
             .runError("rejected 2 of 2 rows (100%), over the limit of 1%",
                       kept: [Rejected(line: 2, reason: "unknown_authority"), Rejected(line: 3, reason: "ambiguous_authority")])) {
            E.csv([E.header, nowhere, E.row("19 099 998", name: "Newcastle")])
        },
    ]

    static let byteCases: [Case] = [
        Case("two gzip members: a delta appended", file: "decisions.csv.gz", .published(rows: 5, cases: 5)) {
            try E.gzip(E.good) + E.gzip(E.csv([E.row("19 000 101"), E.row("19 000 102")]), level: 1)
        },
        Case("gzip members split in the middle of a row", file: "decisions.csv.gz", .published(rows: 3, cases: 3)) {
            let csv = E.good
            return try E.gzip(Array(csv[..<250])) + E.gzip(Array(csv[250...]), level: 9)
        },
        Case("UTF-8 byte-order mark", .published(rows: 3, cases: 3) { published throws in
            #expect(published.input["byte_order_mark"] as? Bool == true)
        }) { [0xef, 0xbb, 0xbf] + E.good },
        Case("byte-order mark in a gzip file", file: "decisions.csv.gz", .published(rows: 3, cases: 3)) {
            try E.gzip([0xef, 0xbb, 0xbf] + E.good)
        },
        Case("CRLF, LF and lone CR mixed", .published(rows: 4, cases: 3, rejects: [Rejected(line: 5, reason: "unknown_authority")])) {
            Array((E.header + "\r\n" + E.goodRows[0] + "\n" + E.goodRows[1] + "\r" + E.goodRows[2] + "\r\n" + nowhere + "\r").utf8)
        },
        Case("no line break after the last row", .published(rows: 4, cases: 3, rejects: [Rejected(line: 5, reason: "unknown_authority")])) {
            E.csv([E.header] + E.goodRows + [nowhere], eol: "\r\n", final: false)
        },
        Case("blank lines between rows", .published(rows: 4, cases: 3, rejects: [Rejected(line: 8, reason: "unknown_authority")])) {
            E.csv([E.header, "", E.goodRows[0], "", "", E.goodRows[1], E.goodRows[2], nowhere])
        },
        Case("quotes, commas and line breaks inside fields",
             .published(rows: 3, cases: 2, rejects: [Rejected(line: 7, reason: "unknown_authority")])) {
            // The summary spans lines 2-5 (LF, CRLF and CR inside the quotes).
            E.csv([E.header,
                   "\"19 000 001\",\"Leicester City Council\",,\"Housing\",,\"03/04/2019\",,,,,,,,\"2019-06-01T09:00:00\","
                       + "\"one\ntwo\r\nthree, \"\"four\"\"\rfive\"",
                   E.row("19 000 002", summary: "\"\""),
                   nowhere])
        },
        Case("unterminated quote at the end of the file",
             .published(rows: 2, cases: 1, rejects: [Rejected(line: 3, reason: "unterminated_quote", detail: "not closed")])) {
            // Everything after the opening quote is one field: the rows below it are swallowed.
            E.csv([E.header, E.goodRows[0], E.row("19 000 002", summary: "\"never closed, runs to the end"),
                   E.goodRows[1], E.goodRows[2]])
        },
        Case("unterminated quote at the end of a gzip file", file: "decisions.csv.gz",
             .published(rows: 2, cases: 1, rejects: [Rejected(line: 3, reason: "unterminated_quote")])) {
            try E.gzip(E.csv([E.header, E.goodRows[0], "19 000 002,\"Leicester City"], final: false))
        },
        Case("stray quote inside a quoted field",
             .published(rows: 3, cases: 1, rejects: [
                 Rejected(line: 2, reason: "unterminated_quote", detail: "text after a closing quote in field 2, line 2"),
                 Rejected(line: 4, reason: "unknown_authority")])) {
            E.csv([E.header, "19 000 001,\"Leicester \"City\" Council\",,Housing,,03/04/2019,,,,,,,,2019-06-01T09:00:00,",
                   E.goodRows[0], nowhere])
        },
        Case("stray quote in a quoted field that spans lines",
             .published(rows: 2, cases: 1, rejects: [
                 Rejected(line: 2, reason: "unterminated_quote", detail: "text after a closing quote in field 15, line 3")])) {
            E.csv([E.header, E.row("19 000 001", summary: "\"line one\nline \"two\" and more\""), E.goodRows[0]])
        },
        Case("quote inside an unquoted field",
             .published(rows: 2, cases: 1, rejects: [
                 Rejected(line: 2, reason: "unterminated_quote", detail: "a quote inside an unquoted field in field 2")])) {
            E.csv([E.header, E.row("19 000 001", name: "Leicester \"City\" Council"), E.goodRows[1]])
        },
        Case("NUL bytes in fields and lines",
             .published(rows: 3, cases: 1, rejects: [
                 Rejected(line: 3, reason: "field_count", detail: "1 fields, expected 15"),
                 Rejected(line: 4, reason: "unknown_authority")])) {
            E.csv([E.header, E.row("19 000 001", summary: "a\u{0}b"), "\u{0}\u{0}\u{0}",
                   E.row("19 000 002", name: "Leic\u{0}ester City Council")])
        },
        Case("Windows-1252 text", .published(rows: 2, cases: 2) { published throws in
            // 0xA0 (no-break space) in the name still matches; the row counts as re-encoded.
            #expect(published.counts["rows_reencoded"] as? Int == 1)
            #expect(try published.row("2019-20", "LCE")["received_total"] == "2")
        }) {
            let name = Array("Leicester".utf8) + [0xA0] + Array("City Council".utf8)
            let summary: [UInt8] = [0x93] + Array("quoted".utf8) + [0x94, 0x20, 0xA3] + Array("500".utf8)
            return Array((E.header + "\n19 000 001,").utf8) + name + Array(",,Housing,,03/04/2019,,,,,,,,2019-06-01T09:00:00,".utf8)
                + summary + Array(("\n" + E.goodRows[2] + "\n").utf8)
        },
        Case("invalid UTF-8", .published(rows: 2, cases: 2) { published throws in
            #expect(published.counts["rows_reencoded"] as? Int == 1)
        }) {
            // A lone lead byte, an 0xFF, and an encoded surrogate: none is UTF-8.
            Array((E.header + "\n").utf8) + Array(E.row("19 000 001", summary: "bad ").utf8)
                + [0xC3, 0x28, 0x20, 0xFF, 0x20, 0xED, 0xA0, 0x80] + Array(("\n" + E.goodRows[2] + "\n").utf8)
        },
    ]

    static let sizeCases: [Case] = [
        Case("a 10 MB quoted field with 100 line breaks",
             .published(rows: 3, cases: 2, rejects: [Rejected(line: 104, reason: "unknown_authority")])) {
            // The summary spans lines 2-102; the next row is on 103, the unknown one on 104.
            let piece = String(repeating: "x", count: 99_990) + ", \"\"q\"\"\n"
            let summary = "\"" + String(repeating: piece, count: 100) + "\""
            return E.csv([E.header, E.row("19 000 001", summary: summary), E.goodRows[1], nowhere])
        },
        Case("a 3 MB line without quotes", .published(rows: 3, cases: 2, rejects: [Rejected(line: 4, reason: "unknown_authority")])) {
            E.csv([E.header, E.row("19 000 001", summary: String(repeating: "y", count: 3_000_000)), E.goodRows[1], nowhere])
        },
        // Before the header limit, ExportColumn.headerKey took quadratic time on such a cell: a 5 KB
        // file kept the run busy for hours.
        Case("a 5 MB header without a line break, in 5 KB of gzip", file: "decisions.csv.gz",
             .fileError([":1: header: longer than 65536 bytes"])) {
            try E.gzip([UInt8](repeating: UInt8(ascii: "a"), count: 5_000_000), level: 9)
        },
        Case("a header of a million commas", .fileError([":1: header: longer than 65536 bytes"])) {
            E.csv([String(repeating: ",", count: 1_000_000), E.goodRows[0]])
        },
        // A quote never closed early in a full export swallows the rest into one field: without the
        // limit, past 2 GiB the batch's 32-bit offsets trapped (exit 132) after using 4 GB of memory.
        Case("a quote never closed, then 70 MB of rows", file: "decisions.csv.gz",
             .fileError([":3: a field longer than 67108864 bytes (a quoted field never closed?)"])) {
            let rows = String(repeating: E.goodRows[1] + "\n", count: 70_000_000 / (E.goodRows[1].utf8.count + 1))
            return try E.gzip(E.csv([E.header, E.goodRows[0], E.row("19 000 002", summary: "\"opened, never closed")])
                              + Array(rows.utf8), level: 1)
        },
        // Found by scripts/fuzz: libcsv holds a closing quote for a byte before it knows the field
        // has ended, so a field of exactly the limit whose quote ended a read chunk was refused.
        // The file is read in 1 MiB chunks: the padding puts the closing quote on a chunk's last byte.
        Case("a field of exactly 64 MiB whose closing quote ends a read chunk", .published(rows: 2, cases: 2)) {
            let prefix = Array((E.header + "\n19 000 001,Leicester City Council,,Housing,").utf8)
            let middle = Array(",03/04/2019,,,,,,,,2019-06-01T09:00:00,\"".utf8)
            let padding = (1 << 20) - (prefix.count + middle.count + 1) % (1 << 20)
            return prefix + [UInt8](repeating: UInt8(ascii: "p"), count: padding) + middle
                + [UInt8](repeating: UInt8(ascii: "x"), count: 64 << 20) + Array("\"\n\(E.goodRows[1])\n".utf8)
        },
        Case("200,000 fields on one line", .published(rows: 2, cases: 1, rejects: [
            Rejected(line: 2, reason: "field_count", detail: "200001 fields, expected 15")])) {
            E.csv([E.header, "19 000 003" + String(repeating: ",", count: 200_000), E.goodRows[0]])
        },
        Case("field counts too low and too high", .published(rows: 3, cases: 1, rejects: [
            Rejected(line: 2, reason: "field_count", detail: "2 fields, expected 15"),
            Rejected(line: 3, reason: "field_count", detail: "16 fields, expected 15")])) {
            E.csv([E.header, "19 000 001,Leicester City Council", E.goodRows[0] + ",extra", E.goodRows[1]])
        },
    ]

    static let columnCases: [Case] = [
        Case("columns reordered, optional ones missing", .published(rows: 1, cases: 1) { published throws in
            #expect(try published.row("2019-20", "LCE")["received_housing"] == "1")
        }) {
            E.csv(["last_updated,category,received_date,authority_name,reference",
                   "2020-02-01T10:22:31,Housing,03/04/2019,Leicester City Council,19 012 350"])
        },
        Case("columns renamed: case, spaces, hyphens", .published(rows: 1, cases: 1) { published throws in
            #expect(try published.row("2019-20", "LCE")["upheld"] == "1")
        }) {
            E.csv([" Reference ,AUTHORITY NAME,Category,Received-Date,last updated,decision date,Decision",
                   "19 012 351,Leicester City Council,Housing,03/04/2019,2020-02-01,2019-12-01,Upheld"])
        },
        Case("extra unknown columns", .published(rows: 3, cases: 3) { published throws in
            #expect(published.input["unknown_columns"] as? [String] == ["caseworker", "Notes"])
        }) {
            E.csv([E.header + ",caseworker,Notes"] + E.goodRows.map { $0 + ",Jane,\"a, b\"" })
        },
    ]

    static let rowCases: [Case] = [
        Case("duplicate references with equal last_updated: the later row wins",
             .published(rows: 4, cases: 2) { published throws in
            #expect(published.counts["duplicates_superseded"] as? Int == 2)
            let leicester = try published.row("2019-20", "LCE"), kent = try published.row("2019-20", "KEN")
            #expect(leicester["received_housing"] == "0")
            #expect(leicester["received_education_children"] == "1")
            #expect(kent["received_housing"] == "1")
            #expect(kent["received_education_children"] == "0")
        }) {
            // Same case, spelled two ways, same timestamp: the second row in the file is the case.
            E.csv([E.header,
                   E.row("19 000 001", category: "Housing", lastUpdated: "2019-06-01T09:00:00"),
                   E.row("19000001", category: "Education and children's services", lastUpdated: "2019-06-01T09:00:00"),
                   E.row("19-000-002", name: "Kent County Council", category: "Education and children's services",
                         lastUpdated: "2019-07-01T00:00:00Z"),
                   E.row("19 000 002", name: "Kent County Council", category: "Housing",
                         lastUpdated: "2019-07-01T00:00:00Z")])
        },
        Case("impossible dates", .published(rows: 6, cases: 1, rejects: [
            Rejected(line: 2, reason: "bad_date", detail: "31/02/2020"),
            Rejected(line: 3, reason: "bad_date", detail: "29/02/2021"),
            Rejected(line: 4, reason: "bad_date", detail: "2020-13-01"),
            Rejected(line: 5, reason: "bad_date", detail: "31/04/2020"),
            Rejected(line: 6, reason: "bad_date", detail: "2019-06-31T09:00:00")])) {
            E.csv([E.header,
                   E.row("19 000 001", received: "31/02/2020"),
                   E.row("19 000 002", received: "29/02/2021"),
                   E.row("19 000 003", received: "2020-13-01"),
                   E.row("19 000 004", decisionDate: "31/04/2020", decision: "Upheld"),
                   E.row("19 000 005", lastUpdated: "2019-06-31T09:00:00"),
                   E.goodRows[0]])
        },
        // A received date after the run is not impossible (export-format.md lists only dates that
        // do not exist): the row is accepted, and its reporting year is published like any other.
        Case("received date after the run: accepted", .published(rows: 2, cases: 2) { published throws in
            #expect(try published.row(nextYear.label, "LCE")["received_total"] == "1")
            #expect(try published.row("2019-20", "KEN")["received_total"] == "1")
        }) {
            E.csv([E.header, E.row("19 000 001", received: nextYear.date, lastUpdated: nextYear.date + "T00:00:00"),
                   E.goodRows[1]])
        },
        // Only the years holding counts are published, not the span: no century of empty years
        // (which took 228 s and 270 MB of letters before).
        Case("received in 2099: accepted, no empty years between", .published(rows: 2, cases: 2) { published throws in
            #expect(try published.row("2098-99", "LCE")["received_total"] == "1")
            #expect(Set(published.authorityYear.compactMap { $0["year"] }) == ["2019-20", "2098-99"])
        }) {
            E.csv([E.header, E.row("19 000 001", received: "2099-01-01", lastUpdated: "2099-01-02T00:00:00"),
                   E.goodRows[1]])
        },
        Case("received in December 9999", .published(rows: 2, cases: 1, rejects: [
            Rejected(line: 2, reason: "bad_date")])) {
            E.csv([E.header, E.row("19 000 001", received: "31/12/9999", lastUpdated: "9999-12-31T00:00:00"),
                   E.goodRows[1]])
        },
        Case("received in January of year 1", .published(rows: 2, cases: 1, rejects: [
            Rejected(line: 2, reason: "bad_date")])) {
            E.csv([E.header, E.row("19 000 001", received: "01/01/0001", lastUpdated: "0001-01-02T00:00:00"),
                   E.goodRows[1]])
        },
        Case("unknown and ambiguous authorities", .published(rows: 5, cases: 2, rejects: [
            Rejected(line: 2, reason: "unknown_authority", detail: "nowhere borough council"),
            Rejected(line: 3, reason: "ambiguous_authority", detail: "NEC, NET"),
            Rejected(line: 4, reason: "unknown_authority", detail: "E99999999")])) {
            E.csv([E.header, nowhere, E.row("19 000 002", name: "Newcastle"),
                   E.row("19 000 003", name: "Leicester City Council", code: "E99999999"),
                   E.goodRows[0], E.goodRows[1]])
        },
    ]

    static let allCases = fileCases + limitCases + byteCases + sizeCases + columnCases + rowCases

    /// `annual-review run` on the sample register and the project's rule tables.
    static func arguments(out: String, _ options: [String], _ input: String) -> [String] {
        ["run", "--register", PackagePaths.path("sample-data/register.csv"),
         "--lookup", PackagePaths.path("sample-data/name-lookup.csv"),
         "--decision-rules", PackagePaths.path("pipelines/rules/decisions.yaml"),
         "--service-area-rules", PackagePaths.path("pipelines/rules/service-areas.yaml"),
         "--out", out] + options + [input]
    }

    /// A folder published by one good run of the executable, copied in as every case's previous
    /// outputs (a run costs about a second, mostly letters; once is enough).
    static let goodPublication: Result<String, any Error> = Result {
        let folder = try TemporaryFolder("hostile-good").path
        let good = folder + "/good.csv", out = folder + "/out"
        try Data(E.good).write(to: URL(fileURLWithPath: good))
        let run = try HostileProcess.run(arguments(out: out, [], good))
        guard run.status == 0 else { throw HostileSetupError("the good run failed: \(run.stderr)") }
        return out
    }

    /// The files every publication holds (letters and the report come beside them).
    static let tables: Set<String> = ["authority_year.csv", "type_year.csv", "comparison.csv", "rejects.csv", "manifest.json"]

    // MARK: - The test

    @Test(arguments: allCases)
    func hostileInput(_ hostile: Case) throws {
        if let knownIssue = hostile.knownIssue {
            withKnownIssue(Comment(rawValue: knownIssue)) { try check(hostile) }
        } else {
            try check(hostile)
        }
    }

    func check(_ hostile: Case) throws {
        let folder = try TemporaryFolder("hostile").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        let input = folder + "/" + hostile.file

        // A previous good publication, which a failing run must leave byte for byte.
        try FileManager.default.copyItem(atPath: try Self.goodPublication.get(), toPath: out)
        let before = try E.snapshot(out)
        try #require(Self.tables.isSubset(of: before.keys), "the good run published \(before.keys.sorted())")

        try Data(try hostile.bytes()).write(to: URL(fileURLWithPath: input))
        let result = try HostileProcess.run(Self.arguments(out: out, hostile.options, input), deadline: hostile.deadline)

        // Never a crash, a hang, unbounded memory or a leftover staging folder.
        #expect(!result.timedOut, "killed after \(Int(hostile.deadline)) s")
        #expect(!result.signalled, "died of signal \(result.status): \(result.stderr.prefix(600))")
        #expect(!result.stderr.contains("Fatal error"), "\(result.stderr.prefix(600))")
        #expect(result.seconds < 20, "took \(result.seconds) s")
        #expect(result.peakMiB < 512, "resident memory reached \(result.peakMiB) MiB")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".out.staging-") }
        #expect(leftovers.isEmpty, "staging folders left: \(leftovers)")

        switch hostile.expected {
        case .fileError(let phrases):
            #expect(result.status == 65, "exit \(result.status): \(result.stderr)")
            #expect(result.errorLines.count == 1, "error lines: \(result.errorLines)")
            let message = result.errorLines.first ?? ""
            #expect(message.contains(input), "the message does not name the file: \(message)")
            #expect(phrases.contains { message.contains($0) }, "unexpected message: \(message)")
            #expect(try E.snapshot(out) == before, "the previous outputs changed")

        case .runError(let phrase, let kept):
            #expect(result.status == 65, "exit \(result.status): \(result.stderr)")
            #expect(result.errorLines.count == 1, "error lines: \(result.errorLines)")
            #expect(result.errorLines.first?.contains(phrase) == true, "unexpected message: \(result.errorLines)")
            #expect(try E.snapshot(out) == before, "the previous outputs changed")
            let rejects = try E.records(out + ".rejects.csv")
            #expect(rejects.map { Rejected(line: Int($0["line"] ?? "") ?? -1, reason: $0["reason"] ?? "") }
                        == kept.map { Rejected(line: $0.line, reason: $0.reason) })

        case .published(let rows, let cases, let expectedRejects, let extraCheck):
            #expect(result.status == 0, "exit \(result.status): \(result.stderr)")
            try #require(result.status == 0)
            let manifest = try #require(JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))) as? [String: Any])
            let published = Published(out: out, manifest: manifest,
                                      authorityYear: try E.records(out + "/authority_year.csv"))
            #expect(published.input["path"] as? String == input, "the new outputs were not published")
            let files = try E.snapshot(out).keys
            #expect(Self.tables.isSubset(of: files), "tables missing from \(files.sorted())")
            #expect(published.counts["rows_read"] as? Int == rows)
            #expect(published.counts["cases"] as? Int == cases)

            let rejects = try E.records(out + "/rejects.csv")
            #expect(rejects.allSatisfy { $0["file"] == input }, "rejects name another file")
            let actual = rejects.map { Rejected(line: Int($0["line"] ?? "") ?? -1, reason: $0["reason"] ?? "") }
            #expect(actual == expectedRejects.map { Rejected(line: $0.line, reason: $0.reason) })
            for (expected, row) in zip(expectedRejects, rejects) {
                if let words = expected.detail {
                    #expect(row["detail"]?.contains(words) == true, "line \(expected.line): detail '\(row["detail"] ?? "")'")
                }
            }
            try extraCheck?(published)
        }
    }
}
