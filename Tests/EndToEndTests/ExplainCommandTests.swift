import Foundation
import Output
import PipelineModel
import Testing
import TestSupport

/// `annual-review explain DIR CODE YEAR` through the executable, on a publication of the sample
/// whose latest year's partition is given invented `decisions.csv` and `compliance.csv`
/// (``CaseFixtures``: references and dates made up, their numbers following the authority's
/// row of `authority_year.csv`), written through the tables' definitions and listed in the
/// manifest as a run lists them.
@Suite struct ExplainCommandTests {
    /// The publication, the year and authority explained, its row and its invented cases.
    struct Explained {
        let out: String, year: ReportingYear, code: String, name: String
        let cases: AuthorityYearCases
        let counts: AuthorityYearCounts
        /// Another authority of the year with decisions, whose cases the tables lack.
        let other: String?
    }

    static func partition(_ out: String, _ year: ReportingYear) -> String {
        out + "/" + CurrentPublication.partitionFolder(of: year)
    }

    /// Writes `files` (name, bytes) into `year`'s partition of `out` and lists them in its
    /// manifest with their sha256, as a run would; a nil bytes removes the file and its entry.
    static func replace(_ files: [(name: String, bytes: [UInt8]?)], of year: ReportingYear, in out: String) throws {
        let manifestPath = out + "/manifest.json"
        var manifest = try RunManifest.decode(try Data(contentsOf: URL(fileURLWithPath: manifestPath)))
        for file in files {
            let relative = CurrentPublication.partitionFolder(of: year) + "/" + file.name
            try? FileManager.default.removeItem(atPath: out + "/" + relative)
            manifest.outputs.removeAll { $0.path == relative }
            if let bytes = file.bytes {
                try Data(bytes).write(to: URL(fileURLWithPath: out + "/" + relative))
                manifest.outputs.append(.init(path: relative, contents: bytes))
            }
        }
        manifest.outputs.sort { utf8Precedes($0.path, $1.path) }
        try FileManager.default.removeItem(atPath: manifestPath)
        try Data(try manifest.jsonBytes()).write(to: URL(fileURLWithPath: manifestPath))
    }

    static func make() throws -> Explained {
        let out = try SamplePublication.make()
        let manifest = try RunManifest.decode(try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))
        let year = try #require(manifest.partitions?.years.compactMap(ReportingYear.init(label:)).max())
        let path = partition(out, year) + "/authority_year.csv"
        let rows = try PublishedTables.rows(of: TableFile.authorityYear.schema, [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))),
                                            path: path)
        let decided = try rows.filter { try $0.count("investigations") > 0 }
        let row = try #require(try decided.first { try $0.count("compliance_outcomes") > 0 } ?? decided.first)
        var counts = AuthorityYearCounts()
        counts.outcomes = try Outcome.allCases.map { try row.count($0.column) }
        counts.satisfactoryRemedies = try row.count("satisfactory_remedies")
        counts.complied = try row.count("complied")
        counts.compliedLate = try row.count("complied_late")
        counts.notComplied = try row.count("not_complied")
        let code = try row.text("authority_code")
        let cases = CaseFixtures.cases(counts, in: year)
        try replace([
            (TableFile.decisionsTable.schema.fileName,
             CaseTables.bytes(TableFile.decisionsTable, cases.decisions.map { CaseRow(year: year, authorityCode: code, case: $0) })),
            (TableFile.complianceTable.schema.fileName,
             CaseTables.bytes(TableFile.complianceTable, cases.compliance.map { CaseRow(year: year, authorityCode: code, case: $0) })),
        ], of: year, in: out)
        let other = try decided.first { try $0.text("authority_code") != code }.map { try $0.text("authority_code") }
        return Explained(out: out, year: year, code: code, name: try row.text("authority_name"), cases: cases, counts: counts,
                         other: other)
    }

    /// `14 July 2023`, as the year page writes a case's date.
    static func longDate(_ day: Day) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        let (year, month, date) = day.components
        return "\(date) \(months[month - 1]) \(year)"
    }

    func explain(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(PackagePaths.executable, ["explain"] + arguments)
    }

    @Test func textListsEachStatisticsCasesByGroupWithTheirDates() throws {
        let explained = try Self.make()
        let result = try explain([explained.out, explained.code, explained.year.label])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "\(explained.name) (\(explained.code)), \(explained.year.label)")
        let counts = explained.counts
        let cases = counts.investigations == 1 ? "case" : "cases"
        #expect(lines.contains("The \(counts.upheld) upheld and \(counts.investigations) investigated \(cases)"))
        let upheld = try #require(lines.firstIndex(of: "  Upheld: \(counts.upheld == 0 ? "none" : String(counts.upheld))"))
        let notUpheld = try #require(lines.firstIndex { $0.hasPrefix("  Not upheld: ") })
        for decision in explained.cases.decisions where decision.outcome.isInvestigation {
            let line = "    \(CaseReference.text(decision.reference))  \(Self.longDate(decision.decisionDate))"
            let at = try #require(lines.firstIndex(of: line), "\(line) missing")
            #expect(decision.outcome == .upheld ? (at > upheld && at < notUpheld) : at > notUpheld)
        }
        for outcome in explained.cases.compliance {
            #expect(lines.contains("    \(CaseReference.text(outcome.reference))  \(Self.longDate(outcome.complianceDate))"))
        }
        #expect(lines.contains { $0.hasPrefix("Compliance rate: ") } && lines.contains { $0.hasPrefix("Satisfactory remedy rate: ") })
    }

    @Test func jsonGivesTheSameForTools() throws {
        let explained = try Self.make()
        let result = try explain(["--format", "json", explained.out, explained.code, explained.year.label])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["authority_code", "authority_name", "year", "statistics"])
        #expect(object["authority_code"] as? String == explained.code && object["year"] as? String == explained.year.label)
        let statistics = try #require(object["statistics"] as? [[String: Any]])
        #expect(statistics.compactMap { $0["statistic"] as? String } == ["uphold_rate", "compliance_rate", "satisfactory_remedy_rate"])
        let uphold = statistics[0]
        #expect(Set(uphold.keys) == ["statistic", "name", "rate", "numerator", "denominator", "summary", "groups"])
        #expect(uphold["numerator"] as? Int == explained.counts.upheld)
        #expect(uphold["denominator"] as? Int == explained.counts.investigations)
        let groups = try #require(uphold["groups"] as? [[String: Any]])
        #expect(groups.compactMap { $0["key"] as? String } == ["upheld", "not_upheld"])
        #expect(groups.compactMap { $0["in_numerator"] as? Bool } == [true, false])
        let listed = try #require(groups[0]["cases"] as? [[String: String]])
        let expected = explained.cases.decisions.filter { $0.outcome == .upheld }
            .map { ["reference": CaseReference.text($0.reference), "date": $0.decisionDate.description] }
        #expect(listed == expected)
        let compliance = try #require(statistics[1]["groups"] as? [[String: Any]])
        #expect(compliance.compactMap { $0["key"] as? String } == ["complied", "complied_late", "not_complied"])
        #expect(compliance.reduce(0) { $0 + (($1["cases"] as? [Any])?.count ?? 0) } == explained.counts.complianceOutcomes)
    }

    @Test func unknownCodeOrYearIs65() throws {
        let explained = try Self.make()
        let code = try explain([explained.out, "NOPE", explained.year.label])
        #expect(code.status == 65 && code.stderr.contains("NOPE has no figures in \(explained.year.label)"), "\(code.stderr)")
        let year = try explain([explained.out, explained.code, "1999-00"])
        #expect(year.status == 65 && year.stderr.contains("1999-00 is not a published year (published: "), "\(year.stderr)")
        let label = try explain([explained.out, explained.code, "last year"])
        #expect(label.status == 65 && label.stderr.contains("last year is not a published year"))
    }

    @Test func aFolderThatIsNotAPublicationIs65() throws {
        let folder = try TemporaryFolder("explain-not-published")
        defer { folder.remove() }
        let empty = try explain([folder.path, "LCE", "2023-24"])
        #expect(empty.status == 65 && empty.stderr.contains("not a publication of annual-review"), "\(empty.stderr)")
        try folder.write("a,b\n", to: "authority_year.csv")
        let noManifest = try explain([folder.path, "LCE", "2023-24"])
        #expect(noManifest.status == 65 && noManifest.stderr.contains("manifest.json"), "\(noManifest.stderr)")
    }

    @Test func aTableChangedSincePublishedIs65() throws {
        let explained = try Self.make()
        let path = Self.partition(explained.out, explained.year) + "/decisions.csv"
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("\n".utf8))
        try handle.close()
        let result = try explain([explained.out, explained.code, explained.year.label])
        #expect(result.status == 65 && result.stderr.contains("decisions.csv: not a publication of annual-review: the file is not as its manifest lists it"),
                "\(result.stderr)")
    }

    /// A partition of a version before the per-case tables: 66, and how to get them.
    @Test func aPartitionWithoutThePerCaseTablesIs66AndSaysToRerunTheYear() throws {
        let explained = try Self.make()
        try Self.replace([("decisions.csv", nil), ("compliance.csv", nil)], of: explained.year, in: explained.out)
        let result = try explain([explained.out, explained.code, explained.year.label])
        #expect(result.status == 66, "\(result.stderr)")
        #expect(result.stderr.contains("no decisions.csv and compliance.csv: the year was published by a version before the per-case tables; rerun that year (annual-review run DEFINITION --years \(explained.year.label))"))
    }

    @Test func tablesThatDoNotAddUpTo65() throws {
        let explained = try Self.make()
        let other = try #require(explained.other, "the sample's latest year has a second authority with decisions")
        let result = try explain([explained.out, other, explained.year.label])
        #expect(result.status == 65 && result.stderr.contains("the per-case tables disagree with authority_year.csv"), "\(result.stderr)")
    }

    @Test func helpDocumentsTheJSONKeysAndExitCodes() throws {
        let help = try explain(["--help"])
        #expect(help.status == 0)
        let text = help.stdout.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        for word in ["authority_code", "in_numerator", "complied_late", "satisfactory_remedy_rate", "65", "66", "--years"] {
            #expect(text.contains(word), "\(word) not in --help")
        }
    }
}
