/// Study, series and instance counts: what the inventory expects, or what reached a primary image set.
public struct HierarchyCounts: Equatable, Sendable {
    public var studies: Int
    public var series: Int
    public var instances: Int

    public init(studies: Int, series: Int, instances: Int) {
        self.studies = studies
        self.series = series
        self.instances = instances
    }

    public static let zero = HierarchyCounts(studies: 0, series: 0, instances: 0)
}
