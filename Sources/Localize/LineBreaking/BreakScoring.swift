import Foundation
import Regions

/// The whole line-break scoring model in one place: what a candidate break costs and what a line costs.
///
/// The wrapper (`TextLayout.bestBreaks`) minimises, over every way to cut a cue into k lines, the sum of
/// the chosen breaks' `penalty(_:)` and every line's `lineCost`, trying the fewest lines first; it only
/// takes more lines when the fewer-line layout has to break a "never" rule (a cost of `violation` or more).
/// Costs are ordered so that language decides first and shape last:
///
///  - break after a sentence end (0) < after clause punctuation (1) < before a conjunction (2)
///    < before a preposition (3) < at any other space (5);
///  - "never" rules cost `violation` (100) each: inside a glossary term or known name, inside a
///    hyphenated compound (never a candidate at all), between a number and its unit/classifier, after an
///    article, determiner or possessive, after a subject pronoun (its verb follows), a line ending in a
///    lone pronoun, an Arabic idāfa pair, a dictionary word or idiom split, a Chinese particle starting a line;
///  - softer rules: after an adjective or auxiliary (`soft`), inside a capitalised multi-word sequence;
///  - Chinese without punctuation (`chineseClause`), where subtitlers pause at a clause boundary no comma
///    marks: after a sentence-final particle or a vocative (1) < before a conjunction or a subject pronoun (2)
///    < after 了 or a question word (2.5) < before a clause-opening adverb or demonstrative (3) < any other dictionary word (4);
///    a line ending in a pronoun whose clause goes on, or in an attributive 的, costs 3 more; a person verb
///    split from its pronoun object, a line ending in a conjunction, a postposition starting a line and a
///    numeral + classifier split from its noun cost `soft`; a numeral split from its classifier or a break after a name's "·" a violation;
///  - line shape: a one-word middle line is a violation; balance (bottom-heavy for two lines when the region
///    asks for it) costs at most a few points, so it only decides between otherwise equal breaks.
enum BreakScoring {
    static let sentenceEnd = 0.0
    static let clauseEnd = 1.0
    /// A space between phrases in Chinese, Japanese or Thai text (Thai marks phrases and clauses with spaces).
    static let phraseSpace = 0.0
    static let beforeConjunction = 2.0
    static let beforePreposition = 3.0
    static let plainSpace = 5.0
    /// A dictionary word boundary in Chinese or Japanese text (no space).
    static let dictionaryWord = 4.0
    /// A dictionary word boundary inside a Thai phrase (no space): worse than any Thai space.
    static let thaiWord = 8.0
    /// After an em/en dash or slash inside a "word" of spaced text.
    static let dash = 6.0
    /// Korean or other spaced text broken between two characters (only when nothing else fits).
    static let inWord = 50.0
    /// A "never" rule: paid once per broken rule.
    static let violation = 100.0
    /// A rule good subtitlers break only when they must (after an adjective, an auxiliary, a degree adverb).
    static let soft = 12.0
    /// Breaking inside a run of capitalised words that is not a known name.
    static let capitalizedRun = 40.0

    /// Chinese clause boundaries without punctuation (`chineseClause`).
    static let afterParticle = 1.0
    static let beforeClauseOpener = 2.0
    static let afterLe = 2.5
    static let beforeAdverb = 3.0
    /// Added when a line ends in a pronoun and its clause goes on ("你 / 不出声").
    static let afterPronoun = 3.0

    /// Abbreviations whose full stop is not a sentence end.
    static let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "st", "prof", "sr", "jr", "vs", "no", "mt"]

    /// What the wrapper knows about one candidate break.
    struct Site {
        /// Last character before the break (after trimming the space) and first character after it.
        var last: Character
        var next: Character
        /// The break is at whitespace (which it removes).
        var atSpace: Bool
        /// The text is space-separated (Latin, Cyrillic, Arabic, Korean …) rather than dictionary-segmented.
        var spaced: Bool
        /// A break between two characters of spaced text that is not after a dash (Korean fallback).
        var insideWord: Bool = false
        /// Thai text (phrases separated by spaces, words by the dictionary).
        var thai: Bool = false
        /// Lower-cased words around the break (spaced text: between spaces without edge punctuation; dictionary
        /// text: ICU dictionary words), and the raw word before it.
        var previousWord: String
        var nextWord: String
        var rawPrevious: String = ""
        var rawNext: String = ""
        /// The word before `previousWord` starts a clause there (text start, after clause/sentence punctuation,
        /// or after a conjunction): a pronoun there is a subject.
        var previousStartsClause: Bool = false
        /// Chinese: the whole text before the break (without the space) and after it.
        var preceding: Substring = ""
        var following: Substring = ""
        /// Chinese: what follows the break is a transliterated name and nothing else (a vocative, "…了 / 塞佛哈定").
        var beforeTrailingName = false
    }

    /// The cost of breaking at `site` with a language's word lists.
    static func penalty(_ site: Site, _ words: BreakVocabulary) -> Double {
        if site.insideWord { return inWord }
        var p: Double
        let sentence = BreakPunctuation.sentenceEndTable.contains(site.last)
        let clause = BreakPunctuation.clauseEndTable.contains(site.last)
        if sentence { p = sentenceEnd }
        else if site.atSpace && site.spaced && (site.rawPrevious.hasSuffix("--") || site.rawPrevious == "—" || site.rawPrevious == "–") { p = clauseEnd }
        else if clause { p = clauseEnd }
        else if !site.spaced && site.atSpace { p = phraseSpace }
        else if !site.atSpace, !site.spaced, !site.thai, let chinese = words.chineseClauses { p = chineseClause(site, chinese) }
        else if !site.atSpace { p = site.spaced ? dash : (site.thai ? thaiWord : dictionaryWord) }
        else if words.conjunctions.contains(site.nextWord) { p = beforeConjunction }
        else if words.prepositions.contains(site.nextWord) { p = beforePreposition }
        else { p = plainSpace }
        if site.spaced && site.atSpace && (site.rawNext.hasPrefix("--") || site.rawNext.hasPrefix("—") || site.rawNext.hasPrefix("…")) { p += soft }
        if !(sentence || clause) {
            p += wordRules(site, words)
        } else if site.last == ".", abbreviations.contains(site.previousWord) {
            p += violation      // an abbreviation such as "Mr." is not a sentence end
        }
        return p
    }

    /// The word-pair rules for a break that is not after punctuation.
    private static func wordRules(_ site: Site, _ words: BreakVocabulary) -> Double {
        let prev = site.previousWord, next = site.nextWord
        var p = 0.0
        // Article, determiner, possessive or short preposition before its noun (an Arabic demonstrative only
        // before a definite noun, "هذه / المرة"; before anything else it is a pronoun, "أخذتُ هذا / إلى").
        if words.noBreakAfter.contains(prev)
            && !(words.arabicDemonstratives.contains(prev) && !isArabicDefinite(site.rawNext)) { p += violation }
        // A pronoun at line end: subject pronouns always (their verb follows), others when they start a clause.
        if words.subjectPronouns.contains(prev) { p += violation }
        else if words.clausePronouns.contains(prev) && site.previousStartsClause { p += violation }
        // Adjective + noun, auxiliary + verb, degree adverb + adjective.
        if words.softNoBreakAfter.contains(prev) { p += soft }
        // A number and its unit or classifier.
        if isNumber(site.rawPrevious, words) && !next.isEmpty && !words.breakBefore.contains(next) { p += violation }
        // Words that must not start a line (Chinese and Japanese particles, Thai classifiers after no space).
        if !site.atSpace && words.noLineStart.contains(next) { p += violation }
        if !site.atSpace && words.noLineStartSoft.contains(next) { p += soft * 2 }
        // Words that bind to what follows (Thai nominalisers ความ/การ, Chinese degree adverbs).
        if !site.atSpace && words.noLineEnd.contains(prev) { p += violation }
        if words.thaiFragments && !site.atSpace && (isThaiFragment(site.rawPrevious) || isThaiFragment(site.rawNext)) { p += violation }
        if words.arabicIdafa && isIdafa(previous: site.rawPrevious, next: site.rawNext, words) { p += violation }
        if words.arabicIdafa && isNameSyllable(site.rawNext, words) { p += violation }
        return p
    }

    /// The cost of a Chinese dictionary-word break that no punctuation or space marks: where a clause
    /// boundary falls without a comma, and what a line must not split.
    static func chineseClause(_ site: Site, _ c: ChineseClauses) -> Double {
        let before = site.preceding, after = site.following
        var p = dictionaryWord
        // What opens the text after the break: a pronoun followed by another one is an object ("查出我们 / 我们得").
        var opener: Double? = nil
        var personObject = false
        if ChineseClauses.prefix(of: after, in: c.conjunctions) != nil { opener = beforeClauseOpener }
        else if let pronoun = ChineseClauses.prefix(of: after, in: c.pronouns) {
            let rest = after.dropFirst(pronoun.count)
            personObject = c.personVerbs.contains(where: { before.hasSuffix($0) })
            if !rest.isEmpty && !personObject && ChineseClauses.prefix(of: rest, in: c.pronouns) == nil
                && ChineseClauses.prefix(of: rest, in: c.conjunctions) == nil { opener = beforeClauseOpener }
        } else if ChineseClauses.prefix(of: after, in: c.adverbs) != nil { opener = beforeAdverb }
        if let last = before.last, c.finalParticles.contains(last) { p = afterParticle }
        else if before.last == "了" && !c.notParticleLe.contains(where: { before.hasSuffix($0) }) {
            p = opener != nil ? afterParticle : afterLe
        }
        // 了 before a numeral is the aspect marker of a verb and its object ("创办了 / 一所学校").
        if before.last == "了", let first = after.first, c.numerals.contains(first) { p = dictionaryWord + afterPronoun }
        if let opener { p = min(p, opener) }
        if c.questionWords.contains(where: { before.hasSuffix($0) }), !after.hasPrefix("都"), !after.hasPrefix("也") { p = min(p, afterLe) }
        // After a time or place postposition that closes an adverbial clause ("警员倒下时 / 公众"), or a leading
        // discourse connective ("也就是说 / 打仗时"); a postposition never starts a line ("声明 / 中").
        if c.postpositions.contains(site.previousWord) && before.count > site.previousWord.count { p = min(p, afterLe) }
        if c.connectives.contains(String(before)) { p = min(p, afterParticle) }
        if c.postpositions.contains(site.nextWord) { p += soft }
        // A line ending in a conjunction ("…但 / 我需要") or an attributive 的 before its noun ("…的 / 警员").
        if c.conjunctions.contains(where: { before.hasSuffix($0) }) { p += soft }
        if before.last == "的", opener == nil { p += afterPronoun }
        // A vocative: the cue's last phrase is a term of address ("…丢在这儿 / 老板"), or its first one.
        let tail = after.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        if c.addressTerms.contains(tail) || c.addressTerms.contains(String(before)) || site.beforeTrailingName { p = min(p, afterParticle) }
        // A verb of telling or asking and its person object ("告诉 / 你").
        if personObject { p += soft }
        // A line ending in a pronoun whose clause goes on ("你 / 不出声").
        if opener == nil, c.pronouns.contains(where: { before.hasSuffix($0) }) { p += afterPronoun }
        // A numeral and its classifier are one word ("了一 / 场"); with the noun after them, one noun phrase ("21座 / 桥").
        if let last = before.last, let first = after.first, c.numerals.contains(last), c.classifiers.contains(first) { p += violation }
        let tail2 = before.suffix(2)
        if tail2.count == 2, c.numerals.contains(tail2.first!), c.classifiers.contains(tail2.last!), opener == nil { p += soft }
        // A foreign name's parts joined by "·" stay together.
        if before.last == "·" || after.first == "·" { p += violation }
        return p
    }

    /// Whether a word is a number (digits, or a number word of the language).
    static func isNumber(_ raw: String, _ words: BreakVocabulary) -> Bool {
        let stripped = raw.trimmingCharacters(in: .punctuationCharacters)
        guard !stripped.isEmpty else { return false }
        if stripped.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." }) && stripped.contains(where: { $0.isNumber }) { return true }
        let lower = stripped.lowercased()
        if words.numberWords.contains(lower) { return true }
        // Chinese/Thai numerals written as words ("三十", "แปดร้อย").
        if !words.numeralCharacters.isEmpty && lower.allSatisfy({ words.numeralCharacters.contains($0) }) { return true }
        if !words.numberMorphemes.isEmpty && lower.count <= 16 {
            var rest = Substring(lower)
            while let m = words.numberMorphemes.first(where: { rest.hasPrefix($0) }) { rest = rest.dropFirst(m.count) }
            return rest.isEmpty
        }
        return false
    }

    /// A Thai dictionary piece that is a single consonant with at most tone or other marks on it ("อ", "ห",
    /// "บ๊"): not a Thai word (except the few one-consonant words), so a piece of a word or name ICU does not know.
    static func isThaiFragment(_ raw: String) -> Bool {
        let base = raw.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
        guard base.count == 1, let c = base.first, (0x0E01...0x0E2E).contains(c.value) else { return false }
        return !["ก็", "ณ", "ธ"].contains(raw)
    }

    /// A one- or two-letter Arabic word that is no particle: the second syllable of a transliterated
    /// Chinese name ("تشانغ إي", "هو يي"), which stays with the first.
    static func isNameSyllable(_ raw: String, _ words: BreakVocabulary) -> Bool {
        let w = raw.trimmingCharacters(in: .punctuationCharacters)
        guard !w.isEmpty, w.count <= 2, w.unicodeScalars.allSatisfy({ (0x0600...0x06FF).contains($0.value) }) else { return false }
        return !(words.conjunctions.contains(w) || words.prepositions.contains(w) || words.arabicParticles.contains(w)
                 || words.noBreakAfter.contains(w) || words.subjectPronouns.contains(w))
    }

    /// An Arabic word made definite by the article, also behind a prefixed conjunction or preposition
    /// ("الملجأ", "والملجأ", "بالفشل", "للعمالقة").
    static func isArabicDefinite(_ raw: String) -> Bool {
        let w = raw.trimmingCharacters(in: .punctuationCharacters)
        return w.hasPrefix("ال") || ["وال", "فال", "بال", "كال", "لل"].contains { w.hasPrefix($0) && w.count > $0.count + 1 }
    }

    /// An Arabic idāfa (construct) pair: an indefinite noun followed by a definite one ("إله الحرب"). A first
    /// word that is definite itself, by the article or by a possessive suffix ("ملجأهم"), is no construct noun:
    /// the definite word after it is its adjective.
    static func isIdafa(previous: String, next: String, _ words: BreakVocabulary) -> Bool {
        let prev = previous.trimmingCharacters(in: .punctuationCharacters), nxt = next.trimmingCharacters(in: .punctuationCharacters)
        guard nxt.hasPrefix("ال"), !prev.isEmpty, !isArabicDefinite(prev) else { return false }
        if prev.count >= 5, ["هم", "هن", "كم", "كن", "ها"].contains(where: { prev.hasSuffix($0) }) { return false }
        if words.conjunctions.contains(prev) || words.prepositions.contains(prev) || words.arabicParticles.contains(prev) { return false }
        // A verb in the perfect/imperfect usually starts with these prefixes and takes a definite object.
        if let first = prev.first, "يتن".contains(first), prev.count >= 4 { return false }
        return prev.count >= 2
    }

    /// The cost of one line `width` wide (line `index` of `count`, of a cue `total` wide without broken spaces).
    static func lineCost(width: Double, words: Int, index: Int, count: Int, total: Double, maxWidth: Double,
                         balance: LineBalance, spaced: Bool, weights: BreakWeights = .standard) -> Double {
        var cost = 0.0
        if spaced && count >= 3 && index > 0 && index < count - 1 && words <= 1 { cost += violation }
        // A lone short word as the last line (a widow) reads badly.
        if spaced && index == count - 1 && count >= 2 && words <= 1 && width < maxWidth / 4 { cost += weights.widow }
        // Balance: deviation from an even split, in points per 10 % of the line length.
        let ideal = (total - (spaced ? Double(count - 1) : 0)) / Double(count)
        let scale = 10 / max(1, maxWidth)
        cost += weights.balance * abs(width - ideal) * scale
        // Top-heavy regions fill every line but the last: points per 10 % of the line length left empty.
        if balance == .topHeavy && index < count - 1 { cost += weights.fill * max(0, maxWidth - width) * scale }
        if count == 2 && index == 0 {
            switch balance {
            case .bottomHeavy: if width > ideal + 0.01 { cost += weights.wrongHeavy }
            case .topHeavy: if width < ideal - 0.01 { cost += weights.wrongHeavy }
            case .none: break
            }
        }
        return cost
    }
}

/// The line-shape weights of `BreakScoring.lineCost` (the only tuned numbers of the model). `standard` is
/// what localize uses; `scripts/break_eval.py --weights` overrides them to tune on the development half of
/// the professional files (never on the test half).
public struct BreakWeights: Hashable, Sendable {
    /// Balance: points per 10 % of the line length a line is away from an even split.
    public var balance: Double
    /// A two-line cue whose longer line is the one the region does not want longer.
    public var wrongHeavy: Double
    /// A lone short word as the last line.
    public var widow: Double
    /// Top-heavy regions only: points per 10 % of the line length a line other than the last leaves empty.
    /// Arabic subtitlers fill the top line (the ar-SA profile is top-heavy); this is kept below the gap
    /// between a plain space and clause punctuation, so a sentence or clause end still wins within a word
    /// or so, and far below a "never" rule.
    public var fill: Double

    public init(balance: Double, wrongHeavy: Double, widow: Double, fill: Double = 0) {
        self.balance = balance
        self.wrongHeavy = wrongHeavy
        self.widow = widow
        self.fill = fill
    }

    public static let standard = BreakWeights(balance: 0.1, wrongHeavy: 0.5, widow: 1.0, fill: 3.0)

    /// `standard` with `name=value` overrides separated by commas (`balance=0.3,widow=3`); nil on a name or
    /// value it does not know.
    public static func parse(_ spec: String) -> BreakWeights? {
        var w = standard
        for part in spec.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, let v = Double(kv[1]), v.isFinite, v >= 0 else { return nil }
            switch kv[0] {
            case "balance": w.balance = v
            case "wrongHeavy", "wrong-heavy": w.wrongHeavy = v
            case "widow": w.widow = v
            case "fill": w.fill = v
            default: return nil
            }
        }
        return w
    }
}
