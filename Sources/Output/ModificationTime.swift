import Foundation
import Glibc

/// A file's modification time to the nanosecond (`st_mtim`): what a carried-over file is
/// compared with its publication's `manifest.json` by (``StagedFileWriter/carryOver(_:from:known:)``).
struct ModificationTime: Sendable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01 UTC.
    let seconds: Int
    /// Nanoseconds within the second.
    let nanoseconds: Int

    /// The modification time `status` (from `lstat`) records.
    init(_ status: stat) {
        seconds = Int(status.st_mtim.tv_sec)
        nanoseconds = Int(status.st_mtim.tv_nsec)
    }

    static func < (lhs: ModificationTime, rhs: ModificationTime) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    /// ISO 8601 UTC to the nanosecond, `2024-05-01T02:03:04.000123456Z`: two times a few
    /// milliseconds apart must read differently in a message.
    var description: String {
        let fraction = String(nanoseconds)
        let second = RunManifest.iso8601(Date(timeIntervalSince1970: TimeInterval(seconds)))
        return second.dropLast() + "." + String(repeating: "0", count: max(0, 9 - fraction.count)) + fraction + "Z"
    }
}
