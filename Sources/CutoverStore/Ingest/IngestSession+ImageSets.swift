import CutoverCore
import GRDB

extension IngestSession {
    /// The row of an image set id, creating it on first sight. Lines of one job come grouped by study, so
    /// the last id is compared byte for byte first and a `String` is only made when it changes.
    func internImageSet(_ bytes: UnsafeRawBufferPointer, isPrimary: Bool?, version: Int?, job: JobHandle) throws
        -> Int64
    {
        let id: String
        if let last = lastImageSet, last.bytes.elementsEqual(bytes) {
            id = last.id
        } else {
            id = String(decoding: bytes, as: UTF8.self)
            lastImageSet = (Array(bytes), id)
        }
        return try imageSetRow(id: id, isPrimary: isPrimary, version: version, job: job.row)
    }

    /// The row of an image set, created or brought up to date with what this observation says.
    func imageSetRow(id: String, isPrimary: Bool?, version: Int?, job: Int64?, datastoreId: String? = nil) throws
        -> Int64
    {
        if var known = imageSetCache[id] {
            if (isPrimary != nil && isPrimary != known.isPrimary) || (version ?? 0) > (known.version ?? 0) {
                known.isPrimary = isPrimary ?? known.isPrimary
                known.version = [known.version, version].compactMap { $0 }.max()
                try db.execute(
                    sql: "UPDATE image_sets SET is_primary = ?, version = ? WHERE id = ?",
                    arguments: [known.isPrimary, known.version, known.row])
                imageSetCache[id] = known
            }
            return known.row
        }
        findImageSet.bind(1, id)
        if try findImageSet.step() {
            let row = findImageSet.int64(0)!
            let storedPrimary = findImageSet.int64(1).map { $0 != 0 }
            let storedVersion = findImageSet.int64(2).map { Int($0) }
            findImageSet.reset()
            imageSetCache[id] = ImageSetState(row: row, isPrimary: storedPrimary, version: storedVersion)
            return try imageSetRow(id: id, isPrimary: isPrimary, version: version, job: job)
        }
        findImageSet.reset()
        try db.execute(
            sql: """
                INSERT INTO image_sets (image_set_id, datastore_id, is_primary, version, first_job)
                VALUES (?, (SELECT datastore_id FROM jobs WHERE id = ?), ?, ?, ?)
                """, arguments: [id, job, isPrimary, version, job])
        let row = db.lastInsertedRowID
        if let datastoreId {
            try db.execute(sql: "UPDATE image_sets SET datastore_id = ? WHERE id = ?", arguments: [datastoreId, row])
        }
        imageSetCache[id] = ImageSetState(row: row, isPrimary: isPrimary, version: version)
        return row
    }
}
