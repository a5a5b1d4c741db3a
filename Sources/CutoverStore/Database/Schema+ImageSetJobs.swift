import GRDB

extension Schema {
    /// The jobs whose manifests list an image set, by image set: a set first seen through events has no first
    /// job, and the Non-primary page and its findings find one here (a scan of every manifest row before).
    static func v12(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX job_image_sets_by_image_set ON job_image_sets(image_set)")
    }
}
