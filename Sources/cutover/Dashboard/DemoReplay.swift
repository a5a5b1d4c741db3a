import CutoverDemo
import Foundation

/// Writes the demo migration into its folder as simulated time passes, on its own thread.
final class DemoReplay: @unchecked Sendable {
    private let writer: DemoWriter
    private let plan: DemoPlan
    private let speed: Double
    private let lock = NSLock()
    private var stopped = false
    private var failure: String?

    init(writer: DemoWriter, plan: DemoPlan, speed: Double) {
        self.writer = writer
        self.plan = plan
        self.speed = speed
    }

    var error: String? { lock.withLock { failure } }

    func start() {
        let realStart = Date().timeIntervalSince1970
        Thread.detachNewThread { [self] in
            while !lock.withLock({ stopped }) {
                let t = plan.startEpoch + (Date().timeIntervalSince1970 - realStart) * speed
                do {
                    if try writer.advance(to: min(t, plan.endEpoch)).finished { return }
                } catch {
                    lock.withLock { failure = String(describing: error) }
                    return
                }
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }

    func stop() { lock.withLock { stopped = true } }
}
