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
