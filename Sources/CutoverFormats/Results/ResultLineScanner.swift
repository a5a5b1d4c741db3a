/// A byte range inside a line buffer.
public struct ByteSpan: Equatable, Sendable {
    public var start: Int
    public var count: Int

    public init(start: Int, count: Int) {
        self.start = start
        self.count = count
    }
}

/// The fields of a plain result line, as spans into the line's bytes, found without allocating.
public struct ScannedResult: Equatable, Sendable {
    public var inputFile: ByteSpan
    public var imageSetId: ByteSpan?
    public var isPrimary: Bool?
    public var imageSetVersion: Int?
}

/// The fast path of result ingest (architecture §3): one pass over a line of `success.ndjson` (or a warning
/// line without warnings) that records where the few fields we need are, with no allocation.
///
/// It answers `nil` for anything it is not certain about — escapes inside a needed string, `warnings` or
/// `exception` objects, Python-style `True`, odd nesting — and the caller then uses the full lenient decoder.
/// So unusual but valid JSON is never misread, only read more slowly.
public enum ResultLineScanner {
    public static func scan(_ line: UnsafeRawBufferPointer) -> ScannedResult? {
        guard let base = line.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        var walker = Walker(p: base, end: line.count)
        return walker.scanTop()
    }

    private struct Walker {
        let p: UnsafePointer<UInt8>
        let end: Int
        var i = 0
        var inputFile: ByteSpan?
        var imageSetId: ByteSpan?
        var isPrimary: Bool?
        var version: Int?

        init(p: UnsafePointer<UInt8>, end: Int) {
            self.p = p
            self.end = end
        }

        mutating func skipSpace() {
            while i < end {
                let c = p[i]
                if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A { i += 1 } else { return }
            }
        }

        /// Reads a string starting at `"`; returns its content span, or nil when it has an escape
        /// (the content would need decoding) or is unterminated.
        mutating func plainString() -> ByteSpan? {
            guard i < end, p[i] == 0x22 else { return nil }
            i += 1
            let start = i
            while i < end {
                let c = p[i]
                if c == 0x22 {
                    let span = ByteSpan(start: start, count: i - start)
                    i += 1
                    return span
                }
                if c == 0x5C || c < 0x20 { return nil }
                i += 1
            }
            return nil
        }

        /// Skips any JSON string the lenient parser accepts, escapes included. A raw control character other than
        /// a tab, or an escape the parser would reject, declines the line, so the full parser quarantines it.
        mutating func skipString() -> Bool {
            guard i < end, p[i] == 0x22 else { return false }
            i += 1
            while i < end {
                let c = p[i]
                if c == 0x22 {
                    i += 1
                    return true
                }
                if c < 0x20 && c != 0x09 { return false }
                if c == 0x5C {
                    guard skipEscape() else { return false }
                } else {
                    i += 1
                }
            }
            return false
        }

        /// `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`, or `\u` with four hexadecimal digits.
        private mutating func skipEscape() -> Bool {
            guard i + 1 < end else { return false }
            switch p[i + 1] {
            case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
                i += 2
                return true
            case 0x75:
                guard i + 6 <= end else { return false }
                for k in 2..<6 where !isHexDigit(p[i + k]) { return false }
                i += 6
                return true
            default:
                return false
            }
        }

        private func isHexDigit(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66)
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard i + n <= end else { return false }
            let w = word.utf8Start
            for k in 0..<n where p[i + k] != w[k] { return false }
            i += n
            return true
        }

        /// Skips one value of any kind with strict JSON literals; false on anything else.
        mutating func skipValue(depth: Int = 0) -> Bool {
            skipSpace()
            guard i < end, depth < 64 else { return false }
            switch p[i] {
            case 0x22: return skipString()
            case 0x7B, 0x5B:
                let close: UInt8 = p[i] == 0x7B ? 0x7D : 0x5D
                let isObject = close == 0x7D
                i += 1
                skipSpace()
                if i < end, p[i] == close {
                    i += 1
                    return true
                }
                while true {
                    if isObject {
                        skipSpace()
                        guard skipString() else { return false }
                        skipSpace()
                        guard i < end, p[i] == 0x3A else { return false }
                        i += 1
                    }
                    guard skipValue(depth: depth + 1) else { return false }
                    skipSpace()
                    guard i < end else { return false }
                    if p[i] == 0x2C {
                        i += 1
                        continue
                    }
                    if p[i] == close {
                        i += 1
                        return true
                    }
                    return false
                }
            case 0x74: return literal("true")
            case 0x66: return literal("false")
            case 0x6E: return literal("null")
            default: return skipNumber() != nil
            }
        }

        /// A number in the parser's grammar, `-?digits(.digits)?([eE][+-]?digits)?`: its value when it is a
        /// small integer, `Int.min` for any other number, nil (and the line goes to the parser) otherwise.
        mutating func skipNumber() -> Int? {
            let negative = i < end && p[i] == 0x2D
            if negative { i += 1 }
            var value = 0
            let digits = skipDigits { value = value * 10 + Int($0 - 0x30) }
            guard digits > 0 else { return nil }
            var integral = digits < 18
            if i < end, p[i] == 0x2E {
                i += 1
                guard skipDigits({ _ in }) > 0 else { return nil }
                integral = false
            }
            if i < end, p[i] == 0x65 || p[i] == 0x45 {
                i += 1
                if i < end, p[i] == 0x2B || p[i] == 0x2D { i += 1 }
                guard skipDigits({ _ in }) > 0 else { return nil }
                integral = false
            }
            return integral ? (negative ? -value : value) : Int.min
        }

        /// Skips a run of decimal digits, handing the first 18 to `add`; returns how many there were.
        private mutating func skipDigits(_ add: (UInt8) -> Void) -> Int {
            var count = 0
            while i < end, p[i] >= 0x30 && p[i] <= 0x39 {
                if count < 18 { add(p[i]) }
                count += 1
                i += 1
            }
            return count
        }

        mutating func bool() -> Bool? {
            if literal("true") { return true }
            if literal("false") { return false }
            return nil
        }

        /// Compares the key span with an ASCII name.
        func keyIs(_ span: ByteSpan, _ name: StaticString) -> Bool {
            guard span.count == name.utf8CodeUnitCount else { return false }
            let w = name.utf8Start
            for k in 0..<span.count where p[span.start + k] != w[k] { return false }
            return true
        }

        mutating func scanTop() -> ScannedResult? {
            skipSpace()
            guard i < end, p[i] == 0x7B else { return nil }
            i += 1
            guard scanMembers(nested: false) else { return nil }
            skipSpace()
            guard i == end, let inputFile else { return nil }
            return ScannedResult(
                inputFile: inputFile, imageSetId: imageSetId, isPrimary: isPrimary, imageSetVersion: version)
        }

        /// Members of an object whose `{` was just read. `nested` is true inside `importResponse`.
        mutating func scanMembers(nested: Bool) -> Bool {
            skipSpace()
            if i < end, p[i] == 0x7D {
                i += 1
                return true
            }
            while true {
                skipSpace()
                guard let key = plainString() else { return false }
                skipSpace()
                guard i < end, p[i] == 0x3A else { return false }
                i += 1
                skipSpace()
                guard i < end else { return false }
                if !nested && keyIs(key, "inputFile") {
                    guard let s = plainString() else { return false }
                    inputFile = s
                } else if !nested && keyIs(key, "importResponse") {
                    guard p[i] == 0x7B else { return false }
                    i += 1
                    guard scanMembers(nested: true) else { return false }
                } else if nested && (keyIs(key, "imageSetId") || keyIs(key, "imagesetId")) {
                    guard let s = plainString() else { return false }
                    imageSetId = s
                } else if nested && keyIs(key, "isPrimary") {
                    guard let b = bool() else { return false }
                    isPrimary = b
                } else if nested && keyIs(key, "imageSetVersion") {
                    guard p[i] != 0x22, let v = skipNumber(), v != Int.min else { return false }
                    version = v
                } else if keyIs(key, "warnings") || keyIs(key, "exception") {
                    return false
                } else {
                    guard skipValue() else { return false }
                }
                skipSpace()
                guard i < end else { return false }
                if p[i] == 0x2C {
                    i += 1
                    continue
                }
                if p[i] == 0x7D {
                    i += 1
                    return true
                }
                return false
            }
        }
    }
}
