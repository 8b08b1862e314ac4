import Localize
import Regions
import Subtitles
import SymbolDB
import TextServices

/// What the rules of one episode share: texts, matches and the alignment, each computed once.
struct EpisodeScan {
    let input: EpisodeInput
    let context: RegionAuditContext
    /// Plain text of each target cue.
    let targetTexts: [String]
    /// Symbols found in each target cue (pinyin and renderings).
    let targetMatches: [[SymbolMatch]]
    let source: SourceAnalysis?
    let alignment: TrackAlignment?

    init(input: EpisodeInput, context: RegionAuditContext, source: SourceAnalysis?) {
        self.input = input
        self.context = context
        let texts = input.target.cues.map { $0.text.plainText }
        targetTexts = texts
        self.source = source
        let alignment = input.source.map { TrackAlignment(sourceTimings: $0.timings, targetTimings: input.target.cues.map(\.timing)) }
        self.alignment = alignment
        // An aligned-only rendering (an everyday word) is the symbol only where an aligned source cue holds it.
        targetMatches = texts.enumerated().map { t, text in
            context.targetMatcher.matches(in: text).filter { match in
                guard match.isAlignedOnly else { return true }
                guard let alignment, let source else { return false }
                return alignment.sourcesForTarget[t].contains { source.holds(match.symbolID, at: $0) }
            }.map { Self.reclassify($0, context) }
        }
    }

    var region: RegionProfile { context.region }

    /// A pinyin match whose text is also an acceptable rendering (`Chang'e`) is that rendering.
    static func reclassify(_ match: SymbolMatch, _ context: RegionAuditContext) -> SymbolMatch {
        guard match.formKind == .pinyin, let symbol = context.symbols[match.symbolID],
              let renderings = context.renderings(of: symbol) else { return match }
        let folded = LatinFold.fold(match.form)
        for (terms, status) in [(renderings.preferred, RenderingStatus.preferred), (renderings.admitted, .admitted)] {
            if let term = terms.first(where: { LatinFold.fold($0) == folded }) {
                var m = match
                m.formKind = .rendering
                m.renderingStatus = status
                m.form = term
                return m
            }
        }
        return match
    }

    /// The form of `symbolID` in the source cues aligned with target cue `index`: "" without a source, nil
    /// when there is a source and the aligned cues do not hold the symbol.
    func alignedSourceForm(of symbolID: String, targetCue index: Int) -> String? {
        guard let source, let alignment else { return "" }
        for s in alignment.sourcesForTarget[index] {
            if let match = source.matches[s].first(where: { $0.symbolID == symbolID }) { return match.form }
        }
        return nil
    }

    func targetLocation(_ index: Int) -> FindingLocation {
        let cue = input.target.cues[index]
        let line = input.targetLines.flatMap { $0.indices.contains(index) ? $0[index] : nil }
        return FindingLocation(file: input.targetFile, cueIndex: index, cueID: cue.id, start: cue.start, end: cue.end, line: line)
    }

    func sourceLocation(_ index: Int) -> FindingLocation? {
        guard let cues = input.source, cues.indices.contains(index) else { return nil }
        let timing = cues.timings[index]
        let line = input.sourceLines.flatMap { $0.indices.contains(index) ? $0[index] : nil }
        return FindingLocation(file: input.sourceFile ?? "source", cueIndex: index, cueID: cues.id(at: index), start: timing.start,
                               end: timing.end, line: line)
    }

    func finding(_ rule: AuditRule, at location: FindingLocation, severity: FindingSeverity? = nil, message: String,
                 text: String, expected: String? = nil, fix: String? = nil, symbol: String? = nil) -> Finding {
        Finding(rule: rule.id, severity: severity ?? rule.defaultSeverity, episode: input.episode, location: location,
                message: message, text: text, expected: expected, fix: fix ?? rule.help, symbolID: symbol)
    }

    func finding(_ rule: AuditRule, cue index: Int, severity: FindingSeverity? = nil, message: String, text: String,
                 expected: String? = nil, fix: String? = nil, symbol: String? = nil) -> Finding {
        var f = finding(rule, at: targetLocation(index), severity: severity, message: message, text: text, expected: expected,
                        fix: fix, symbol: symbol)
        f.context = context(ofTargetCue: index)
        return f
    }

    /// Target cue `index` and the source cues aligned with it.
    func context(ofTargetCue index: Int) -> FindingContext? {
        guard targetTexts.indices.contains(index) else { return nil }
        let sources = alignment.map { $0.sourcesForTarget[index] } ?? []
        return FindingContext(target: targetTexts[index], source: sources.compactMap { input.source?.text(at: $0) })
    }
}

extension FindingSeverity {
    /// Profile and glossary severities (`info`, `warning`, `error`) as finding severities.
    init(_ severity: Sensitivity.Severity) {
        switch severity {
        case .info: self = .note
        case .warning: self = .warning
        case .error: self = .error
        }
    }
}

/// A cue's text on one line, for messages: line breaks shown as ` / `, long text cut.
func excerpt(_ text: String, limit: Int = 80) -> String {
    let flat = text.replacingOccurrences(of: "\n", with: " / ")
    return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
}
