import GRDB

extension Schema {
    /// Indexes the dashboard's pages need to stay within a frame on a million results.
    static func v7(_ db: Database) throws {
        try db.execute(
            sql: """
                -- Results not flagged primary, by image set: the instances of non-primary sets. Partial, so the
                -- ingest of primary results (nearly all) does not maintain it. Queries must repeat the condition.
                CREATE INDEX input_keys_not_primary ON input_keys(image_set) WHERE is_primary IS NOT 1;
                -- Warning findings by code: the Warnings page's groups and drill-down.
                CREATE INDEX findings_by_kind_code ON findings(kind, code, cohort, state);
                """)
    }
}
