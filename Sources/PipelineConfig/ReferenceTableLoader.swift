import CSV
package import PipelineModel

/// Reads the register (mySociety layout), its alternative-names table and a population table
/// into an ``AuthorityRegister`` (authorities.md).
package enum ReferenceTableLoader {
    /// Loads the register, and the optional lookup and population tables.
    package static func load(register: String, lookup: String? = nil, population: String? = nil) throws(ConfigurationError) -> AuthorityRegister {
        let authorities = try loadRegister(register)
        let lookupNames = try lookup.map { path throws(ConfigurationError) in try loadLookup(path) } ?? []
        var result = AuthorityRegister(authorities: authorities, lookupNames: lookupNames)
        if let population {
            result = result.with(populationTable: try loadPopulation(population, register: result))
        }
        return result
    }

    /// The most bytes read from the register, the lookup or the population table (after
    /// decompression); a larger file is a configuration error naming it and the cap.
    package static let maximumTableBytes = CSVTable.defaultMaximumBytes

    /// The largest population accepted: more than any authority's (Birmingham, about 1.2
    /// million) and than England's, small enough that sums over every authority of a type
    /// and the per-100,000 arithmetic cannot overflow.
    package static let maximumPopulation = 100_000_000

    static func read(_ path: String, required: [String]) throws(ConfigurationError) -> (table: CSVTable, column: [String: Int]) {
        let table: CSVTable
        do {
            table = try CSVTable.read(path: path, maximumBytes: maximumTableBytes)
        } catch CSVFileError.tooLarge(_, let limit) {
            throw ConfigurationError(file: path, "larger than \(limit) bytes, the cap for a register, lookup or population "
                                     + "table (reading stopped there)")
        } catch {
            throw ConfigurationError(file: path, "\(error)")
        }
        var column: [String: Int] = [:]
        for (i, name) in table.header.enumerated() where column[name.trimmingSpaces] == nil {
            column[name.trimmingSpaces] = i
        }
        for name in required where column[name] == nil {
            throw ConfigurationError(file: path, line: 1, "missing column '\(name)'")
        }
        return (table, column)
    }

    static func loadRegister(_ path: String) throws(ConfigurationError) -> [Authority] {
        let (table, column) = try read(path, required: ["local-authority-code", "official-name", "local-authority-type"])
        var authorities: [Authority] = []
        var seen = Set<String>()
        for (r, row) in table.rows.enumerated() {
            let line = r + 2
            func value(_ name: String) -> String {
                guard let i = column[name], i < row.count else { return "" }
                return row[i].trimmingSpaces
            }
            func list(_ name: String) -> [String] {
                value(name).split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            }
            func date(_ name: String) throws(ConfigurationError) -> Day? {
                let text = value(name)
                if text.isEmpty { return nil }
                guard let day = Self.isoDay(text) else {
                    throw ConfigurationError(file: path, line: line, "\(name) '\(text)' is not a date (yyyy-mm-dd)")
                }
                return day
            }
            let code = value("local-authority-code")
            if let problem = RegisterCode.problem(with: code) {
                throw ConfigurationError(file: path, line: line, problem)
            }
            // In lower case: two codes one file apart on a case-insensitive file system.
            guard seen.insert(code.lowercased()).inserted else {
                throw ConfigurationError(file: path, line: line, "local-authority-code \(code) appears twice "
                                         + "(codes are compared ignoring case: they become file names)")
            }
            let populationText = value("pop-2020")
            var population: Int?
            if !populationText.isEmpty {
                guard let p = Self.population(populationText) else {
                    throw ConfigurationError(file: path, line: line, "pop-2020 '\(populationText)' is not a whole number "
                                             + "from 0 to \(maximumPopulation)")
                }
                population = p > 0 ? p : nil
            }
            let x = value("x"), y = value("y")
            var grid: GridReference?
            if !x.isEmpty || !y.isEmpty {
                guard let easting = Self.gridMetres(x), let northing = Self.gridMetres(y) else {
                    throw ConfigurationError(file: path, line: line, "x '\(x)' and y '\(y)' are not both British National "
                                             + "Grid metres (0 to 1,500,000)")
                }
                grid = GridReference(easting: easting, northing: northing)
            }
            authorities.append(Authority(
                code: code, officialName: value("official-name"), niceName: value("nice-name"),
                altNames: list("alt-names"), gssCode: value("gss-code"), formerGSSCodes: list("former-gss-codes"),
                registerType: value("local-authority-type"), nation: value("nation"),
                startDate: try date("start-date"), endDate: try date("end-date"),
                replacedBy: list("replaced-by"), population2020: population, gridReference: grid))
        }
        return authorities
    }

    /// A register `x` or `y` (`110637.8371026796`) to whole metres; nil when it is not a number
    /// within the grid.
    static func gridMetres(_ text: String) -> Int? {
        guard let metres = Double(text), metres.isFinite, metres >= 0, metres <= 1_500_000 else { return nil }
        return Int(metres.rounded())
    }

    static func loadLookup(_ path: String) throws(ConfigurationError) -> [(name: String, code: String)] {
        let (table, column) = try read(path, required: ["la-name", "local-authority-code"])
        let name = column["la-name"]!, code = column["local-authority-code"]!
        return table.rows.compactMap { row in
            guard name < row.count, code < row.count else { return nil }
            return (row[name], row[code].trimmingSpaces)
        }
    }

    /// The contacts table (`local-authority-code,name,job-title`): each letter's addressee by
    /// register code.
    /// - Throws: ``ConfigurationError`` naming the file and line: a missing column, an unknown
    ///   or repeated code, an empty name or job title.
    package static func loadContacts(_ path: String, register: AuthorityRegister) throws(ConfigurationError) -> [String: Contact] {
        let (table, column) = try read(path, required: ["local-authority-code", "name", "job-title"])
        let nameColumn = column["name"]!, titleColumn = column["job-title"]!
        var contacts: [String: Contact] = [:]
        for (r, row) in table.rows.enumerated() {
            let line = r + 2
            let code = try registerCode(of: row, in: table, needing: [nameColumn, titleColumn], column: column, line: line,
                                        path: path, register: register)
            guard contacts[code] == nil else {
                throw ConfigurationError(file: path, line: line, "a second contact for \(code)")
            }
            let name = row[nameColumn].trimmingSpaces, title = row[titleColumn].trimmingSpaces
            guard !name.isEmpty, !title.isEmpty else {
                throw ConfigurationError(file: path, line: line, "an empty name or job-title for \(code)")
            }
            contacts[code] = Contact(name: name, jobTitle: title)
        }
        return contacts
    }

    /// The register code of a row of a table keyed by `local-authority-code`, after checking
    /// that the row has the code's column and the columns `needing`, and that the register
    /// knows the code.
    private static func registerCode(of row: [String], in table: CSVTable, needing: [Int], column: [String: Int], line: Int,
                                     path: String, register: AuthorityRegister) throws(ConfigurationError) -> String {
        let codeColumn = column["local-authority-code"]!
        guard row.count > max(codeColumn, needing.max() ?? 0) else {
            throw ConfigurationError(file: path, line: line, "expected \(table.header.count) fields")
        }
        let code = row[codeColumn].trimmingSpaces
        guard register.index(ofCode: code) != nil else {
            throw ConfigurationError(file: path, line: line, "unknown local-authority-code \(code)")
        }
        return code
    }

    static func loadPopulation(_ path: String, register: AuthorityRegister) throws(ConfigurationError) -> [PopulationKey: Int] {
        let (table, column) = try read(path, required: ["local-authority-code", "year", "population"])
        let yearColumn = column["year"]!, popColumn = column["population"]!
        var result: [PopulationKey: Int] = [:]
        for (r, row) in table.rows.enumerated() {
            let line = r + 2
            let code = try registerCode(of: row, in: table, needing: [yearColumn, popColumn], column: column, line: line,
                                        path: path, register: register)
            guard let year = ReportingYear(label: row[yearColumn].trimmingSpaces) else {
                throw ConfigurationError(file: path, line: line, "year '\(row[yearColumn])' is not a reporting year like 2019-20")
            }
            let text = row[popColumn].trimmingSpaces
            guard let population = Self.population(text), population > 0 else {
                throw ConfigurationError(file: path, line: line, "population '\(text)' is not a positive number "
                                         + "(a whole number up to \(maximumPopulation))")
            }
            result[PopulationKey(code: code, year: year)] = population
        }
        return result
    }

    /// A population written `217232` or, as mySociety does, `217232.0` (the fraction's digits
    /// are dropped); nil unless it is a whole number from 0 to ``maximumPopulation``.
    static func population(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }),
              parts.count == 1 || parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
              let value = Int(whole), value <= maximumPopulation else { return nil }
        return value
    }

    static func isoDay(_ text: String) -> Day? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
              let d = Int(parts[2].prefix(2)) else { return nil }
        return Day(year: y, month: m, day: d)
    }
}
