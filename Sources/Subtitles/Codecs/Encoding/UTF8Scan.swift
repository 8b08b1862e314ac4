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

    /// Whether `bytes` (well-formed UTF-8) surely hold a character that is not white space (`Character.isWhitespace`
    /// tells it by the character's first scalar), also as part of a longer text: they hold a scalar that starts a
    /// character of its own (or follows a prepended mark, which is no white space either) and is not white space —
    /// printable ASCII, CJK ideographs, CJK and fullwidth punctuation. False means: ask the characters.
    static func surelyHasNonWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b >= 0x21 && b <= 0x7E { return true }
            if b >= 0xE3 && b <= 0xEF && i + 2 < n {
                let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                switch scalar {
                case 0x3001...0x3003, 0x3008...0x3011, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
                default: break
                }
            }
            i += 1
        }
        return false
    }

    /// `surelyHasNonWhitespace` for a string.
    static func surelyHasNonWhitespace(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { surelyHasNonWhitespace($0) }
    }
}
