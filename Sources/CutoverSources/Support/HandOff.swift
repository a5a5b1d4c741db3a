import Foundation

/// Work handed from a producer thread to the caller's thread in order, through a bounded queue: reading and
/// parsing a file on one core while SQLite writes on the other. At most `depth` items wait, so memory stays
/// flat whatever the file's size.
///
/// The producer runs `produce` on a background thread, calling `put` for each item; what it returns ends the
/// stream (`ending`), and what it throws is rethrown by `next()` after the items put before it. When the
/// caller gives up it calls `cancel()`, and the producer's next `put` throws to stop it.
final class HandOff<Item: Sendable, Ending: Sendable>: @unchecked Sendable {
    private let depth: Int
    private let condition = NSCondition()
    private var ready: [Item] = []
    private var end: Ending?
    private var failure: Error?
    private var cancelled = false

    private struct Cancelled: Error {}

    init(depth: Int = 8, _ produce: @escaping @Sendable (HandOff) throws -> Ending) {
        self.depth = depth
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            do {
                let ending = try produce(self)
                complete(end: ending, failure: nil)
            } catch {
                complete(end: nil, failure: error)
            }
        }
    }

    /// Called by the producer: waits while the queue is full; throws once the caller has cancelled.
    func put(_ item: Item) throws {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= depth && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        ready.append(item)
        condition.signal()
    }

    /// The next item in order; nil after the last. Rethrows the producer's error where it happened.
    func next() throws -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && end == nil && failure == nil { condition.wait() }
        if !ready.isEmpty {
            condition.signal()
            return ready.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// What the producer returned; valid once `next()` returned nil.
    var ending: Ending {
        condition.lock()
        defer { condition.unlock() }
        return end!
    }

    /// Stops the producer early; safe to call more than once, and after the end.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func complete(end: Ending?, failure: Error?) {
        condition.lock()
        self.end = end
        self.failure = failure
        condition.broadcast()
        condition.unlock()
    }
}

/// A value moved to a producer thread by a caller that no longer touches it (a file reader, say).
struct Handed<Value>: @unchecked Sendable {
    var value: Value
}
