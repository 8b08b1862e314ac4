import ArgumentParser
import Audit
import Foundation
import Localize
import Regions
import Subtitles

extension GlossaryAuditFormat: ExpressibleByArgument {}

extension LocCtl {
    /// `locctl audit glossary`: what the glossary lacks for each region.
    struct AuditGlossary: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "glossary",
            abstract: "Report which symbols lack a gloss, analogy or rendering for a region, are drafts or are sensitive there.",
            discussion: """
            A gloss counts only in the region's own language (not the English fallback); an analogy counts for any \
            of the region's frames. Ends with a coverage summary table (counts and percentages per gap).

            Exit codes: 0 no gap at or above --fail-on (gaps rank as their coverage rules: no-gloss and no-rendering \
            warning, no-analogy and draft note, sensitive as the glossary says); 1 otherwise; 2 usage or input errors.
            """
        )

        @Option(name: .long, help: "Region tag to audit (repeatable).")
        var region: [String] = []

        @Option(name: .long, help: "'all' to audit every region profile.")
        var regions: String?

        @Option(name: .long, help: "Report format: text, json, markdown.")
        var format: GlossaryAuditFormat = .text

        @Option(name: [.short, .long], help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
        var output: String?

        @Option(name: .customLong("fail-on"), help: "Exit 1 when a gap is at or above this severity: error, warning, note, never.")
        var failOn: FailOn = .error

        @OptionGroup var profiles: RegionOptions
        @OptionGroup var glossary: GlossaryOptions

        func validate() throws {
            if let regions, regions.lowercased() != "all" { throw ValidationError("--regions takes 'all' (or use --region TAG)") }
            guard regions != nil || !region.isEmpty else { throw ValidationError("give --region TAG or --regions all") }
        }

        func run() throws {
            let selected = try profiles.load(tags: regions != nil ? ["all"] : region)
            let symbols = try glossary.auditSymbols()
            let report = GlossaryAudit.run(symbols: symbols, regions: selected)
            try emit(format.render(report, color: wantsColor(format: format.rawValue, output: output)), to: output)
            if let threshold = failOn.severity, report.highestSeverity.map({ $0 >= threshold }) == true {
                throw ExitCode(AuditExit.findings)
            }
        }
    }
}
