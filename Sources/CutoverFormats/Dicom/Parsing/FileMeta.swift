/// What the file meta group (0002,eeee) says, and where the data set after it starts.
struct FileMeta {
    /// Whether any group 0002 element was found.
    var isPresent = false
    var transferSyntaxUID: String?
    var mediaStorageSOPClassUID: String?
    var mediaStorageSOPInstanceUID: String?
    var dataSetOffset: Int

    var transferSyntax: TransferSyntax? {
        transferSyntaxUID.map(TransferSyntax.init(uid:))
    }
}
