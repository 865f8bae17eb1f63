/// How publishing prints numbers (statistics.md): whole percentages, per-100,000 figures from
/// tenths, and decimals for JSON, all from integers so that nothing goes through binary floating
/// point.
enum NumberText {
    /// A percentage as the letters print it: `86%`, and `0%` for a rate with no value (a
    /// denominator of 0), as the Ombudsman does.
    static func letterPercent(_ rate: Int?) -> String { "\(rate ?? 0)%" }

    /// A per-100,000 figure from tenths, one decimal without a trailing `.0`: 48 -> `4.8`,
    /// 110 -> `11`, 0 -> `0`.
    static func per100k(tenths: Int) -> String {
        let sign = tenths < 0 ? "-" : ""
        let m = tenths.magnitude
        return m % 10 == 0 ? "\(sign)\(m / 10)" : "\(sign)\(m / 10).\(m % 10)"
    }

    /// A figure from tenths with exactly one decimal, as a JSON number or CSV cell: 48 -> `4.8`,
    /// 110 -> `11.0`.
    static func decimal(tenths: Int) -> String {
        let sign = tenths < 0 ? "-" : ""
        let m = tenths.magnitude
        return "\(sign)\(m / 10).\(m % 10)"
    }

    /// A whole number with thousands separators for reading, `1,144,919`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { text.append(",") }
            text.append(c)
        }
        return (value < 0 ? "-" : "") + text
    }
}
