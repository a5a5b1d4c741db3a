import Foundation

/// Stateless hashing: every fact about an instance, job or event is a hash of the seed and its indices.
///
/// Nothing per instance is stored in the plan, so a million-instance migration stays a few megabytes, and
/// any fact can be recomputed in any order (a restarted writer sees exactly the same values).
enum DemoHash {
    /// SplitMix64's finaliser: a cheap, well-mixed bijection on 64 bits.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    static func of(_ seed: UInt64, _ salt: Salt, _ a: UInt64 = 0, _ b: UInt64 = 0) -> UInt64 {
        mix(mix(mix(seed ^ salt.rawValue) ^ a) ^ b)
    }

    @inline(__always)
    static func of(_ seed: UInt64, _ salt: Salt, _ a: Int, _ b: Int = 0) -> UInt64 {
        of(seed, salt, UInt64(bitPattern: Int64(a)), UInt64(bitPattern: Int64(b)))
    }

    /// A uniform value in [0, 1).
    @inline(__always)
    static func unit(_ h: UInt64) -> Double { Double(h >> 11) * 0x1p-53 }

    /// One independent draw per purpose, so adding a use of randomness never shifts the others.
    enum Salt: UInt64 {
        case datastore = 0x0100, account, job, imageSet, event, firehoseObject
        case cohort = 0x0200, content, patient, serverError, processingOrder, eventLayout, eventVariant
        case uidRoot = 0x0300, schedule
    }
}

/// A sequential generator for the planner, where draws naturally come one after another.
struct DemoRandom {
    private var state: UInt64

    init(_ seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return DemoHash.mix(state)
    }

    mutating func unit() -> Double { DemoHash.unit(next()) }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// Milliseconds in a range of seconds, so times carry a fraction like the API's timestamps do.
    mutating func millis(seconds range: ClosedRange<Double>) -> Int64 {
        Int64((range.lowerBound + unit() * (range.upperBound - range.lowerBound)) * 1000)
    }

    /// Log-uniform and skewed towards the low end: many small batches, a few large ones.
    mutating func skewed(_ range: ClosedRange<Int>, power: Double = 1.6) -> Int {
        let lo = Double(range.lowerBound)
        let ratio = Double(range.upperBound) / lo
        return min(range.upperBound, Int(lo * pow(ratio, pow(unit(), power))))
    }

    mutating func pick<T>(_ weighted: [(T, Double)]) -> T {
        let total = weighted.reduce(0) { $0 + $1.1 }
        var x = unit() * total
        for (value, weight) in weighted {
            if x < weight { return value }
            x -= weight
        }
        return weighted[weighted.count - 1].0
    }
}
