import CutoverCore
import GRDB

extension CutoverDatabase {
    /// Image sets whose metadata was never read, or was read at an older version: what the API poller asks
    /// `GetImageSetMetadata` for next, oldest first.
    public func imageSetsNeedingMetadata(limit: Int) throws -> [(datastoreId: String, imageSetId: String, version: Int?)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.datastore_id, s.image_set_id, s.version FROM image_sets s
                    LEFT JOIN image_set_metadata m ON m.image_set = s.id
                    WHERE s.datastore_id IS NOT NULL
                      AND (m.image_set IS NULL OR coalesce(m.version, 0) < coalesce(s.version, 0))
                    ORDER BY s.id LIMIT ?
                    """, arguments: [limit]
            ).map { ($0["datastore_id"], $0["image_set_id"], $0["version"]) }
        }
    }

    /// Replaces what is known of the image set's instances; their stored syntaxes then count as actual, not
    /// predicted, in the `parity` gate.
    /// `found` false records that the service does not know the image set.
    public func recordImageSetMetadata(
        imageSetId: String, version: Int?, instances: [ImageSetInstance], found: Bool = true, now: Double
    ) throws {
        try write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM image_sets WHERE image_set_id = ?", arguments: [imageSetId])
            else { throw StoreError.unknownImageSet(imageSetId) }
            try db.execute(sql: "DELETE FROM image_set_instances WHERE image_set = ?", arguments: [id])
            let insert = try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO image_set_instances (image_set, sop_uid, series_uid, stored_ts) VALUES (?, ?, ?, ?)")
            for instance in instances {
                try insert.execute(
                    arguments: [id, instance.sopInstanceUID, instance.seriesInstanceUID, instance.storedTransferSyntaxUID])
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO image_set_metadata (image_set, version, found, fetched_at) VALUES (?, ?, ?, ?)",
                arguments: [id, version, found, now])
            try Self.advanceGeneration(db)
        }
    }
}
