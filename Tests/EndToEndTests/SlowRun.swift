import Foundation
import TestSupport

/// A run of the executable reading standard input, fed a few valid rows at a time so that
/// it is mid-run for as long as the test needs.
enum SlowRun {
    /// Starts `annual-review arguments...` (which should read `-`) and feeds it the header,
    /// then (unless `stallAfterHeader`) 50 rows every 20 ms while it runs, up to a million.
    static func start(arguments: [String], stallAfterHeader: Bool = false) throws -> ProcessRunner {
        let run = try ProcessRunner(PackagePaths.executable, arguments, input: .pipe)
        Thread.detachNewThread {
            try? run.write(Array(header.utf8))
            if stallAfterHeader { return }
            var reference = 0
            while run.isRunning, reference < 1_000_000 {
                var chunk = ""
                for _ in 0 ..< 50 {
                    reference += 1
                    chunk += row(reference)
                }
                guard (try? run.write(Array(chunk.utf8))) != nil else { return }
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        return run
    }

    static let header = "reference,authority_name,category,received_date,decision_date,decision,last_updated\n"

    static func row(_ n: Int) -> String {
        let digits = String(20_000_000 + n)
        return "\(digits),Leicester City Council,Housing,03/04/2021,2021-11-20,Upheld,2022-01-01T10:00:00\n"
    }
}
