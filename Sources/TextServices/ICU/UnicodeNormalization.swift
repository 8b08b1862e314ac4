import CICU

/// Unicode normalization (NFC, NFD, NFKC, NFKD) through ICU's `unorm2`.
public enum UnicodeNormalization {
    /// A normalization form.
    public enum Form: Int32, Sendable, CaseIterable {
        case nfc = 0, nfd = 1, nfkc = 2, nfkd = 3
    }

    /// `text` in `form`; returns `text` itself when it is already normalized.
    public static func normalize(_ text: String, to form: Form = .nfc) -> String {
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
        var units = Array(text.utf16)
        if units.isEmpty { return true }
        return cicu_normalize_is_normalized(form.rawValue, &units, Int32(units.count)) == 1
    }
}
