import CutoverCore
import Foundation
import GRDB

extension IngestSession {
    /// The row of an image set id, creating it on first sight. Lines of one job come grouped by study, so
    /// the last id is compared byte for byte first; a `String` and a dictionary lookup happen only when it
    /// changes or when the line says something new about the set.
    func internImageSet(_ bytes: UnsafeRawBufferPointer, isPrimary: Bool?, version: Int?, job: JobHandle) throws
        -> Int64
    {
        if let last = lastImageSet, last.bytes.count == bytes.count,
            last.bytes.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }),
            !changes(last.state, isPrimary: isPrimary, version: version)
        {
            return last.state.row
        }
        let id = String(decoding: bytes, as: UTF8.self)
        let row = try imageSetRow(id: id, isPrimary: isPrimary, version: version, job: job.row)
        lastImageSet = (Array(bytes), imageSetCache[id]!)
        return row
    }

    /// The row of an image set, created or brought up to date with what this observation says.
    func imageSetRow(id: String, isPrimary: Bool?, version: Int?, job: Int64?, datastoreId: String? = nil) throws
        -> Int64
    {
        var known: ImageSetState
        if let cached = imageSetCache[id] {
            known = cached
        } else {
            findImageSet.bind(1, id)
            if try findImageSet.step() {
                known = ImageSetState(
                    row: findImageSet.int64(0)!, isPrimary: findImageSet.int64(1).map { $0 != 0 },
                    version: findImageSet.int64(2).map { Int($0) })
                findImageSet.reset()
            } else {
                findImageSet.reset()
                insertImageSet.bind(1, id)
                insertImageSet.bind(2, datastoreId)
                insertImageSet.bind(3, job)
                insertImageSet.bind(4, isPrimary)
                insertImageSet.bind(5, version)
                try insertImageSet.step()
                insertImageSet.reset()
                known = ImageSetState(row: insertImageSet.lastInsertRowID, isPrimary: isPrimary, version: version)
                imageSetCache[id] = known
                return known.row
            }
        }
        if changes(known, isPrimary: isPrimary, version: version) {
            known.isPrimary = isPrimary ?? known.isPrimary
            known.version = [known.version, version].compactMap { $0 }.max()
            updateImageSet.bind(1, known.isPrimary)
            updateImageSet.bind(2, known.version)
            updateImageSet.bind(3, known.row)
            try updateImageSet.step()
            updateImageSet.reset()
        }
        imageSetCache[id] = known
        return known.row
    }

    private func changes(_ known: ImageSetState, isPrimary: Bool?, version: Int?) -> Bool {
        (isPrimary != nil && isPrimary != known.isPrimary) || (version ?? 0) > (known.version ?? 0)
    }
}
