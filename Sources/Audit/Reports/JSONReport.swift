import Foundation

/// JSON output; the shape is documented by `schemas/audit.schema.json` (`schemaVersion` 1).
public enum JSONReport {
    public static let schemaVersion = 1

    struct Document: Encodable {
        var schemaVersion: Int
        var tool: Tool
        var region: String
        var orientation: String
        var summary: Summary
        var files: [File]
        var findings: [Item]
        var suppressed: [Item]
    }
    struct Tool: Encodable { var name: String; var version: String }
    struct Summary: Encodable {
        var files: Int
        var cues: Int
        var findings: Int
        var bySeverity: [String: Int]
        var byRule: [String: Int]
        var suppressed: Int
        var baseline: Int
    }
    struct File: Encodable {
        var episode: String
        var file: String
        var source: String?
        var cues: Int
    }
    struct Cue: Encodable {
        var index: Int?
        var id: String?
        var start: String?
        var end: String?
        var startMs: Int64?
        var endMs: Int64?
        var line: Int?
    }
    struct Item: Encodable {
        var rule: String
        var severity: String
        var episode: String
        var file: String
        var cue: Cue?
        var message: String
        var text: String
        var expected: String?
        var fix: String?
        var symbol: String?
        var fingerprint: String
        var suppression: String?
        /// The target cue's text and the aligned source cues' texts, for glossary and cue findings.
        var context: Context?
    }
    struct Context: Encodable {
        var target: String
        var source: [String]
    }

    public static func render(_ report: AuditReport) -> String {
        var bySeverity: [String: Int] = [:]
        for s in FindingSeverity.allCases { bySeverity[s.rawValue] = report.countsBySeverity[s] ?? 0 }
        var byRule: [String: Int] = [:]
        for (rule, count) in report.countsByRule { byRule[rule] = count }
        let document = Document(
            schemaVersion: schemaVersion, tool: Tool(name: AuditTool.name, version: AuditTool.version),
            region: report.region, orientation: report.orientation,
            summary: Summary(files: report.files.count, cues: report.files.reduce(0) { $0 + $1.cueCount },
                             findings: report.findings.count, bySeverity: bySeverity, byRule: byRule,
                             suppressed: report.suppressed.count, baseline: report.baselineCount),
            files: report.files.map { File(episode: $0.episode, file: $0.file, source: $0.sourceFile, cues: $0.cueCount) },
            findings: report.findings.map(item), suppressed: report.suppressed.map(item))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Writes the same document as ``render(_:)`` for a stored report, one finding at a time.
    public static func write(_ report: StoredAuditReport, to sink: ReportSink) throws {
        let json = PrettyJSONWriter(sink: sink)
        try sink.write("{\n")
        try json.member("files", report.files.map { File(episode: $0.episode, file: $0.file, source: $0.sourceFile, cues: $0.cueCount) },
                        indent: 2, first: true)
        try json.arrayMember("findings", indent: 2) { element in try report.findings.forEach(in: .report) { try element(item($0)) } }
        try json.member("orientation", report.orientation, indent: 2)
        try json.member("region", report.region, indent: 2)
        try json.member("schemaVersion", schemaVersion, indent: 2)
        var bySeverity: [String: Int] = [:]
        for s in FindingSeverity.allCases { bySeverity[s.rawValue] = report.countsBySeverity[s] ?? 0 }
        try json.member("summary", Summary(files: report.files.count, cues: report.files.reduce(0) { $0 + $1.cueCount },
                                           findings: report.findingCount, bySeverity: bySeverity, byRule: report.countsByRule,
                                           suppressed: report.suppressed.count, baseline: report.baselineCount), indent: 2)
        try json.arrayMember("suppressed", indent: 2) { element in try report.suppressed.forEach(in: .report) { try element(item($0)) } }
        try json.member("tool", Tool(name: AuditTool.name, version: AuditTool.version), indent: 2)
        try sink.write("\n}\n")
    }

    static func item(_ f: Finding) -> Item {
        let l = f.location
        let cue: Cue? = (l.cueIndex == nil && l.start == nil) ? nil
            : Cue(index: l.cueIndex, id: l.cueID, start: l.start?.formatted(), end: l.end?.formatted(),
                  startMs: l.start?.milliseconds, endMs: l.end?.milliseconds, line: l.line)
        return Item(rule: f.rule, severity: f.severity.rawValue, episode: f.episode, file: l.file, cue: cue,
                    message: f.message, text: f.text, expected: f.expected, fix: f.fix, symbol: f.symbolID,
                    fingerprint: f.fingerprint, suppression: f.suppression?.reason,
                    context: f.context.map { Context(target: $0.target, source: $0.source) })
    }
}
