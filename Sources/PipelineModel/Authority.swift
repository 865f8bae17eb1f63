/// One authority of the register (authorities.md), as the pipeline uses it.
package struct Authority: Sendable, Equatable {
    /// The register code (`LCE`): the authority's identity in every output.
    package let code: String
    /// The register's `official-name`, printed in outputs exactly as written there.
    package let officialName: String
    /// The register's `nice-name`, or empty.
    package let niceName: String
    /// Alternative names from the register's `alt-names` column.
    package let altNames: [String]
    /// The current GSS code, or empty.
    package let gssCode: String
    /// Former GSS codes a case may still use.
    package let formerGSSCodes: [String]
    /// The register's `local-authority-type` (`UA`, `NMD`, ..., or another kind's code).
    package let registerType: String
    /// The comparison type (from ``registerType``), nil for combined authorities, national
    /// parks and other kinds. Stored rather than worked out from the code at each use: pages and
    /// tables ask for it on every row, and a computed property read in another module through
    /// a pointer copies the whole authority first.
    package let comparisonType: ComparisonType?
    /// The register's `nation`; only `England` is in the Ombudsman's jurisdiction.
    package let nation: String
    /// The day it started, nil when open-ended.
    package let startDate: Day?
    /// The day it ended, nil while it exists.
    package let endDate: Day?
    /// Successor codes, for reports only.
    package let replacedBy: [String]
    /// The register's `pop-2020`, used when no population table gives a year's figure.
    package let population2020: Int?
    /// The register's `x` and `y`: where the authority is, in British National Grid metres
    /// (easting, northing), for the report's map; nil when the register gives none.
    package let gridReference: GridReference?

    /// An authority with the given register values.
    package init(code: String, officialName: String, niceName: String = "", altNames: [String] = [],
                gssCode: String = "", formerGSSCodes: [String] = [], registerType: String,
                nation: String = "England", startDate: Day? = nil, endDate: Day? = nil,
                replacedBy: [String] = [], population2020: Int? = nil, gridReference: GridReference? = nil) {
        self.code = code
        self.officialName = officialName
        self.niceName = niceName
        self.altNames = altNames
        self.gssCode = gssCode
        self.formerGSSCodes = formerGSSCodes
        self.registerType = registerType
        self.comparisonType = ComparisonType(registerType: registerType)
        self.nation = nation
        self.startDate = startDate
        self.endDate = endDate
        self.replacedBy = replacedBy
        self.population2020 = population2020
        self.gridReference = gridReference
    }

    /// Whether the authority existed on `day` (started on or before it, not yet ended).
    package func exists(on day: Day) -> Bool {
        (startDate.map { $0 <= day } ?? true) && (endDate.map { day < $0 } ?? true)
    }

    /// Whether the authority is current in `year`: started on or before 31 March at the
    /// year's end and had not ended before that day.
    package func isCurrent(in year: ReportingYear) -> Bool {
        let last = year.lastDay
        return (startDate.map { $0 <= last } ?? true) && (endDate.map { $0 >= last } ?? true)
    }

    /// Whether the Ombudsman's jurisdiction (England) covers it.
    package var isInJurisdiction: Bool { nation == "England" }
}

/// A point in British National Grid metres: the register's `x` (easting) and `y` (northing).
package struct GridReference: Sendable, Equatable {
    /// Metres east of the grid's origin.
    package let easting: Int
    /// Metres north of the grid's origin.
    package let northing: Int

    /// The point `easting`, `northing`.
    package init(easting: Int, northing: Int) {
        self.easting = easting
        self.northing = northing
    }
}

/// The register the run uses: every authority, sorted by code, plus name and population
/// tables. Indices into ``authorities`` identify authorities on the hot path.
package struct AuthorityRegister: Sendable {
    /// Every authority, sorted by code.
    package let authorities: [Authority]
    /// Extra names (`la-name` -> code) from the alternative-names table, in file order.
    package let lookupNames: [(name: String, code: String)]
    /// Population per (authority index, reporting year start) from a population table.
    package let populationTable: [PopulationKey: Int]

    /// A register over `authorities` (sorted here by code).
    package init(authorities: [Authority], lookupNames: [(name: String, code: String)] = [],
                populationTable: [PopulationKey: Int] = [:]) {
        self.authorities = authorities.sorted { $0.code < $1.code }
        self.lookupNames = lookupNames
        self.populationTable = populationTable
        var index: [String: Int] = [:]
        for (i, a) in self.authorities.enumerated() { index[a.code] = i }
        self.indexByCode = index
    }

    private let indexByCode: [String: Int]

    /// The index of the authority with that register code.
    package func index(ofCode code: String) -> Int? { indexByCode[code] }

    /// The population to use for authority `index` in `year`: the table's figure, else
    /// `pop-2020`, else nil. Nil too for an authority that is not current in the year.
    package func population(ofAuthorityAt index: Int, in year: ReportingYear) -> Int? {
        let authority = authorities[index]
        guard authority.isCurrent(in: year) else { return nil }
        if let p = populationTable[PopulationKey(code: authority.code, year: year)] { return p }
        return authority.population2020
    }

    /// A copy with a population table.
    package func with(populationTable: [PopulationKey: Int]) -> AuthorityRegister {
        AuthorityRegister(authorities: authorities, lookupNames: lookupNames, populationTable: populationTable)
    }
}

/// The key of a population table entry: an authority's code and a reporting year.
package struct PopulationKey: Hashable, Sendable {
    /// The register code.
    package let code: String
    /// The reporting year.
    package let year: ReportingYear

    /// The key for `code` in `year`.
    package init(code: String, year: ReportingYear) {
        self.code = code
        self.year = year
    }
}
