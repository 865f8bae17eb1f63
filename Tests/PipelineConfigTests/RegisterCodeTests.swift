import PipelineConfig
import PipelineModel
import Testing
import TestSupport

/// Register codes become file names, populations enter sums and divisions, and the tables are
/// read whole: each is checked when the register loads (issue 16, classes 4, 5 and 6).
@Suite struct RegisterCodeTests {
    static let header = "local-authority-code,official-name,nice-name,gss-code,start-date,end-date,replaced-by,nation,"
        + "local-authority-type,alt-names,former-gss-codes,pop-2020,notes"

    /// The error of loading a register of a good first row and then `row` (at line 3).
    private func error(registerRow row: String, population: String? = nil) throws -> ConfigurationError? {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let register = try folder.write("\(Self.header)\nGAT,Gateshead Council,Gateshead,E08000037,,,,England,MD,,,201950.0,\n\(row)\n",
                                        to: "register.csv")
        let populationPath = try population.map { try folder.write("local-authority-code,year,population\n" + $0, to: "population.csv") }
        do {
            _ = try ReferenceTableLoader.load(register: register, population: populationPath)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["LCE", "E08000037", "north-yorks_2", "a", String(repeating: "X", count: 32)])
    func acceptedCodes(code: String) throws {
        #expect(RegisterCode.problem(with: code) == nil)
        #expect(try error(registerRow: "\(code),Some Council,,,,,,England,MD,,,,") == nil)
    }

    @Test(arguments: [
        ("a/b", "may hold only letters"),
        ("..", "may hold only letters"),
        ("LCE.html", "may hold only letters"),
        ("LC E", "may hold only letters"),
        ("LCÉ", "may hold only letters"),
        ("\u{1B}[2J", "may hold only letters"),
        (String(repeating: "X", count: 33), "longer than 32"),
        ("index", "reserved"),
        ("INDEX", "reserved"),
        ("England", "reserved"),
        ("style", "reserved"),
        ("authorities", "reserved"),
        ("gat", "appears twice"),
    ])
    func refusedCodesNameTheFileAndLine(code: String, reason: String) throws {
        let e = try #require(try error(registerRow: "\"\(code)\",Some Council,,,,,,England,MD,,,,"))
        #expect(e.file.hasSuffix("/register.csv"))
        #expect(e.line == 3)
        #expect(e.reason.contains(reason), "\(e.reason)")
    }

    @Test(arguments: ["100000001", "99999999999999999999999", "1e9", "12.x", "-5", "1.2.3"])
    func registerPopulationOutOfRangeIsAnError(population: String) throws {
        let e = try #require(try error(registerRow: "ABC,Some Council,,,,,,England,MD,,,\(population),"))
        #expect(e.line == 3)
        #expect(e.reason.contains("pop-2020"), "\(e.reason)")
    }

    @Test(arguments: ["100000001", "9223372036854775807", "99999999999999999999999"])
    func populationTableOutOfRangeIsAnError(population: String) throws {
        let e = try #require(try error(registerRow: "ABC,Some Council,,,,,,England,MD,,,,",
                                       population: "GAT,2019-20,202000\nGAT,2020-21,\(population)\n"))
        #expect(e.file.hasSuffix("/population.csv"))
        #expect(e.line == 3)
        #expect(e.reason.contains("not a positive number"), "\(e.reason)")
    }

    @Test func populationTableYearOutOfRangeIsAnError() throws {
        let e = try #require(try error(registerRow: "ABC,Some Council,,,,,,England,MD,,,,",
                                       population: "GAT,2019-20,202000\nGAT,9999-00,1000\n"))
        #expect(e.line == 3)
        #expect(e.reason.contains("9999-00"))
    }

    @Test func aTableOverTheCapStopsReadingAndNamesTheCap() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var text = Self.header + "\n"
        let row = "GAT,Gateshead Council,Gateshead,E08000037,,,,England,MD,,,201950.0,\n"
        text += String(repeating: row, count: ReferenceTableLoader.maximumTableBytes / row.utf8.count + 1)
        let path = try folder.write(text, to: "register.csv")
        do {
            _ = try ReferenceTableLoader.load(register: path)
            Issue.record("a register over the cap loaded")
        } catch {
            #expect(error.file == path)
            #expect(error.reason.contains("larger than \(ReferenceTableLoader.maximumTableBytes) bytes"), "\(error.reason)")
        }
    }
}
