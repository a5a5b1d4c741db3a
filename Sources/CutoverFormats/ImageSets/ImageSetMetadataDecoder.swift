import CutoverCore

/// `GetImageSetMetadata` JSON (reference §1.7): `Study.Series[<uid>].Instances[<uid>]` with each instance's
/// `StoredTransferSyntaxUID`. Everything else in the document is left alone.
public enum ImageSetMetadataDecoder {
    public static func instances(_ document: JSONValue) throws(FormatError) -> [ImageSetInstance] {
        guard case .object = document else { throw FormatError("image set metadata must be a JSON object") }
        guard let study = document["Study"], case .object = study else {
            throw FormatError("the image set metadata has no Study")
        }
        guard let series = study["Series"] else { return [] }
        guard case .object(let seriesMembers) = series else { throw FormatError("Study.Series is not an object") }
        var found: [ImageSetInstance] = []
        for (seriesUID, seriesValue) in seriesMembers {
            guard let instances = seriesValue["Instances"] else { continue }
            guard case .object(let instanceMembers) = instances else {
                throw FormatError("Study.Series[\(seriesUID)].Instances is not an object")
            }
            for (sopUID, instance) in instanceMembers {
                found.append(
                    ImageSetInstance(
                        seriesInstanceUID: seriesUID, sopInstanceUID: sopUID,
                        storedTransferSyntaxUID: instance["StoredTransferSyntaxUID"]?.string))
            }
        }
        return found.sorted { ($0.seriesInstanceUID, $0.sopInstanceUID) < ($1.seriesInstanceUID, $1.sopInstanceUID) }
    }
}
