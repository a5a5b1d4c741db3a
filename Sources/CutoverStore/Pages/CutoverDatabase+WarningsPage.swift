import CutoverCore
import GRDB

/// One warning code on the Warnings page: how many instances and studies carry it, by triage state.
public struct WarningGroupRow: Equatable, Sendable {
    public var code: Int
    /// Warning findings of this code (one per code per key), in any state.
    public var instances: Int64
    /// Distinct studies of those keys, where the inventory knows them.
    public var studies: Int64
    public var open: Int64
    public var acknowledged: Int64
    public var waived: Int64
    public var resolved: Int64

    public init(
        code: Int, instances: Int64, studies: Int64, open: Int64 = 0, acknowledged: Int64 = 0, waived: Int64 = 0,
        resolved: Int64 = 0
    ) {
        self.code = code
        self.instances = instances
        self.studies = studies
        self.open = open
        self.acknowledged = acknowledged
        self.waived = waived
        self.resolved = resolved
    }
}

/// One instance with a given warning code (the Warnings page's drill-down).
public struct WarningInstanceRow: Equatable, Sendable {
    public var findingId: Int64
    public var key: String
    public var studyInstanceUID: String?
    /// AHI's message for this code on the key's current result (nil once the warning is gone).
    public var message: String?
    public var state: FindingState

    public init(findingId: Int64, key: String, studyInstanceUID: String? = nil, message: String? = nil, state: FindingState) {
        self.findingId = findingId
        self.key = key
        self.studyInstanceUID = studyInstanceUID
        self.message = message
        self.state = state
    }
}

extension CutoverDatabase {
    /// The Warnings page: `warning` findings grouped by code, most instances first (then by code), all
    /// cohorts or one.
    public func warningGroups(cohort: String?) throws -> [WarningGroupRow] {
        try read { db in
            guard let scope = try Self.cohortScope(db, cohort) else { return [] }
            let arguments: StatementArguments = scope.id.map { ["cohort": $0] } ?? [:]
            let studies = try warningStudies(db, scope: scope)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT f.code, count(*) AS instances,
                           sum(f.state = 'open') AS open, sum(f.state = 'acknowledged') AS acknowledged,
                           sum(f.state = 'waived') AS waived, sum(f.state = 'resolved') AS resolved
                    FROM findings f
                    WHERE f.kind = 'warning' \(scope.clause)
                    GROUP BY f.code ORDER BY instances DESC, f.code LIMIT 1000
                    """, arguments: arguments
            ).map {
                WarningGroupRow(
                    code: $0["code"], instances: $0["instances"], studies: studies[$0["code"]] ?? 0, open: $0["open"],
                    acknowledged: $0["acknowledged"], waived: $0["waived"], resolved: $0["resolved"])
            }
        }
    }

    /// Distinct studies per warning code: one inventory lookup per warning finding, so computed once per data
    /// generation (triage changes states, never which studies a code touches).
    private func warningStudies(_ db: Database, scope: (clause: String, id: Int64?)) throws -> [Int: Int64] {
        let generation = try Self.generation(db)
        let key = scope.id.map(String.init) ?? "all"
        if let known = warningStudiesMemo.value(key, generation: generation) { return known }
        var studies: [Int: Int64] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT f.code, count(DISTINCT i.study) AS studies
                FROM findings f JOIN inventory i ON i.key = f.subject
                WHERE f.kind = 'warning' \(scope.clause) GROUP BY f.code
                """, arguments: scope.id.map { ["cohort": $0] } ?? [:])
        {
            studies[row["code"]] = row["studies"]
        }
        warningStudiesMemo.remember(studies, key, generation: generation)
        return studies
    }

    /// The instances of one warning code. Filter: key, study, message, state.
    ///
    /// Sort keys: `key` (the default), `study`, `state`, `message`. Missing values sort last.
    public func warningInstances(code: Int, cohort: String?, _ request: PageRequest) throws
        -> PageSlice<WarningInstanceRow>
    {
        try read { db in
            guard let scope = try Self.cohortScope(db, cohort) else { return PageSlice(rows: [], total: 0) }
            var arguments: [String: (any DatabaseValueConvertible)?] = ["code": code, "limit": request.boundedLimit]
            if let id = scope.id { arguments["cohort"] = id }
            var filter = ""
            if let pattern = request.likePattern {
                arguments["pattern"] = pattern
                filter = """
                    WHERE key LIKE :pattern ESCAPE '\\' OR study LIKE :pattern ESCAPE '\\'
                       OR message LIKE :pattern ESCAPE '\\' OR state LIKE :pattern ESCAPE '\\'
                    """
            }
            let rows = """
                SELECT * FROM (
                    SELECT f.id, f.subject AS key, st.uid AS study, f.state,
                           (SELECT w.message FROM input_keys k JOIN result_warnings w ON w.detail = k.detail AND w.code = f.code
                            WHERE k.key = f.subject LIMIT 1) AS message
                    FROM findings f LEFT JOIN inventory i ON i.key = f.subject LEFT JOIN studies st ON st.id = i.study
                    WHERE f.kind = 'warning' AND f.code = :code \(scope.clause)
                ) \(filter)
                """
            let column: String
            switch request.sort {
            case "study": column = "study"
            case "state": column = "state"
            case "message": column = "message"
            default: column = "key"
            }
            let order = request.descending ? "DESC" : "ASC"
            let total = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM (\(rows))", arguments: StatementArguments(arguments.filter { $0.key != "limit" })) ?? 0
            let page = try Row.fetchAll(
                db, sql: "\(rows) ORDER BY \(column) IS NULL, \(column) \(order), key LIMIT :limit",
                arguments: StatementArguments(arguments)
            ).map {
                WarningInstanceRow(
                    findingId: $0["id"], key: $0["key"], studyInstanceUID: $0["study"], message: $0["message"],
                    state: FindingState(rawValue: $0["state"]) ?? .open)
            }
            return PageSlice(rows: page, total: total)
        }
    }

    /// The ids of findings of a kind (and warning code) in a cohort (or all) and in the given states, for acting
    /// on a whole group: pass them to `triage(_:to:note:actor:)`.
    public func findingIDs(kind: FindingKind, code: Int?, cohort: String?, states: Set<FindingState>) throws -> [Int64] {
        guard !states.isEmpty else { return [] }
        return try read { db in
            guard let scope = try Self.cohortScope(db, cohort) else { return [] }
            var arguments: [String: (any DatabaseValueConvertible)?] = ["kind": kind.rawValue]
            var clauses = scope.clause
            if let id = scope.id { arguments["cohort"] = id }
            if let code {
                clauses += " AND f.code = :code"
                arguments["code"] = code
            }
            var marks: [String] = []
            for (n, state) in states.map(\.rawValue).sorted().enumerated() {
                marks.append(":s\(n)")
                arguments["s\(n)"] = state
            }
            return try Int64.fetchAll(
                db,
                sql: """
                    SELECT f.id FROM findings f WHERE f.kind = :kind \(clauses)
                    AND f.state IN (\(marks.joined(separator: ", "))) ORDER BY f.id
                    """,
                arguments: StatementArguments(arguments))
        }
    }

    /// `AND f.cohort = :cohort` and the cohort's id for a named cohort (nothing for all); nil when the cohort
    /// does not exist.
    static func cohortScope(_ db: Database, _ cohort: String?) throws -> (clause: String, id: Int64?)? {
        guard let cohort else { return ("", nil) }
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM cohorts WHERE name = ?", arguments: [cohort]) else {
            return nil
        }
        return ("AND f.cohort = :cohort", id)
    }
}
