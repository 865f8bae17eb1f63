import Crypto
package import Foundation
import Glibc
package import PipelineModel

/// What a run read, counted, was configured with and wrote: `manifest.json` (outputs.md).
///
/// Rendered by ``jsonBytes()`` as pretty-printed JSON with sorted keys and a final line feed,
/// so the same values always give the same bytes; times are ISO 8601 UTC to the second.
/// - Important: The manifest is written last and does not list itself among ``outputs``.
package struct RunManifest: Codable, Sendable, Equatable {
    /// The program's name, `annual-review`.
    package var program: String
    /// The program's version.
    package var version: String
    /// The git commit the program was built from (`unknown` for a development build); nil in
    /// manifests written before it was recorded.
    package var commit: String?
    /// The run's identifier, as on its log lines and in its last-run report; nil in older
    /// manifests.
    package var runID: String?
    /// When the run started.
    package var started: Date
    /// When the run ended (just before the manifest was written).
    package var ended: Date
    /// The input files read, in the order given.
    package var inputs: [InputFileSummary]
    /// The run's counts.
    package var counts: Counts
    /// The configuration used.
    package var configuration: Configuration
    /// The output files written beside the manifest, sorted by path.
    package var outputs: [FileDigest]
    /// Which years (their partitions `years/{year}/` and their pages, letters and map) this run
    /// computed and which it carried over from the previous publication; nil in a manifest
    /// written before outputs were partitioned.
    package var partitions: Partitions?
    /// The sha256 of everything the publication is made from: the program, every input (path,
    /// size, sha256, in order) and the configuration (each file's path, size and sha256, the
    /// method, every setting). A later run whose sources have this fingerprint would publish the
    /// same files, so it publishes these again without computing. Nil when an input was standard
    /// input (which cannot be read twice), or in older manifests.
    package var sourceFingerprint: String?
    /// Set by earlier versions when a run found its sources unchanged (``sourceFingerprint``) and
    /// published the previous publication's files again under a new manifest: the start time of
    /// the run that computed them. A run now leaves an up-to-date publication as it is and writes
    /// no manifest; this is read, so that such a publication is up to date since the run that
    /// computed it. Nil when this run computed the publication.
    package var sourcesUnchangedSince: Date?

    /// A manifest; see the properties.
    package init(program: String = "annual-review", version: String, commit: String? = nil, runID: String? = nil,
                started: Date, ended: Date, inputs: [InputFileSummary], counts: Counts, configuration: Configuration,
                outputs: [FileDigest], partitions: Partitions? = nil, sourceFingerprint: String? = nil,
                sourcesUnchangedSince: Date? = nil) {
        self.program = program
        self.version = version
        self.commit = commit
        self.runID = runID
        self.started = started
        self.ended = ended
        self.inputs = inputs
        self.counts = counts
        self.configuration = configuration
        self.outputs = outputs.sorted { utf8Precedes($0.path, $1.path) }
        self.partitions = partitions
        self.sourceFingerprint = sourceFingerprint
        self.sourcesUnchangedSince = sourcesUnchangedSince
    }

    enum CodingKeys: String, CodingKey {
        case program, version, commit
        case runID = "run_id"
        case started, ended, inputs, counts, configuration, outputs, partitions
        case sourceFingerprint = "source_fingerprint"
        case sourcesUnchangedSince = "sources_unchanged_since"
    }

    /// The published years, each computed and rendered by this run or carried over unchanged.
    package struct Partitions: Codable, Sendable, Equatable {
        /// The years this run computed and rendered (tables, letters, pages, map), in order (`2019-20`).
        package var computed: [String]
        /// The years carried over byte-identical from the previous publication, in order: years
        /// the run was not asked to compute (`--years`), and years it computed and found
        /// unchanged (``CarriedOver/unchanged``), which it did not render again.
        package var carriedOver: [CarriedOver]
        /// Each published year's fingerprint: the sha256 of everything its partition is made
        /// from (its table rows, the register rows they name, the templates, the program and
        /// the method). A later run carries a year over instead of rendering it when its
        /// fingerprint is the same. Nil in manifests written before fingerprints existed.
        package var fingerprints: [String: String]?
        /// The fingerprint of the whole-publication pages (the history pages and the report's
        /// index): the published tables, templates, program and method they are made from.
        package var historyFingerprint: String?
        /// The pages this run rendered (letters, report pages, maps): 0 when nothing changed.
        package var pagesRendered: Int?

        /// A record; see the properties.
        package init(computed: [String], carriedOver: [CarriedOver], fingerprints: [String: String]? = nil,
                    historyFingerprint: String? = nil, pagesRendered: Int? = nil) {
            self.computed = computed
            self.carriedOver = carriedOver
            self.fingerprints = fingerprints
            self.historyFingerprint = historyFingerprint
            self.pagesRendered = pagesRendered
        }

        /// Every published year, in order.
        package var years: [String] {
            (computed + carriedOver.map(\.year)).sorted(by: utf8Precedes)
        }

        /// One year carried over, and where its files came from.
        package struct CarriedOver: Codable, Sendable, Equatable {
            /// The year, `2019-20`.
            package var year: String
            /// The start time of the publication it was taken from (the previous run).
            package var previousRunStarted: Date
            /// The start time of the run that computed it (earlier than the previous run when it
            /// was carried over more than once).
            package var computedByRunStarted: Date
            /// Whether this run computed the year too and found it unchanged (true), rather
            /// than leaving it alone because it computed other years only (nil).
            package var unchanged: Bool?

            /// A record; see the properties.
            package init(year: String, previousRunStarted: Date, computedByRunStarted: Date, unchanged: Bool? = nil) {
                self.year = year
                self.previousRunStarted = previousRunStarted
                self.computedByRunStarted = computedByRunStarted
                self.unchanged = unchanged
            }

            enum CodingKeys: String, CodingKey {
                case year
                case previousRunStarted = "previous_run_started"
                case computedByRunStarted = "computed_by_run_started"
                case unchanged
            }
        }

        enum CodingKeys: String, CodingKey {
            case computed
            case carriedOver = "carried_over"
            case fingerprints
            case historyFingerprint = "history_fingerprint"
            case pagesRendered = "pages_rendered"
        }
    }

    /// A file by its path, size and content digest.
    package struct FileDigest: Codable, Sendable, Equatable {
        /// The path: as given to the run for inputs, relative to the output folder for outputs.
        package var path: String
        /// Its size in bytes.
        package var bytes: Int
        /// sha256 of its bytes, lower-case hex.
        package var sha256: String

        /// A digest; see the properties.
        package init(path: String, bytes: Int, sha256: String) {
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
        }

        /// The size and sha256 of `contents`, recorded under `path`.
        package init(path: String, contents: [UInt8]) {
            self.init(path: path, bytes: contents.count, sha256: lowercaseHex(SHA256.hash(data: contents)))
        }

        /// Reads the file at `location` and records its size and sha256 under `path` (by
        /// default `location` itself).
        /// - Throws: ``OutputError/readFailed(path:reason:)``.
        package init(contentsOf location: String, recordedAs path: String? = nil) throws {
            let (bytes, sha256) = try digestFile(at: location)
            self.init(path: path ?? location, bytes: bytes, sha256: sha256)
        }
    }

    /// The run's counts of rows and cases.
    package struct Counts: Codable, Sendable, Equatable {
        /// Data rows read from all inputs.
        package var rowsRead: Int
        /// Rows accepted, before duplicates were resolved.
        package var rowsAccepted: Int
        /// Rows rejected.
        package var rowsRejected: Int
        /// Rows rejected, by reason code; every code of ``RejectReason`` is present.
        package var rejectedByReason: [String: Int]
        /// Accepted rows superseded by a later version of the same case.
        package var duplicatesSuperseded: Int
        /// Accepted rows in which a field was decoded as Windows-1252.
        package var rowsReencoded: Int
        /// Cases: accepted rows less superseded ones.
        package var cases: Int

        /// The manifest's record of `counts`, with a 0 for every reason that had no row.
        package init(_ counts: RunCounts) {
            rowsRead = counts.rowsRead
            rowsAccepted = counts.rowsAccepted
            rowsRejected = counts.rowsRejected
            var byReason: [String: Int] = [:]
            for reason in RejectReason.allCases { byReason[reason.rawValue] = counts.rejectedByReason[reason] ?? 0 }
            rejectedByReason = byReason
            duplicatesSuperseded = counts.duplicatesSuperseded
            rowsReencoded = counts.rowsReencoded
            cases = counts.cases
        }

        enum CodingKeys: String, CodingKey {
            case rowsRead = "rows_read"
            case rowsAccepted = "rows_accepted"
            case rowsRejected = "rows_rejected"
            case rejectedByReason = "rejected_by_reason"
            case duplicatesSuperseded = "duplicates_superseded"
            case rowsReencoded = "rows_reencoded"
            case cases
        }
    }

    /// The configuration a run used: what a person needs to reproduce it.
    package struct Configuration: Codable, Sendable, Equatable {
        /// The authority register read.
        package var register: FileDigest
        /// The averaging method.
        package var method: AveragingMethod
        /// The reporting years of the run, `2019-20..2023-24`.
        package var years: String
        /// Other configuration files read (rule tables, name lookup, population table, pipeline
        /// definition), sorted by path.
        package var files: [FileDigest]
        /// Every other setting (limits such as `max-reject-rate`, options), by its option name.
        package var settings: [String: String]
        /// The templates the letters and pages were rendered from, sorted by path; nil when the
        /// run rendered none (or in older manifests).
        package var templates: [FileDigest]?
        /// The pipeline definition the run's settings came from; nil when there was none.
        package var definition: FileDigest?

        /// A configuration; see the properties.
        package init(register: FileDigest, method: AveragingMethod, years: String,
                    files: [FileDigest] = [], settings: [String: String] = [:], templates: [FileDigest]? = nil,
                    definition: FileDigest? = nil) {
            self.register = register
            self.method = method
            self.years = years
            self.files = files.sorted { utf8Precedes($0.path, $1.path) }
            self.settings = settings
            self.templates = templates?.sorted { utf8Precedes($0.path, $1.path) }
            self.definition = definition
        }
    }
}

/// The size and sha256 (lower-case hex) of the file at `path`, read in 64 KiB chunks.
func digestFile(at path: String) throws -> (bytes: Int, sha256: String) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw OutputError.readFailed(path: path, reason: systemReason()) }
    defer { _ = close(fd) }
    var hasher = SHA256()
    var total = 0
    // Uninitialized and small: zeroing a fresh 1 MiB array for every file was more work than
    // reading most of them, which are far smaller.
    try withUnsafeTemporaryAllocation(byteCount: 1 << 16, alignment: 16) { chunk in
        while true {
            let n = read(fd, chunk.baseAddress, chunk.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError.readFailed(path: path, reason: systemReason())
            }
            if n == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: chunk[..<n]))
            total += n
        }
    }
    return (total, lowercaseHex(hasher.finalize()))
}
