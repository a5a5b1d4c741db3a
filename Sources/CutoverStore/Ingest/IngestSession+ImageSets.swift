import CutoverCore
import Foundation
import GRDB

extension IngestSession {
    /// The row of an image set id given as bytes of a line, creating it on first sight. The cache is keyed
    /// by a hash of the bytes and checked against the id, so a line costs no `String` and no string hashing.
    func internImageSet(_ bytes: UnsafeRawBufferPointer, isPrimary: Bool?, version: Int?, job: JobHandle) throws
        -> Int64
    {
        let hash = Self.hash(bytes)
        if let known = imageSetCache[hash], Self.equal(known.id, bytes),
            !changes(known, isPrimary: isPrimary, version: version)
        {
            return known.row
        }
        return try imageSetRow(id: String(decoding: bytes, as: UTF8.self), isPrimary: isPrimary, version: version, job: job.row)
    }

    /// The row of an image set, created or brought up to date with what this observation says.
    func imageSetRow(id: String, isPrimary: Bool?, version: Int?, job: Int64?, datastoreId: String? = nil) throws
        -> Int64
    {
        var id = id
        let hash = id.withUTF8 { Self.hash(UnsafeRawBufferPointer($0)) }
        var known: ImageSetState
        if let cached = imageSetCache[hash], cached.id == id {
            known = cached
        } else {
            findImageSet.bind(1, id)
            if try findImageSet.step() {
                known = ImageSetState(
                    id: id, row: findImageSet.int64(0)!, isPrimary: findImageSet.int64(1).map { $0 != 0 },
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
                known = ImageSetState(id: id, row: insertImageSet.lastInsertRowID, isPrimary: isPrimary, version: version)
                imageSetCache[hash] = known
                touchedImageSets.insert(known.row)
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
            touchedImageSets.insert(known.row)
        }
        // On a hash collision the newer id takes the slot; the other is looked up again when it returns.
        imageSetCache[hash] = known
        return known.row
    }

    private func changes(_ known: ImageSetState, isPrimary: Bool?, version: Int?) -> Bool {
        (isPrimary != nil && isPrimary != known.isPrimary) || (version ?? 0) > (known.version ?? 0)
    }

    /// FNV-1a, 64 bits: image set ids are 32 random hex characters, so this spreads them well.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return h
    }

    static func equal(_ id: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        id.utf8.count == bytes.count
            && id.utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
                ?? id.utf8.elementsEqual(bytes)
    }
}
