import PipelineModel

/// Writes `datapackage.json`: a Frictionless Tabular Data Package describing the run's CSV
/// outputs (outputs.md) so that `frictionless validate datapackage.json` checks them: every
/// field with its type and constraints, primary and foreign keys, the empty cell as the missing
/// value, and each file's size and sha256.
package enum DataPackageWriter {
    /// The file name of the descriptor in the output folder.
    package static let fileName = "datapackage.json"

    /// The descriptor of `resources`: each a CSV file's path relative to the output folder and its
    /// exact bytes (`authority_year.csv`, `type_year.csv`, `comparison.csv`, `rejects.csv`).
    ///
    /// Fields are read from each file's header row, so the descriptor always matches what was
    /// written; their types and constraints come from outputs.md by column name, and a column this
    /// writer does not know is described as a string. Primary keys: year and authority code
    /// (`authority_year`, `comparison`), year and comparison type (`type_year`), file and line
    /// (`rejects`). `comparison` refers to `authority_year` and `type_year` when they are in the
    /// package. Resources keep the order given.
    /// - Important: Pass the bytes exactly as written: the descriptor records their size and sha256.
    package static func dataPackage(resources: [(path: String, bytes: [UInt8])]) -> Artefact {
        dataPackage(files: resources.map { File(path: $0.path, header: $0.bytes, size: $0.bytes.count, sha256: sha256Hex($0.bytes)) })
    }

    /// A CSV file described by its header and digest, for a caller that already has the size and
    /// sha256 (the run's manifest computes them) and should not hold a large file in memory.
    package struct File: Sendable, Equatable {
        /// The path relative to the output folder.
        package let path: String
        /// The file's first bytes, at least its whole header row (`CSVFormat.record(columns)`).
        package let header: [UInt8]
        /// The file's size in bytes.
        package let size: Int
        /// The file's sha256, lower-case hex.
        package let sha256: String

        /// A file; see the properties.
        package init(path: String, header: [UInt8], size: Int, sha256: String) {
            self.path = path
            self.header = header
            self.size = size
            self.sha256 = sha256
        }
    }

    /// What the package says about itself beyond its resources: the version of the program
    /// that laid it out, and the files its figures were computed from.
    package struct About: Sendable, Equatable {
        /// The `version` of the package: the program's, since it decides the files' columns and
        /// types; the data's own identity is in ``sources`` and each resource's hash.
        package var version: String
        /// The files the statistics come from (exports, register, lookup, population), by file
        /// name (never the server's path) and sha256.
        package var sources: [(name: String, sha256: String)]

        /// A description; see the properties.
        package init(version: String, sources: [(name: String, sha256: String)]) {
            self.version = version
            self.sources = sources
        }

        package static func == (a: About, b: About) -> Bool {
            a.version == b.version && a.sources.map(\.name) == b.sources.map(\.name)
                && a.sources.map(\.sha256) == b.sources.map(\.sha256)
        }
    }

    /// The licence of the statistics: the Open Government Licence v3.0, as the Ombudsman's
    /// published data is (`OGL-UK-3.0` is its Open Definition and SPDX identifier).
    static let licence: JSONText = .object([
        ("name", .string("OGL-UK-3.0")),
        ("path", .string("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")),
        ("title", .string("Open Government Licence v3.0")),
    ])

    /// The descriptor of `files`, as ``dataPackage(resources:)`` but from headers and digests;
    /// `about`, when given, adds the package's `version`, `licenses` and `sources`.
    package static func dataPackage(files resources: [File], about: About? = nil) -> Artefact {
        let names = Set(resources.map { resourceName($0.path) })
        let descriptors: [JSONText] = resources.map { resource in
            let name = resourceName(resource.path)
            let columns = headerColumns(resource.header)
            var schema: [(String, JSONText)] = [
                ("fields", .array(columns.map { field($0, of: name, required: primaryKey(name)?.contains($0) ?? false) })),
                ("missingValues", .array([.string("")])),
            ]
            if let key = primaryKey(name), key.allSatisfy(columns.contains) {
                schema.append(("primaryKey", .array(key.map { .string($0) })))
            }
            let foreign = foreignKeys(name).filter { names.contains($0.resource) && $0.fields.allSatisfy(columns.contains) }
            if !foreign.isEmpty {
                schema.append(("foreignKeys", .array(foreign.map { key in
                    .object([
                        ("fields", .array(key.fields.map { .string($0) })),
                        ("reference", .object([
                            ("resource", .string(key.resource)),
                            ("fields", .array(key.fields.map { .string($0) })),
                        ])),
                    ])
                })))
            }
            var members: [(String, JSONText)] = [
                ("name", .string(name)),
                ("path", .string(resource.path)),
            ]
            if let title = titles[name] { members.append(("title", .string(title))) }
            members += [
                ("profile", .string("tabular-data-resource")),
                ("format", .string("csv")),
                ("mediatype", .string("text/csv")),
                ("encoding", .string("utf-8")),
                ("bytes", .integer(resource.size)),
                ("hash", .string("sha256:" + resource.sha256)),
                ("dialect", .object([
                    ("delimiter", .string(",")),
                    ("lineTerminator", .string("\n")),
                    ("quoteChar", .string("\"")),
                    ("doubleQuote", .bool(true)),
                    ("header", .bool(true)),
                ])),
                ("schema", .object(schema)),
            ]
            return .object(members)
        }
        var header: [(String, JSONText)] = [
            ("profile", .string("tabular-data-package")),
            ("name", .string("annual-review")),
        ]
        if let about {
            header += [
                ("version", .string(about.version)),
                ("licenses", .array([licence])),
                ("sources", .array(about.sources.map { source in
                    .object([("title", .string(source.name)), ("path", .string(source.name)),
                             ("hash", .string("sha256:" + source.sha256))])
                })),
            ]
        }
        let package: JSONText = .object(header + [
            ("title", .string("Local Government and Social Care Ombudsman: yearly statistics per authority")),
            ("description", .string(
                "Complaints received, decisions by outcome, uphold, compliance and satisfactory remedy rates per authority "
                    + "and reporting year (1 April to 31 March), the averages of similar authorities, England's totals per "
                    + "year and by service area, and the cases with a public report. "
                    + "Values are published exactly as given: a text cell (an authority name, a case reference, a "
                    + "public report's text) may begin with =, +, - or @, which a spreadsheet program may "
                    + "run as a formula when it opens the file. Read the files with a data tool, or import them into a "
                    + "spreadsheet with every column set to Text (LibreOffice: the Text Import dialog, column type Text; "
                    + "Excel: Data > From Text/CSV, then set the columns to Text) rather than opening them directly.")),
            ("resources", .array(descriptors)),
        ])
        return Artefact(path: fileName, bytes: package.bytes())
    }

    // MARK: - Resources

    /// The resource name of a path: its file name without `.csv`, lower case, with characters
    /// Frictionless does not allow in names replaced by `_`.
    package static func resourceName(_ path: String) -> String {
        var file = Substring(path.split(separator: "/").last ?? Substring(path))
        if file.hasSuffix(".csv") { file = file.dropLast(4) }
        return String(file.lowercased().map { c -> Character in
            c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-" || c == ".") ? c : "_"
        })
    }

    static let titles: [String: String] = [
        "authority_year": "One row per authority and reporting year: counts and rates",
        "type_year": "One row per comparison type and year: sums and averages",
        "comparison": "Each compared authority's headline figures beside its type's averages",
        "rejects": "Every row of the exports that could not be used, with the reason",
        "national_year": "England: every authority's counts summed, one row per reporting year",
        "area_year": "England by service area: one row per reporting year and service area",
        "public_reports": "Every case on which the Ombudsman issued a public report",
    ]

    /// The primary key of the resource `resource` (`authority_year`): the columns that name one
    /// row, as the descriptor declares them; nil for a file it declares none for.
    package static func primaryKey(_ resource: String) -> [String]? {
        switch resource {
        case "authority_year", "comparison": ["year", "authority_code"]
        case "type_year": ["year", "comparison_type"]
        case "national_year": ["year"]
        case "area_year": ["year", "service_area"]
        // One row per case: the duplicate rule leaves one winning row of each reference.
        case "public_reports": ["reference"]
        // One reject per record, and a record starts on one line of one file.
        case "rejects": ["file", "line"]
        default: nil
        }
    }

    static func foreignKeys(_ resource: String) -> [(fields: [String], resource: String)] {
        switch resource {
        case "comparison": [(["year", "authority_code"], "authority_year"), (["year", "comparison_type"], "type_year")]
        case "area_year": [(["year"], "national_year")]
        // A public report is counted in its authority's row of the year (`public_reports`).
        case "public_reports": [(["year", "authority_code"], "authority_year")]
        default: []
        }
    }

    /// The column names of the first record of a CSV file (RFC 4180 quoting undone).
    static func headerColumns(_ bytes: [UInt8]) -> [String] {
        var columns: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(b)
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(b)
                }
            } else if b == UInt8(ascii: "\"") {
                quoted = true
            } else if b == UInt8(ascii: ",") {
                columns.append(String(decoding: field, as: UTF8.self))
                field = []
            } else if b == 0x0A || b == 0x0D {
                break
            } else {
                field.append(b)
            }
            i += 1
        }
        if !field.isEmpty || !columns.isEmpty || !bytes.isEmpty {
            columns.append(String(decoding: field, as: UTF8.self))
        }
        return columns
    }

    // MARK: - Fields

    private enum Kind {
        case year, string, count, percent, boolean, per100k, population, line, date
        case oneOf([String])
        case pattern(String)
    }

    private static let comparisonTypes = ComparisonType.allCases.map(\.name)

    /// outputs.md's columns: kind and description.
    private static let columns: [String: (Kind, String)] = {
        var columns: [String: (Kind, String)] = [
            "year": (.year, "Reporting year, 1 April to 31 March, labelled by its two calendar years (2019-20)"),
            "authority_code": (.string, "The authority's register code"),
            "authority_name": (.string, "The register's official name of the authority"),
            "comparison_type": (.oneOf(comparisonTypes), "Comparison type of the average of similar authorities; empty for other kinds"),
            "current": (.boolean, "Whether the authority exists on 31 March at the end of the year"),
            "received_total": (.count, "Complaints and enquiries received in the year"),
            "decisions_total": (.count, "Decisions made in the year"),
            "investigations": (.count, "Detailed investigations: upheld plus not upheld decisions"),
            "uphold_rate": (.percent, "Upheld decisions as a whole percentage of detailed investigations, halves up; empty with none"),
            "satisfactory_remedies": (.count, "Upheld decisions where the authority had already provided a satisfactory remedy"),
            "satisfactory_remedy_rate": (.percent, "Satisfactory remedies as a whole percentage of upheld decisions; empty with none upheld"),
            "compliance_outcomes": (.count, "Compliance outcomes (complied, complied late, not complied) by compliance date"),
            "complied": (.count, "Compliance outcomes: complied"),
            "complied_late": (.count, "Compliance outcomes: complied late"),
            "not_complied": (.count, "Compliance outcomes: not complied"),
            "compliance_rate": (.percent, "Complied and complied late as a whole percentage of compliance outcomes; empty with none"),
            "public_reports": (.count, "Decisions with a public report"),
            "population": (.population, "Population used for the year; empty when unknown or not current"),
            "upheld_per_100k": (.per100k, "Upheld decisions per 100,000 residents, one decimal place, halves up; empty without population"),
            "method": (.oneOf(AveragingMethod.allCases.map(\.rawValue)), "How the averages were computed: pooled or mean"),
            "authorities": (.count, "Current authorities of the type in the year"),
            "upheld": (.count, "Upheld decisions"),
            "compliant": (.count, "Compliance outcomes complied or complied late"),
            "avg_uphold_rate": (.percent, "Average uphold rate of the type, whole percentage; empty when there is nothing to average"),
            "avg_satisfactory_remedy_rate": (.percent, "Average satisfactory remedy rate of the type, whole percentage"),
            "avg_compliance_rate": (.percent, "Average compliance rate of the type, whole percentage"),
            "avg_upheld_per_100k": (.per100k, "Average upheld decisions per 100,000 residents of the type, one decimal place"),
            "file": (.string, "The input file as given to the run"),
            "line": (.line, "Physical line where the record starts, the header being line 1"),
            "reference": (.string, "The case reference as written, empty when there was none"),
            "reason": (.oneOf(RejectReason.allCases.map(\.rawValue)), "Why the row was rejected"),
            "detail": (.string, "What was wrong, naming the offending value"),
            "late_compliance_rate": (.percent, "Complied late as a whole percentage of compliance outcomes; empty with none"),
            "service_area": (.oneOf(ServiceArea.allCases.map(\.name)), "The service area (statistics.md)"),
            "received": (.count, "Complaints and enquiries received in the year in the area (by received date)"),
            "share_of_investigations": (.percent, "The area's detailed investigations as a whole percentage of the year's; empty when the year has none"),
            "decision_date": (.date, "Date of the decision"),
            "category": (.oneOf(ServiceArea.allCases.map(\.name)), "The case's service area"),
            "subcategory": (.string, "The subcategory as recorded"),
            "decision": (.string, "The decision as recorded"),
            "remedy": (.string, "The remedies as recorded, separated by semicolons"),
            "summary": (.string, "The case summary as recorded"),
        ]
        for area in ServiceArea.allCases {
            columns[area.column] = (.count, "Complaints and enquiries received: \(area.name)")
        }
        for outcome in Outcome.allCases where columns[outcome.column] == nil {
            columns[outcome.column] = (.count, "Decisions made: \(outcome.name)")
        }
        return columns
    }()

    /// Columns whose meaning differs in one resource from the others' of the same name.
    private static let resourceColumns: [String: [String: (Kind, String)]] = [
        "area_year": [
            "decisions_total": (.count, "Decisions made in the year about cases in the area (by decision date)"),
        ],
        "public_reports": [
            "year": (.year, "Reporting year of the decision"),
            "reference": (.pattern("[0-9]{2} [0-9]{3} [0-9]{3}"), "The case reference, eight digits as 19 012 345"),
        ],
    ]

    private static func field(_ name: String, of resource: String, required: Bool) -> JSONText {
        let (kind, description) = resourceColumns[resource]?[name] ?? columns[name] ?? (.string, "")
        var members: [(String, JSONText)] = [("name", .string(name))]
        var constraints: [(String, JSONText)] = required ? [("required", .bool(true))] : []
        switch kind {
        case .year:
            members.append(("type", .string("string")))
            constraints.append(("pattern", .string("[0-9]{4}-[0-9]{2}")))
        case .string:
            members.append(("type", .string("string")))
        case let .pattern(pattern):
            members.append(("type", .string("string")))
            constraints.append(("pattern", .string(pattern)))
        case .date:
            members += [("type", .string("date")), ("format", .string("default"))]
        case let .oneOf(values):
            members.append(("type", .string("string")))
            constraints.append(("enum", .array(values.map { .string($0) })))
        case .boolean:
            members += [("type", .string("boolean")), ("trueValues", .array([.string("true")])),
                        ("falseValues", .array([.string("false")]))]
        case .count, .population:
            members.append(("type", .string("integer")))
            constraints.append(("minimum", .integer(0)))
        case .line:
            members.append(("type", .string("integer")))
            constraints.append(("minimum", .integer(1)))
        case .percent:
            members.append(("type", .string("integer")))
            constraints += [("minimum", .integer(0)), ("maximum", .integer(100))]
        case .per100k:
            members += [("type", .string("number")), ("decimalChar", .string(".")), ("bareNumber", .bool(true))]
            constraints.append(("minimum", .integer(0)))
        }
        if !description.isEmpty { members.append(("description", .string(description))) }
        if !constraints.isEmpty { members.append(("constraints", .object(constraints))) }
        return .object(members)
    }
}
