import Regions
import Subtitles
import TextServices
/// Re-breaks every cue's lines to the region's characters per line and lines per cue.
///
/// A cue whose lines already fit is left exactly as written (a translator's manual break is kept);
/// any other cue has its lines rejoined and re-broken (see `LineWrapper` for where breaks go). Styling
/// spans are kept: breaks are inserted into the inline tree, inside a span when they fall inside one.
/// A cue that cannot fit gets the break with the least overflow and an `unfixable` entry (the timing step
/// may split it). Idempotent: its own output always fits, or re-wraps to the same lines.
public struct WrapStep: LocalizeStep {
    public struct Config: Hashable, Sendable {
        /// Terms never split across lines (names, glossary renderings); a space in a term also matches a line break.
        public var protectedTerms: [String]
        /// Also keep runs of two or more capitalized words ("Lin Feng", "Madame Zhao") on one line where possible.
        public var protectCapitalizedNames: Bool
        /// Also protect the region-language renderings of the context's glossary symbols.
        public var protectGlossaryRenderings: Bool
        /// Line-shape weights of the break scoring (`BreakWeights.standard`; overridden only to tune).
        public var weights: BreakWeights

        public init(protectedTerms: [String] = [], protectCapitalizedNames: Bool = true, protectGlossaryRenderings: Bool = true,
                    weights: BreakWeights = .standard) {
            self.protectedTerms = protectedTerms
            self.protectCapitalizedNames = protectCapitalizedNames
            self.protectGlossaryRenderings = protectGlossaryRenderings
            self.weights = weights
        }
    }

    public var config: Config
    public var name: String { "wrap" }

    public init(config: Config = Config()) { self.config = config }

    public func apply(_ track: Track, in context: LocalizeContext) -> StepResult {
        let wrapper = lineWrapper(for: context)
        var out = track
        var changes: [Change] = []
        let limits = context.lineLimits
        let commas = context.region.limits.commasAsSpaces && context.region.isCJK
        for (index, cue) in track.cues.enumerated() {
            var text = cue.text
            if commas, let edits = Self.commaEdits(text.plainText) { text = text.applying(edits) }
            var result = wrapper.wrap(text)
            let commasReplaced = text != cue.text
            if commasReplaced { result.changed = true }
            if result.changed {
                out.cues[index].text = result.text
                changes.append(Change(step: name, kind: .changed, cue: track.cueLabel(index), start: cue.start,
                                      reason: (commasReplaced ? "commas written as spaces; " : "") + "re-broken to \(limits.maxCharsPerLine) characters × \(limits.maxLines) lines",
                                      before: cue.text.plainText, after: result.text.plainText))
            }
            if !result.fits {
                let longest = result.text.lines.map { wrapper.metrics.length($0) }.max() ?? 0
                changes.append(Change(step: name, kind: .unfixable, cue: track.cueLabel(index), start: cue.start,
                                      reason: "text does not fit \(limits.maxLines) lines of \(limits.maxCharsPerLine) characters (longest line \(Self.format(longest)))",
                                      after: result.text.plainText))
            }
        }
        return StepResult(track: out, changes: changes)
    }

    /// The wrapper this step uses for a context (the timing step re-wraps split cues with it).
    func lineWrapper(for context: LocalizeContext) -> LineWrapper {
        var terms = config.protectedTerms
        if config.protectGlossaryRenderings {
            let language = context.region.language
            let base = String(language.prefix(while: { $0 != "-" }))
            let chinese = base == "zh"
            for symbol in context.symbols.values {
                if let r = symbol.renderings[language] ?? symbol.renderings[base] { terms += r.acceptable + r.alignedOnly }
                // Chinese targets keep the symbol's own idioms and words whole (matched script-insensitively).
                if chinese { terms += symbol.forms.chinese.map(HanScriptFold.fold) }
            }
            if chinese { terms = terms.map(HanScriptFold.fold) }
        }
        return LineWrapper(metrics: TextMetrics(counting: context.region.limits.charCounting), limits: context.lineLimits,
                           balance: context.region.limits.lineBalance, language: context.region.language,
                           protection: ProtectedTerms(terms), protectCapitalizedNames: config.protectCapitalizedNames,
                           weights: config.weights)
    }

    /// Edits that write each full-width comma inside a line as a space, and drop one at a line's end (Taiwan
    /// convention); nil when there is none.
    static func commaEdits(_ plain: String) -> [TextEdit]? {
        let units = Array(plain.utf16)
        var edits: [TextEdit] = []
        for (k, u) in units.enumerated() where u == 0xFF0C {
            let next = k + 1 < units.count ? units[k + 1] : nil
            let atEnd = next == nil || next == 0x0A || next == 0x20 || next == 0x3000
            edits.append(TextEdit(k..<(k + 1), .text(atEnd ? "" : " ")))
        }
        return edits.isEmpty ? nil : edits
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
