import Localize
import Regions
import Subtitles

/// Where a finding is: a file and, when it is about one cue, that cue.
public struct FindingLocation: Hashable, Sendable {
    /// The file as given on the command line (or a name for in-memory tracks).
    public var file: String
    /// 0-based position of the cue in the file, when the finding is about a cue.
    public var cueIndex: Int?
    /// The cue's id as written (the SRT number), when it has one.
    public var cueID: String?
    public var start: Timestamp?
    public var end: Timestamp?
    /// 1-based line of the cue in the file, when known.
    public var line: Int?

    public init(file: String, cueIndex: Int? = nil, cueID: String? = nil, start: Timestamp? = nil, end: Timestamp? = nil, line: Int? = nil) {
        self.file = file
        self.cueIndex = cueIndex
        self.cueID = cueID
        self.start = start
        self.end = end
        self.line = line
    }

    /// The cue's id, else its 1-based position.
    public var cueLabel: String? {
        if let cueID, !cueID.isEmpty { return cueID }
        return cueIndex.map { String($0 + 1) }
    }
}

/// The text around a finding: its target cue and the source cues aligned with it.
public struct FindingContext: Hashable, Sendable {
    public var target: String
    public var source: [String]

    public init(target: String, source: [String]) {
        self.target = target
        self.source = source
    }
}

/// One problem found by an audit rule.
public struct Finding: Hashable, Sendable {
    /// The stable rule id, e.g. `glossary.deprecated` (see ``AuditRules``).
    public var rule: String
    public var severity: FindingSeverity
    /// The episode the finding belongs to (the paired file name without language and extension).
    public var episode: String
    public var location: FindingLocation
    /// One sentence saying what is wrong.
    public var message: String
    /// The offending text (a term, a line, the whole cue).
    public var text: String
    /// The expected term or limit, when there is one.
    public var expected: String?
    /// A suggested fix, when there is one.
    public var fix: String?
    /// The symbol concerned, for glossary, coverage and symbol-sensitivity findings.
    public var symbolID: String?
    /// Stable identity across runs (see ``FindingFingerprint``); set when a report is assembled.
    public var fingerprint: String = ""
    /// Set when a suppression entry accepts the finding.
    public var suppression: FindingSuppression?
    /// The cue's text in context, for reports: the target cue and the aligned source cues (empty when none).
    public var context: FindingContext?

    public init(rule: String, severity: FindingSeverity, episode: String, location: FindingLocation, message: String,
                text: String, expected: String? = nil, fix: String? = nil, symbolID: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.episode = episode
        self.location = location
        self.message = message
        self.text = text
        self.expected = expected
        self.fix = fix
        self.symbolID = symbolID
    }

    /// Report order: episode, then time, then cue, then rule.
    static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.episode != b.episode { return a.episode < b.episode }
        let ta = a.location.start?.milliseconds ?? -1, tb = b.location.start?.milliseconds ?? -1
        if ta != tb { return ta < tb }
        let ia = a.location.cueIndex ?? -1, ib = b.location.cueIndex ?? -1
        if ia != ib { return ia < ib }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.text < b.text
    }
}
