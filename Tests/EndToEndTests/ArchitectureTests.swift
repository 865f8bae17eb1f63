import Foundation
import Testing
import TestSupport

/// The house rules of issue 15 that a compiler does not check: the import graph is the one
/// ARCHITECTURE.md draws, and no source file outgrows a newcomer's reading.
@Suite struct ArchitectureTests {
    @Test func everyImportIsOneArchitectureMdAllows() throws {
        let result = try ProcessRunner.run("/usr/bin/python3", [PackagePaths.path("scripts/check-imports")])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func checkImportsRefusesAnImportTheTableDoesNotList() throws {
        // A copy of the package's Sources and ARCHITECTURE.md with one import too many.
        let folder = try TemporaryFolder("architecture")
        defer { folder.remove() }
        let copy = folder.path + "/package"
        try FileManager.default.createDirectory(atPath: copy + "/scripts", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: PackagePaths.path("Sources"), toPath: copy + "/Sources")
        try FileManager.default.copyItem(atPath: PackagePaths.path("ARCHITECTURE.md"), toPath: copy + "/ARCHITECTURE.md")
        try FileManager.default.copyItem(atPath: PackagePaths.path("scripts/check-imports"), toPath: copy + "/scripts/check-imports")
        let file = copy + "/Sources/Classification/Classifier.swift"
        try ("import Output\n" + String(contentsOfFile: file, encoding: .utf8)).write(toFile: file, atomically: true, encoding: .utf8)

        let result = try ProcessRunner.run("/usr/bin/python3", [copy + "/scripts/check-imports"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Sources/Classification/Classifier.swift:1: Classification imports Output"), "\(result.stderr)")
    }

    @Test func noSourceFileIsLongerThan400Lines() throws {
        let sources = PackagePaths.path("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources)?.allObjects as? [String])
        for file in files where file.hasSuffix(".swift") {
            let lines = try String(contentsOfFile: sources + "/" + file, encoding: .utf8).split(separator: "\n",
                                                                                                 omittingEmptySubsequences: false)
            #expect(lines.count <= 400, "Sources/\(file) has \(lines.count) lines")
        }
    }
}
