import TextServices

/// A symbol's renderings as they apply to one audience, resolved along a key chain.
///
/// Lookup goes from the most specific key to the least (`es-419`, then `es`); a term takes its status from the
/// first key that lists it (a region's entry overrides its language's). The preferred terms come from the first
/// key that has any; a less specific key's preferred terms then count as admitted (correct, just not the region's
/// choice). This is the one rule every command uses to judge a rendering.
public struct ResolvedRenderings: Hashable, Sendable {
    public var preferred: [String]
    public var admitted: [String]
    public var deprecated: [String]
    /// Terms used only where the aligned source cue holds the symbol (everyday words).
    public var alignedOnly: [String]
    /// Natural translations that convey the meaning without a listed term.
    public var paraphrases: [String]
    /// The article the preferred rendering takes in running text, from the most specific key that gives one.
    public var article: String?
    private var status: [String: RenderingStatus]
    private var alignedOnlyKeys: Set<String>

    /// The renderings of `symbol` along `keys` (most specific first), nil when no key has any.
    public init?(symbol: Symbol, keys: [String]) {
        let entries = keys.compactMap { key in
            symbol.renderings.first { $0.key.caseInsensitiveCompare(key) == .orderedSame }?.value
        }
        guard !entries.isEmpty else { return nil }
        var status: [String: RenderingStatus] = [:]
        var preferred: [String] = [], admitted: [String] = [], deprecated: [String] = []
        func assign(_ term: String, _ s: RenderingStatus) {
            let key = Self.fold(term)
            guard status[key] == nil else { return }
            status[key] = s
            switch s {
            case .preferred: preferred.append(term)
            case .admitted: admitted.append(term)
            case .deprecated: deprecated.append(term)
            }
        }
        var havePreferred = false
        var alignedOnly: [String] = [], paraphrases: [String] = []
        var article: String?
        for entry in entries {
            for term in entry.preferred { assign(term, havePreferred ? .admitted : .preferred) }
            if !entry.preferred.isEmpty { havePreferred = true }
            for term in entry.admitted { assign(term, .admitted) }
            for term in entry.deprecated { assign(term, .deprecated) }
            alignedOnly += entry.alignedOnly.filter { !alignedOnly.contains($0) }
            paraphrases += entry.paraphrases.filter { !paraphrases.contains($0) }
            if article == nil { article = entry.article }
        }
        self.preferred = preferred
        self.admitted = admitted
        self.deprecated = deprecated
        self.alignedOnly = alignedOnly
        self.paraphrases = paraphrases
        self.article = article
        self.status = status
        self.alignedOnlyKeys = Set(alignedOnly.map(Self.fold))
    }

    /// The status of a term (case-, diacritic- and hyphen-insensitive), nil when unlisted.
    public func status(of term: String) -> RenderingStatus? { status[Self.fold(term)] }

    /// Whether `term` may only be matched where the aligned source holds the symbol.
    public func isAlignedOnly(_ term: String) -> Bool { alignedOnlyKeys.contains(Self.fold(term)) }

    /// Preferred and admitted terms: the ones a translation may use.
    public var acceptable: [String] { preferred + admitted }

    public var isEmpty: Bool { status.isEmpty }

    /// The fold terms are compared in.
    public static func fold(_ term: String) -> String { LatinFold.fold(UnicodeNormalization.normalize(term)) }
}
