/// A cultural element an overseas viewer may not read, with its forms, glosses, renderings and analogies.
public struct Symbol: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var category: Category
    public var context: ContextLevel
    /// 1 = highest priority (annotate and translate first), 3 = rare.
    public var priority: Int
    public var themes: [String]
    public var forms: Forms
    /// Low-context explanation by language tag (`en` is required and the fallback).
    public var gloss: [String: String]
    /// Target-language terms by language or region tag.
    public var renderings: [String: Renderings]
    /// Analogy text by cultural frame, then by language tag.
    public var analogies: [String: [String: String]]
    public var related: [String]
    public var sources: Sources
    public var status: ReviewStatus
    /// Sensitivity notes by region tag or language.
    public var sensitivity: [String: Sensitivity]
    public var disambiguation: Disambiguation?
    public var notes: String?

    public init(id: String, category: Category, context: ContextLevel, priority: Int = 2, themes: [String] = [],
                forms: Forms, gloss: [String: String], renderings: [String: Renderings] = [:],
                analogies: [String: [String: String]] = [:], related: [String] = [], sources: Sources = Sources(),
                status: ReviewStatus = .draft, sensitivity: [String: Sensitivity] = [:],
                disambiguation: Disambiguation? = nil, notes: String? = nil) {
        self.id = id
        self.category = category
        self.context = context
        self.priority = priority
        self.themes = themes
        self.forms = forms
        self.gloss = gloss
        self.renderings = renderings
        self.analogies = analogies
        self.related = related
        self.sources = sources
        self.status = status
        self.sensitivity = sensitivity
        self.disambiguation = disambiguation
        self.notes = notes
    }
}

/// What kind of cultural element a symbol is.
public enum Category: String, Hashable, Sendable, Codable, CaseIterable {
    case festival, myth, value, kinship, food, custom, heritage, place, history, idiom, trope
}

/// How much context a foreign viewer needs to read the symbol.
public enum ContextLevel: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case low, medium, high
    public static func < (a: ContextLevel, b: ContextLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Whether a reviewer has checked the entry.
public enum ReviewStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case draft, reviewed
}

/// The Chinese written and romanized forms of a symbol.
public struct Forms: Hashable, Sendable, Codable {
    public var simplified: [String]
    public var traditional: [String]
    public var pinyin: [String]
    public var aliases: [String]

    public init(simplified: [String], traditional: [String] = [], pinyin: [String] = [], aliases: [String] = []) {
        self.simplified = simplified
        self.traditional = traditional
        self.pinyin = pinyin
        self.aliases = aliases
    }

    /// Every Chinese-script form (Simplified, Traditional, aliases), without duplicates, in order.
    public var chinese: [String] {
        var seen = Set<String>()
        return (simplified + traditional + aliases).filter { seen.insert($0).inserted }
    }
}

/// Target-language terms with TBX administrative status, and the contexts in that language where a Latin-script
/// match (rendering or pinyin) is something else ("face the music", "master bedroom").
public struct Renderings: Hashable, Sendable, Codable {
    public var preferred: [String]
    public var admitted: [String]
    public var deprecated: [String]
    /// Words that, right after a Latin-script match (spaces skipped), cancel it: `bedroom` after "master".
    public var notBefore: [String]
    /// Words that, right before a Latin-script match (spaces skipped), cancel it: `about` before "face".
    public var notAfter: [String]
    /// Longer phrases containing a Latin-script form that are something else: `face the music`.
    public var notWithin: [String]

    public init(preferred: [String] = [], admitted: [String] = [], deprecated: [String] = [],
                notBefore: [String] = [], notAfter: [String] = [], notWithin: [String] = []) {
        self.preferred = preferred
        self.admitted = admitted
        self.deprecated = deprecated
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.notWithin = notWithin
    }

    /// Preferred and admitted terms: the ones a translation may use.
    public var acceptable: [String] { preferred + admitted }

    /// Whether any context rule is set.
    public var hasContextRules: Bool { !(notBefore.isEmpty && notAfter.isEmpty && notWithin.isEmpty) }

    enum CodingKeys: String, CodingKey {
        case preferred, admitted, deprecated
        case notBefore = "not-before", notAfter = "not-after", notWithin = "not-within"
    }

    // The context lists are optional in JSON (older exports have none) and left out when empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        preferred = try c.decode([String].self, forKey: .preferred)
        admitted = try c.decode([String].self, forKey: .admitted)
        deprecated = try c.decode([String].self, forKey: .deprecated)
        notBefore = try c.decodeIfPresent([String].self, forKey: .notBefore) ?? []
        notAfter = try c.decodeIfPresent([String].self, forKey: .notAfter) ?? []
        notWithin = try c.decodeIfPresent([String].self, forKey: .notWithin) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(preferred, forKey: .preferred)
        try c.encode(admitted, forKey: .admitted)
        try c.encode(deprecated, forKey: .deprecated)
        if !notBefore.isEmpty { try c.encode(notBefore, forKey: .notBefore) }
        if !notAfter.isEmpty { try c.encode(notAfter, forKey: .notAfter) }
        if !notWithin.isEmpty { try c.encode(notWithin, forKey: .notWithin) }
    }
}

/// Where the facts come from.
public struct Sources: Hashable, Sendable, Codable {
    public var wikidata: String?
    public var refs: [String]
    public init(wikidata: String? = nil, refs: [String] = []) {
        self.wikidata = wikidata
        self.refs = refs
    }
}

/// A caution for a region.
public struct Sensitivity: Hashable, Sendable, Codable {
    public enum Severity: String, Hashable, Sendable, Codable, CaseIterable { case info, warning, error }
    public var severity: Severity
    public var note: String
    public init(severity: Severity, note: String) {
        self.severity = severity
        self.note = note
    }
}

/// Contexts in which a form must not match.
public struct Disambiguation: Hashable, Sendable, Codable {
    /// Characters or strings that, immediately after the form, cancel the match.
    public var notBefore: [String]
    /// Characters or strings that, immediately before the form, cancel the match.
    public var notAfter: [String]
    /// Longer strings containing the form that are something else.
    public var notWithin: [String]

    public init(notBefore: [String] = [], notAfter: [String] = [], notWithin: [String] = []) {
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.notWithin = notWithin
    }

    enum CodingKeys: String, CodingKey {
        case notBefore = "not-before", notAfter = "not-after", notWithin = "not-within"
    }
}
