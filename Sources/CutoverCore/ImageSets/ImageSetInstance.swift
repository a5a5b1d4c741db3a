/// One instance of an image set as `GetImageSetMetadata` lists it, with the transfer syntax AHI actually stores.
public struct ImageSetInstance: Equatable, Sendable {
    public var seriesInstanceUID: String
    public var sopInstanceUID: String
    /// nil when the metadata leaves it out: the data store's storage format then (reference §5.3).
    public var storedTransferSyntaxUID: String?

    public init(seriesInstanceUID: String, sopInstanceUID: String, storedTransferSyntaxUID: String?) {
        self.seriesInstanceUID = seriesInstanceUID
        self.sopInstanceUID = sopInstanceUID
        self.storedTransferSyntaxUID = storedTransferSyntaxUID
    }
}
