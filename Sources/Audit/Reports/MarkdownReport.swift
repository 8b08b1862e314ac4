/// A Markdown report: a summary by rule, then one table per episode, errors first; a finding that recurs
/// (same rule, severity, symbol and text) is listed once, where it first occurs, with its count and places.
public enum MarkdownReport {
    public static func render(_ report: AuditReport) -> String {
        var out = "# Audit for \(cell(report.region)) (\(report.orientation))\n\n"
        let counts = report.countsBySeverity
        out += "\(plural(report.findings.count, "finding")) in \(plural(report.files.count, "file")): "
        out += FindingSeverity.allCases.reversed().map { plural(counts[$0] ?? 0, $0.rawValue) }.joined(separator: ", ") + ".\n\n"
        if !report.findings.isEmpty {
            out += "| rule | findings | description |\n|---|---:|---|\n"
            for (rule, count) in report.countsByRule {
                out += "| `\(rule)` | \(count) | \(cell(AuditRules.rule(id: rule)?.summary ?? "")) |\n"
            }
            out += "\n"
        }
        var groupOf: [String: [Finding]] = [:]
        for (_, members) in report.sameFindingGroups { for f in members { groupOf[f.fingerprint] = members } }
        for (episode, findings) in report.findingsByEpisode {
            let file = report.files.first { $0.episode == episode }?.file ?? ""
            out += "## \(cell(episode))\n\n`\(file.replacingOccurrences(of: "`", with: "'"))`: "
            if findings.isEmpty { out += "no findings.\n\n"; continue }
            let shown = findings.enumerated()
                .filter { groupOf[$0.element.fingerprint]?.first?.fingerprint == $0.element.fingerprint }
                .sorted { $0.element.severity != $1.element.severity ? $0.element.severity > $1.element.severity : $0.offset < $1.offset }
                .map(\.element)
            let repeated = findings.count - shown.count
            out += "\(findings.count) findings" + (repeated > 0 ? " (\(repeated) listed with their first occurrence)" : "") + ".\n\n"
            guard !shown.isEmpty else { continue }
            out += "| time | cue | severity | rule | message | expected | fix | also |\n|---|---|---|---|---|---|---|---|\n"
            for f in shown {
                let members = groupOf[f.fingerprint] ?? [f]
                let also = members.count > 1 ? "×\(members.count): " + TextReport.places(members.dropFirst()) : ""
                out += "| \(f.location.start?.formatted() ?? "") | \(cell(f.location.cueLabel ?? "")) | \(f.severity.rawValue) | `\(f.rule)` | "
                out += "\(cell(f.message)) | \(cell(f.expected ?? "")) | \(cell(f.fix ?? "")) | \(cell(also)) |\n"
            }
            out += "\n"
        }
        return out
    }

    /// Text safe inside a table cell: pipes, backslashes, markup characters and line breaks escaped.
    static func cell(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "|", "\\", "`", "*", "_", "[", "]", "<", ">", "#": out += "\\" + String(ch)
            case "\n", "\r\n", "\r": out += "<br>"
            default: out.append(ch)
            }
        }
        return out
    }
}
