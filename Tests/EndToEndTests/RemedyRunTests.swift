import Foundation
import Testing
import TestSupport

/// Remedy texts through the executable: the quality report names those no rule knows, and
/// `service_improvements.csv` lists the upheld cases with a service-improvement remedy. The
/// rows are invented (odd spacing and case, empty parts, unknown texts); make-export writes none.
@Suite struct RemedyRunTests {
    static let register = PackagePaths.path("sample-data/register.csv")

    /// A decided Leicester City Council row of 2019-20 with `remedy` as its remedy field.
    static func row(_ reference: String, decision: String = "Upheld", remedy: String) -> String {
        "\(reference),Leicester City Council,,Housing,Allocations,03/04/2019,2019-11-20,\(decision),\(remedy),N,,,N,"
            + "2020-02-01T10:22:31,"
    }

    static let export = HostileExport.csv([HostileExport.header,
        row("19 012 345", remedy: "apology ;  TRAINING AND/OR GUIDANCE;"),
        row("19 012 346", remedy: "Free parking for a year;;Apology"),
        row("19 012 347", decision: "Not upheld", remedy: "Procedure or policy change/review; Free parking for a year"),
        row("19 012 348", remedy: "Reassessment"),
    ])

    @Test func validateListsUnknownRemedyTextsAndRejectsNothing() throws {
        let folder = try TemporaryFolder("remedies")
        defer { folder.remove() }
        let export = try folder.write(Self.export, to: "decisions.csv")
        let result = try ProcessRunner.run(PackagePaths.executable, ["validate", "--register", Self.register,
                                                                     "--out", folder.path + "/out", export])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("rows read: 4; accepted: 4; rejected: 0"), "\(result.stdout)")
        #expect(result.stdout.contains("remedy texts no rule knows (counted, not rejected; add them to the remedy rule "
                                       + "table): 2 in 1 distinct texts\n  2 x Free parking for a year"), "\(result.stdout)")
    }

    @Test func serviceImprovementsAreTheUpheldCasesWithSuchARemedy() throws {
        let folder = try TemporaryFolder("remedies")
        defer { folder.remove() }
        let export = try folder.write(Self.export, to: "decisions.csv")
        let out = folder.path + "/out"
        let result = try ProcessRunner.run(PackagePaths.executable, ["run", "--register", Self.register, "--out", out, export])
        #expect(result.status == 0, "\(result.stderr)")
        let improvements = try String(contentsOfFile: out + "/years/2019-20/service_improvements.csv", encoding: .utf8)
        #expect(improvements == "year,authority_code,reference,decision_date,category,subcategory,remedy\n"
                    + "2019-20,LCE,19 012 345,2019-11-20,Housing,Allocations,apology ;  TRAINING AND/OR GUIDANCE;\n")
        let decisions = try String(contentsOfFile: out + "/years/2019-20/decisions.csv", encoding: .utf8)
        #expect(decisions.split(separator: "\n").map { $0.split(separator: ",").last! }
                    == ["service_improvement", "true", "false", "false", "false"])
    }
}
