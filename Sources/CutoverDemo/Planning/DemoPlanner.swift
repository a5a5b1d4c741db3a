/// Builds a `DemoPlan` from options. Deterministic: the same options always give the same plan.
public enum DemoPlanner {
    public static func plan(_ options: DemoOptions) -> DemoPlan {
        let scale = ScaleProfile(options.scale)
        var plan = DemoPlan(options)
        plan.buildCatalogue(scale)
        let specials = plan.chooseSpecials(scale)
        plan.scheduleJobs(scale, specials)
        plan.tallyJobs()
        plan.planEvents()
        plan.planDeliveries()
        plan.endMs = plan.settledMs()
        return plan
    }
}

extension DemoPlan {
    mutating func tallyJobs() {
        for j in jobs.indices where jobs[j].kind != .failed {
            let contents = contents(of: jobs[j])
            var tally = JobTally()
            for rank in 0..<jobs[j].stallCount {
                tally.count(contents.outcomes[Int(contents.order[rank])])
            }
            jobs[j].tally = tally
        }
    }

    /// After this instant nothing in the folder changes any more.
    func settledMs() -> Int64 {
        var last = startMs
        for job in jobs { last = max(last, job.settledMs) }
        return max(last, deliveries.lastDeliveryMs)
    }
}
