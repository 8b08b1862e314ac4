@testable import SymbolDB
import TextServices

// The matcher as it was before the performance work (commit cdef850), kept to check that results are identical.

/// Finds symbols' forms in subtitle text: built once per process from the symbol list and reused.
///
/// - Chinese forms (Simplified, Traditional, aliases) are matched with one Aho–Corasick automaton over code
///   points. Input and forms pass through a one-to-one Traditional → Simplified character fold
///   (`HanScriptFold`), so an unlisted Traditional variant still matches and offsets never move.
///   A form of a single character is used only when the symbol has a disambiguation entry.
///   The symbol's `not-before`, `not-after` and `not-within` strings cancel a match.
/// - Latin-script forms (pinyin, renderings for one target language) are matched in a second automaton
///   over `LatinFold`ed text: case-, diacritic-, apostrophe- and hyphen-insensitive, and only on ICU word
///   boundaries (an English plural or possessive ending is allowed: "mooncakes", "Chang'e's").
/// - Results are leftmost-longest and do not overlap; when symbols share the very same form, each gets a
///   match over the same range.
struct ReferenceSymbolMatcher: Sendable {
    /// A form that was left out when the matcher was built, and why.
    struct SkippedForm: Hashable, Sendable {
        var symbolID: String
        var form: String
        var reason: String
    }

    let options: SymbolMatcher.Options
    /// Forms that were not usable (single characters without disambiguation, empty after folding, too long).
    let skippedForms: [SkippedForm]
    /// The number of distinct patterns in the Chinese and the Latin automata.
    var patternCount: Int { hanEntries.count + latinEntries.count }

    struct Entry: Sendable {
        var symbol: Int32
        var form: String
        var kind: SymbolMatch.FormKind
        var status: RenderingStatus?
        /// For Chinese forms: strings (folded) containing the form at `offset` that cancel it.
        var notWithin: [(offset: Int, scalars: [UInt32])]
    }

    struct SymbolContext: Sendable {
        var id: String
        var notBefore: [[UInt32]]
        var notAfter: [[UInt32]]
    }

    let symbols: [SymbolContext]
    let han: ReferencePatternAutomaton?
    let hanEntries: [[Entry]]
    let latin: ReferencePatternAutomaton?
    let latinEntries: [[Entry]]
    let wordBreaker: TextBreaker?

    /// Forms longer than this many code points are skipped.
    static let maximumFormLength = 64

    /// Builds a matcher for `symbols` with `options` (Chinese source forms by default).
    init(symbols: [Symbol], options: SymbolMatcher.Options = .chinese) {
        self.options = options
        var skipped: [SkippedForm] = []
        var contexts: [SymbolContext] = []
        var hanIndex: [[UInt32]: Int] = [:]
        var hanPatterns: [[UInt32]] = []
        var hanEntries: [[Entry]] = []
        var latinIndex: [[UInt32]: Int] = [:]
        var latinPatterns: [[UInt32]] = []
        var latinEntries: [[Entry]] = []

        func hanFold(_ text: String) -> [UInt32] {
            UnicodeNormalization.normalize(text).unicodeScalars.map { HanScriptFold.fold($0.value) }
        }

        for (symbolIndex, symbol) in symbols.enumerated() {
            let disambiguation = symbol.disambiguation
            let hasDisambiguation = disambiguation.map {
                !($0.notBefore.isEmpty && $0.notAfter.isEmpty && $0.notWithin.isEmpty)
            } ?? false
            contexts.append(SymbolContext(
                id: symbol.id,
                notBefore: (disambiguation?.notBefore ?? []).map(hanFold).filter { !$0.isEmpty },
                notAfter: (disambiguation?.notAfter ?? []).map(hanFold).filter { !$0.isEmpty }))
            let notWithin = (disambiguation?.notWithin ?? []).map(hanFold)

            var chinese: [(String, SymbolMatch.FormKind)] = []
            if options.formKinds.contains(.simplified) { chinese += symbol.forms.simplified.map { ($0, .simplified) } }
            if options.formKinds.contains(.traditional) { chinese += symbol.forms.traditional.map { ($0, .traditional) } }
            if options.formKinds.contains(.alias) { chinese += symbol.forms.aliases.map { ($0, .alias) } }
            for (form, kind) in chinese {
                let pattern = hanFold(form.trimmingSpaces)
                if pattern.isEmpty { continue }
                if pattern.count == 1 && !hasDisambiguation {
                    skipped.append(SkippedForm(symbolID: symbol.id, form: form,
                                               reason: "single-character form without disambiguation"))
                    continue
                }
                if pattern.count > Self.maximumFormLength {
                    skipped.append(SkippedForm(symbolID: symbol.id, form: form, reason: "form too long"))
                    continue
                }
                var within: [(Int, [UInt32])] = []
                for longer in notWithin where longer.count > pattern.count {
                    for offset in 0...(longer.count - pattern.count)
                    where Array(longer[offset..<(offset + pattern.count)]) == pattern {
                        within.append((offset, longer))
                    }
                }
                let entry = Entry(symbol: Int32(symbolIndex), form: form, kind: kind, status: nil, notWithin: within)
                if let index = hanIndex[pattern] {
                    // One entry per symbol and pattern; keep every listed spelling for exact-form reporting.
                    hanEntries[index].append(entry)
                } else {
                    hanIndex[pattern] = hanPatterns.count
                    hanPatterns.append(pattern)
                    hanEntries.append([entry])
                }
            }

            var latinForms: [(String, SymbolMatch.FormKind, RenderingStatus?)] = []
            if options.formKinds.contains(.pinyin) { latinForms += symbol.forms.pinyin.map { ($0, .pinyin, nil) } }
            if options.formKinds.contains(.rendering) {
                let wanted = Set(options.renderingKeys.map { $0.lowercased() })
                for (key, renderings) in symbol.renderings.sorted(by: { $0.key.count > $1.key.count })
                where wanted.contains(key.lowercased()) {
                    for status in RenderingStatus.allCases where options.renderingStatuses.contains(status) {
                        let terms: [String]
                        switch status {
                        case .preferred: terms = renderings.preferred
                        case .admitted: terms = renderings.admitted
                        case .deprecated: terms = renderings.deprecated
                        }
                        for term in terms {
                            // Everyday words are searched only for aligned matching.
                            if renderings.isAlignedOnly(term) && options.alignedOnlyTerms == .excluded {
                                skipped.append(SkippedForm(symbolID: symbol.id, form: term,
                                                                         reason: "aligned-only: used only with an aligned source cue"))
                                continue
                            }
                            latinForms.append((term, .rendering, status))
                        }
                    }
                }
            }
            for (form, kind, status) in latinForms {
                let pattern = LatinFold.fold(UnicodeNormalization.normalize(form)).unicodeScalars.map(\.value)
                if pattern.count < 2 {
                    skipped.append(SkippedForm(symbolID: symbol.id, form: form, reason: "Latin form shorter than two letters"))
                    continue
                }
                if pattern.count > Self.maximumFormLength {
                    skipped.append(SkippedForm(symbolID: symbol.id, form: form, reason: "form too long"))
                    continue
                }
                if kind == .pinyin && Self.isSingleSyllable(pattern) {
                    // "lóng", "xiào" fold to ordinary words ("long") in target-language tracks.
                    skipped.append(SkippedForm(symbolID: symbol.id, form: form,
                                               reason: "single-syllable pinyin would match ordinary words"))
                    continue
                }
                let entry = Entry(symbol: Int32(symbolIndex), form: form, kind: kind, status: status, notWithin: [])
                if let index = latinIndex[pattern] {
                    latinEntries[index].append(entry)
                } else {
                    latinIndex[pattern] = latinPatterns.count
                    latinPatterns.append(pattern)
                    latinEntries.append([entry])
                }
            }
        }

        self.symbols = contexts
        self.skippedForms = skipped
        self.hanEntries = hanEntries
        self.latinEntries = latinEntries
        self.han = hanPatterns.isEmpty ? nil
            : ReferencePatternAutomaton(patterns: hanPatterns, variants: HanScriptFold.traditionalToSimplified)
        self.latin = latinPatterns.isEmpty ? nil : ReferencePatternAutomaton(patterns: latinPatterns)
        self.wordBreaker = latinPatterns.isEmpty ? nil : try? TextBreaker(kind: .word, locale: options.wordBreakLocale)
    }
}

extension ReferenceSymbolMatcher {
    /// Whether folded pinyin has one vowel group only (one syllable: "long", "xiao", "jie").
    static func isSingleSyllable(_ folded: [UInt32]) -> Bool {
        let vowels: Set<UInt32> = Set("aeiouv".unicodeScalars.map(\.value))
        var groups = 0
        var inGroup = false
        for scalar in folded {
            if scalar == 0x20 || scalar == 0x27 { inGroup = false; continue }
            let isVowel = vowels.contains(scalar)
            if isVowel && !inGroup { groups += 1 }
            inGroup = isVowel
        }
        return groups <= 1
    }
}

