import Foundation

/// SARIF 2.1.0 output: one run whose driver lists every rule; one result per finding, located at the cue's
/// line in the file (1 when the reader could not tell), with the cue id and times in `properties`.
public enum SARIFReport {
    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var properties: [String: String]
    }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable {
        var name: String
        var version: String
        var informationUri: String
        var rules: [Rule]
    }
    struct Text: Encodable { var text: String }
    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var help: Text
        var defaultConfiguration: Configuration
        var properties: [String: String]
    }
    struct Configuration: Encodable { var level: String }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
        var partialFingerprints: [String: String]
        var suppressions: [SARIFSuppression]?
        var properties: Properties
    }
    /// SARIF §3.35: an external suppression (the team's `.locctl-audit.yaml`). The state/status field is left
    /// out: the published 2.1.0 schemas disagree on its name, and absent means accepted.
    struct SARIFSuppression: Encodable {
        var kind = "external"
        var justification: String
        var location: SuppressionLocation?
    }
    struct SuppressionLocation: Encodable { var physicalLocation: SuppressionPhysical }
    struct SuppressionPhysical: Encodable { var artifactLocation: ArtifactLocation; var region: Region? }
    struct Location: Encodable { var physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }
    struct ArtifactLocation: Encodable { var uri: String }
    struct Region: Encodable { var startLine: Int }
    struct Properties: Encodable {
        var episode: String
        var cueId: String?
        var cueIndex: Int?
        var start: String?
        var end: String?
        var startMs: Int64?
        var endMs: Int64?
        var text: String
        var expected: String?
        var fix: String?
        var symbol: String?
    }

    public static func render(_ report: AuditReport) -> String {
        let index = ruleIndex
        let results = (report.findings + report.suppressed).sorted(by: Finding.reportOrder).map { result($0, index: index) }
        let log = Log(runs: [Run(tool: Tool(driver: driver), results: results,
                                 properties: ["region": report.region, "orientation": report.orientation])])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(log)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Writes the same log as ``render(_:)`` for a stored report, one result at a time (shown and suppressed
    /// findings merged in report order).
    public static func write(_ report: StoredAuditReport, to sink: ReportSink) throws {
        let json = PrettyJSONWriter(sink: sink)
        let index = ruleIndex
        try sink.write("{\n")
        try json.member("$schema", Log(runs: []).schema, indent: 2, first: true)
        try sink.write(",\n  \"runs\" : [\n    {\n")
        try json.member("properties", ["region": report.region, "orientation": report.orientation], indent: 6, first: true)
        try json.arrayMember("results", indent: 6) { element in
            // Two sorted streams merged as a stable sort of shown + suppressed would: a suppressed finding goes first
            // only when it sorts strictly before the shown one.
            var pendingSuppressed = try SuppressedCursor(report.suppressed)
            try report.findings.forEach(in: .report) { f in
                while let s = pendingSuppressed.current, Finding.reportOrder(s, f) {
                    try element(result(s, index: index))
                    try pendingSuppressed.advance()
                }
                try element(result(f, index: index))
            }
            while let s = pendingSuppressed.current {
                try element(result(s, index: index))
                try pendingSuppressed.advance()
            }
        }
        try json.member("tool", Tool(driver: driver), indent: 6)
        try sink.write("\n    }\n  ]")
        try json.member("version", Log(runs: []).version, indent: 2)
        try sink.write("\n}\n")
    }

    /// The suppressed findings one at a time, in report order (they are few next to the shown ones; kept in memory).
    private struct SuppressedCursor {
        private var items: [Finding] = []
        private var at = 0
        init(_ store: FindingStore) throws { try store.forEach(in: .report) { items.append($0) } }
        var current: Finding? { at < items.count ? items[at] : nil }
        mutating func advance() throws { at += 1 }
    }

    static var ruleIndex: [String: Int] { Dictionary(uniqueKeysWithValues: AuditRules.all.enumerated().map { ($1.id, $0) }) }

    static var driver: Driver {
        let rules = AuditRules.all
        return Driver(
            name: AuditTool.name, version: AuditTool.version, informationUri: AuditTool.informationURI,
            rules: rules.map { rule in
                Rule(id: rule.id, name: camelName(rule.id), shortDescription: Text(text: rule.summary), help: Text(text: rule.help),
                     defaultConfiguration: Configuration(level: rule.defaultSeverity.rawValue),
                     properties: ["family": rule.family.rawValue])
            })
    }

    static func result(_ f: Finding, index: [String: Int]) -> Result {
            let l = f.location
            var message = f.message
            if let expected = f.expected { message += " (expected: \(expected))" }
            return Result(
                ruleId: f.rule, ruleIndex: index[f.rule] ?? 0, level: f.severity.rawValue, message: Text(text: message),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: uri(for: l.file)), region: Region(startLine: max(1, l.line ?? 1))))],
                partialFingerprints: [FindingFingerprint.sarifKey: f.fingerprint],
                suppressions: f.suppression.map { [SARIFSuppression(justification: $0.reason, location: suppressionLocation($0.origin))] },
                properties: Properties(episode: f.episode, cueId: l.cueID, cueIndex: l.cueIndex, start: l.start?.formatted(),
                                       end: l.end?.formatted(), startMs: l.start?.milliseconds, endMs: l.end?.milliseconds,
                                       text: f.text, expected: f.expected, fix: f.fix, symbol: f.symbolID))
    }

    /// `file:line` of a suppression entry as a SARIF location.
    static func suppressionLocation(_ origin: String) -> SuppressionLocation? {
        guard let colon = origin.lastIndex(of: ":"), let line = Int(origin[origin.index(after: colon)...]) else { return nil }
        return SuppressionLocation(physicalLocation: SuppressionPhysical(
            artifactLocation: ArtifactLocation(uri: uri(for: String(origin[..<colon]))), region: line > 0 ? Region(startLine: line) : nil))
    }

    /// A relative path stays a relative URI reference (percent-encoded); an absolute path becomes `file://`.
    static func uri(for path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";?#[]")
        let encoded = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
            .joined(separator: "/")
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    /// `glossary.not-preferred` → `GlossaryNotPreferred` (SARIF `name` is an identifier-like label).
    static func camelName(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "." || $0 == "-" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
