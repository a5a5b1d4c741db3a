import GRDB

extension Database {
    /// Executes through the connection's statement cache. For statements that run once per event, job or
    /// file: compiling SQL (and GRDB's authorizer pass) every time cost more than the work itself.
    func executeCached(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
