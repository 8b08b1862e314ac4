/// Checks bytes for well-formed UTF-8 in place, without building a `String` (streamed conversion validates every
/// chunk before parsing it).
enum UTF8Scan {
    /// Whether `bytes` are well-formed UTF-8 (what `String(validating:as:)` accepts: no overlong forms, no
    /// surrogates, nothing above U+10FFFF) and hold no NUL byte.
    static func isValidWithoutNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i < n {
            // ASCII runs, eight bytes at a time.
            while i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                // A NUL byte or a byte ≥ 0x80 stops the fast path.
                let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                if (word & 0x8080_8080_8080_8080) != 0 || hasZero != 0 { break }
                i += 8
            }
            guard i < n else { return true }
            let b0 = base[i]
            if b0 < 0x80 {
                if b0 == 0 { return false }
                i += 1
                continue
            }
            @inline(__always) func cont(_ k: Int) -> Bool { k < n && base[k] & 0xC0 == 0x80 }
            switch b0 {
            case 0xC2...0xDF:
                guard cont(i + 1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard i + 2 < n, cont(i + 1), cont(i + 2) else { return false }
                let b1 = base[i + 1]
                if b0 == 0xE0 && b1 < 0xA0 { return false }   // overlong
                if b0 == 0xED && b1 > 0x9F { return false }   // surrogates
                i += 3
            case 0xF0...0xF4:
                guard i + 3 < n, cont(i + 1), cont(i + 2), cont(i + 3) else { return false }
                let b1 = base[i + 1]
                if b0 == 0xF0 && b1 < 0x90 { return false }   // overlong
                if b0 == 0xF4 && b1 > 0x8F { return false }   // above U+10FFFF
                i += 4
            default:
                return false
            }
        }
        return true
    }
}
