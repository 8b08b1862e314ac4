import CICU

/// Unicode normalization (NFC, NFD, NFKC, NFKD) through ICU's `unorm2`.
public enum UnicodeNormalization {
    /// A normalization form.
    public enum Form: Int32, Sendable, CaseIterable {
        case nfc = 0, nfd = 1, nfkc = 2, nfkd = 3
    }

    /// `text` in `form`; returns `text` itself when it is already normalized.
    public static func normalize(_ text: String, to form: Form = .nfc) -> String {
        if isInvariant(text) { return text }
        var units = Array(text.utf16)
        if units.isEmpty { return text }
        let already = cicu_normalize_is_normalized(form.rawValue, &units, Int32(units.count))
        if already == 1 { return text }
        var capacity = units.count * 2 + 8
        while true {
            var dest = [UInt16](repeating: 0, count: capacity)
            let needed = Int(cicu_normalize(form.rawValue, &units, Int32(units.count), &dest, Int32(capacity)))
            if needed < 0 { return text }
            if needed <= capacity { return String(decoding: dest[0..<needed], as: UTF16.self) }
            capacity = needed
        }
    }

    /// Whether `text` is already in `form`.
    public static func isNormalized(_ text: String, form: Form = .nfc) -> Bool {
        if isInvariant(text) { return true }
        var units = Array(text.utf16)
        if units.isEmpty { return true }
        return cicu_normalize_is_normalized(form.rawValue, &units, Int32(units.count)) == 1
    }

    /// Whether `text` holds only code points that every normalization form leaves alone whatever surrounds
    /// them (ASCII, CJK Unified Ideographs and Extension A): no need to ask ICU.
    static func isInvariant(_ text: String) -> Bool {
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var i = 0
            while i < bytes.count {
                let b0 = bytes[i]
                if b0 < 0x80 { i += 1; continue }
                guard b0 >= 0xE0 && b0 < 0xF0 && i + 2 < bytes.count else { return false }
                let scalar = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                guard (0x3400...0x4DBF).contains(scalar) || (0x4E00...0x9FFF).contains(scalar) else { return false }
                i += 3
            }
            return true
        } ?? false
    }
}
