import Foundation
import Testing
import TestSupport

/// axe-core's WCAG 2.2 A and AA rules, in headless Chromium (scripts/check-report axe), on the
/// pages of a full register's publication: a year index with its maps, a merged council's
/// history page and its predecessor's, and an authority's page of a year with its complaint
/// overview.
@Suite struct AccessibilityTests {
    @Test(SharedFolder.requiresMakeExport)
    func aFullRegistersPagesHaveNoAxeViolations() throws {
        let folder = try TemporaryFolder("axe")
        defer { folder.remove() }
        let export = folder.path + "/export.csv.gz", out = folder.path + "/out"
        let made = try ProcessRunner.run("/usr/bin/env", ["python3", SharedFolder.makeExport, "--rows", "20000", "--seed", "25",
                                                          "--years", "2019-20..2024-25", "--register", SharedFolder.register,
                                                          "--out", export, "--expect", folder.path + "/expect"])
        try #require(made.status == 0, "\(made.stderr)")
        let run = try ProcessRunner.run(PackagePaths.executable, ["run", "--register", SharedFolder.register, "--lookup", SharedFolder.lookup,
                                                                  "--out", out, export])
        try #require(run.status == 0, "\(run.stderr)")
        let pages = ["report/2023-24/index.html", "report/authorities/BUC.html", "report/authorities/AYL.html", "report/2024-25/LCE.html"]
        for page in pages {
            try #require(FileManager.default.fileExists(atPath: out + "/" + page), "\(page)")
        }
        let shots = ExternalCheck.artefactsFolder.appendingPathComponent("axe").path
        try ExternalCheck.expectPass(["axe", shots] + pages.map { out + "/" + $0 })
    }
}
