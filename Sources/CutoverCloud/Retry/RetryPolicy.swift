/// Exponential backoff with full jitter (AWS's recommendation): attempt n waits a random time in
/// [0, min(cap, base · 2ⁿ)], so many pollers throttled together do not come back together.
public struct RetryPolicy: Sendable {
    public var attempts: Int
    public var baseSeconds: Double
    public var capSeconds: Double

    public init(attempts: Int = 5, baseSeconds: Double = 0.2, capSeconds: Double = 10) {
        self.attempts = attempts
        self.baseSeconds = baseSeconds
        self.capSeconds = capSeconds
    }

    /// The pause before retry number `retry` (0 for the first retry), given a random fraction in 0..<1.
    public func delay(retry: Int, random: Double) -> Double {
        min(capSeconds, baseSeconds * Double(1 << min(retry, 30))) * random
    }
}
