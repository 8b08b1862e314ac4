/// The output formats of `locctl audit`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// A table grouped by episode for a terminal (colour when asked).
    case text
    /// JSON following `schemas/audit.schema.json`.
    case json
    /// SARIF 2.1.0, for CI systems that show findings inline.
    case sarif
    /// A Markdown report (pull-request comments, wikis).
    case markdown
    /// A self-contained HTML page with a per-episode summary and a chart of findings by rule.
    case html

    /// Renders `report`; `color` only affects `text`, `media` (episode → video URL) only `html`.
    public func render(_ report: AuditReport, color: Bool = false, media: [String: String] = [:]) -> String {
        switch self {
        case .text: return TextReport(color: color).render(report)
        case .json: return JSONReport.render(report)
        case .sarif: return SARIFReport.render(report)
        case .markdown: return MarkdownReport.render(report)
        case .html: return HTMLReport.render(report, media: media)
        }
    }
}

/// The name and version reports give for the tool.
public enum AuditTool {
    public static let name = "locctl audit"
    public static let version = "0.1.0"
    public static let informationURI = "https://example.invalid/locctl/docs/audit.md"
}

/// `1 error`, `2 errors`.
func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
