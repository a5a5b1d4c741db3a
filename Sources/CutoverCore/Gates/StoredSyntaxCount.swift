/// How many instances of a cohort are stored in one transfer syntax.
///
/// `predicted` is true when the syntax comes from the inventory and the data store's storage format rather
/// than from image set metadata; the store may give both a predicted and an actual row for one UID.
public struct StoredSyntaxCount: Equatable, Sendable {
    public var uid: String
    public var instances: Int
    public var predicted: Bool

    public init(uid: String, instances: Int, predicted: Bool) {
        self.uid = uid
        self.instances = instances
        self.predicted = predicted
    }
}
