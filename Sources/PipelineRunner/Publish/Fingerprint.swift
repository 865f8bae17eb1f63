import CProgramImage
import Crypto
import Foundation
import Output
import PipelineModel
import Rendering

/// What a year's partition, the whole-publication pages or the whole publication are made from,
/// as one sha256: when a run's fingerprint of a year equals the one the current publication
/// records, the year's files would come out byte-identical, so they are carried over instead of
/// rendered; when its sources' fingerprint does, nothing is computed at all (``Republication``).
struct Fingerprint {
    private var hasher = SHA256()

    /// A fingerprint of the program (its version and its code's identity, ``program``, so that
    /// any change of code renders again), the templates and the averaging method.
    init(program: String, templates: String, method: AveragingMethod) {
        add("program", program)
        add("templates", templates)
        add("method", method.rawValue)
    }

    /// Adds what the letters take from beyond the figures: their date, their signatory and every addressee (all
    /// of them: a change renders every year again, which is rare and cheap beside keeping
    /// per-year parts apart). Public reports are in the year's `public_reports.csv`.
    mutating func add(letters: LetterSettings) {
        add("letter-date", letters.date?.description ?? "")
        if let signatory = letters.signatory { add("signatory", signatory.description) }
        for (code, contact) in letters.contacts.sorted(by: { $0.key < $1.key }) {
            add("contact", [code, contact.name, contact.jobTitle].joined(separator: "\u{1F}"))
        }
    }

    /// Adds a named part; lengths are included so that no two sequences of parts run together.
    mutating func add(_ name: String, _ value: String) {
        add(name, Array(value.utf8))
    }

    /// Adds a named part of bytes.
    mutating func add(_ name: String, _ bytes: [UInt8]) {
        hasher.update(data: Array("\(name.utf8.count):\(name)\(bytes.count):".utf8))
        hasher.update(data: bytes)
    }

    /// The fingerprint, lower-case hex.
    var hex: String {
        lowercaseHex(hasher.finalize())
    }

    /// A year's fingerprint: the base (program, templates, method), its top-level tables' bytes,
    /// the cases its per-case tables print (their bytes follow from them and the program, and
    /// are rendered only when staged), and the register rows its pages print (name, type, dates,
    /// successors of every authority it names).
    static func year(_ year: YearFigures, tables: [(TableFile, [UInt8])], base: Fingerprint) -> String {
        var fingerprint = base
        fingerprint.add("year", year.year.label)
        for (table, bytes) in tables { fingerprint.add(table.fileName, bytes) }
        for row in year.authorities where row.cases != .none {
            fingerprint.add("cases " + row.authority.code, Self.bytes(of: row.cases))
        }
        for row in year.authorities {
            let a = row.authority
            fingerprint.add("authority", [a.code, a.officialName, a.registerType, a.startDate?.description ?? "",
                                          a.endDate?.description ?? "", a.replacedBy.joined(separator: ";")]
                .joined(separator: "\u{1F}"))
        }
        return fingerprint.hex
    }

    /// The history pages' fingerprint: the base, what they say beside the figures (the public
    /// reports, the service improvements as the pages list them, ``ServiceImprovements/fingerprintText(_:)``,
    /// and who replaced whom in `register`) and the top-level tables of their figures.
    static func history(authorityYear: [UInt8], comparison: [UInt8], nationalYear: [UInt8], publicReports: [UInt8],
                        serviceImprovements: String, register: [Authority], base: Fingerprint) -> String {
        var fingerprint = base
        fingerprint.add(TableFile.publicReports.fileName, publicReports)
        fingerprint.add("service-improvements", serviceImprovements)
        fingerprint.add("succession", register.filter { !$0.replacedBy.isEmpty }.map { authority in
            let dates = [authority.startDate, authority.endDate].map { $0.map(String.init(describing:)) ?? "" }
            return "\(authority.code)>\(authority.replacedBy.joined(separator: ",")) \(dates.joined(separator: "-"))"
        }.joined(separator: ";"))
        fingerprint.add(TableFile.authorityYear.fileName, authorityYear)
        fingerprint.add(TableFile.comparison.fileName, comparison)
        fingerprint.add(TableFile.nationalYear.fileName, nationalYear)
        return fingerprint.hex
    }

    /// Everything a publication is made from (``RunManifest/sourceFingerprint``): the program,
    /// `inputs` (path, size and sha256, in order) and `configuration`'s files, method and
    /// settings. Not its published years, which are what the run found in the inputs.
    ///
    /// Nothing else reaches the outputs: no clock (the letters' date is a setting), no
    /// environment, and with `--years` (a setting) the other years come from the previous
    /// publication, which a run with the same fingerprint would carry over again.
    static func sources(inputs: [RunManifest.FileDigest], configuration: RunManifest.Configuration) -> String {
        var fingerprint = Fingerprint(program: program, templates: "", method: configuration.method)
        for input in inputs { fingerprint.add("input", input) }
        fingerprint.add("register", configuration.register)
        for file in configuration.files { fingerprint.add("file", file) }
        if let templates = configuration.templates {
            fingerprint.add("templates", "\(templates.count)")
            for template in templates { fingerprint.add("template", template) }
        }
        if let definition = configuration.definition { fingerprint.add("definition", definition) }
        for (name, value) in configuration.settings.sorted(by: { $0.key < $1.key }) {
            fingerprint.add("setting", name + "=" + value)
        }
        return fingerprint.hex
    }

    /// `cases` as bytes: every field of every case, each list's end marked.
    ///
    /// Fixed-size fields go into the buffer by `storeBytes` at known offsets: a year at 2M rows
    /// has 140,000 cases, and appending each field to an array cost more than hashing them.
    private static func bytes(of cases: AuthorityYearCases) -> [UInt8] {
        let decision = 4 + 4 + 3, compliance = 4 + 4 + 1, marker = 4
        let fixed = cases.decisions.count * decision + cases.compliance.count * compliance + 2 * marker
        var bytes = [UInt8](unsafeUninitializedCapacity: fixed) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var at = 0
            func store<Value: FixedWidthInteger>(_ value: Value) {
                raw.storeBytes(of: value.littleEndian, toByteOffset: at, as: Value.self)
                at += MemoryLayout<Value>.size
            }
            for c in cases.decisions {
                store(c.reference)
                store(c.decisionDate.daysSinceEpoch)
                store(UInt8(c.area.rawValue))
                store(UInt8(c.outcome.rawValue))
                store(UInt8(c.satisfactoryRemedy ? 1 : 0) | (c.publicReport ? 2 : 0) | (c.serviceImprovement ? 4 : 0))
            }
            store(UInt32.max)
            for c in cases.compliance {
                store(c.reference)
                store(c.complianceDate.daysSinceEpoch)
                store(UInt8(c.outcome.rawValue))
            }
            store(UInt32.max)
            initialized = at
        }
        func add<Value: FixedWidthInteger>(_ value: Value) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        for c in cases.serviceImprovements {
            add(c.reference)
            add(c.decisionDate.daysSinceEpoch)
            add(UInt8(c.area.rawValue))
            for text in [c.subcategory, c.remedy] {
                add(UInt32(text.utf8.count))
                bytes += text.utf8
            }
        }
        return bytes
    }

    /// Adds a file by its path, size and sha256.
    private mutating func add(_ name: String, _ file: RunManifest.FileDigest) {
        add(name, [file.path, "\(file.bytes)", file.sha256].joined(separator: "\u{1F}"))
    }

    /// The program's identity: its version and the running program's build ID (the linker's
    /// hash of the code it linked, read from the program's loaded headers), or, for a program
    /// linked without one, the sha256 of the running executable (read once). The build ID costs
    /// nothing where hashing the executable reads tens of megabytes on every run, the up-to-date
    /// rerun's included.
    static let program = identity(buildID: programBuildID, executable: "/proc/self/exe")

    /// The running program's GNU build ID, nil when it was linked without one.
    static var programBuildID: [UInt8]? {
        var buildID = [UInt8](repeating: 0, count: 64)
        let length = CProgramImage_buildID(&buildID, buildID.count)
        return length > 0 ? Array(buildID.prefix(length)) : nil
    }

    /// ``program`` from a build ID, or from the bytes of `executable` without one.
    static func identity(buildID: [UInt8]?, executable: String) -> String {
        if let buildID { return RunDefaults.version + "+build-id:" + lowercaseHex(buildID) }
        guard let digest = try? RunManifest.FileDigest(contentsOf: executable) else { return RunDefaults.version }
        return RunDefaults.version + "+" + digest.sha256
    }
}
