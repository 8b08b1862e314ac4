import TextServices

/// The writing system of a line, judged by its letters, and the language whose forms to search in it.
public enum LineScript: String, Hashable, Sendable, CaseIterable {
    case han, latin, thai, hangul, kana, arabic, cyrillic, other

    /// The script most of `text`'s letters are in (Han ideographs count double: they carry a word each);
    /// kana anywhere makes a Han line Japanese. `.other` for a line without letters.
    public static func detect(_ text: String) -> LineScript {
        var counts: [LineScript: Int] = [:]
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.isIdeographic {
            let script: LineScript
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: script = .latin
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: script = .han
            case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: script = .kana
            case 0x0E00...0x0E7F: script = .thai
            case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: script = .hangul
            case 0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: script = .arabic
            case 0x0400...0x04FF: script = .cyrillic
            default:
                switch UnicodeScript.code(of: scalar) {
                case "Latn": script = .latin
                case "Hani": script = .han
                default: script = .other
                }
            }
            counts[script, default: 0] += script == .han ? 2 : 1
        }
        if counts[.kana] != nil { return .kana }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key.rawValue > b.key.rawValue }?.key ?? .other
    }

    /// The language tag whose forms are searched in a line of this script: `zh` (Chinese forms) for Han,
    /// `latinLanguage` (renderings and pinyin) for Latin, the script's language otherwise; nil for none.
    public func language(latin latinLanguage: String = "en") -> String? {
        switch self {
        case .han: return "zh"
        case .latin: return latinLanguage
        case .thai: return "th"
        case .hangul: return "ko"
        case .kana: return "ja"
        case .arabic: return "ar"
        case .cyrillic: return "ru"
        case .other: return nil
        }
    }
}
