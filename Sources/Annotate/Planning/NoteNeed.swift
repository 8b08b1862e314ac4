import SymbolDB

/// How much a viewer misses at one occurrence without a note; the planner places notes most-needed first.
public enum NoteNeed: Int, Hashable, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// The translation already conveys the meaning (a listed paraphrase).
    case conveyed = 0
    /// An approved rendering whose words carry the meaning: festivals, food, kin, customs, places, values,
    /// idioms and slang have natural equivalents ("Mid-Autumn Festival", "save face", "the tables will turn").
    case selfExplanatory = 1
    /// The viewer reads a name ("Chang'e", "Hou Yi": a romanized approved rendering) or a line without any listed
    /// rendering (it may hold a natural translation the glossary does not list), or no translation was read.
    case named = 2
    /// An approved rendering that reads as ordinary words but hides the convention the story turns on: tropes,
    /// myths, history, court, cultivation and martial terms ("live-in son-in-law", "Dragon King").
    case opaque = 3
    /// The viewer is shown something puzzling: pinyin, Chinese or a calque.
    case missed = 4

    public static func < (a: NoteNeed, b: NoteNeed) -> Bool { a.rawValue < b.rawValue }

    /// A short machine-readable code (JSON, metadata payloads, `--explain`).
    public var code: String {
        switch self {
        case .conveyed: return "conveyed"
        case .selfExplanatory: return "self-explanatory"
        case .named: return "named"
        case .opaque: return "opaque"
        case .missed: return "missed"
        }
    }

    public var description: String { code }

    /// Categories whose approved renderings hide the cultural convention behind ordinary words.
    static let opaqueCategories: Set<SymbolDB.Category> = [.trope, .myth, .history, .court, .cultivation, .martial]

    /// The need at one occurrence, from how the translation renders it.
    public static func of(_ symbol: Symbol, rendering: TargetRendering?, renderedText: String?) -> NoteNeed {
        switch rendering {
        case .pinyin?, .untranslated?, .calque?: return .missed
        case .paraphrased?: return .conveyed
        case .missing?, nil: return .named
        case .rendered?:
            if let text = renderedText, isRomanization(text, of: symbol) { return .named }
            return opaqueCategories.contains(symbol.category) ? .opaque : .selfExplanatory
        }
    }

    /// Whether `text` is one of the symbol's pinyin forms (a name such as "Chang'e" says nothing by itself).
    static func isRomanization(_ text: String, of symbol: Symbol) -> Bool {
        let folded = NoteContent.fold(text)
        return symbol.forms.pinyin.contains { NoteContent.fold($0) == folded }
    }
}
