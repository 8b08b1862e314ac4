import TextServices

extension SymbolMatcher {
    /// Which forms a matcher looks for.
    public struct Options: Hashable, Sendable {
        /// The form lists that are active.
        public var formKinds: Set<SymbolMatch.FormKind>
        /// The language (or region) tag whose renderings are matched, e.g. `en`, `en-GB`, `es-419`.
        /// A region tag uses its own renderings and those of its language.
        public var renderingLanguage: String?
        /// The rendering statuses that are matched (all three by default: audits look for deprecated ones).
        public var renderingStatuses: Set<RenderingStatus>
        /// The locale for word boundaries around Latin-script forms.
        public var wordBreakLocale: String
        /// Whether `aligned-only` renderings (everyday words) are searched: never for free-standing detection.
        public var alignedOnlyTerms: AlignedOnlyTerms
        /// Matches of ambiguous forms whose symbol-sense probability is below this are not reported.
        public var senseThreshold: Double

        /// What to do with renderings listed in `aligned-only`.
        public enum AlignedOnlyTerms: Hashable, Sendable {
            /// Not searched (free-standing detection, notes).
            case excluded
            /// Searched and marked: for ``AlignedSymbolMatcher``, which keeps them only where the source holds the symbol.
            case marked
        }

        public init(formKinds: Set<SymbolMatch.FormKind>, renderingLanguage: String? = nil,
                    renderingStatuses: Set<RenderingStatus> = Set(RenderingStatus.allCases),
                    wordBreakLocale: String? = nil, alignedOnlyTerms: AlignedOnlyTerms = .excluded,
                    senseThreshold: Double = 0.5) {
            self.formKinds = formKinds
            self.renderingLanguage = renderingLanguage
            self.renderingStatuses = renderingStatuses
            self.alignedOnlyTerms = alignedOnlyTerms
            self.senseThreshold = senseThreshold
            self.wordBreakLocale = wordBreakLocale ?? renderingLanguage.map(LanguageTag.primarySubtag) ?? "en"
        }

        /// Chinese source tracks: Simplified, Traditional and alias forms.
        public static let chinese = Options(formKinds: [.simplified, .traditional, .alias], wordBreakLocale: "zh")

        /// Target-language tracks: pinyin and the language's renderings (optionally Chinese forms left in).
        public static func target(language: String, includePinyin: Bool = true, includeChinese: Bool = false,
                                  renderingStatuses: Set<RenderingStatus> = Set(RenderingStatus.allCases)) -> Options {
            var kinds: Set<SymbolMatch.FormKind> = [.rendering]
            if includePinyin { kinds.insert(.pinyin) }
            if includeChinese { kinds.formUnion([.simplified, .traditional, .alias]) }
            return Options(formKinds: kinds, renderingLanguage: language, renderingStatuses: renderingStatuses)
        }

        /// The options for a track in `language`: `zh`, `zh-Hans`, `zh-Hant-TW`, `cmn` … give `.chinese`,
        /// anything else `.target(language:)`.
        public static func forTrack(language: String) -> Options {
            LanguageTag.isChinese(language) ? .chinese : .target(language: language)
        }


        /// Rendering keys to use for `renderingLanguage`, most specific first (`en-GB`, then `en`).
        var renderingKeys: [String] {
            renderingLanguage.map { LanguageTag.fallbackChain($0) } ?? []
        }
    }
}
