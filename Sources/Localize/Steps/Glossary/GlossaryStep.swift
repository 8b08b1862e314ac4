import Foundation
import Regions
import Subtitles
import SymbolDB

/// `glossary`: makes a target track use the region's approved renderings of cultural symbols.
///
/// In every text node of every target cue (styled cues keep their markup):
/// - a deprecated rendering, leftover pinyin or leftover Chinese of a symbol is replaced by the region's
///   preferred rendering, keeping the case of what it replaces (ALL CAPS stays all caps; a sentence-initial
///   term is capitalized) and everything around it;
/// - preferred and admitted renderings are left alone.
///
/// With a source track (aligned by time, `TrackAlignment`), the source cues' symbols are evidence:
/// - a source symbol whose aligned target cues contain no rendering of it at all is reported `ambiguous`
///   (the translator may have paraphrased; nothing is guessed);
/// - a deprecated rendering shared by several symbols is resolved when exactly one of them is in the
///   aligned source; a deprecated rendering whose symbol is not in the aligned source is reported, not
///   replaced (it may be an ordinary phrase there). Pinyin and Chinese are that symbol whatever the source.
///
/// Reported as `ambiguous`, never guessed: several preferred renderings and none already used in the track;
/// no preferred rendering for the region; one deprecated string of several symbols and no source to choose.
///
/// `inlineGloss: .first` adds a short parenthetical gloss after the first rendering of each symbol in the
/// track when the cue still fits the region's limits (lines once re-flowed, reading speed); otherwise it
/// is skipped silently. The step is idempotent. Chinese-language regions are left to `script`.
public struct GlossaryStep: LocalizeStep {
    /// When to add an inline parenthetical gloss.
    public enum InlineGloss: String, Hashable, Sendable, CaseIterable {
        /// Never.
        case none
        /// After the first occurrence of each symbol in the track (one track = one episode).
        case first
    }

    public let name = "glossary"
    public var inlineGloss: InlineGloss
    /// Shared matchers; built from the context's symbols (and cached) when nil.
    public var matchers: SymbolMatchers?

    public init(inlineGloss: InlineGloss = .none, matchers: SymbolMatchers? = nil) {
        self.inlineGloss = inlineGloss
        self.matchers = matchers
    }

    public func apply(_ track: Track, in context: LocalizeContext) -> StepResult {
        guard !context.symbols.isEmpty, !context.region.isChinese else {
            return StepResult(track: track)
        }
        let matchers = self.matchers ?? SymbolMatchers.shared(for: context.symbols)
        var run = GlossaryRun(step: self, track: track, context: context,
                              target: matchers.target(context.region.tag),
                              chinese: context.matcher.flatMap { $0.options.formKinds.contains(.simplified) ? $0 : nil }
                                ?? matchers.chinese)
        return run.apply()
    }
}

/// The state of one application of `GlossaryStep` to one track.
struct GlossaryRun {
    let step: GlossaryStep
    let original: Track
    let context: LocalizeContext
    let target: SymbolMatcher
    let chinese: SymbolMatcher
    var track: Track
    var changes: [Change] = []
    /// Region renderings by symbol id (symbols without any are absent).
    let terms: [String: ResolvedRenderings]
    /// For each target cue: the symbols of its aligned source cues; nil without a source or aligned cue.
    var evidence: [Set<String>?]
    /// Source symbols per source cue, and the alignment, when there is a source.
    var sourceSymbols: [[SymbolMatch]] = []
    var alignment: TrackAlignment?
    /// Preferred renderings already used in the track, by symbol (to choose among several preferred).
    var used: [String: Set<String>] = [:]
    var glossed = Set<String>()
    let metrics: TextMetrics

    init(step: GlossaryStep, track: Track, context: LocalizeContext, target: SymbolMatcher, chinese: SymbolMatcher) {
        self.step = step
        self.original = track
        self.track = track
        self.context = context
        self.target = target
        self.chinese = chinese
        var terms: [String: ResolvedRenderings] = [:]
        for (id, symbol) in context.symbols {
            if let r = context.region.renderings(of: symbol), !r.isEmpty { terms[id] = r }
        }
        self.terms = terms
        self.metrics = TextMetrics(counting: context.region.limits.charCounting)
        evidence = Array(repeating: nil, count: track.cues.count)
        if let source = context.source {
            let a = TrackAlignment(source: source, target: track)
            alignment = a
            sourceSymbols = source.cues.map { chinese.matches(in: $0.text.plainText) }
            for t in track.cues.indices where !a.sourcesForTarget[t].isEmpty {
                evidence[t] = Set(a.sourcesForTarget[t].flatMap { sourceSymbols[$0].map(\.symbolID) })
            }
        }
    }

    /// Target matches in `text` of cue `t`; an aligned-only rendering only where an aligned source cue holds its symbol.
    func targetMatches(in text: String, cue t: Int) -> [SymbolMatch] {
        target.matches(in: text).filter { !$0.isAlignedOnly || evidence[t]?.contains($0.symbolID) == true }
    }

    mutating func apply() -> StepResult {
        for (i, cue) in track.cues.enumerated() {
            for m in targetMatches(in: cue.text.plainText, cue: i) where m.formKind == .rendering {
                if terms[m.symbolID]?.status(of: m.form) == .preferred, let p = terms[m.symbolID]?.preferred.first(where: {
                    ResolvedRenderings.fold($0) == ResolvedRenderings.fold(m.form) }) {
                    used[m.symbolID, default: []].insert(p)
                }
            }
        }
        let order = track.cues.indices.sorted { track.cues[$0].start < track.cues[$1].start }
        for i in order {
            replaceTerms(in: i)
            if step.inlineGloss == .first { addGlosses(in: i) }
        }
        reportMissing()
        return StepResult(track: track, changes: changes)
    }

    // MARK: Replacement

    /// What a group of matches over one range asks for.
    enum Decision {
        case keep(symbol: String?)
        case replace(symbol: String, with: String, reason: String)
        case report(String)
    }

    mutating func replaceTerms(in i: Int) {
        var preceding = ""
        let nodes = track.cues[i].text.nodes.rewritingText(preceding: &preceding) { text, before in
            rewrite(text, before: before, cue: i)
        }
        track.cues[i].text = CueText(nodes)
    }

    /// `text` with its replaceable terms replaced; records changes and reports.
    mutating func rewrite(_ text: String, before: String, cue i: Int) -> String {
        let groups = Self.groups(targetMatches(in: text, cue: i))
        if groups.isEmpty { return text }
        let utf16 = Array(text.utf16)
        var out = ""
        var cursor = 0
        for group in groups {
            let range = group[0].utf16Range
            out += String(decoding: utf16[cursor..<range.lowerBound], as: UTF16.self)
            cursor = range.upperBound
            let matched = group[0].matchedText
            switch decide(group, cue: i) {
            case .keep:
                out += matched
            case let .report(reason):
                out += matched
                record(.ambiguous, cue: i, reason: reason, before: matched)
            case let .replace(symbol, preferred, reason):
                let initial = Self.isSentenceInitial(before + out)
                var replacement = Self.applyCase(preferred, like: matched, sentenceInitial: initial)
                if let article = terms[symbol]?.article,
                   let phrase = Self.withArticle(article, Self.applyCase(preferred, like: matched, sentenceInitial: false),
                                                 after: before + out, sentenceInitial: initial,
                                                 language: context.region.language) {
                    replacement = phrase
                }
                out += replacement
                if replacement != matched {
                    record(.changed, cue: i, reason: "\(reason) (\(symbol))", before: matched, after: replacement)
                }
            }
        }
        out += String(decoding: utf16[cursor...], as: UTF16.self)
        return out
    }

    func decide(_ group: [SymbolMatch], cue i: Int) -> Decision {
        let matched = group[0].matchedText
        var candidates: [SymbolMatch] = []
        for m in group {
            guard let r = terms[m.symbolID] else { continue }
            // By what is written first: a pinyin form may also be a rendering ("Chang'e").
            switch r.status(of: m.matchedText) ?? (m.formKind == .rendering ? r.status(of: m.form) : nil) {
            case .preferred?, .admitted?: return .keep(symbol: m.symbolID)
            case .deprecated?: candidates.append(m)
            case nil: if m.formKind != .rendering { candidates.append(m) }
            }
        }
        if candidates.isEmpty { return .keep(symbol: nil) }
        let inSource = evidence[i].map { ev in candidates.filter { ev.contains($0.symbolID) } }
        let chosen: SymbolMatch
        if let inSource, inSource.count == 1 {
            chosen = inSource[0]
        } else if candidates.count == 1 {
            chosen = candidates[0]
            if chosen.formKind == .rendering, let inSource, inSource.isEmpty {
                return .report("'\(matched)' is a deprecated rendering of \(chosen.symbolID), but the aligned source has no \(sourceName(chosen.symbolID)); not replaced")
            }
        } else {
            let ids = candidates.map(\.symbolID).joined(separator: ", ")
            return .report("'\(matched)' belongs to several symbols (\(ids)) and nothing tells which; not replaced")
        }
        let r = terms[chosen.symbolID]!
        guard let preferred = choosePreferred(chosen.symbolID, r) else {
            if r.preferred.isEmpty {
                return .report("'\(matched)' (\(chosen.symbolID)) has no preferred rendering for \(context.region.tag); not replaced")
            }
            return .report("\(chosen.symbolID) has several preferred renderings (\(r.preferred.joined(separator: ", "))) and the track uses none or several; '\(matched)' not replaced")
        }
        // An idiom's or a slang term's calque is a phrase the sentence is built around ("I've slept on firewood
        // and tasted gall"): swapping a part of it for the preferred rendering breaks the line, so a translator
        // rewrites it; names and titles are swapped in place.
        if chosen.formKind == .rendering, let category = context.symbols[chosen.symbolID]?.category,
           Self.rewrittenNotReplaced.contains(category) {
            return .report("'\(matched)' is a word-for-word calque of \(sourceName(chosen.symbolID)) (\(chosen.symbolID)); rewrite the line, e.g. with '\(preferred)'; not replaced")
        }
        let reason: String
        switch chosen.formKind {
        case .rendering: reason = "deprecated rendering"
        case .pinyin: reason = "pinyin left in the translation"
        default: reason = "Chinese left in the translation"
        }
        return .replace(symbol: chosen.symbolID, with: preferred, reason: reason)
    }

    /// Categories whose deprecated renderings are calques of whole phrases: reported for a rewrite, never swapped.
    static let rewrittenNotReplaced: Set<SymbolDB.Category> = [.idiom, .slang]

    func choosePreferred(_ id: String, _ r: ResolvedRenderings) -> String? {
        if r.preferred.count == 1 { return r.preferred[0] }
        let inUse = r.preferred.filter { used[id]?.contains($0) == true }
        return inUse.count == 1 ? inUse[0] : nil
    }

    func sourceName(_ id: String) -> String {
        context.symbols[id]?.forms.simplified.first ?? id
    }

    /// Matches over the very same range (a form shared by several symbols) grouped together.
    static func groups(_ matches: [SymbolMatch]) -> [[SymbolMatch]] {
        var out: [[SymbolMatch]] = []
        for m in matches {
            if let last = out.last?.first, last.utf16Range == m.utf16Range { out[out.count - 1].append(m) } else { out.append([m]) }
        }
        return out
    }

    // MARK: Case

    /// `preferred` in the case of `matched`: ALL CAPS stays all caps; at the start of a sentence the first
    /// letter is capitalized; otherwise the glossary's own case (proper nouns stay capitalized).
    static func applyCase(_ preferred: String, like matched: String, sentenceInitial: Bool) -> String {
        let letters = matched.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count >= 2, letters.allSatisfy({ $0.properties.isUppercase }) { return preferred.uppercased() }
        if sentenceInitial, let first = preferred.first, first.isLowercase {
            return first.uppercased() + preferred.dropFirst()
        }
        return preferred
    }

    // MARK: Article

    /// Words that already determine a noun (articles, demonstratives, possessives), by language subtag.
    static let determiners: [String: Set<String>] = [
        "en": ["the", "a", "an", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their", "whose", "every", "each", "no"],
        "es": ["el", "la", "los", "las", "un", "una", "al", "del", "este", "esta", "ese", "esa", "mi", "tu", "su", "nuestro", "nuestra"],
        "pt": ["o", "a", "os", "as", "um", "uma", "do", "da", "no", "na", "ao", "pelo", "pela", "este", "esta", "meu", "minha", "seu", "sua"],
        "fr": ["le", "la", "les", "l'", "un", "une", "du", "au", "aux", "des", "ce", "cette", "mon", "ma", "ton", "ta", "son", "sa", "notre", "votre", "leur"],
        "de": ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "im", "am", "zum", "zur", "vom", "beim", "mein", "meine", "sein", "seine", "ihr", "ihre"],
    ]

    /// `rendering` with the article its data asks for (`article: the` → "the Mid-Autumn Festival"), or nil
    /// when the text before it already has a determiner or a possessive ("Lin's"; "it's" does not count).
    /// A sentence-initial article is capitalized (the rendering keeps its own case); French `le`/`la` elide
    /// before a vowel ("l'Enfer").
    static func withArticle(_ article: String, _ rendering: String, after before: String, sentenceInitial: Bool,
                            language: String) -> String? {
        let base = String(language.lowercased().prefix(while: { $0 != "-" }))
        let trimmed = before.trimmingCharacters(in: .whitespaces)
        let previous = trimmed.split(whereSeparator: { $0 == " " || $0 == "\n" }).last.map { String($0).lowercased() } ?? ""
        let bare = previous.trimmingCharacters(in: CharacterSet(charactersIn: "\"'“”‘’«¿¡("))
        let known = (determiners[base] ?? []).union([article.lowercased()])
        // Greetings take the bare name ("Happy Mid-Autumn Festival").
        if base == "en", ["happy", "merry"].contains(bare) { return nil }
        if known.contains(bare) || (base == "fr" && (bare.hasSuffix("l'") || bare.hasSuffix("l’"))) { return nil }
        if base == "en", bare.hasSuffix("'s") || bare.hasSuffix("’s"), !["it's", "it’s", "that's", "that’s", "what's", "there's", "here's", "he's", "she's", "who's"].contains(bare) { return nil }
        // The rendering carries its own article already ("The Moon Goddess").
        let firstWord = rendering.split(separator: " ").first.map { $0.lowercased() } ?? ""
        if known.contains(firstWord) { return nil }
        let body = rendering
        var lead = article
        var joiner = " "
        if base == "fr", ["le", "la"].contains(article.lowercased()), let c = rendering.first.map({ String($0).lowercased() }),
           "aeiouhéèêàâîôû".contains(c) {
            lead = "l'"; joiner = ""
        }
        let letters = rendering.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count >= 2, letters.allSatisfy({ $0.properties.isUppercase }) { lead = lead.uppercased() }
        else if sentenceInitial, let f = lead.first { lead = f.uppercased() + lead.dropFirst() }
        return lead + joiner + body
    }

    /// Whether text that follows `before` (in the same cue) starts a sentence.
    static func isSentenceInitial(_ before: String) -> Bool {
        let opening: Set<Character> = ["\"", "'", "“", "‘", "«", "¿", "¡", "(", "[", "-", "–", "—", "♪", "„"]
        var rest = Substring(before)
        while let last = rest.last, last.isWhitespace || opening.contains(last) { rest.removeLast() }
        guard let last = rest.last else { return true }
        return [".", "!", "?", "…", "。", "！", "？"].contains(last)
    }

    // MARK: Inline gloss

    /// Adds a gloss after the first rendering of each symbol not seen before in the track, when it fits.
    mutating func addGlosses(in i: Int) {
        let plain = track.cues[i].text.plainText
        for group in Self.groups(targetMatches(in: plain, cue: i)) {
            guard case let .keep(symbol?) = decide(group, cue: i), !glossed.contains(symbol) else { continue }
            glossed.insert(symbol)
            guard let gloss = shortGloss(symbol, shown: group[0].matchedText) else { continue }
            let insertion = " (\(gloss))"
            let after = String(decoding: Array(plain.utf16)[group[0].utf16Range.upperBound...], as: UTF16.self)
            if after.hasPrefix(" (") { continue }   // already glossed (or followed by a parenthesis)
            // Insert in the text node that holds the rendering's end.
            var done = false
            var preceding = ""
            let nodes = track.cues[i].text.nodes.rewritingText(preceding: &preceding) { text, before in
                let start = before.utf16.count
                let end = group[0].utf16Range.upperBound
                guard !done, end > start, end <= start + text.utf16.count else { return text }
                done = true
                let utf16 = Array(text.utf16)
                return String(decoding: utf16[..<(end - start)], as: UTF16.self) + insertion
                    + String(decoding: utf16[(end - start)...], as: UTF16.self)
            }
            let candidate = CueText(nodes)
            guard done, fits(candidate.plainText, duration: track.cues[i].duration) else { continue }
            record(.changed, cue: i, reason: "inline gloss for the first occurrence (\(symbol))",
                   before: group[0].matchedText, after: group[0].matchedText + insertion)
            track.cues[i].text = candidate
            return addGlosses(in: i)   // offsets moved: look again (glossed symbols are skipped)
        }
    }

    /// A short gloss: the symbol's gloss (in the region's gloss-language order) when its first sentence is
    /// at most 32 characters, else its first admitted rendering that is not the one shown.
    func shortGloss(_ id: String, shown: String) -> String? {
        guard let symbol = context.symbols[id] else { return nil }
        for language in context.region.glossLanguages + [context.region.language] {
            guard let gloss = symbol.gloss[language] else { continue }
            var sentence = Substring(gloss)
            if let end = sentence.firstIndex(where: { ".!?。".contains($0) }) { sentence = sentence[..<end] }
            let trimmed = String(sentence).trimmingSpaces
            if !trimmed.isEmpty && trimmed.count <= 32 { return trimmed }
            break
        }
        return terms[id]?.admitted.first { ResolvedRenderings.fold($0) != ResolvedRenderings.fold(shown) }
    }

    /// Whether text fits the region's limits (lines and reading speed) once re-flowed greedily at spaces.
    func fits(_ text: String, duration: TimeLength) -> Bool {
        let limits = context.lineLimits
        var lines: [String] = []
        var current = "", currentLength = 0.0
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let length = metrics.length(word)
            if current.isEmpty {
                current = String(word); currentLength = length
            } else if currentLength + 1 + length <= Double(limits.maxCharsPerLine) {
                current += " " + word; currentLength += 1 + length
            } else {
                lines.append(current)
                current = String(word); currentLength = length
            }
        }
        if !current.isEmpty { lines.append(current) }
        return context.region.limits.violations(ofText: lines.joined(separator: "\n"), duration: duration,
                                                orientation: context.orientation).isEmpty
    }

    // MARK: Missing renderings

    /// Source symbols whose aligned target cues hold no rendering of them at all.
    mutating func reportMissing() {
        guard let alignment, let source = context.source else { return }
        var reported = Set<String>()
        // Symbols found in each target cue's final text, matched once per cue on first need.
        var found: [Set<String>?] = Array(repeating: nil, count: track.cues.count)
        func symbols(in t: Int) -> Set<String> {
            if let known = found[t] { return known }
            let ids = Set(targetMatches(in: track.cues[t].text.plainText, cue: t).map(\.symbolID))
            found[t] = ids
            return ids
        }
        for s in source.cues.indices {
            let targets = alignment.targetsForSource[s]
            guard let first = targets.first else { continue }
            for m in sourceSymbols[s] where terms[m.symbolID] != nil {
                let key = "\(first)|\(m.symbolID)"
                if reported.contains(key) { continue }
                let present = targets.contains { t in symbols(in: t).contains(m.symbolID) }
                if present { continue }
                reported.insert(key)
                let r = terms[m.symbolID]!
                record(.ambiguous, cue: first,
                       reason: "source has \(m.matchedText) (\(m.symbolID)) but the translation has no rendering of it (expected \((r.preferred + r.admitted).joined(separator: " / ")))")
            }
        }
    }

    mutating func record(_ kind: Change.Kind, cue i: Int, reason: String, before: String? = nil, after: String? = nil) {
        changes.append(Change(step: step.name, kind: kind, cue: original.cueLabel(i), start: original.cues[i].start,
                              reason: reason, before: before, after: after))
    }
}

extension Array where Element == Inline {
    /// The nodes with every text node (outside ruby) rewritten in document order; `transform` also gets
    /// the cue's plain text before the node (`preceding`, which this advances).
    func rewritingText(preceding: inout String, _ transform: (String, String) -> String) -> [Inline] {
        var out: [Inline] = []
        for node in self {
            switch node {
            case let .text(s):
                let new = transform(s, preceding)
                preceding += new
                out.append(.text(new))
            case .lineBreak:
                preceding += "\n"
                out.append(node)
            case let .span(span, children):
                out.append(.span(span, children.rewritingText(preceding: &preceding, transform)))
            case let .ruby(base, _):
                Inline.appendPlain(base, to: &preceding)
                out.append(node)
            case .timestamp:
                out.append(node)
            }
        }
        return out
    }
}
