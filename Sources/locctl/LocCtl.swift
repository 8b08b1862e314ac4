import ArgumentParser
import TextServices

@main
struct LocCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locctl",
        abstract: "Localize Chinese micro-drama subtitles: cultural symbols, region conformance, pop-up notes and audits.",
        version: "0.1.0 (ICU \(ICUInfo.version))",
        subcommands: [Convert.self, Localize.self, Annotate.self, Preview.self, Audit.self, Segment.self, Symbols.self]
    )
}
