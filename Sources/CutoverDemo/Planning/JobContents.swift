/// The files of one job with their outcomes and the order AHI processes them in.
///
/// Rebuilt on demand (at most 5,000 entries) rather than stored for every job, so the plan stays small.
struct JobContents {
    let job: PlannedJob
    /// Per local file (archive order within the job): its series and its index in that series.
    var seriesOf: [Int32]
    var indexInSeries: [Int32]
    var outcomes: [InstanceOutcome]
    /// Processing rank to local file: AHI does not work through a job in key order.
    var order: [Int32]
}

extension DemoPlan {
    func contents(of job: PlannedJob) -> JobContents {
        let n = job.instanceCount
        var seriesOf = [Int32]()
        var indexInSeries = [Int32]()
        var outcomes = [InstanceOutcome]()
        seriesOf.reserveCapacity(n)
        indexInSeries.reserveCapacity(n)
        outcomes.reserveCapacity(n)
        if job.kind != .failed {
            for si in job.seriesRange {
                for i in 0..<Int(series[si].count) {
                    outcomes.append(outcome(job: job, seriesIndex: si, index: i, local: seriesOf.count))
                    seriesOf.append(Int32(si))
                    indexInSeries.append(Int32(i))
                }
            }
        }
        var order = (0..<Int32(seriesOf.count)).map { $0 }
        var rng = DemoRandom(DemoHash.of(seed, .processingOrder, job.index))
        if order.count > 1 {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(i, Int(rng.next() % UInt64(i + 1)))
            }
        }
        return JobContents(job: job, seriesOf: seriesOf, indexInSeries: indexInSeries, outcomes: outcomes, order: order)
    }
}
