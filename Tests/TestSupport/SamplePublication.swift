import Foundation

/// A publication of the bundled sample, as `annual-review run pipelines/sample.yaml` writes it:
/// what `annual-review letters` drafts from.
package enum SamplePublication {
    /// Runs the executable on the sample into `out` in a fresh folder, with `arguments` added
    /// (`--letter-date`, `--contacts`), and returns the publication's path.
    /// - Throws: when the run fails, with its error output.
    package static func make(_ arguments: [String] = []) throws -> String {
        let out = try TemporaryFolder("publication").path + "/out"
        let result = try ProcessRunner.run(PackagePaths.executable,
                                           ["run", PackagePaths.path("pipelines/sample.yaml"), "--out", out] + arguments,
                                           currentDirectory: PackagePaths.root.path)
        guard result.status == 0 else { throw SampleRunFailed(status: result.status, errors: result.stderr) }
        return out
    }

    /// The sample run failed.
    package struct SampleRunFailed: Error, CustomStringConvertible {
        /// Its exit status.
        package let status: Int32
        /// Its standard error.
        package let errors: String
        package var description: String { "annual-review run on the sample failed (\(status)): \(errors)" }
    }
}
