import Foundation
import GRDB

/// Why an access record was refused.
public enum AccessRecordError: Error, Equatable, Sendable, CustomStringConvertible {
    case patientValueInDetail(key: String)

    public var description: String {
        switch self {
        case .patientValueInDetail(let key):
            "the audit detail field \(key) looks like a patient attribute; record what was revealed (page, subject), "
                + "never the values"
        }
    }
}

extension CutoverDatabase {
    /// Appends an audit row for an access that changes nothing but must be accountable, such as revealing
    /// patient identifiers on screen (`action: "reveal-phi"`), through the same hash chain as decisions.
    ///
    /// `detail` says what was revealed (page, image set, finding ids), never the values: keys that name a
    /// patient attribute (patient…, accession…, birth…) are refused, so the values cannot slip in under them.
    public func recordAccess(action: String, cohort: String?, actor: Actor, detail: [String: String]) throws {
        for key in detail.keys {
            let lowered = key.lowercased()
            if ["patient", "accession", "birth"].contains(where: lowered.contains) {
                throw AccessRecordError.patientValueInDetail(key: key)
            }
        }
        try write { db in
            _ = try AuditLog.append(
                db, actor: actor, action: action, cohort: cohort, detail: detail, at: Date().timeIntervalSince1970)
        }
    }
}
