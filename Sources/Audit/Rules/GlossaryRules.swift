import Localize
import Regions
import Subtitles
import SymbolDB

/// Glossary consistency: renderings against the aligned source, deprecated terms, pinyin and Chinese left
/// in, one symbol rendered two ways, and renderings without a source symbol.
enum GlossaryRules {
    /// A symbol rendered at a target cue: with a listed term, or paraphrased without one.
    struct Use {
        var cue: Int
        var rendering: RenderingUse
        /// nil: paraphrased, no listed term.
        var term: String? { rendering.form.isEmpty ? nil : rendering.form }
    }

    /// Appends findings; returns each symbol's (and source form's) first acceptable rendering in the episode.
    static func check(_ scan: EpisodeScan, into findings: inout [Finding]) -> [String: RenderingUse] {
        let context = scan.context
        var uses: [Use] = []

        for (index, matches) in scan.targetMatches.enumerated() {
            var reportedSpans: [Range<Int>] = []
            for match in RenderingJudge.reportable(matches, held: { scan.alignedSourceForm(of: $0, targetCue: index) != nil }) {
                guard let symbol = context.symbols[match.symbolID] else { continue }
                let preferred = context.renderings(of: symbol)?.preferred.first
                // A term several symbols share is one problem at one place.
                if match.formKind == .pinyin || match.renderingStatus == .deprecated {
                    if reportedSpans.contains(where: { $0.overlaps(match.utf16Range) }) { continue }
                    reportedSpans.append(match.utf16Range)
                }
                // A deprecated term that is the symbol's pinyin ("Longwang") is a pinyin leftover.
                let isPinyin = match.formKind == .pinyin
                    || (match.renderingStatus == .deprecated && RenderingJudge.isTransliteration(match.matchedText, of: symbol, context.judge.matcher))
                switch (isPinyin ? .pinyin : match.formKind, match.renderingStatus) {
                case (.pinyin, _):
                    findings.append(scan.finding(
                        AuditRules.glossaryPinyinLeftover, cue: index,
                        message: "\(symbol.id) is left in pinyin ('\(match.matchedText)')"
                            + (preferred.map { "; the glossary renders it '\($0)'" } ?? ""),
                        text: match.matchedText, expected: preferred,
                        fix: preferred.map { "Replace '\(match.matchedText)' with '\($0)'." }, symbol: symbol.id))
                case (.rendering, .deprecated?):
                    // The episode's own earlier rendering is named: the translator knows the term.
                    let earlier = acceptableUse(of: symbol.id, before: index, in: uses)
                    if let renamed = renamed(scan, symbol, term: match.matchedText, cue: index, earlier: earlier) {
                        findings.append(renamed)
                        continue
                    }
                    findings.append(scan.finding(
                        AuditRules.glossaryDeprecated, cue: index,
                        message: "'\(match.matchedText)' is a deprecated rendering of \(symbol.id)"
                            + (preferred.map { "; use '\($0)'" } ?? "") + (earlier.map { " (the episode has '\($0.rendering.matchedText)' at \($0.rendering.location.start?.description ?? "an earlier cue"))" } ?? ""),
                        text: match.matchedText, expected: preferred,
                        fix: preferred.map { "Replace '\(match.matchedText)' with '\($0)'." }, symbol: symbol.id))
                case (.rendering, _):
                    // With a source, a rendering is this symbol only where the aligned source holds it.
                    guard let sourceForm = scan.alignedSourceForm(of: symbol.id, targetCue: index) else { continue }
                    uses.append(Use(cue: index, rendering: RenderingUse(
                        symbolID: symbol.id, sourceForm: sourceForm, form: match.form, matchedText: match.matchedText,
                        location: scan.targetLocation(index))))
                default:
                    break
                }
            }
            if context.flagsHan { untranslatedChinese(scan, index, into: &findings) }
        }

        if let source = scan.source, let alignment = scan.alignment {
            againstSource(scan, source, alignment, uses: &uses, into: &findings)
        }
        return consistency(scan, uses, into: &findings)
    }

    /// One rendering per symbol and source form within the episode; a paraphrase after a listed term counts
    /// as a change. Several renderings in one cue render several occurrences and are not compared.
    private static func consistency(_ scan: EpisodeScan, _ uses: [Use], into findings: inout [Finding]) -> [String: RenderingUse] {
        let context = scan.context
        var first: [String: Use] = [:]
        var transliterationsReported = Set<Int>()
        for use in uses.sorted(by: { $0.cue < $1.cue }) {
            let key = use.rendering.symbolID + "\u{0}" + (context.symbols[use.rendering.symbolID].map { coreForm(use.rendering.sourceForm, of: $0) } ?? use.rendering.sourceForm)
            guard let used = first[key] else {
                if use.term != nil { first[key] = use }
                continue
            }
            guard used.cue != use.cue else { continue }
            let symbolID = use.rendering.symbolID
            guard let symbol = context.symbols[symbolID], let renderings = context.renderings(of: symbol),
                  isInconsistent(used.term, use.term, symbol: symbol, renderings, context.judge.matcher) else { continue }
            let preferred = renderings.preferred.first
            // A transliteration next to a translation: the transliteration is the one to change, wherever it is.
            if let earlier = used.term, let later = use.term {
                let matcher = context.judge.matcher
                let pinyin = RenderingJudge.isTransliteration(earlier, of: symbol, matcher) ? used
                    : RenderingJudge.isTransliteration(later, of: symbol, matcher) ? use : nil
                if let pinyin {
                    let other = pinyin.cue == use.cue ? used : use
                    guard transliterationsReported.insert(pinyin.cue).inserted else { continue }
                    findings.append(scan.finding(
                        AuditRules.glossaryPinyinLeftover, cue: pinyin.cue,
                        message: "\(symbolID) is left in pinyin ('\(pinyin.rendering.matchedText)') but translated '\(other.rendering.matchedText)' at \(other.rendering.location.start?.description ?? "another cue") in this episode",
                        text: pinyin.rendering.matchedText, expected: other.rendering.form,
                        fix: "Use one rendering throughout: '\(other.rendering.form)'.", symbol: symbolID))
                    continue
                }
            }
            let form = use.rendering.sourceForm.isEmpty ? "" : " (\(use.rendering.sourceForm))"
            let here = use.term == nil ? "without that term here ('\(excerpt(scan.targetTexts[use.cue]))')" : "'\(use.rendering.matchedText)' here"
            findings.append(scan.finding(
                AuditRules.glossaryInconsistent, cue: use.cue,
                message: "\(symbolID)\(form) is rendered \(here) but '\(used.rendering.matchedText)' at \(used.rendering.location.start?.description ?? "an earlier cue") in this episode",
                text: use.term == nil ? excerpt(scan.targetTexts[use.cue]) : use.rendering.matchedText, expected: used.rendering.form,
                fix: "Use one rendering throughout: '\(preferred ?? used.rendering.form)'.", symbol: symbolID))
        }
        var result: [String: RenderingUse] = [:]
        for use in first.values.sorted(by: { $0.cue < $1.cue }) where result[use.rendering.consistencyKey] == nil {
            result[use.rendering.consistencyKey] = use.rendering
        }
        return result
    }

    /// The shortest form of the symbol (two characters or more) inside `form`: 太子 for 太子殿下 and 皇太子, 淑妃 for
    /// 淑妃娘娘. A form with an honorific or a prefix names the same referent, so its renderings are compared; forms
    /// that contain none of each other (淑妃, 华妃: two consorts) stay apart.
    static func coreForm(_ form: String, of symbol: Symbol) -> String {
        symbol.forms.simplified.filter { $0.count >= 2 && $0.count < form.count && form.contains($0) }
            .min { $0.count < $1.count } ?? form
    }

    /// A capitalised word in target cue `index` that starts no sentence and that neither a glossary match there nor
    /// the pinyin of the aligned source's characters (a name: "Gu", "Qingxue") explains: a name the line introduces.
    static func unknownName(in index: Int, _ scan: EpisodeScan, sources: [Int]) -> String? {
        let raw = scan.targetTexts[index]
        var units = Array(raw.utf16)
        for m in scan.targetMatches[index] { for k in m.utf16Range where units.indices.contains(k) { units[k] = 0x20 } }
        let lines = sources.compactMap { scan.input.source?.text(at: $0) }
        var sentenceStart = true
        var word = ""
        func check(_ w: String) -> String? {
            defer { sentenceStart = false }
            guard !sentenceStart, let first = w.first, first.isUppercase, w != "I", !w.hasPrefix("I'") else { return nil }
            let letters = PinyinReading.letters(w)
            for line in lines {
                let chars = Array(line)
                for start in chars.indices {
                    var run = ""
                    for end in start..<min(chars.count, start + 3) {
                        run.append(chars[end])
                        if PinyinReading.squeezed(run) == letters { return nil }
                    }
                }
            }
            return w
        }
        for ch in String(decoding: units, as: UTF16.self) {
            if ch.isLetter || ch == "'" { word.append(ch); continue }
            if !word.isEmpty { if let name = check(word) { return name }; word = "" }
            if ".!?…".contains(ch) { sentenceStart = true }
        }
        return word.isEmpty ? nil : check(word)
    }

    /// Runs of Chinese characters left in a target cue.
    private static func untranslatedChinese(_ scan: EpisodeScan, _ index: Int, into findings: inout [Finding]) {
        var runs: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in scan.targetTexts[index].unicodeScalars {
            if isHan(scalar.value) {
                current.append(scalar)
            } else if !current.isEmpty {
                runs.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { runs.append(String(current)) }
        guard !runs.isEmpty else { return }
        let text = runs.joined(separator: " … ")
        // The symbol the run belongs to (金丹 of 金丹期 in the aligned source): the fix names its rendering.
        let context = scan.context
        var named: (id: String, term: String)?
        if let source = scan.source, let alignment = scan.alignment {
            for s in alignment.sourcesForTarget[index] {
                for m in source.matches[s] where runs.contains(where: { m.matchedText.contains($0) || $0.contains(m.matchedText) }) {
                    if let symbol = context.symbols[m.symbolID], let term = context.renderings(of: symbol)?.preferred.first {
                        named = (m.symbolID, term)
                        break
                    }
                }
                if named != nil { break }
            }
        }
        findings.append(scan.finding(AuditRules.glossaryUntranslatedChinese, cue: index,
                                     message: "Chinese text left untranslated: '\(text)'" + (named.map { " (\($0.id))" } ?? ""), text: text,
                                     expected: named?.term, fix: named.map { "Replace '\(text)' with '\($0.term)'." }, symbol: named?.id))
    }

    static func isHan(_ v: UInt32) -> Bool {
        (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x3134F).contains(v)
    }

    /// Each source symbol rendered acceptably in the aligned target cues; target renderings with a source symbol.
    private static func againstSource(_ scan: EpisodeScan, _ source: SourceAnalysis, _ alignment: TrackAlignment,
                                      uses: inout [Use], into findings: inout [Finding]) {
        let context = scan.context
        let judge = context.judge
        // Prepared target texts, for the few cues aligned with the source cues at hand (both tracks are in time
        // order): emptied when full, so a big track never holds one per cue; preparing is a pure function.
        var prepared: [Int: RenderingText] = [:]
        func text(_ i: Int) -> (cue: Int, text: RenderingText) {
            if let t = prepared[i] { return (i, t) }
            let t = judge.matcher.prepare(scan.targetTexts[i])
            if prepared.count >= 4096 { prepared.removeAll(keepingCapacity: true) }
            prepared[i] = t
            return (i, t)
        }

        // The content words of a symbol's terms and gloss (computed once per symbol, not per aligned cue).
        func ownWords(_ renderings: ResolvedRenderings, gloss: String?) -> Set<String> {
            var own = Set((renderings.acceptable + renderings.paraphrases + renderings.deprecated).flatMap(judge.matcher.contentWords))
            if let gloss { own.formUnion(judge.matcher.contentWords(gloss)) }
            return own
        }
        // A target cue with other symbols' renderings blanked (aligned-only terms too) where they carry a word
        // foreign to `own`, the symbol's words: such a rendering names another concept.
        func withoutOtherSymbols(_ i: Int, except symbol: Symbol, own: Set<String>) -> RenderingText {
            let raw = scan.targetTexts[i]
            let others = context.targetMatcher.matches(in: raw).filter {
                $0.symbolID != symbol.id && $0.formKind == .rendering
                    && judge.matcher.contentWords($0.matchedText).contains { !own.contains($0) }
            }
            guard !others.isEmpty else { return text(i).text }
            var units = Array(raw.utf16)
            for m in others { for k in m.utf16Range where units.indices.contains(k) { units[k] = 0x20 } }
            return judge.matcher.prepare(String(decoding: units, as: UTF16.self))
        }

        for sourceIndex in source.matches.indices where !source.matches[sourceIndex].isEmpty {
            let symbolIDs = source.symbolIDs(at: sourceIndex)
            let targets = alignment.targetsForSource[sourceIndex]
            guard let firstTarget = targets.first else { continue }
            for id in symbolIDs.sorted() {
                guard let symbol = context.symbols[id], let renderings = context.renderings(of: symbol),
                      !renderings.acceptable.isEmpty else { continue }
                // Any form of the symbol in an aligned target cue: acceptable is fine, the others have their own rules.
                if targets.contains(where: { t in scan.targetMatches[t].contains { $0.symbolID == id } }) { continue }
                let match = source.matches[sourceIndex].first { $0.symbolID == id }
                let sourceText = match?.matchedText ?? symbol.forms.simplified.first ?? id
                let sourceForm = match?.form ?? sourceText
                func use(_ cue: Int, _ term: String) -> Use {
                    Use(cue: cue, rendering: RenderingUse(symbolID: id, sourceForm: sourceForm, form: term, matchedText: term,
                                                          location: scan.targetLocation(cue)))
                }
                let expected = judge.expected(renderings, form: sourceText, symbol: symbol)
                // The source term read out in pinyin ("Yushanfang"), in a spelling the glossary does not list.
                let readForms = [sourceText] + symbol.forms.simplified.filter { $0 != sourceText && $0.count >= 2 && sourceText.contains($0) }
                if let hit = targets.lazy.compactMap({ t in
                    RenderingJudge.pinyinReading(readForms, of: symbol, renderings, in: scan.targetTexts[t]).map { (t, $0.span, $0.acceptable) }
                }).first {
                    if let term = hit.2 {
                        uses.append(use(hit.0, term))
                        continue
                    }
                    let preferred = renderings.preferred.first
                    findings.append(scan.finding(
                        AuditRules.glossaryPinyinLeftover, cue: hit.0,
                        message: "\(id) (\(sourceText)) is left in pinyin ('\(hit.1)')" + (preferred.map { "; the glossary renders it '\($0)'" } ?? ""),
                        text: hit.1, expected: preferred,
                        fix: preferred.map { "Replace '\(hit.1)' with '\($0)'." }, symbol: id))
                    continue
                }
                let gloss = symbol.gloss[context.region.language] ?? symbol.gloss["en"]
                var verdict = judge.judge(renderings, in: targets.map(text), gloss: gloss)
                // The shared words belong to another symbol's rendering there ("fake marriage", the contract
                // marriage, for 闪婚 "flash marriage"): the line renders that concept, not a paraphrase of this one.
                if case .paraphrased = verdict {
                    let own = ownWords(renderings, gloss: gloss)
                    if judge.judge(renderings, in: targets.map { ($0, withoutOtherSymbols($0, except: symbol, own: own)) }, gloss: gloss) == .missing {
                        verdict = .missing
                    }
                }
                switch verdict {
                case .rendered(let term, let cue):
                    uses.append(use(cue, term))
                case .paraphrased(let cue):
                    uses.append(use(cue, ""))
                case .deprecated(let term, let cue):
                    if let renamed = renamed(scan, symbol, term: term, cue: cue, earlier: acceptableUse(of: id, before: cue, in: uses)) {
                        findings.append(renamed)
                        continue
                    }
                    findings.append(scan.finding(
                        AuditRules.glossaryDeprecated, cue: cue,
                        message: "source has \(sourceText) (\(id)) and the aligned target cue renders it with the deprecated '\(term)' (a literal calque)"
                            + (expected.map { "; use '\($0)'" } ?? ""),
                        text: excerpt(scan.targetTexts[cue]), expected: expected,
                        fix: expected.map { "Replace the calque with '\($0)' or a natural equivalent." } ?? "Replace the calque with a natural equivalent.",
                        symbol: id))
                case .calque(let words, let cue):
                    let preferred = renderings.preferred.first
                    findings.append(scan.finding(
                        AuditRules.glossaryDeprecated, cue: cue,
                        message: "source has \(sourceText) (\(id)) and the aligned target cue renders it word for word (\(words.map { "'\($0)'" }.joined(separator: ", ")) from its literal reading): a calque"
                            + (expected.map { "; use '\($0)'" } ?? ""),
                        text: excerpt(scan.targetTexts[cue]), expected: expected,
                        fix: "Render the sense, not the characters" + ((expected ?? preferred).map { ": '\($0)' or a natural equivalent." } ?? "."), symbol: id))
                case .missing:
                    // Address and self-reference terms are carried by the register, a name or a pronoun: no finding.
                    if RenderingJudge.isAddressTerm(symbol, renderings) { continue }
                    // A one-character form is mostly part of a name or compound (妃 in 淑妃, "Consort Shu" or "her"):
                    // too weak a sign to call a missing rendering.
                    if sourceText.count == 1 { continue }
                    // Named in the neighbouring target cue, referred to here ("mooncakes …", then "those").
                    let neighbours = [targets.min()! - 1, targets.max()! + 1].filter { scan.targetTexts.indices.contains($0) }
                    if judge.isNamed(renderings, in: neighbours.map(text)) { continue }
                    let negated = RenderingJudge.isNegatedForm(sourceText, of: symbol)
                    // A referent the episode has already named with a listed term, left implicit or called "her" here
                    // (淑妃 as "The Empress Dowager backs her", 宫宴 dropped from "Consort Shu will serve them"): a
                    // subtitler condenses what the viewer already knows. Not where the line shares a word with one of
                    // the symbol's terms (a wrong rendering, "fake marriage"), calls someone by a name nothing explains
                    // (perhaps the referent renamed: "Lady Hua" after "Noble Consort"), or the source negates the term.
                    // A title written with a name (萧盟主, 顾总): the name in the line ("Xiao", "Mr. Gu") carries it.
                    if RenderingJudge.namesCharacter(symbol), let line = scan.input.source?.text(at: sourceIndex),
                       targets.contains(where: { PinyinReading.nameBeside(sourceText, in: line, isIn: scan.targetTexts[$0]) }) { continue }
                    if !negated, RenderingJudge.isReferent(symbol), acceptableUse(of: id, before: firstTarget, in: uses) != nil,
                       judge.judge(renderings, in: targets.map(text)) == .missing,
                       !targets.contains(where: { unknownName(in: $0, scan, sources: Array(alignment.sourcesForTarget[$0])) != nil }) { continue }
                    let others = renderings.acceptable.filter { $0 != expected && (!negated || judge.matcher.language.isNegated($0)) }
                    findings.append(scan.finding(
                        AuditRules.glossaryNotPreferred, cue: firstTarget,
                        message: "source has \(sourceText) (\(id)) but the aligned target cue has no preferred or admitted rendering"
                            + (expected.map { "; expected '\($0)'" } ?? (negated ? "; expected a rendering of the negated sense" : "")),
                        text: excerpt(scan.targetTexts[firstTarget]), expected: expected,
                        fix: (expected.map { "Render \(sourceText) as '\($0)'" } ?? "Render the sense of \(sourceText)")
                            + (others.isEmpty ? "." : " (admitted: \(others.map { "'\($0)'" }.joined(separator: ", "))).")
                        , symbol: id))
                }
            }
        }

        for (targetIndex, matches) in scan.targetMatches.enumerated() {
            let sources = alignment.sourcesForTarget[targetIndex]
            guard !sources.isEmpty else { continue }
            let held = Set(sources.flatMap { source.matches[$0].map(\.symbolID) })
            // Every term and gloss word of the symbols the aligned source holds: a rendering they share explains the match.
            var explained = Set<String>()
            var heldTerms: [String] = []
            var glossWords = Set<String>()
            for heldID in held {
                guard let symbol = context.symbols[heldID] else { continue }
                if let r = context.renderings(of: symbol) {
                    for term in r.acceptable + r.deprecated + r.paraphrases {
                        explained.insert(ResolvedRenderings.fold(term))
                        heldTerms.append(term)
                    }
                }
                if let gloss = symbol.gloss[context.region.language] ?? symbol.gloss["en"] {
                    glossWords.formUnion(judge.matcher.contentWords(gloss))
                }
            }
            let sourceTexts = sources.compactMap { scan.input.source?.text(at: $0) }
            var reported = Set<String>()
            var reportedSpans: [Range<Int>] = []
            // Only a preferred term is evidence of its symbol: admitted terms are looser and often render a
            // neighbouring concept the glossary lacks ("fellow cultivators" for 道友, "Nine Heavens" for 九霄).
            for match in matches where match.formKind == .rendering && match.renderingStatus == .preferred {
                let id = match.symbolID
                if reported.contains(id) || held.contains(id) { continue }
                // A rendering shared with another match at the same place, one of them in the source.
                let sharers = matches.filter { $0.formKind == .rendering && $0.utf16Range.overlaps(match.utf16Range) }
                if sharers.contains(where: { held.contains($0.symbolID) }) { continue }
                if explained.contains(ResolvedRenderings.fold(match.form)) || explained.contains(ResolvedRenderings.fold(match.matchedText)) { continue }
                // The symbol's own Chinese form in the source, even where its sense model or a context rule judged
                // that use ordinary (月饼 in 月饼我收下了: "mooncakes" has its counterpart), or part of its
                // name (鬼门 of 鬼门关 in 鬼门开).
                if let symbol = context.symbols[id], sharesChineseBigram(symbol, sourceTexts) { continue }
                if heldTerms.contains(where: { judge.matcher.isPart(match.matchedText, of: $0) }) { continue }
                if judge.matcher.contentWords(match.matchedText).contains(where: glossWords.contains) { continue }
                // The pinyin of the aligned source's own characters ("Qi" of 七夕 in "Qi Xi"), not another symbol.
                if PinyinReading.spells(match.matchedText, in: sourceTexts) { continue }
                // A term several symbols share is reported once, naming them all.
                if reportedSpans.contains(where: { $0.overlaps(match.utf16Range) }) { continue }
                reportedSpans.append(match.utf16Range)
                reported.insert(id)
                let ids = sharers.map(\.symbolID).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                let head = context.symbols[id]?.forms.simplified.first ?? id
                let named = ids.count > 1
                    ? "one of \(ids.map { "\($0) (\(context.symbols[$0]?.forms.simplified.first ?? $0))" }.joined(separator: ", "))"
                    : "\(id) (\(head))"
                findings.append(scan.finding(
                    AuditRules.glossaryUnexpectedSymbol, cue: targetIndex,
                    message: "'\(match.matchedText)' renders \(named), which is not in the aligned source cue",
                    text: match.matchedText, expected: nil,
                    fix: "Check the line against the source; \(ids.count > 1 ? "none of them occurs" : "\(head) does not occur") there.", symbol: id))
            }
        }
    }

    /// A deprecated title or name after the episode named the symbol with a listed one ("Noble Consort" at cue 18,
    /// "Precious Concubine" at cue 24): the viewer sees one person renamed, so this is one `inconsistent` finding whose
    /// fix is the episode's own term, not a `deprecated` one beside it. nil when the earlier term is no name or title
    /// or the symbol names no character (a calque of an idiom stays a calque, and "Mooncake Festival" is wrong on its
    /// own, whatever the episode said before).
    private static func renamed(_ scan: EpisodeScan, _ symbol: Symbol, term: String, cue: Int, earlier: Use?) -> Finding? {
        guard let earlier, let name = earlier.term, RenderingJudge.isNameLike(name), RenderingJudge.namesCharacter(symbol) else { return nil }
        let symbolID = symbol.id
        let at = earlier.rendering.location.start?.description ?? "an earlier cue"
        return scan.finding(
            AuditRules.glossaryInconsistent, cue: cue,
            message: "\(symbolID) is rendered '\(term)' here (a deprecated rendering) but '\(earlier.rendering.matchedText)' at \(at) in this episode",
            text: term, expected: name,
            fix: "Replace '\(term)' with '\(name)', the episode's own rendering at \(at).", symbol: symbolID)
    }

    /// The first use of a listed term for `symbolID` before target cue `cue`.
    private static func acceptableUse(of symbolID: String, before cue: Int, in uses: [Use]) -> Use? {
        uses.filter { $0.rendering.symbolID == symbolID && $0.term != nil && $0.cue < cue }.min { $0.cue < $1.cue }
    }

    /// Whether rendering a symbol `later` after `earlier` (nil: paraphrased) is an inconsistency (see
    /// ``RenderingJudge/isInconsistent(_:_:symbol:_:_:)``).
    static func isInconsistent(_ earlier: String?, _ later: String?, symbol: Symbol? = nil, _ renderings: ResolvedRenderings,
                               _ matcher: TolerantTermMatcher) -> Bool {
        RenderingJudge.isInconsistent(earlier, later, symbol: symbol, renderings, matcher)
    }

    /// Whether a source text holds two consecutive characters of one of the symbol's Chinese forms.
    static func sharesChineseBigram(_ symbol: Symbol, _ texts: [String]) -> Bool {
        for form in symbol.forms.simplified + symbol.forms.traditional {
            let chars = Array(form)
            guard chars.count >= 2 else { continue }
            if texts.contains(where: { $0.contains(form) }) { return true }
            guard chars.count >= 3 else { continue }
            for i in 0..<(chars.count - 1) {
                let bigram = String(chars[i...i + 1])
                if texts.contains(where: { $0.contains(bigram) }) { return true }
            }
        }
        return false
    }
}
