/// A Markdown report: a summary by rule, then one table per episode.
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
        for (episode, findings) in report.findingsByEpisode {
            let file = report.files.first { $0.episode == episode }?.file ?? ""
            out += "## \(cell(episode))\n\n`\(file.replacingOccurrences(of: "`", with: "'"))`: "
            if findings.isEmpty { out += "no findings.\n\n"; continue }
            out += "\(findings.count) findings.\n\n"
            out += "| time | cue | severity | rule | message | expected | fix |\n|---|---|---|---|---|---|---|\n"
            for f in findings {
                out += "| \(f.location.start?.formatted() ?? "") | \(cell(f.location.cueLabel ?? "")) | \(f.severity.rawValue) | `\(f.rule)` | "
                out += "\(cell(f.message)) | \(cell(f.expected ?? "")) | \(cell(f.fix ?? "")) |\n"
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
