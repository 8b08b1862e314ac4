import SymbolDB
import TextServices

/// A symbol's renderings as they apply to one region.
///
/// Lookup goes from the most specific key to the least: the region tag (`es-419`), then its language
/// (`es`), then the primary language subtag; a term takes its status from the first key that lists it
/// (a region's entry overrides its language's). The preferred terms come from the first key that has any;
/// a less specific key's preferred terms then count as admitted (correct, just not the region's choice).
public struct RegionRenderings: Hashable, Sendable {
    public var preferred: [String]
    public var admitted: [String]
    public var deprecated: [String]
    private var status: [String: RenderingStatus]

    public init?(symbol: Symbol, region: RegionProfile) {
        var keys: [String] = []
        for key in [region.tag, region.language, String(region.language.split(separator: "-").first ?? "")]
        where !key.isEmpty && !keys.contains(where: { $0.lowercased() == key.lowercased() }) {
            keys.append(key)
        }
        let entries = keys.compactMap { key in
            symbol.renderings.first { $0.key.lowercased() == key.lowercased() }?.value
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
        for entry in entries {
            for term in entry.preferred { assign(term, havePreferred ? .admitted : .preferred) }
            if !entry.preferred.isEmpty { havePreferred = true }
            for term in entry.admitted { assign(term, .admitted) }
            for term in entry.deprecated { assign(term, .deprecated) }
        }
        self.preferred = preferred
        self.admitted = admitted
        self.deprecated = deprecated
        self.status = status
    }

    /// The status of a term in this region (case-, diacritic- and hyphen-insensitive), nil when unlisted.
    public func status(of term: String) -> RenderingStatus? { status[Self.fold(term)] }

    public var isEmpty: Bool { status.isEmpty }

    static func fold(_ term: String) -> String { LatinFold.fold(UnicodeNormalization.normalize(term)) }
}
