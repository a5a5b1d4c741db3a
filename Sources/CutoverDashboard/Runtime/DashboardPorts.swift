/// Where the runtime gets page data: the store in the product, anything in tests.
public protocol PageLoader: AnyObject {
    func load(_ query: PageQuery) throws -> PageContent
    /// The header's facts (last poll, poller, quarantine) merged into `base`.
    func header(_ base: HeaderInfo) throws -> HeaderInfo
    /// True when someone committed since the last call: then the visible page is re-queried.
    func dataChanged() -> Bool
}

/// Runs a confirmed operation through the same code as the command line and says how it went, in one
/// sentence for the flash line.
public protocol OperationPerformer: AnyObject {
    func perform(_ operation: Operation) -> (message: String, succeeded: Bool)
}
