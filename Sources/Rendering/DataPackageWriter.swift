package import PipelineModel

/// Writes `datapackage.json`: a Frictionless Tabular Data Package describing the run's CSV
/// outputs (outputs.md) so that `frictionless validate datapackage.json` checks them: every
/// field with its type and constraints, primary and foreign keys, the empty cell as the missing
/// value, and each file's size and sha256.
package enum DataPackageWriter {
    /// The file name of the descriptor in the output folder.
    package static let fileName = "datapackage.json"

    /// A CSV table of the publication: its schema, and its file's size and digest (the run's
    /// manifest computes them, so a large file need not be held in memory); or a table written
    /// in parts, one per year's partition (a Frictionless multi-part resource, whose `path` lists
    /// them).
    package struct File: Sendable, Equatable {
        /// The paths relative to the output folder: one, or the parts in order.
        package let paths: [String]
        /// The table's schema, which the descriptor's fields and keys are read from.
        package let schema: TableSchema
        /// The file's size in bytes; nil for a table in parts.
        package let size: Int?
        /// The file's sha256, lower-case hex; nil for a table in parts.
        package let sha256: String?

        /// A file; see the properties.
        package init(path: String, schema: TableSchema, size: Int, sha256: String) {
            paths = [path]
            self.schema = schema
            self.size = size
            self.sha256 = sha256
        }

        /// A table in `parts` (each with the header, which frictionless reads once).
        ///
        /// Without `bytes` and `hash`: frictionless checks them against the parts joined without
        /// their repeated headers, which a run would have to read back for every year it carries
        /// over; each part's size and sha256 are in the manifest.
        package init(parts: [String], schema: TableSchema) {
            paths = parts
            self.schema = schema
            size = nil
            sha256 = nil
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

    /// The descriptor of `files`, each described by its schema: every field with its type,
    /// description and constraints, the primary key, and the foreign keys into tables that are in
    /// the package; resources keep the order given. `about`, when given, adds the package's
    /// `version`, `licenses` and `sources`.
    /// - Important: Give each file's size and sha256 exactly as written.
    package static func dataPackage(files resources: [File], about: About? = nil) -> Artefact {
        let names = Set(resources.map(\.schema.name))
        let descriptors: [JSONText] = resources.map { resource in
            let table = resource.schema
            var schema: [(String, JSONText)] = [
                ("fields", .array(table.columns.map { field($0, required: table.primaryKey.contains($0.name)) })),
                ("missingValues", .array([.string("")])),
            ]
            if !table.primaryKey.isEmpty {
                schema.append(("primaryKey", .array(table.primaryKey.map { .string($0) })))
            }
            let foreign = table.foreignKeys.filter { names.contains($0.table) }
            if !foreign.isEmpty {
                schema.append(("foreignKeys", .array(foreign.map { key in
                    .object([
                        ("fields", .array(key.columns.map { .string($0) })),
                        ("reference", .object([
                            ("resource", .string(key.table)),
                            ("fields", .array(key.columns.map { .string($0) })),
                        ])),
                    ])
                })))
            }
            var members: [(String, JSONText)] = [
                ("name", .string(table.name)),
                ("path", resource.paths.count == 1 ? .string(resource.paths[0]) : .array(resource.paths.map { .string($0) })),
                ("title", .string(table.title)),
                ("profile", .string("tabular-data-resource")),
                ("format", .string("csv")),
                ("mediatype", .string("text/csv")),
                ("encoding", .string("utf-8")),
            ]
            if let size = resource.size, let sha256 = resource.sha256 {
                members += [("bytes", .integer(size)), ("hash", .string("sha256:" + sha256))]
            }
            return .object(members + [
                ("dialect", .object([
                    ("delimiter", .string(",")),
                    ("lineTerminator", .string("\n")),
                    ("quoteChar", .string("\"")),
                    ("doubleQuote", .bool(true)),
                    ("header", .bool(true)),
                ])),
                ("schema", .object(schema)),
            ])
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
                    + "year and by service area, the cases with a public report, and, in each year's partition, the "
                    + "cases behind the figures (decisions, compliance outcomes, service improvements). "
                    + "Values are published exactly as given: a text cell (an authority name, a case reference, a "
                    + "public report's text) may begin with =, +, - or @, which a spreadsheet program may "
                    + "run as a formula when it opens the file. Read the files with a data tool, or import them into a "
                    + "spreadsheet with every column set to Text (LibreOffice: the Text Import dialog, column type Text; "
                    + "Excel: Data > From Text/CSV, then set the columns to Text) rather than opening them directly.")),
            ("resources", .array(descriptors)),
        ])
        return Artefact(path: fileName, bytes: package.bytes())
    }

    // MARK: - Fields

    /// A column's Frictionless field: its type, description and constraints.
    private static func field(_ column: TableSchema.Column, required: Bool) -> JSONText {
        var members: [(String, JSONText)] = [("name", .string(column.name))]
        var constraints: [(String, JSONText)] = required ? [("required", .bool(true))] : []
        switch column.type {
        case .year:
            members.append(("type", .string("string")))
            constraints.append(("pattern", .string("[0-9]{4}-[0-9]{2}")))
        case .text:
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
        case .count:
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
        if !column.description.isEmpty { members.append(("description", .string(column.description))) }
        if !constraints.isEmpty { members.append(("constraints", .object(constraints))) }
        return .object(members)
    }
}
