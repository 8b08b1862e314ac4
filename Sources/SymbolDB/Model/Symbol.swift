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
    /// Labelled example lines per Chinese form: the symbol sense and ordinary senses, for the sense models.
    public var examples: [String: SenseExamples]
    /// Region tags whose viewers share this symbol and need no note for it.
    public var sharedBy: [String]
    public var notes: String?

    public init(id: String, category: Category, context: ContextLevel, priority: Int = 2, themes: [String] = [],
                forms: Forms, gloss: [String: String], renderings: [String: Renderings] = [:],
                analogies: [String: [String: String]] = [:], related: [String] = [], sources: Sources = Sources(),
                status: ReviewStatus = .draft, sensitivity: [String: Sensitivity] = [:],
                disambiguation: Disambiguation? = nil, examples: [String: SenseExamples] = [:],
                sharedBy: [String] = [], notes: String? = nil) {
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
        self.examples = examples
        self.sharedBy = sharedBy
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case id, category, context, priority, themes, forms, gloss, renderings, analogies, related, sources, status,
             sensitivity, disambiguation, examples, sharedBy = "shared-by", notes
    }

    // `examples` and `shared-by` are optional in JSON (older exports have neither) and left out when empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        category = try c.decode(Category.self, forKey: .category)
        context = try c.decode(ContextLevel.self, forKey: .context)
        priority = try c.decode(Int.self, forKey: .priority)
        themes = try c.decode([String].self, forKey: .themes)
        forms = try c.decode(Forms.self, forKey: .forms)
        gloss = try c.decode([String: String].self, forKey: .gloss)
        renderings = try c.decode([String: Renderings].self, forKey: .renderings)
        analogies = try c.decode([String: [String: String]].self, forKey: .analogies)
        related = try c.decode([String].self, forKey: .related)
        sources = try c.decode(Sources.self, forKey: .sources)
        status = try c.decode(ReviewStatus.self, forKey: .status)
        sensitivity = try c.decode([String: Sensitivity].self, forKey: .sensitivity)
        disambiguation = try c.decodeIfPresent(Disambiguation.self, forKey: .disambiguation)
        examples = try c.decodeIfPresent([String: SenseExamples].self, forKey: .examples) ?? [:]
        sharedBy = try c.decodeIfPresent([String].self, forKey: .sharedBy) ?? []
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(category, forKey: .category)
        try c.encode(context, forKey: .context)
        try c.encode(priority, forKey: .priority)
        try c.encode(themes, forKey: .themes)
        try c.encode(forms, forKey: .forms)
        try c.encode(gloss, forKey: .gloss)
        try c.encode(renderings, forKey: .renderings)
        try c.encode(analogies, forKey: .analogies)
        try c.encode(related, forKey: .related)
        try c.encode(sources, forKey: .sources)
        try c.encode(status, forKey: .status)
        try c.encode(sensitivity, forKey: .sensitivity)
        try c.encodeIfPresent(disambiguation, forKey: .disambiguation)
        if !examples.isEmpty { try c.encode(examples, forKey: .examples) }
        if !sharedBy.isEmpty { try c.encode(sharedBy, forKey: .sharedBy) }
        try c.encodeIfPresent(notes, forKey: .notes)
    }
}

/// Example lines for one form: where it means the symbol and where it is ordinary vocabulary.
public struct SenseExamples: Hashable, Sendable, Codable {
    public var symbol: [String]
    public var ordinary: [String]
    public init(symbol: [String] = [], ordinary: [String] = []) {
        self.symbol = symbol
        self.ordinary = ordinary
    }
}

/// What kind of cultural element a symbol is.
public enum Category: String, Hashable, Sendable, Codable, CaseIterable {
    case festival, myth, value, kinship, food, custom, heritage, place, history, idiom, trope
    case court, cultivation, martial, slang, modern
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
    /// Terms (of the lists above) that are everyday words: used only where the aligned source holds the symbol.
    public var alignedOnly: [String]
    /// Natural translations that convey the meaning without the term: accepted by the audit, never detected.
    public var paraphrases: [String]
    /// The article the preferred rendering takes in running text (`the` Mid-Autumn Festival).
    public var article: String?

    public init(preferred: [String] = [], admitted: [String] = [], deprecated: [String] = [],
                notBefore: [String] = [], notAfter: [String] = [], notWithin: [String] = [],
                alignedOnly: [String] = [], paraphrases: [String] = [], article: String? = nil) {
        self.preferred = preferred
        self.admitted = admitted
        self.deprecated = deprecated
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.notWithin = notWithin
        self.alignedOnly = alignedOnly
        self.paraphrases = paraphrases
        self.article = article
    }

    /// Whether `term` may only be matched with an aligned source cue holding the symbol.
    public func isAlignedOnly(_ term: String) -> Bool { alignedOnly.contains(term) }

    /// Preferred and admitted terms: the ones a translation may use.
    public var acceptable: [String] { preferred + admitted }

    /// Whether any context rule is set.
    public var hasContextRules: Bool { !(notBefore.isEmpty && notAfter.isEmpty && notWithin.isEmpty) }

    enum CodingKeys: String, CodingKey {
        case preferred, admitted, deprecated
        case notBefore = "not-before", notAfter = "not-after", notWithin = "not-within"
        case alignedOnly = "aligned-only", paraphrases, article
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
        alignedOnly = try c.decodeIfPresent([String].self, forKey: .alignedOnly) ?? []
        paraphrases = try c.decodeIfPresent([String].self, forKey: .paraphrases) ?? []
        article = try c.decodeIfPresent(String.self, forKey: .article)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(preferred, forKey: .preferred)
        try c.encode(admitted, forKey: .admitted)
        try c.encode(deprecated, forKey: .deprecated)
        if !notBefore.isEmpty { try c.encode(notBefore, forKey: .notBefore) }
        if !notAfter.isEmpty { try c.encode(notAfter, forKey: .notAfter) }
        if !notWithin.isEmpty { try c.encode(notWithin, forKey: .notWithin) }
        if !alignedOnly.isEmpty { try c.encode(alignedOnly, forKey: .alignedOnly) }
        if !paraphrases.isEmpty { try c.encode(paraphrases, forKey: .paraphrases) }
        try c.encodeIfPresent(article, forKey: .article)
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
