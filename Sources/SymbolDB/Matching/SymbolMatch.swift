/// One occurrence of a symbol's form in a text.
public struct SymbolMatch: Hashable, Sendable, Codable {
    /// Which list of the symbol's entry the matched form comes from.
    public enum FormKind: String, Hashable, Sendable, Codable, CaseIterable {
        case simplified, traditional, alias, pinyin, rendering
    }

    /// The matched symbol's id.
    public var symbolID: String
    /// The text as it appears in the input (which may differ from `form` in case, diacritics,
    /// apostrophes, or Traditional/Simplified script).
    public var matchedText: String
    /// The symbol's form that matched, as written in its entry.
    public var form: String
    /// Where `form` is listed. A Chinese match whose text differs from every listed form only by script
    /// (an unlisted Traditional variant found through the character fold) is reported as `.traditional`.
    public var formKind: FormKind
    /// For renderings: the term's administrative status (preferred, admitted, deprecated).
    public var renderingStatus: RenderingStatus?
    /// UTF-16 offsets into the original text.
    public var utf16Range: Range<Int>
    /// Character (extended grapheme cluster) offsets into the original text.
    public var characterRange: Range<Int>
    /// For ambiguous forms: the sense model's decision (nil: the form has one sense).
    public var sense: SenseDecision?
    /// Whether the term is an `aligned-only` rendering (reported only by ``AlignedSymbolMatcher``).
    public var isAlignedOnly: Bool = false

    /// How sure the matcher is that the form means the symbol here: 1 for forms with one sense.
    public var confidence: Double { sense?.probability ?? 1 }

    public init(symbolID: String, matchedText: String, form: String, formKind: FormKind,
                renderingStatus: RenderingStatus? = nil, utf16Range: Range<Int>, characterRange: Range<Int>) {
        self.symbolID = symbolID
        self.matchedText = matchedText
        self.form = form
        self.formKind = formKind
        self.renderingStatus = renderingStatus
        self.utf16Range = utf16Range
        self.characterRange = characterRange
    }
}

/// The TBX administrative status of a rendering.
public enum RenderingStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case preferred, admitted, deprecated
}
