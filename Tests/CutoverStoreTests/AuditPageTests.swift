import CutoverStore
import Foundation
import Testing

/// The Audit page (newest first) and access records such as revealing patient identifiers.
@Suite struct AuditPageTests {
    let store: TemporaryDatabase
    let actor = Actor(name: "ana", host: "ops1", sshClient: "10.0.0.7")

    init() throws { store = try TemporaryDatabase() }

    @Test func newestFirstWithTheTotal() throws {
        for page in ["non-primary", "warnings", "jobs"] {
            try store.database.recordAccess(action: "reveal-phi", cohort: "ed", actor: actor, detail: ["page": page])
        }
        let page = try store.database.auditPage(limit: 2)
        #expect(page.total == 3)
        #expect(page.rows.map(\.seq) == [3, 2])
        #expect(page.rows.map(\.detail) == [#"{"page":"jobs"}"#, #"{"page":"warnings"}"#])
        #expect(page.rows[0].action == "reveal-phi" && page.rows[0].cohort == "ed" && page.rows[0].actor == "ana")
        #expect(page.rows[0].host == "ops1" && page.rows[0].sshClient == "10.0.0.7")
        #expect(try store.database.auditPage(limit: 0) == PageSlice(rows: [], total: 3))
    }

    @Test func anAccessRecordJoinsTheHashChain() throws {
        try store.database.recordAccess(action: "reveal-phi", cohort: nil, actor: actor, detail: ["imageSet": "setNP"])
        try store.database.recordAccess(action: "reveal-phi", cohort: "ed", actor: actor, detail: [:])
        let rows = try store.database.auditPage(limit: 10).rows
        #expect(rows[0].prevHash == rows[1].hash)
        guard case .intact(let count, _) = try store.database.verifyAudit() else {
            Issue.record("the chain should be intact")
            return
        }
        #expect(count == 2)
    }

    @Test(arguments: ["patientID", "PatientName", "accession", "birthDate"])
    func detailKeysNamingPatientAttributesAreRefused(_ key: String) throws {
        #expect(throws: AccessRecordError.patientValueInDetail(key: key)) {
            try store.database.recordAccess(action: "reveal-phi", cohort: nil, actor: actor, detail: [key: "x"])
        }
        #expect(try store.database.auditPage(limit: 10).total == 0)
    }
}
