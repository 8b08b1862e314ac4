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

    private static func call(_ tag: String, _ fn: (UnsafePointer<CChar>, UnsafeMutablePointer<CChar>, Int32) -> Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: 160)
        let len = tag.withCString { fn($0, &buffer, Int32(buffer.count)) }
        guard len > 0 else { return nil }
        return String(decoding: buffer.prefix(Int(len)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
