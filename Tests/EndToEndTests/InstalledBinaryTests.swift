import Foundation
import Testing
import TestSupport

/// `scripts/install PREFIX`, then the installed binary run from a folder holding only a
/// register and an export: it finds its rule tables and templates beside itself, and its
/// outputs are those of the repository's build.
@Suite struct InstalledBinaryTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ldd"), "needs ldd (libc-bin)"))
    func anInstalledBinaryRunsFromAnywhereAndPublishesTheSame() throws {
        let prefix = try TemporaryFolder("prefix").path
        // The binaries this test run uses (scripts/test builds generate-manual beside them):
        // a release build inside the test run would cost several minutes of CI's time. The
        // release build itself is scripts/install's default, run by hand.
        let binaries = URL(fileURLWithPath: PackagePaths.executable).deletingLastPathComponent().path
        try #require(FileManager.default.isExecutableFile(atPath: binaries + "/generate-manual"),
                     "no generate-manual beside \(PackagePaths.executable): scripts/test builds it")
        let install = try ProcessRunner.run("/bin/bash", [PackagePaths.path("scripts/install"), prefix],
                                            environment: ["ANNUAL_REVIEW_INSTALL_FROM": binaries])
        try #require(install.status == 0, "scripts/install failed: \(install.stderr.suffix(3000))")
        let installed = prefix + "/bin/annual-review"
        let fm = FileManager.default
        for file in ["share/annual-review/rules/decisions.yaml", "share/annual-review/templates/letter.md.mustache",
                     "share/man/man1/annual-review.1", "share/man/man1/annual-review.diff.1", "share/man/man1/annual-review.explain.1",
                     "share/bash-completion/completions/annual-review", "share/zsh/site-functions/_annual-review"] {
            #expect(fm.fileExists(atPath: prefix + "/" + file), "\(file) not installed")
        }
        let version = try ProcessRunner.run(installed, ["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^0\.\d+\.\d+ \(commit [0-9a-f]{40}(-dirty)?\)\n$"#, options: .regularExpression) != nil,
                "\(version.stdout)")

        /// A folder with a register and an export only, and a run of `binary` in it.
        func publish(with binary: String) throws -> [String: Data] {
            let folder = try TemporaryFolder("elsewhere").path
            try fm.copyItem(atPath: PackagePaths.path("sample-data/register.csv"), toPath: folder + "/register.csv")
            try fm.copyItem(atPath: PackagePaths.path("sample-data/decisions-sample.csv.gz"), toPath: folder + "/export.csv.gz")
            let result = try ProcessRunner.run(binary, ["run", "--register", "register.csv", "--max-reject-rate", "50%",
                                                        "--letter-date", "2024-07-22", "--out", "out", "export.csv.gz"],
                                               currentDirectory: folder)
            try #require(result.status == 0, "\(binary): exit \(result.status): \(result.stderr.suffix(2000))")
            var files = try Snapshot.digests(of: folder + "/out")
            // The manifest differs by nature: times, run id, the rule tables' paths, the build.
            #expect(files.removeValue(forKey: "manifest.json") != nil)
            return files
        }
        let fromInstall = try publish(with: installed)
        let fromRepository = try publish(with: PackagePaths.executable)
        #expect(fromInstall.count > 10)
        #expect(Set(fromInstall.keys) == Set(fromRepository.keys))
        for (path, bytes) in fromRepository where fromInstall[path] != bytes {
            Issue.record("\(path) differs between the installed and the repository's binary")
        }
    }
}
