import TextServices

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
public struct SymbolMatcher: Sendable {
    /// A form that was left out when the matcher was built, and why.
    public struct SkippedForm: Hashable, Sendable {
        public var symbolID: String
        public var form: String
        public var reason: String
    }

    public let options: Options
    /// Forms that were not usable (single characters without disambiguation, empty after folding, too long).
    public let skippedForms: [SkippedForm]
    /// The number of distinct patterns in the Chinese and the Latin automata.
    public var patternCount: Int { hanGroups.count + latinGroups.count }

    struct Entry: Sendable {
        var symbol: Int32
        var form: String
        var kind: SymbolMatch.FormKind
        var status: RenderingStatus?
        /// Whether the term is an everyday word used only with an aligned source cue holding the symbol.
        var alignedOnly = false
        /// Strings (folded) containing the form at `offset` that cancel it: the symbol's `not-within` for Chinese
        /// forms, the track language's `renderings.<tag>.not-within` (Latin-folded) for Latin-script forms.
        var notWithin: [(offset: Int, scalars: [UInt32])]
        /// `form`'s UTF-8 bytes, and whether they are in NFC (byte-different NFC texts are never equal).
        var formUTF8: [UInt8]
        var formIsNFC: Bool

        init(symbol: Int32, form: String, kind: SymbolMatch.FormKind, status: RenderingStatus?,
             notWithin: [(offset: Int, scalars: [UInt32])], formIsNFC: Bool? = nil) {
            self.symbol = symbol
            self.form = form
            self.kind = kind
            self.status = status
            self.notWithin = notWithin
            self.formUTF8 = Array(form.utf8)
            self.formIsNFC = formIsNFC ?? UnicodeNormalization.isNormalized(form, form: .nfc)
        }
    }

    /// The entries of one pattern for one symbol, in listed order (the disambiguation data is the same
    /// for all of them: it depends on the symbol and the pattern only).
    struct SymbolGroup: Sendable {
        var symbol: Int32
        var entries: [Entry]
        /// The index of the group's sense model in ``SymbolMatcher/senseModels``, or −1 (always a match).
        var sense: Int32 = -1
        var notWithin: [(offset: Int, scalars: [UInt32])] { entries[0].notWithin }
    }

    struct SymbolContext: Sendable {
        var id: String
        var notBefore: [[UInt32]]
        var notAfter: [[UInt32]]
        /// The track language's `renderings.<tag>.not-before` / `not-after`, Latin-folded (for Latin-script matches).
        var latinNotBefore: [[UInt32]] = []
        var latinNotAfter: [[UInt32]] = []
        /// Whether Latin-script matches of this symbol have context rules (`not-within` ones live on the entries).
        var hasLatinContext = false
    }

    let symbols: [SymbolContext]
    let han: PatternAutomaton?
    let latin: PatternAutomaton?
    /// Per pattern: its entries grouped by symbol, symbols in order of their first entry.
    let hanGroups: [[SymbolGroup]]
    let latinGroups: [[SymbolGroup]]
    /// Opened on the first Latin candidate: ICU's word-break rules cost milliseconds to load.
    let wordBreaker: LazyWordBreaker
    /// The sense models of ambiguous Chinese forms that groups point to.
    let senseModels: SenseModelList
    /// Chinese word breaks for the sense models' whole-word feature, opened on the first ambiguous candidate.
    let hanWordBreaker: LazyWordBreaker

    /// Forms longer than this many code points are skipped.
    static let maximumFormLength = 64

    /// Builds a matcher for `symbols` with `options` (Chinese source forms by default).
    ///
    /// When `symbols` are an opened store's ``SymbolStore/allSymbols`` (that very array) and `senses` are nil or
    /// the store's models, the matcher is taken from this process's earlier ones or the store's snapshot file
    /// instead (see ``MatcherSnapshots``): the same matcher, without building it.
    ///
    /// - Parameter senses: the sense models of ambiguous forms (a store's ``SymbolStore/senseModels``); nil trains
    ///   them from the symbols' `examples` (or takes the store's, which are trained from the same examples).
    public init(symbols: [Symbol], options: Options = .chinese, senses: SenseModels? = nil) {
        self = MatcherSnapshots.shared.matcher(symbols: symbols, options: options, senses: senses)
            ?? SymbolMatcher(building: symbols, options: options, senses: senses ?? MatcherSnapshots.shared.senseModels(for: symbols))
    }

    /// A matcher from its parts (a loaded snapshot).
    init(options: Options, skippedForms: [SkippedForm], symbols: [SymbolContext],
         han: PatternAutomaton?, hanGroups: [[SymbolGroup]],
         latin: PatternAutomaton?, latinGroups: [[SymbolGroup]], senseModels: SenseModelList) {
        self.options = options
        self.skippedForms = skippedForms
        self.symbols = symbols
        self.han = han
        self.hanGroups = hanGroups
        self.latin = latin
        self.latinGroups = latinGroups
        self.senseModels = senseModels
        self.wordBreaker = LazyWordBreaker(locale: latin == nil ? nil : options.wordBreakLocale)
        self.hanWordBreaker = LazyWordBreaker(locale: senseModels.count == 0 ? nil : "zh")
    }

    /// Builds the automata, entries and sense groups (nil `senses`: trained from the symbols' examples).
    init(building symbols: [Symbol], options: Options, senses: SenseModels?) {
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
        func latinFold(_ text: String) -> [UInt32] {
            LatinFold.fold(UnicodeNormalization.normalize(text)).unicodeScalars.map(\.value)
        }
        let wantedKeys = Set(options.renderingKeys.map { $0.lowercased() })

        for (symbolIndex, symbol) in symbols.enumerated() {
            let disambiguation = symbol.disambiguation
            let hasDisambiguation = disambiguation.map {
                !($0.notBefore.isEmpty && $0.notAfter.isEmpty && $0.notWithin.isEmpty)
            } ?? false
            var context = SymbolContext(
                id: symbol.id,
                notBefore: (disambiguation?.notBefore ?? []).map(hanFold).filter { !$0.isEmpty },
                notAfter: (disambiguation?.notAfter ?? []).map(hanFold).filter { !$0.isEmpty })
            // Latin-script context rules of the track's language (and of its region tag): the union.
            var latinNotWithin: [[UInt32]] = []
            if !wantedKeys.isEmpty {
                for (key, renderings) in symbol.renderings.sorted(by: { $0.key < $1.key })
                where renderings.hasContextRules && wantedKeys.contains(key.lowercased()) {
                    context.latinNotBefore += renderings.notBefore.map(latinFold).filter { !$0.isEmpty }
                    context.latinNotAfter += renderings.notAfter.map(latinFold).filter { !$0.isEmpty }
                    latinNotWithin += renderings.notWithin.map(latinFold).filter { !$0.isEmpty }
                }
            }
            contexts.append(context)
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

            var latinForms: [(String, SymbolMatch.FormKind, RenderingStatus?, Bool)] = []
            if options.formKinds.contains(.pinyin) { latinForms += symbol.forms.pinyin.map { ($0, .pinyin, nil, false) } }
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
                            let alignedOnly = renderings.isAlignedOnly(term)
                            if alignedOnly && options.alignedOnlyTerms == .excluded {
                                skipped.append(SkippedForm(symbolID: symbol.id, form: term,
                                                           reason: "aligned-only: used only with an aligned source cue"))
                                continue
                            }
                            latinForms.append((term, .rendering, status, alignedOnly))
                        }
                    }
                }
            }
            for (form, kind, status, alignedOnly) in latinForms {
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
                var within: [(Int, [UInt32])] = []
                for longer in latinNotWithin where longer.count > pattern.count {
                    for offset in 0...(longer.count - pattern.count)
                    where Array(longer[offset..<(offset + pattern.count)]) == pattern {
                        within.append((offset, longer))
                    }
                }
                if !within.isEmpty { contexts[symbolIndex].hasLatinContext = true }
                var entry = Entry(symbol: Int32(symbolIndex), form: form, kind: kind, status: status, notWithin: within)
                entry.alignedOnly = alignedOnly
                if let index = latinIndex[pattern] {
                    latinEntries[index].append(entry)
                } else {
                    latinIndex[pattern] = latinPatterns.count
                    latinPatterns.append(pattern)
                    latinEntries.append([entry])
                }
            }
        }

        for index in contexts.indices where !(contexts[index].latinNotBefore.isEmpty && contexts[index].latinNotAfter.isEmpty) {
            contexts[index].hasLatinContext = true
        }
        self.symbols = contexts
        self.skippedForms = skipped
        self.han = hanPatterns.isEmpty ? nil
            : PatternAutomaton(patterns: hanPatterns, variants: HanScriptFold.traditionalToSimplified)
        self.latin = latinPatterns.isEmpty ? nil : PatternAutomaton(patterns: latinPatterns)
        let models = senses ?? SenseModelTrainer().train(symbols)
        var used: [SenseModel] = []
        var hanGroups = hanEntries.map(Self.groups)
        for p in hanGroups.indices {
            for g in hanGroups[p].indices {
                let group = hanGroups[p][g]
                guard let model = models.model(symbolID: symbols[Int(group.symbol)].id, form: group.entries[0].form) else { continue }
                hanGroups[p][g].sense = Int32(used.count)
                used.append(model)
            }
        }
        self.hanGroups = hanGroups
        self.senseModels = SenseModelList(used)
        self.latinGroups = latinEntries.map(Self.groups)
        self.wordBreaker = LazyWordBreaker(locale: latinPatterns.isEmpty ? nil : options.wordBreakLocale)
        self.hanWordBreaker = LazyWordBreaker(locale: used.isEmpty ? nil : "zh")
    }
}

extension SymbolMatcher {
    /// Each pattern's entries in their original order (groups keep a pattern's entries, symbol by symbol, in
    /// order: every symbol's entries were added together), for writing snapshots.
    var hanEntries: [[Entry]] { hanGroups.map { $0.flatMap(\.entries) } }
    var latinEntries: [[Entry]] { latinGroups.map { $0.flatMap(\.entries) } }

    static func groups(_ entries: [Entry]) -> [SymbolGroup] {
        var result: [SymbolGroup] = []
        for entry in entries {
            if let index = result.firstIndex(where: { $0.symbol == entry.symbol }) {
                result[index].entries.append(entry)
            } else {
                result.append(SymbolGroup(symbol: entry.symbol, entries: [entry]))
            }
        }
        return result
    }
}

/// A word breaker opened on first use (once, shared by copies of the matcher).
final class LazyWordBreaker: Sendable {
    let locale: String?
    private let state = Locked<TextBreaker??>(nil)

    init(locale: String?) { self.locale = locale }

    var breaker: TextBreaker? {
        guard let locale else { return nil }
        return state.withLock { state in
            if let opened = state { return opened }
            let opened = try? TextBreaker(kind: .word, locale: locale)
            state = .some(opened)
            return opened
        }
    }
}

extension SymbolMatcher {
    /// Whether folded pinyin has one vowel group only (one syllable: "long", "xiao", "jie").
    static func isSingleSyllable(_ folded: [UInt32]) -> Bool {
        func isVowel(_ scalar: UInt32) -> Bool {
            scalar == 0x61 || scalar == 0x65 || scalar == 0x69 || scalar == 0x6F || scalar == 0x75 || scalar == 0x76
        }
        var groups = 0
        var inGroup = false
        for scalar in folded {
            if scalar == 0x20 || scalar == 0x27 { inGroup = false; continue }
            let vowel = isVowel(scalar)
            if vowel && !inGroup { groups += 1 }
            inGroup = vowel
        }
        return groups <= 1
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
