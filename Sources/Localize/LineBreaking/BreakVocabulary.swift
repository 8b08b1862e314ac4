import Regions
import Subtitles
/// Small per-language word lists that steer where a subtitle line may break (Netflix line treatment:
/// break after punctuation and before conjunctions and prepositions; never between an article or a short
/// preposition and its noun).
struct BreakVocabulary: Sendable {
    /// Words a line should preferably start with (conjunctions, prepositions).
    var breakBefore: Set<String>
    /// Words a line should not end with (articles, determiners, short prepositions).
    var noBreakAfter: Set<String>

    static let empty = BreakVocabulary(breakBefore: [], noBreakAfter: [])

    var isEmpty: Bool { breakBefore.isEmpty && noBreakAfter.isEmpty }

    /// The lists for a language subtag (`en`, `es`, `pt`, `fr`, `de`, `id`, `vi`); empty for others.
    static func forLanguage(_ language: String) -> BreakVocabulary {
        switch String(language.lowercased().prefix(2)) {
        case "en": return english
        case "es": return spanish
        case "pt": return portuguese
        case "fr": return french
        case "de": return german
        case "id": return indonesian
        case "vi": return vietnamese
        default: return .empty
        }
    }

    private static func words(_ s: String) -> Set<String> { Set(s.split(separator: " ").map(String.init)) }

    static let english = BreakVocabulary(
        breakBefore: words("and but or nor so because although though while when where which who that if unless until since after before to for with from about into through without between"),
        noBreakAfter: words("a an the this that these those my your his her its our their to of in on at by for with from mr mrs ms dr"))
    static let spanish = BreakVocabulary(
        breakBefore: words("y e o u pero sino porque aunque mientras cuando donde que si para por con sin sobre entre hasta desde"),
        noBreakAfter: words("el la los las un una unos unas lo al del de a en mi tu su mis tus sus este esta ese esa no se me te le nos"))
    static let portuguese = BreakVocabulary(
        breakBefore: words("e ou mas porque porém embora enquanto quando onde que se para por com sem sobre entre até desde"),
        noBreakAfter: words("o a os as um uma uns umas do da dos das no na nos nas ao de em meu minha seu sua não se me te lhe"))
    static let french = BreakVocabulary(
        breakBefore: words("et ou mais car donc parce quand lorsque où que qui si pour par avec sans sur entre jusqu depuis"),
        noBreakAfter: words("le la les l' un une des du au aux de d' à en mon ma mes ton ta tes son sa ses ce cette ces ne n' se je tu il elle on"))
    static let german = BreakVocabulary(
        breakBefore: words("und oder aber sondern denn weil obwohl während wenn als wo dass ob für mit ohne über zwischen bis seit nach"),
        noBreakAfter: words("der die das den dem des ein eine einen einem einer eines mein meine dein deine sein seine ihr ihre zu zum zur im am vom beim nicht"))
    static let indonesian = BreakVocabulary(
        breakBefore: words("dan atau tetapi tapi karena walaupun meskipun ketika saat jika kalau yang untuk dengan tanpa dari ke di kepada sampai sejak"),
        noBreakAfter: words("si sang para sebuah seorang ini itu"))
    static let vietnamese = BreakVocabulary(
        breakBefore: words("và hoặc nhưng vì nên khi nếu mà để với từ đến cho"),
        noBreakAfter: words("các những một cái con người ông bà anh chị em"))
}

/// Characters that steer breaks in every language.
enum BreakPunctuation {
    /// Ends a sentence: the best place to end a line.
    static let sentenceEnd: Set<Character> = [".", "!", "?", "…", "。", "！", "？", "؟", "｡", "」", "』"]
    /// Ends a clause: a good place to end a line.
    static let clauseEnd: Set<Character> = [",", ";", ":", "，", "、", "；", "：", "،", "؛", "—", "–", "）", ")", "》", "〉"]
    /// May not start a line (kinsoku: closing punctuation and marks that belong to the previous word).
    static let noLineStart: Set<Character> = [
        ",", ".", ";", ":", "!", "?", ")", "]", "}", "»", "%", "…", "‥",
        "，", "。", "！", "？", "、", "；", "：", "）", "」", "』", "》", "〉", "】", "〕", "］", "｝", "·", "・",
        "ー", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ",
        "～", "〜", "؟", "،", "؛",
    ]
    /// May not end a line (opening brackets and quotes).
    static let noLineEnd: Set<Character> = ["(", "[", "{", "«", "（", "「", "『", "《", "〈", "【", "〔", "［", "｛", "¿", "¡"]
    /// No-break spaces: a French space before `;:!?»` or after `«` is one of these and never becomes a break.
    static let noBreakSpaces: Set<Character> = ["\u{00A0}", "\u{202F}", "\u{2007}"]
}

/// A set of characters with a bitmap for the single-byte (ASCII) ones, so the common case needs no
/// `Character` hashing. Membership is exactly `set.contains`.
struct CharacterTable: Sendable {
    let set: Set<Character>
    private let low: UInt64
    private let high: UInt64

    init(_ set: Set<Character>) {
        self.set = set
        var low: UInt64 = 0, high: UInt64 = 0
        for b in 0..<128 where set.contains(Character(Unicode.Scalar(UInt8(b)))) {
            if b < 64 { low |= 1 << UInt64(b) } else { high |= 1 << UInt64(b - 64) }
        }
        self.low = low
        self.high = high
    }

    /// The set's bits for ASCII byte `b` (< 128).
    @inline(__always)
    func containsASCII(_ b: UInt8) -> Bool {
        b < 64 ? low & (1 << UInt64(b)) != 0 : high & (1 << UInt64(b - 64)) != 0
    }

    @inline(__always)
    func contains(_ c: Character) -> Bool {
        let utf8 = c.utf8
        if utf8.count == 1 { return containsASCII(utf8.first!) }
        return set.contains(c)
    }

    static let whitespace: CharacterTable = {
        // Every whitespace character is listed for ASCII only; others go through `isWhitespace`.
        CharacterTable(Set((0..<128).map { Character(Unicode.Scalar(UInt8($0))) }.filter(\.isWhitespace)))
    }()
}

extension BreakPunctuation {
    static let sentenceEndTable = CharacterTable(sentenceEnd)
    static let clauseEndTable = CharacterTable(clauseEnd)
    static let noLineStartTable = CharacterTable(noLineStart)
    static let noLineEndTable = CharacterTable(noLineEnd)

    /// `ch.isWhitespace && !noBreakSpaces.contains(ch)`, without hashing for ASCII characters.
    @inline(__always)
    static func isBreakableSpace(_ ch: Character) -> Bool {
        let utf8 = ch.utf8
        if utf8.count == 1 { return CharacterTable.whitespace.containsASCII(utf8.first!) }
        return ch.isWhitespace && !noBreakSpaces.contains(ch)
    }
}
