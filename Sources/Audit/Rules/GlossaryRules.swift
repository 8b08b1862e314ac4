import Localize
import Regions
import Subtitles
import SymbolDB

/// Glossary consistency: renderings against the aligned source, deprecated terms, pinyin and Chinese left
/// in, one symbol rendered two ways, and renderings without a source symbol.
enum GlossaryRules {
    /// Appends findings; returns each symbol's (and source form's) first acceptable rendering in the episode.
    static func check(_ scan: EpisodeScan, into findings: inout [Finding]) -> [String: RenderingUse] {
        let context = scan.context
        var first: [String: RenderingUse] = [:]

        for (index, matches) in scan.targetMatches.enumerated() {
            for match in matches {
                guard let symbol = context.symbols[match.symbolID] else { continue }
                let preferred = context.renderings(of: symbol)?.preferred.first
                switch (match.formKind, match.renderingStatus) {
                case (.rendering, .deprecated?):
                    findings.append(scan.finding(
                        AuditRules.glossaryDeprecated, cue: index,
                        message: "'\(match.matchedText)' is a deprecated rendering of \(symbol.id)"
                            + (preferred.map { "; use '\($0)'" } ?? ""),
                        text: match.matchedText, expected: preferred,
                        fix: preferred.map { "Replace '\(match.matchedText)' with '\($0)'." }, symbol: symbol.id))
                case (.pinyin, _):
                    findings.append(scan.finding(
                        AuditRules.glossaryPinyinLeftover, cue: index,
                        message: "\(symbol.id) is left in pinyin ('\(match.matchedText)')"
                            + (preferred.map { "; the glossary renders it '\($0)'" } ?? ""),
                        text: match.matchedText, expected: preferred,
                        fix: preferred.map { "Replace '\(match.matchedText)' with '\($0)'." }, symbol: symbol.id))
                case (.rendering, _):
                    // With a source, a rendering is this symbol only where the aligned source holds it.
                    guard let sourceForm = scan.alignedSourceForm(of: symbol.id, targetCue: index) else { continue }
                    let use = RenderingUse(symbolID: symbol.id, sourceForm: sourceForm, form: match.form,
                                           matchedText: match.matchedText, location: scan.targetLocation(index))
                    if let used = first[use.consistencyKey] {
                        if !context.judge.matcher.isSameRendering(used.form, match.form) {
                            findings.append(scan.finding(
                                AuditRules.glossaryInconsistent, cue: index,
                                message: "\(symbol.id)\(sourceForm.isEmpty ? "" : " (\(sourceForm))") is rendered '\(match.matchedText)' here but '\(used.matchedText)' at \(used.location.start?.description ?? "an earlier cue") in this episode",
                                text: match.matchedText, expected: used.form,
                                fix: "Use one rendering throughout: '\(preferred ?? used.form)'.", symbol: symbol.id))
                        }
                    } else {
                        first[use.consistencyKey] = use
                    }
                default:
                    break
                }
            }
            if context.flagsHan { untranslatedChinese(scan, index, into: &findings) }
        }

        if let source = scan.source, let alignment = scan.alignment {
            againstSource(scan, source, alignment, into: &findings)
        }
        return first
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
        findings.append(scan.finding(AuditRules.glossaryUntranslatedChinese, cue: index,
                                     message: "Chinese text left untranslated: '\(text)'", text: text))
    }

    static func isHan(_ v: UInt32) -> Bool {
        (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x3134F).contains(v)
    }

    /// Each source symbol rendered acceptably in the aligned target cues; target renderings with a source symbol.
    private static func againstSource(_ scan: EpisodeScan, _ source: SourceAnalysis, _ alignment: TrackAlignment,
                                      into findings: inout [Finding]) {
        let context = scan.context
        let judge = context.judge
        // Symbols present in some form (acceptable, deprecated or pinyin) in each target cue.
        let targetSymbols: [[String: [SymbolMatch]]] = scan.targetMatches.map { Dictionary(grouping: $0, by: \.symbolID) }
        var prepared: [Int: RenderingText] = [:]
        func text(_ i: Int) -> RenderingText {
            if let t = prepared[i] { return t }
            let t = judge.matcher.prepare(scan.targetTexts[i])
            prepared[i] = t
            return t
        }

        for (sourceIndex, symbolIDs) in source.symbolSets.enumerated() where !symbolIDs.isEmpty {
            let targets = alignment.targetsForSource[sourceIndex]
            guard let firstTarget = targets.first else { continue }
            for id in symbolIDs.sorted() {
                guard let symbol = context.symbols[id], let renderings = context.renderings(of: symbol),
                      !renderings.acceptable.isEmpty else { continue }
                // Any form of the symbol in an aligned target cue: acceptable is fine, the others have their own rules.
                if targets.contains(where: { targetSymbols[$0][id] != nil }) { continue }
                let sourceText = source.matches[sourceIndex].first { $0.symbolID == id }?.matchedText ?? symbol.forms.simplified.first ?? id
                let verdict = judge.judge(renderings, in: targets.map(text))
                if verdict == .rendered { continue }
                let expected = judge.expected(renderings, form: sourceText, symbol: symbol)
                if case .deprecated(let term) = verdict {
                    findings.append(scan.finding(
                        AuditRules.glossaryDeprecated, cue: firstTarget,
                        message: "source has \(sourceText) (\(id)) and the aligned target cue renders it with the deprecated '\(term)' (a literal calque)"
                            + (expected.map { "; use '\($0)'" } ?? ""),
                        text: excerpt(scan.targetTexts[firstTarget]), expected: expected,
                        fix: expected.map { "Replace the calque with '\($0)' or a natural equivalent." } ?? "Replace the calque with a natural equivalent.",
                        symbol: id))
                    continue
                }
                if RenderingJudge.isAddressTerm(symbol, renderings) {
                    // Address and kinship terms are often carried by the register, a name or a pronoun: advice only.
                    findings.append(scan.finding(
                        AuditRules.glossaryNotPreferred, cue: firstTarget, severity: .note,
                        message: "source has the address term \(sourceText) (\(id)); the aligned target cue carries no explicit equivalent, which is often right",
                        text: excerpt(scan.targetTexts[firstTarget]), expected: nil,
                        fix: "Check that the line keeps the register of \(sourceText); no rendering is required.", symbol: id))
                    continue
                }
                let negated = RenderingJudge.isNegatedForm(sourceText, of: symbol)
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

        for (targetIndex, matches) in scan.targetMatches.enumerated() {
            let sources = alignment.sourcesForTarget[targetIndex]
            guard !sources.isEmpty else { continue }
            let held = Set(sources.flatMap { source.symbolSets[$0] })
            // Every term of the symbols the aligned source holds: a rendering they share explains the match.
            var explained = Set<String>()
            var heldTerms: [String] = []
            for heldID in held {
                guard let symbol = context.symbols[heldID], let r = context.renderings(of: symbol) else { continue }
                for term in r.acceptable + r.deprecated + r.paraphrases {
                    explained.insert(ResolvedRenderings.fold(term))
                    heldTerms.append(term)
                }
            }
            let cueText = judge.matcher.prepare(scan.targetTexts[targetIndex])
            // Held terms present in the cue: a match inside one ("Fortune" in "Fortunes change") is explained.
            let presentTerms = heldTerms.filter { judge.matcher.match($0, in: cueText) != nil }
            var reported = Set<String>()
            for match in matches where match.formKind == .rendering && match.renderingStatus != .deprecated {
                let id = match.symbolID
                if reported.contains(id) || held.contains(id) { continue }
                // A rendering shared with another match at the same place, one of them in the source.
                if matches.contains(where: { $0.symbolID != id && held.contains($0.symbolID) && $0.utf16Range.overlaps(match.utf16Range) }) { continue }
                if explained.contains(ResolvedRenderings.fold(match.form)) || explained.contains(ResolvedRenderings.fold(match.matchedText)) { continue }
                if presentTerms.contains(where: { judge.matcher.isPart(match.matchedText, of: $0) }) { continue }
                reported.insert(id)
                let head = context.symbols[id]?.forms.simplified.first ?? id
                findings.append(scan.finding(
                    AuditRules.glossaryUnexpectedSymbol, cue: targetIndex,
                    message: "'\(match.matchedText)' renders \(id) (\(head)), which is not in the aligned source cue",
                    text: match.matchedText, expected: nil,
                    fix: "Check the line against the source; \(head) does not occur there.", symbol: id))
            }
        }
    }
}
