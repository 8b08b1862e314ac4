import CICU

/// A case-, diacritic- and punctuation-variant-insensitive fold for matching Latin-script terms
/// (pinyin, translations): `Zhōngqiū` → `zhongqiu`, `Chang’e` → `chang'e`, `Mid‑Autumn` → `mid autumn`.
///
/// Rules, per code point:
/// - apostrophe variants (’ ‘ ʼ ` ´ ＇ ′) fold to `'`;
/// - white space, hyphens and dashes fold to one space (callers collapse runs);
/// - Latin, Greek and Cyrillic letters lose their combining diacritics (canonical decomposition, marks
///   U+0300–U+036F and the other combining-diacritic blocks dropped) and are case-folded;
/// - ø ł đ ð ı fold to o l d d i; æ œ ß þ expand to ae oe ss th;
/// - every other code point (Han, kana, Hangul, Thai …) is only case-folded, so no script loses meaning.
///
/// The per-code-point results for the Basic Multilingual Plane are computed once per process.
public enum LatinFold {
    /// Calls `emit` with the folded code points of `scalar` (zero, one or more).
    @inlinable
    public static func fold(_ scalar: UInt32, _ emit: (UInt32) -> Void) {
        if scalar < 0x80 {
            emit(asciiFold(scalar))
            return
        }
        if scalar > 0xFFFF {
            emit(scalar)
            return
        }
        let entry = table.entries[Int(scalar)]
        if entry == dropped { return }
        if entry & expansionFlag == 0 {
            emit(entry)
            return
        }
        let start = Int((entry & ~expansionFlag) >> 4)
        let count = Int(entry & 0xF)
        for i in start..<(start + count) { emit(table.expansions[i]) }
    }

    /// The folded form of `text`, with runs of spaces collapsed and ends trimmed.
    public static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            fold(scalar.value) { folded in
                if folded == 0x20 {
                    if lastWasSpace { return }
                    lastWasSpace = true
                } else {
                    lastWasSpace = false
                }
                scalars.append(Unicode.Scalar(folded) ?? " ")
            }
        }
        var result = String(scalars)
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    @usableFromInline static let dropped: UInt32 = 0xFFFF_FFFF
    @usableFromInline static let expansionFlag: UInt32 = 0x8000_0000

    @usableFromInline
    static func asciiFold(_ scalar: UInt32) -> UInt32 {
        switch scalar {
        case 0x41...0x5A: return scalar | 0x20
        case 0x09...0x0D, 0x2D: return 0x20
        case 0x60: return 0x27
        default: return scalar
        }
    }

    @usableFromInline
    struct Table: Sendable {
        @usableFromInline let entries: [UInt32]
        @usableFromInline let expansions: [UInt32]
    }

    @usableFromInline
    static let table: Table = buildTable()

    private static func buildTable() -> Table {
        var entries = [UInt32](repeating: 0, count: 0x10000)
        var expansions: [UInt32] = []
        var buffer = [UInt16](repeating: 0, count: 32)
        for code in 0..<0x10000 {
            let scalar = UInt32(code)
            // Most code points are only case-folded: skip the general path (and its allocations) for them.
            // Code points in `special` are filled in by the general path below.
            if isOnlyCaseFolded(scalar) {
                // Ideographs, Yi, Hangul syllables and private use have no case: no need to ask ICU.
                entries[code] = isCaseless(scalar) ? scalar : UInt32(bitPattern: cicu_fold_case(Int32(bitPattern: scalar)))
                continue
            }
            let folded = foldSlow(scalar, buffer: &buffer)
            if folded.isEmpty {
                entries[code] = dropped
            } else if folded.count == 1 {
                entries[code] = folded[0]
            } else {
                entries[code] = expansionFlag | UInt32(expansions.count << 4) | UInt32(folded.count)
                expansions.append(contentsOf: folded)
            }
        }
        for code in specialCodes where code < 0x10000 {
            let folded = foldSlow(code, buffer: &buffer)
            if folded.isEmpty {
                entries[Int(code)] = dropped
            } else if folded.count == 1 {
                entries[Int(code)] = folded[0]
            } else {
                entries[Int(code)] = expansionFlag | UInt32(expansions.count << 4) | UInt32(folded.count)
                expansions.append(contentsOf: folded)
            }
        }
        return Table(entries: entries, expansions: expansions)
    }

    /// Whether `foldSlow(code)` is `[case fold of code]` by its first rules, without consulting `special`
    /// (those code points are redone by the general path).
    private static func isOnlyCaseFolded(_ code: UInt32) -> Bool {
        if code < 0xC0 { return false }   // ASCII, Latin-1 punctuation, NBSP, soft hyphen: general path
        if (0xD800...0xDFFF).contains(code) || isCombiningDiacritic(code) || decomposes(code) { return false }
        switch code {
        case 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return false   // white space
        default: return true
        }
    }

    private static let special: [UInt32: [UInt32]] = {
        var map: [UInt32: String] = [
            0x00F8: "o", 0x00D8: "o", 0x0142: "l", 0x0141: "l", 0x0111: "d", 0x0110: "d", 0x00F0: "d",
            0x00D0: "d", 0x0131: "i", 0x00E6: "ae", 0x00C6: "ae", 0x0153: "oe", 0x0152: "oe", 0x00DF: "ss",
            0x1E9E: "ss", 0x00FE: "th", 0x00DE: "th",
        ]
        for apostrophe: UInt32 in [0x2018, 0x2019, 0x201B, 0x02BC, 0x02BB, 0x00B4, 0xFF07, 0x2032] { map[apostrophe] = "'" }
        for dash: UInt32 in [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63, 0xFF0D] { map[dash] = " " }
        return map.mapValues { $0.unicodeScalars.map(\.value) }
    }()

    /// The per-code-point rules without the table (for tests of the table).
    static func foldUncached(_ scalar: UInt32) -> [UInt32] {
        var buffer = [UInt16](repeating: 0, count: 32)
        return foldSlow(scalar, buffer: &buffer)
    }

    private static func isCaseless(_ code: UInt32) -> Bool {
        (0x3400...0x9FFF).contains(code) || (0xA000...0xA48F).contains(code) || (0xAC00...0xD7A3).contains(code)
            || (0xE000...0xF8FF).contains(code)
    }

    /// The code points of `special`, in ascending order.
    private static let specialCodes: [UInt32] = special.keys.sorted()

    private static func isCombiningDiacritic(_ c: UInt32) -> Bool {
        (0x0300...0x036F).contains(c) || (0x1AB0...0x1AFF).contains(c) || (0x1DC0...0x1DFF).contains(c)
            || (0x20D0...0x20FF).contains(c) || (0xFE20...0xFE2F).contains(c)
    }

    /// Latin, IPA, Greek, Cyrillic and their extended blocks: the scripts whose diacritics fold away.
    private static func decomposes(_ c: UInt32) -> Bool {
        (0x00C0..<0x0530).contains(c) || (0x1E00..<0x2000).contains(c)
    }

    private static func foldSlow(_ code: UInt32, buffer: inout [UInt16]) -> [UInt32] {
        if code < 0x80 { return [asciiFold(code)] }
        if (0xD800...0xDFFF).contains(code) { return [code] }
        if let special = special[code] { return special }
        if isCombiningDiacritic(code) { return [] }
        if let scalar = Unicode.Scalar(code), scalar.properties.isWhitespace { return [0x20] }
        if code == 0x00AD { return [] }  // soft hyphen
        var parts: [UInt32] = [code]
        if decomposes(code) {
            let length = Int(cicu_decompose(Int32(code), &buffer, Int32(buffer.count)))
            if length > 0 {
                parts = String(decoding: buffer[0..<length], as: UTF16.self).unicodeScalars.map(\.value)
                    .filter { !isCombiningDiacritic($0) }
            }
        }
        return parts.flatMap { part -> [UInt32] in
            if let special = special[part] { return special }
            return [UInt32(bitPattern: cicu_fold_case(Int32(bitPattern: part)))]
        }
    }
}
