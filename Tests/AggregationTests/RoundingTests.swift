import Aggregation
import Testing
import TestSupport

@Suite struct RoundingTests {
    @Test(arguments: [
        (2, 16, 13), (7, 8, 88), (18, 21, 86), (6, 15, 40), (1, 3, 33), (2, 3, 67), (1, 200, 1), (1, 201, 0),
        (2, 18, 11), (15, 15, 100), (0, 5, 0), (1, 8, 13), (3, 8, 38), (5, 8, 63), (199, 200, 100), (397, 400, 99),
    ])
    func percentRoundsHalvesUp(numerator: Int, denominator: Int, percent: Int) {
        #expect(Rounding.percent(numerator, of: denominator) == percent)
    }

    @Test func percentOfNothingHasNoValue() {
        #expect(Rounding.percent(0, of: 0) == nil)
        #expect(Rounding.percent(3, of: 0) == nil)
    }

    @Test func percentIsNearestWithHalvesUpForEverySmallFraction() {
        // Halves up: r is right when 100n/d - r lies in [-1/2, 1/2), i.e. -d <= 2(100n - rd) < d.
        for d in 1 ... 400 {
            for n in 0 ... d {
                guard let r = Rounding.percent(n, of: d) else {
                    Issue.record("\(n) of \(d) has no value")
                    return
                }
                let twice = 2 * (100 * n - r * d)
                if !(-d <= twice && twice < d) {
                    Issue.record("\(n) of \(d) rounded to \(r)")
                    return
                }
            }
        }
    }

    @Test(arguments: [
        (18, 374_000, 48),      // Leicester 2023-24: 4.8
        (22, 200_000, 110),     // 11.0, printed 11
        (0, 374_000, 0),
        (1, 400_000, 3),        // 0.25 -> 0.3
        (1, 400_001, 2),
        (3, 200_000, 15),       // 1.5 exactly
        (1, 2_000_000, 1),      // 0.05 -> 0.1
        (1, 2_000_001, 0),
        (6, 190_708, 31),       // 3.146...
    ])
    func per100kIsInTenthsWithHalvesUp(upheld: Int, population: Int, tenths: Int) {
        #expect(Rounding.per100kTenths(upheld, population: population) == tenths)
    }

    @Test func per100kNeedsAPopulation() {
        #expect(Rounding.per100kTenths(5, population: nil) == nil)
        #expect(Rounding.per100kTenths(5, population: 0) == nil)
    }

    @Test func meanOfNothingHasNoValue() {
        #expect(Rounding.mean(of: [], scale: 100) == nil)
    }

    @Test func meanOfHandComputedRates() {
        #expect(Rounding.mean(of: [(1, 3), (2, 3)], scale: 100) == 50)
        #expect(Rounding.mean(of: [(1, 1), (1, 3)], scale: 100) == 67)            // 66.67
        #expect(Rounding.mean(of: [(1, 8), (1, 8)], scale: 100) == 13)            // 12.5 up
        #expect(Rounding.mean(of: [(1, 8), (0, 1)], scale: 100) == 6)             // 6.25
        #expect(Rounding.mean(of: [(18, 21), (12, 17)], scale: 100) == 78)        // 78.15
        #expect(Rounding.mean(of: [(1, 100_000), (1, 300_000)], scale: 1_000_000) == 7) // 6.67 tenths
        #expect(Rounding.mean(of: [(7, 8)], scale: 100) == Rounding.percent(7, of: 8))
    }

    /// 300 authorities whose exact mean uphold rate is 50.5%: 99 groups of three sharing a prime
    /// denominator (all different primes) whose numerators add up to the prime or twice it, and
    /// three at 1 of 2. Summed in binary floating point, the rates come to just under 50.5.
    static let halfwayCase: [(numerator: Int, denominator: Int)] = {
        let primes = [
            101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197,
            199, 211, 223, 227, 229, 233, 239, 241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311, 313,
            317, 331, 337, 347, 349, 353, 359, 367, 373, 379, 383, 389, 397, 401, 409, 419, 421, 431, 433, 439,
            443, 449, 457, 461, 463, 467, 479, 487, 491, 499, 503, 509, 521, 523, 541, 547, 557, 563, 569, 571,
            577, 587, 593, 599, 601, 607, 613, 617, 619, 631, 641, 643, 647, 653, 659, 661, 673, 677, 683,
        ]
        var pairs: [(numerator: Int, denominator: Int)] = []
        for (g, p) in primes.enumerated() {
            // 51 groups add up to 2p (200%), 48 to p (100%): 150 x 100% in all.
            let total = g < 51 ? 2 * p : p
            let a = total / 3 + g % 11
            let b = total / 3 - g % 12
            pairs += [(a, p), (b, p), (total - a - b, p)]
        }
        return pairs + [(1, 2), (1, 2), (1, 2)]
    }()

    @Test func meanIsExactWhereFloatingPointMisrounds() {
        let pairs = Self.halfwayCase
        #expect(pairs.count == 300)
        #expect(Set(pairs.map(\.denominator)).count == 100)
        // (150 x 100 + 3 x 50) / 300 = 50.5 exactly, which rounds up.
        #expect(Rounding.mean(of: pairs, scale: 100) == 51)
        #expect(Rounding.mean(of: pairs, scale: 100) == ExactMean.rounded(pairs, scale: 100))
        // The obvious floating-point computation gets it wrong: this is what the case guards.
        let naive = pairs.reduce(0.0) { $0 + Double($1.numerator) * 100 / Double($1.denominator) } / Double(pairs.count)
        #expect((naive + 0.5).rounded(.down) != 51)
    }

    @Test func meanMatchesExactFractionsOnRandomSets() {
        var random = SeededGenerator(seed: 20_240_401)
        let primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97]
        for _ in 0 ..< 2_000 {
            let count = Int.random(in: 1 ... 10, using: &random)
            let pairs: [(numerator: Int, denominator: Int)] = (0 ..< count).map { _ in
                let d = Bool.random(using: &random) ? primes.randomElement(using: &random)!
                                                    : Int.random(in: 1 ... 120, using: &random)
                return (Int.random(in: 0 ... d, using: &random), d)
            }
            let exact = ExactMean.rounded(pairs, scale: 100)
            if Rounding.mean(of: pairs, scale: 100) != exact {
                Issue.record("mean of \(pairs) is \(String(describing: Rounding.mean(of: pairs, scale: 100))), exactly \(exact)")
                return
            }
        }
        for _ in 0 ..< 500 {
            let count = Int.random(in: 1 ... 4, using: &random)
            let pairs: [(numerator: Int, denominator: Int)] = (0 ..< count).map { _ in
                (Int.random(in: 0 ... 60, using: &random), Int.random(in: 20_000 ... 1_200_000, using: &random))
            }
            let exact = ExactMean.rounded(pairs, scale: 1_000_000)
            if Rounding.mean(of: pairs, scale: 1_000_000) != exact {
                Issue.record("per-100k mean of \(pairs) is wrong; exactly \(exact)")
                return
            }
        }
    }
}

/// The mean of `numerator * scale / denominator`, rounded halves up, by exact fractions in
/// Int128 (for sets small enough that the common denominator fits).
enum ExactMean {
    static func rounded(_ pairs: [(numerator: Int, denominator: Int)], scale: Int) -> Int {
        var num: Int128 = 0
        var den: Int128 = 1
        for (n, d) in pairs {
            num = num * Int128(d) + Int128(n) * Int128(scale) * den
            den *= Int128(d)
            let g = gcd(num, den)
            num /= g
            den /= g
        }
        // floor(num / (den * count) + 1/2)
        let total = den * Int128(pairs.count)
        return Int((2 * num + total) / (2 * total))
    }

    private static func gcd(_ a: Int128, _ b: Int128) -> Int128 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }
}
