import Foundation

/// The text of the terminal progress line:
/// `  312.4 MB / 1.40 GB (22%)  412,300 rows/s  ETA 0:42`.
package enum ProgressLine {
    /// The line for `bytesRead` of `totalBytes` (nil when unknown, as for standard input) and
    /// `rows` read in `elapsed` seconds. Rates are averages since the start; the ETA assumes
    /// the remaining bytes go at the same pace.
    package static func render(bytesRead: Int, totalBytes: Int?, rows: Int, elapsed: Double) -> String {
        let rate = elapsed > 0 ? Double(rows) / elapsed : 0
        let rowsText = "\(grouped(Int(rate.rounded()))) rows/s"
        guard let totalBytes, totalBytes > 0 else {
            return "  \(byteCount(bytesRead))  \(rowsText)"
        }
        let done = min(max(bytesRead, 0), totalBytes)
        let percent = Int(Double(done) * 100 / Double(totalBytes))
        var eta = "-:--"
        if done > 0, elapsed > 0 {
            let remaining = Double(totalBytes - done) / (Double(done) / elapsed)
            eta = duration(remaining)
        }
        return "  \(byteCount(done)) / \(byteCount(totalBytes)) (\(percent)%)  \(rowsText)  ETA \(eta)"
    }

    /// Decimal units: `512 B`, `12.3 kB`, `312.4 MB`, `1.40 GB`.
    package static func byteCount(_ bytes: Int) -> String {
        let value = Double(bytes)
        switch value {
        case ..<1_000: return "\(bytes) B"
        case ..<999_950: return fixed(value / 1e3, 1) + " kB"
        case ..<999_950_000: return fixed(value / 1e6, 1) + " MB"
        case ..<999_995_000_000: return fixed(value / 1e9, 2) + " GB"
        default: return fixed(value / 1e12, 2) + " TB"
        }
    }

    /// `412,300`: thousands separated by commas, whatever the locale.
    package static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// `0:42`, `12:05`, `1:02:03`: seconds rounded up, so the ETA reaches 0:00 only at the end.
    package static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 360_000 else { return "-:--" }
        let total = Int(max(0, seconds).rounded(.up))
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }

    /// `value` with `places` decimals, rounded half away from zero, always with a `.`.
    static func fixed(_ value: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0 ..< places { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        var fraction = String(scaled % Int(scale))
        while fraction.count < places { fraction = "0" + fraction }
        return places == 0 ? "\(whole)" : "\(whole).\(fraction)"
    }
}
