/// A human decision on a cohort (product §5). Finding triage (ack, waive) lives with the findings.
public enum CohortAction: String, CaseIterable, Sendable {
    case hold, release, retry, approve
    case approveOverride = "approve-override"
    case confirmApproval = "confirm-approval"
    case rollback, attest
}
