/// The family a rule belongs to; reports group and colour by it.
public enum RuleFamily: String, Hashable, Sendable, CaseIterable {
    case glossary, sensitivity, coverage, qc
}

/// One audit rule: a stable id, its family, default severity and a one-line description.
public struct AuditRule: Hashable, Sendable, Identifiable {
    public var id: String
    public var family: RuleFamily
    /// The severity the rule reports with (sensitivity rules take theirs from the profile or glossary).
    public var defaultSeverity: FindingSeverity
    public var summary: String
    /// What to do about a finding of this rule.
    public var help: String

    public init(_ id: String, _ family: RuleFamily, _ severity: FindingSeverity, _ summary: String, help: String) {
        self.id = id
        self.family = family
        self.defaultSeverity = severity
        self.summary = summary
        self.help = help
    }
}

/// The registry of every audit rule, in report order. Rule ids never change once shipped.
public enum AuditRules {
    public static let glossaryNotPreferred = AuditRule(
        "glossary.not-preferred", .glossary, .warning,
        "A symbol in the aligned source cue is not rendered with a preferred or admitted term.",
        help: "Use the glossary's preferred rendering for the region's language.")
    public static let glossaryDeprecated = AuditRule(
        "glossary.deprecated", .glossary, .error,
        "The target uses a rendering the glossary marks deprecated.",
        help: "Replace it with the preferred rendering.")
    public static let glossaryPinyinLeftover = AuditRule(
        "glossary.pinyin-leftover", .glossary, .warning,
        "A symbol is left in pinyin instead of being translated.",
        help: "Replace the pinyin with the preferred rendering (or keep it only where the glossary admits it).")
    public static let glossaryUntranslatedChinese = AuditRule(
        "glossary.untranslated-chinese", .glossary, .error,
        "Chinese characters are left in a target track of another language.",
        help: "Translate the Chinese text.")
    public static let glossaryInconsistent = AuditRule(
        "glossary.inconsistent", .glossary, .warning,
        "The same symbol is rendered two different ways within an episode or across the series.",
        help: "Use one rendering throughout, normally the preferred one.")
    public static let glossaryUnexpectedSymbol = AuditRule(
        "glossary.unexpected-symbol", .glossary, .note,
        "A symbol's rendering appears in the target but the symbol is absent from the aligned source (possible mistranslation).",
        help: "Check the translation against the source line.")
    public static let sensitivityTerm = AuditRule(
        "sensitivity.term", .sensitivity, .warning,
        "A term the region profile lists as sensitive is used (severity from the profile).",
        help: "Reword as the profile's reason suggests.")
    public static let sensitivitySymbol = AuditRule(
        "sensitivity.symbol", .sensitivity, .note,
        "A symbol the glossary flags as sensitive for this region occurs (severity from the glossary).",
        help: "Follow the glossary's sensitivity note for the region.")
    public static let coverageNoGloss = AuditRule(
        "coverage.no-gloss", .coverage, .warning,
        "A symbol that occurs has no gloss in the region's own language.",
        help: "Add a gloss in the region's language to the glossary.")
    public static let coverageNoAnalogy = AuditRule(
        "coverage.no-analogy", .coverage, .note,
        "A symbol that occurs has no analogy for any of the region's frames.",
        help: "Add an analogy for one of the region's frames (or say the symbol is shared).")
    public static let coverageNoRendering = AuditRule(
        "coverage.no-rendering", .coverage, .warning,
        "A symbol that occurs has no renderings for the region's language.",
        help: "Add preferred (and admitted/deprecated) renderings for the region's language.")
    public static let coverageDraft = AuditRule(
        "coverage.draft", .coverage, .note,
        "A symbol that occurs is still a draft in the glossary.",
        help: "Have the entry reviewed.")
    public static let qcCharsPerLine = AuditRule(
        "qc.chars-per-line", .qc, .warning,
        "A line is longer than the region's characters-per-line limit for the orientation.",
        help: "Rewrap or shorten the line.")
    public static let qcLinesPerCue = AuditRule(
        "qc.lines-per-cue", .qc, .error,
        "A cue has more lines than the region allows for the orientation.",
        help: "Split the cue or condense the text.")
    public static let qcReadingSpeed = AuditRule(
        "qc.reading-speed", .qc, .warning,
        "The cue's reading speed exceeds the region's characters-per-second limit.",
        help: "Condense the text or extend the cue.")
    public static let qcMinDuration = AuditRule(
        "qc.min-duration", .qc, .warning,
        "The cue is shorter than the region's minimum duration.",
        help: "Extend the cue (into the gap) or merge it with a neighbour.")
    public static let qcMaxDuration = AuditRule(
        "qc.max-duration", .qc, .warning,
        "The cue is longer than the region's maximum duration.",
        help: "Split the cue or shorten it.")
    public static let qcMinGap = AuditRule(
        "qc.min-gap", .qc, .warning,
        "The gap before the cue is shorter than the region's minimum gap in frames.",
        help: "Move the previous cue's end back to leave the minimum gap.")
    public static let qcOverlap = AuditRule(
        "qc.overlap", .qc, .error,
        "The cue starts before the previous cue ends.",
        help: "End the previous cue before this one starts.")
    public static let qcEmpty = AuditRule(
        "qc.empty", .qc, .warning,
        "The cue has no text.",
        help: "Delete the cue or add its text.")
    public static let qcUnbalanced = AuditRule(
        "qc.unbalanced", .qc, .note,
        "A two-line cue's lines are unbalanced for the region's line-balance rule.",
        help: "Move words between the lines.")
    public static let qcOutOfOrder = AuditRule(
        "qc.out-of-order", .qc, .error,
        "The cue starts before the cue written before it in the file.",
        help: "Sort the cues by start time.")

    /// Every rule, in report order.
    public static let all: [AuditRule] = [
        glossaryNotPreferred, glossaryDeprecated, glossaryPinyinLeftover, glossaryUntranslatedChinese,
        glossaryInconsistent, glossaryUnexpectedSymbol,
        sensitivityTerm, sensitivitySymbol,
        coverageNoGloss, coverageNoAnalogy, coverageNoRendering, coverageDraft,
        qcCharsPerLine, qcLinesPerCue, qcReadingSpeed, qcMinDuration, qcMaxDuration, qcMinGap, qcOverlap,
        qcEmpty, qcUnbalanced, qcOutOfOrder,
    ]

    private static let byID: [String: AuditRule] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The rule with `id`, if registered.
    public static func rule(id: String) -> AuditRule? { byID[id] }

    /// Position of a rule in ``all`` (unknown ids sort last).
    static func order(of id: String) -> Int { all.firstIndex { $0.id == id } ?? all.count }
}
