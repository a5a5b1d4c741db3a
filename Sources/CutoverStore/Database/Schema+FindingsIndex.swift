import GRDB

extension Schema {
    /// Results that are not plain successes (a few percent), by key: deriving a job's warning and
    /// customer-error findings reads only these instead of every key under the job's prefix. Partial, so
    /// ingesting a success does not maintain it. Queries must repeat the condition.
    static func v11(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX input_keys_not_success ON input_keys(key) WHERE outcome != 0")
    }
}
