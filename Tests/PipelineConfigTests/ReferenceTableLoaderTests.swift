import Foundation
import PipelineConfig
import PipelineModel
import Testing
import TestSupport

@Suite struct ReferenceTableLoaderTests {
    static let header = "local-authority-code,official-name,nice-name,gss-code,start-date,end-date,replaced-by,nation,"
        + "local-authority-type,alt-names,former-gss-codes,pop-2020,notes"

    static let register = """
        \(header)
        GAT,Gateshead Metropolitan Borough Council,Gateshead,E08000037,1974-04-01,,,England,MD,"Gateshead, gateshead district,gateshead metropolitan borough council",E08000020,201950.0,
        ABC,"Armagh City, Banbridge and Craigavon Borough Council","Armagh City, Banbridge and Craigavon",N09000002,2015-04-01,,,Northern Ireland,NID,"Armagh City, Banbridge and Craigavon",,217232.0,ignored
        BKM,Buckinghamshire County Council,Buckinghamshire County,E10000002,,2020-03-31,"BUC",England,CTY,,,,
        NYK , North Yorkshire County Council ,North Yorkshire,E10000023,,2023-04-01,"NYE, XYZ",England,CTY,"North Yorkshire",,0,

        """

    /// Writes the files (name -> text) to a new folder and runs `body` with their paths.
    private func withFiles<T>(_ files: [String: String], _ body: ([String: String]) throws -> T) throws -> T {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var paths: [String: String] = [:]
        for (name, text) in files { paths[name] = try folder.write(text, to: name) }
        return try body(paths)
    }

    /// The error of loading the register `text` (and the lookup and population tables).
    private func error(register text: String, lookup: String? = nil, population: String? = nil) throws -> (ConfigurationError, [String: String])? {
        var files = ["register.csv": text]
        if let lookup { files["lookup.csv"] = lookup }
        if let population { files["population.csv"] = population }
        return try withFiles(files) { paths -> (ConfigurationError, [String: String])? in
            do throws(ConfigurationError) {
                _ = try ReferenceTableLoader.load(register: paths["register.csv"]!, lookup: paths["lookup.csv"],
                                                  population: paths["population.csv"])
                return nil
            } catch {
                return (error, paths)
            }
        }
    }

    @Test func registerInMySocietyLayoutLoads() throws {
        let register = try withFiles(["register.csv": Self.register]) { try ReferenceTableLoader.load(register: $0["register.csv"]!) }
        #expect(register.authorities.map(\.code) == ["ABC", "BKM", "GAT", "NYK"])
        let abc = register.authorities[0]
        #expect(abc.officialName == "Armagh City, Banbridge and Craigavon Borough Council")
        #expect(abc.niceName == "Armagh City, Banbridge and Craigavon")
        #expect(abc.nation == "Northern Ireland")
        #expect(abc.registerType == "NID")
        #expect(abc.population2020 == 217_232)
        #expect(abc.startDate == Day.on(2015, 4, 1))
        #expect(abc.endDate == nil)
        // The register's alt-names are comma-separated, even where a name holds a comma.
        #expect(abc.altNames == ["Armagh City", "Banbridge and Craigavon"])
        let bkm = register.authorities[1]
        #expect(bkm.startDate == nil)
        #expect(bkm.endDate == Day.on(2020, 3, 31))
        #expect(bkm.replacedBy == ["BUC"])
        #expect(bkm.altNames.isEmpty)
        #expect(bkm.population2020 == nil)
        let gat = register.authorities[2]
        #expect(gat.gssCode == "E08000037")
        #expect(gat.formerGSSCodes == ["E08000020"])
        #expect(gat.altNames == ["Gateshead", "gateshead district", "gateshead metropolitan borough council"])
        #expect(gat.population2020 == 201_950)
        #expect(gat.comparisonType == .metropolitan)
        let nyk = register.authorities[3]
        #expect(nyk.officialName == "North Yorkshire County Council")
        #expect(nyk.replacedBy == ["NYE", "XYZ"])
        #expect(nyk.population2020 == nil) // 0 is no population
        #expect(register.lookupNames.isEmpty)
        #expect(register.populationTable.isEmpty)
    }

    @Test func duplicateCodeIsAnErrorWithItsLine() throws {
        let text = Self.header + "\nAAA,A,,,,,,England,UA,,,,\nBBB,B,,,,,,England,UA,,,,\nAAA,A again,,,,,,England,UA,,,,\n"
        let (e, paths) = try #require(try error(register: text))
        #expect(e.file == paths["register.csv"])
        #expect(e.line == 4)
        #expect(e.reason.contains("AAA"))
    }

    @Test(arguments: ["local-authority-code", "official-name", "local-authority-type"])
    func missingRequiredColumnIsAnErrorNamingIt(column: String) throws {
        let header = ["local-authority-code", "official-name", "local-authority-type", "nation"].filter { $0 != column }
        let text = header.joined(separator: ",") + "\n" + header.map { _ in "x" }.joined(separator: ",") + "\n"
        let (e, _) = try #require(try error(register: text))
        #expect(e.line == 1)
        #expect(e.reason.contains("'\(column)'"))
    }

    @Test(arguments: [
        ("AAA,A,,,2020-02-30,,,England,UA,,,,", "start-date"), ("AAA,A,,,,31/03/2020,,England,UA,,,,", "end-date"),
        ("AAA,A,,,,,,England,UA,,,lots,", "pop-2020"), ("AAA,A,,,,,,England,UA,,,-5,", "pop-2020"),
        (",A,,,,,,England,UA,,,,", "local-authority-code"),
    ])
    func badValueIsAnErrorWithItsLine(row: String, column: String) throws {
        let (e, _) = try #require(try error(register: Self.header + "\nBBB,B,,,,,,England,UA,,,,\n" + row + "\n"))
        #expect(e.line == 3)
        #expect(e.reason.contains(column))
    }

    /// Invented rows: the register's `x` and `y` (British National Grid metres) in whole metres,
    /// nil when both are empty; one without the other, or either not metres on the grid, is an
    /// error with its line.
    @Test func gridReferenceIsReadInWholeMetres() throws {
        let header = "local-authority-code,official-name,local-authority-type,x,y"
        let register = try withFiles(["register.csv": header + "\nAAA,A,UA,458950.4,304186.6\nBBB,B,UA,,\n"]) { paths in
            try ReferenceTableLoader.load(register: paths["register.csv"]!)
        }
        #expect(register.authorities.map(\.gridReference) == [GridReference(easting: 458_950, northing: 304_187), nil])
        for bad in ["1000,", ",1000", "east,1000", "-5,1000", "1000,nan", "1000,2000000"] {
            let (e, _) = try #require(try error(register: header + "\nAAA,A,UA,,\nBBB,B,UA," + bad + "\n"), "\(bad)")
            #expect(e.line == 3, "\(bad)")
            #expect(e.reason.contains("x '") && e.reason.contains("Grid metres"), "\(bad)")
        }
    }

    @Test func lookupTableAddsNames() throws {
        let lookup = "la-name,local-authority-code\n\"Armagh City, Banbridge and Craigavon\",ABC\nBucks, BKM \nBucks,BUC\n"
        let register = try withFiles(["register.csv": Self.register, "lookup.csv": lookup]) {
            try ReferenceTableLoader.load(register: $0["register.csv"]!, lookup: $0["lookup.csv"]!)
        }
        #expect(register.lookupNames.map(\.name) == ["Armagh City, Banbridge and Craigavon", "Bucks", "Bucks"])
        #expect(register.lookupNames.map(\.code) == ["ABC", "BKM", "BUC"])
    }

    @Test func populationTableGivesPopulationsPerYear() throws {
        let population = "local-authority-code,year,population\nGAT,2019-20,202000\nGAT,2020-21,202500.0\nABC,2019-20, 218000 \n"
        let register = try withFiles(["register.csv": Self.register, "population.csv": population]) {
            try ReferenceTableLoader.load(register: $0["register.csv"]!, population: $0["population.csv"]!)
        }
        let y2019 = ReportingYear.labelled("2019-20"), y2020 = ReportingYear.labelled("2020-21")
        #expect(register.populationTable == [PopulationKey(code: "GAT", year: y2019): 202_000,
                                             PopulationKey(code: "GAT", year: y2020): 202_500,
                                             PopulationKey(code: "ABC", year: y2019): 218_000])
        let gat = try #require(register.index(ofCode: "GAT"))
        #expect(register.population(ofAuthorityAt: gat, in: y2019) == 202_000)
        #expect(register.population(ofAuthorityAt: gat, in: .labelled("2021-22")) == 201_950) // pop-2020
    }

    @Test(arguments: [
        ("GAT,2019-20,202000\nZZZ,2019-20,1000\n", "unknown local-authority-code ZZZ"),
        ("GAT,2019-20,202000\nGAT,2019-21,1000\n", "2019-21"),
        ("GAT,2019-20,202000\nGAT,2019,1000\n", "reporting year"),
        ("GAT,2019-20,202000\nGAT,2020-21,many\n", "not a positive number"),
        ("GAT,2019-20,202000\nGAT,2020-21,0\n", "not a positive number"),
        ("GAT,2019-20,202000\nGAT,2020-21\n", "fields"),
    ])
    func badPopulationRowIsAnErrorWithItsLine(rows: String, reason: String) throws {
        let (e, paths) = try #require(try error(register: Self.register,
                                                population: "local-authority-code,year,population\n" + rows))
        #expect(e.file == paths["population.csv"])
        #expect(e.line == 3)
        #expect(e.reason.contains(reason))
    }

    @Test func missingFileIsAnErrorNamingIt() {
        do {
            _ = try ReferenceTableLoader.load(register: "/nonexistent/register.csv")
            Issue.record("a missing register loaded")
        } catch {
            #expect(error.file == "/nonexistent/register.csv")
        }
    }

    @Test(SharedFolder.requires("reference/uk_local_authorities_current.csv"))
    func fullMySocietyRegisterLoads() throws {
        // The other names too, when the shared folder has them.
        let lookup = FileManager.default.fileExists(atPath: SharedFolder.lookup) ? SharedFolder.lookup : nil
        let register = try ReferenceTableLoader.load(register: SharedFolder.register, lookup: lookup)
        #expect(register.authorities.count == 470)
        #expect(Set(register.authorities.map(\.code)).count == 470)
        let leicester = try #require(register.index(ofCode: "LCE").map { register.authorities[$0] })
        #expect(leicester.officialName == "Leicester City Council")
        #expect(leicester.gssCode == "E06000016")
        #expect(leicester.comparisonType == .unitary)
        #expect(leicester.population2020 == 354_036)
        #expect(leicester.altNames.contains("Leicester City UA"))
        #expect(leicester.gridReference == GridReference(easting: 459_074, northing: 304_819))
        let county = try #require(register.index(ofCode: "BKM").map { register.authorities[$0] })
        #expect(county.endDate == Day.on(2020, 3, 31))
        #expect(county.isCurrent(in: .labelled("2019-20")))
        #expect(!county.isCurrent(in: .labelled("2020-21")))
        let gateshead = try #require(register.index(ofCode: "GAT").map { register.authorities[$0] })
        #expect(gateshead.formerGSSCodes == ["E08000020"])
        let types = Set(register.authorities.compactMap(\.comparisonType))
        #expect(types == Set(ComparisonType.allCases))
        #expect(register.authorities.contains { $0.nation == "Wales" })
        if lookup != nil {
            #expect(register.lookupNames.count == 1_774)
        }
    }
}
