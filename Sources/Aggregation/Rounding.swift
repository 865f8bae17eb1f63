import BigInt

/// The rounding of statistics.md, computed exactly on integers: nearest, halves up.
package enum Rounding {
    /// `numerator / denominator` as an integer percent, halves up (2 of 16 -> 13);
    /// nil when the denominator is 0.
    package static func percent(_ numerator: Int, of denominator: Int) -> Int? {
        guard denominator > 0 else { return nil }
        return (200 * numerator + denominator) / (2 * denominator)
    }

    /// Upheld decisions per 100,000 residents, in tenths, halves up (4.8 -> 48); nil
    /// without a population.
    package static func per100kTenths(_ upheld: Int, population: Int?) -> Int? {
        guard let population, population > 0 else { return nil }
        return (2 * upheld * 1_000_000 + population) / (2 * population)
    }

    /// The mean of `numerator * scale / denominator` over the pairs, rounded halves up;
    /// nil when there are no pairs. Exact: the sum of fractions is kept as a big rational,
    /// since the common denominator of hundreds of authorities overflows any fixed width.
    package static func mean(of pairs: [(numerator: Int, denominator: Int)], scale: Int) -> Int? {
        guard !pairs.isEmpty else { return nil }
        var sumNumerator = BigInt(0)
        var sumDenominator = BigInt(1)
        for (n, d) in pairs {
            let fn = BigInt(n) * BigInt(scale)
            let fd = BigInt(d)
            sumNumerator = sumNumerator * fd + fn * sumDenominator
            sumDenominator *= fd
            let g = sumNumerator.greatestCommonDivisor(with: sumDenominator)
            if g > 1 {
                sumNumerator /= g
                sumDenominator /= g
            }
        }
        let denominator = sumDenominator * BigInt(pairs.count)
        let rounded = (2 * sumNumerator + denominator) / (2 * denominator)
        return Int(rounded)
    }
}
