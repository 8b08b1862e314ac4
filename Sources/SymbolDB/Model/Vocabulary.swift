/// The closed vocabularies of the glossary schema (see `glossaries/README.md`).
public enum Vocabulary {
    /// Cultural frames an analogy may be keyed by.
    public static let frames: Set<String> = [
        "greco-roman", "judeo-christian", "anglo-american", "hispanic", "brazilian", "francophone", "germanic",
        "theravada-thai", "vietnamese", "malay-indonesian", "japanese", "korean", "arabic-islamic", "sinosphere",
    ]

    /// Emphasis themes used by region annotation policies.
    public static let themes: Set<String> = [
        "family", "filial-piety", "reunion", "romance", "chivalry", "loyalty", "honour", "face", "fate",
        "philosophy", "aesthetics", "religion", "cuisine", "heritage", "power", "wealth", "revenge",
        "social-class", "nature", "history", "humour",
    ]

    /// Gloss, rendering and analogy languages (BCP 47).
    public static let languages: Set<String> = [
        "en", "es", "pt", "fr", "de", "th", "vi", "id", "ja", "ko", "ar", "zh-Hans", "zh-Hant",
    ]

    /// Whether `tag` is a known language, or a known language followed by a region subtag
    /// (`en-GB`, `es-419`, `zh-Hant-TW`).
    public static func isLanguageOrRegion(_ tag: String) -> Bool {
        if languages.contains(tag) { return true }
        guard let dash = tag.lastIndex(of: "-") else { return false }
        let language = String(tag[..<dash])
        let region = tag[tag.index(after: dash)...]
        guard languages.contains(language) else { return false }
        let isAlphaRegion = region.count == 2 && region.allSatisfy { $0.isASCII && $0.isUppercase }
        let isNumericRegion = region.count == 3 && region.allSatisfy { $0.isASCII && $0.isNumber }
        return isAlphaRegion || isNumericRegion
    }

    /// Whether `id` is kebab-case ASCII: `[a-z0-9]+(-[a-z0-9]+)*`.
    public static func isValidSymbolID(_ id: String) -> Bool {
        guard !id.isEmpty, !id.hasPrefix("-"), !id.hasSuffix("-"), !id.contains("--") else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Whether `id` is a Wikidata item id: `Q` followed by a positive decimal number.
    public static func isValidWikidataID(_ id: String) -> Bool {
        guard id.hasPrefix("Q"), id.count > 1 else { return false }
        let digits = id.dropFirst()
        return digits.first != "0" && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The fewest example lines per sense that a sense model is trained from.
    public static let minimumSenseExamples = 8

    /// The longest gloss, in Characters, a viewer is shown.
    public static let maximumGlossLength = 120
}
