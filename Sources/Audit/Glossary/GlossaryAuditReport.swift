import Foundation

/// Renders a glossary audit as a text table, Markdown or JSON.
public enum GlossaryAuditFormat: String, CaseIterable, Sendable {
    case text, json, markdown

    public func render(_ report: GlossaryAudit.Report, color: Bool = false) -> String {
        switch self {
        case .text: return Self.text(report, color: color)
        case .markdown: return Self.markdown(report)
        case .json: return Self.json(report)
        }
    }

    static func cellValue(_ r: GlossaryAudit.RegionResult, _ gap: GlossaryAudit.Gap) -> String {
        "\(r.count(gap)) (\(Int(r.percent(gap).rounded()))%)"
    }

    static func text(_ report: GlossaryAudit.Report, color: Bool) -> String {
        func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
        var out = ""
        for r in report.regions where !r.entries.isEmpty {
            out += bold("\(r.region)") + " (language \(r.language), frames \(r.frames.joined(separator: ", ")))\n"
            let grouped = Dictionary(grouping: r.entries, by: \.symbolID)
            var order: [String] = []
            for e in r.entries where !order.contains(e.symbolID) { order.append(e.symbolID) }
            let width = order.map(\.count).max() ?? 0
            for id in order {
                let entries = grouped[id] ?? []
                let gaps = entries.map(\.gap.rawValue).joined(separator: ", ")
                out += "  " + id.padding(width) + "  " + (entries.first?.headword ?? "") + "  " + gaps + "\n"
                for e in entries where e.gap == .sensitive { out += "  " + String(repeating: " ", count: width) + "  ↳ " + e.detail + "\n" }
            }
            out += "\n"
        }
        // Summary table.
        let headers = ["region", "symbols"] + GlossaryAudit.Gap.allCases.map(\.title)
        var rows: [[String]] = report.regions.map { r in
            [r.region, String(r.symbolCount)] + GlossaryAudit.Gap.allCases.map { cellValue(r, $0) }
        }
        rows.insert(headers, at: 0)
        let widths = headers.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        for (i, row) in rows.enumerated() {
            let line = row.enumerated().map { c, v in c < 2 ? v.padding(widths[c]) : String(repeating: " ", count: widths[c] - v.count) + v }
                .joined(separator: "  ")
            out += (i == 0 ? bold(line) : line) + "\n"
        }
        return out
    }

    static func markdown(_ report: GlossaryAudit.Report) -> String {
        var out = "# Glossary coverage\n\n\(report.symbolCount) symbols.\n\n"
        out += "| region | symbols | " + GlossaryAudit.Gap.allCases.map(\.title).joined(separator: " | ") + " |\n"
        out += "|---|---:|" + GlossaryAudit.Gap.allCases.map { _ in "---:" }.joined(separator: "|") + "|\n"
        for r in report.regions {
            out += "| \(r.region) | \(r.symbolCount) | " + GlossaryAudit.Gap.allCases.map { cellValue(r, $0) }.joined(separator: " | ") + " |\n"
        }
        for r in report.regions where !r.entries.isEmpty {
            out += "\n## \(r.region)\n\n| symbol | gap | detail |\n|---|---|---|\n"
            for e in r.entries {
                out += "| `\(e.symbolID)` \(MarkdownReport.cell(e.headword)) | \(e.gap.rawValue) | \(MarkdownReport.cell(e.detail)) |\n"
            }
        }
        return out
    }

    struct JSONDocument: Encodable {
        var tool: String
        var version: String
        var symbols: Int
        var regions: [JSONRegion]
    }
    struct JSONRegion: Encodable {
        var region: String
        var language: String
        var frames: [String]
        var symbols: Int
        var counts: [String: Int]
        var percent: [String: Double]
        var entries: [JSONEntry]
    }
    struct JSONEntry: Encodable {
        var symbol: String
        var headword: String
        var gap: String
        var detail: String
    }

    static func json(_ report: GlossaryAudit.Report) -> String {
        let doc = JSONDocument(tool: AuditTool.name, version: AuditTool.version, symbols: report.symbolCount, regions: report.regions.map { r in
            var counts: [String: Int] = [:]
            var percent: [String: Double] = [:]
            for gap in GlossaryAudit.Gap.allCases {
                counts[gap.rawValue] = r.count(gap)
                percent[gap.rawValue] = (r.percent(gap) * 10).rounded() / 10
            }
            return JSONRegion(region: r.region, language: r.language, frames: r.frames, symbols: r.symbolCount, counts: counts,
                              percent: percent, entries: r.entries.map { JSONEntry(symbol: $0.symbolID, headword: $0.headword, gap: $0.gap.rawValue, detail: $0.detail) })
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(doc)) ?? Data(), as: UTF8.self) + "\n"
    }
}
