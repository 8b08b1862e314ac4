import Foundation
import CICU

/// BCP 47 language tags through ICU: canonical forms and likely scripts and regions.
public enum LanguageTag {
    /// The canonical form (`zh-hant-tw` → `zh-Hant-TW`, `iw` → `he`); the input unchanged when ICU rejects it.
    public static func canonicalize(_ tag: String) -> String {
        call(tag) { cicu_locale_canonical_tag($0, $1, $2) } ?? tag
    }

    /// The tag with likely subtags added (`zh-TW` → `zh-Hant-TW`, `yue` → `yue-Hant-HK`), or nil when invalid.
    public static func maximize(_ tag: String) -> String? {
        call(tag) { cicu_locale_maximized_tag($0, $1, $2) }
    }

    /// The ISO 15924 script a tag implies (`zh-CN` → `Hans`, `zh-HK` → `Hant`, `th` → `Thai`).
    public static func script(of tag: String) -> String? {
        guard let full = maximize(tag) else { return nil }
        return full.split(separator: "-").dropFirst().first { $0.count == 4 }.map(String.init)
    }

    /// The primary language subtag (`zh-Hant-TW` → `zh`).
    public static func language(of tag: String) -> String {
        String(canonicalize(tag).split(separator: "-").first ?? "")
    }

    /// Primary subtags that name a Chinese language (ISO 639-1, 639-3 and 639-2 codes).
    private static let chinesePrimaries: Set<String> = ["zh", "cmn", "yue", "lzh", "wuu", "hak", "nan", "chi", "zho"]

    /// Whether a tag names a Chinese language (`zh`, `zh-Hant-TW`, `cmn`, `yue`, `zho`): the one answer for every
    /// "is this Chinese?" question in locctl.
    public static func isChinese(_ tag: String) -> Bool {
        chinesePrimaries.contains(primarySubtag(tag))
    }

    /// The Chinese script a Chinese tag implies (`zh-TW`, `zh-Hant`, `zh-HK` → `Hant`; `zh`, `zh-CN` → `Hans`);
    /// nil for other languages.
    public static func chineseScript(of tag: String) -> ChineseScript? {
        guard isChinese(tag) else { return nil }
        let subtags = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.lowercased() }
        if subtags.contains("hant") { return .traditional }
        if subtags.contains("hans") { return .simplified }
        if subtags.contains(where: { ["tw", "hk", "mo"].contains($0) }) { return .traditional }
        if primarySubtag(tag) == "yue" { return .traditional }
        return .simplified
    }

    /// Lookup keys from the most specific to the least: `zh-Hant-TW` → `zh-Hant-TW`, `zh-Hant`, `zh`
    /// (`_` read as `-`; duplicates dropped case-insensitively).
    public static func fallbackChain(_ tags: String...) -> [String] {
        var keys: [String] = []
        for tag in tags {
            var parts = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
            while !parts.isEmpty {
                let key = parts.joined(separator: "-")
                if !keys.contains(where: { $0.caseInsensitiveCompare(key) == .orderedSame }) { keys.append(key) }
                parts.removeLast()
            }
        }
        return keys
    }

    /// The lower-cased first subtag, without calling ICU (`zh_Hant_TW` → `zh`).
    public static func primarySubtag(_ tag: String) -> String {
        String(tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "").lowercased()
    }

    private static func call(_ tag: String, _ fn: (UnsafePointer<CChar>, UnsafeMutablePointer<CChar>, Int32) -> Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: 160)
        let len = tag.withCString { fn($0, &buffer, Int32(buffer.count)) }
        guard len > 0 else { return nil }
        return String(decoding: buffer.prefix(Int(len)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// The two written forms of Chinese.
public enum ChineseScript: String, Sendable, Hashable {
    case simplified = "Hans", traditional = "Hant"
}
