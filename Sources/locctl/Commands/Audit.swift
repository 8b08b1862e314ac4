import ArgumentParser
import Audit
import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB
import TextServices

extension LocCtl {
    /// `locctl audit …`: region-specific glossary audits and subtitle QC, for people and for CI.
    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "Audit translated tracks against a region's glossary, sensitivities and subtitle limits.",
            discussion: """
            locctl audit TRACK… --region R [--source ZH_TRACK…]   audit tracks or a series directory (default)
            locctl audit glossary --region R | --regions all       what the glossary lacks for a region
            locctl audit rules                                     list every rule

            Series: with directories, episodes are paired by file name: the name without its extension and without \
            a last language-like part (ep01.en.srt ↔ ep01.zh.srt, key ep01).

            Exit codes: 0 no finding at or above --fail-on; 1 findings at or above --fail-on; 2 a track could not be \
            read; 64 usage errors (no track, unknown region, missing file), as for every locctl command. See docs/audit.md.
            """,
            subcommands: [AuditTracks.self, AuditGlossary.self, AuditRulesList.self],
            defaultSubcommand: AuditTracks.self
        )
    }
}

/// The threshold for a failing exit code.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case error, warning, note, never
    var severity: FindingSeverity? { FindingSeverity(rawValue: rawValue) }
}

extension ReportFormat: ExpressibleByArgument {}

/// Exit codes of `locctl audit`.
enum AuditExit {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    /// A track or the report could not be read or written (the report still covers what could be read).
    static let input: Int32 = 2
    /// Usage errors, as for every locctl command (EX_USAGE).
    static let usage: Int32 = 64

    /// Prints `message` to stderr and exits with the usage code.
    static func usageError(_ message: String) -> ExitCode {
        printError("error: \(message)")
        return ExitCode(usage)
    }
}

extension LocCtl {
    struct AuditTracks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tracks",
            abstract: "Audit translated tracks (files or series directories) for a region.",
            discussion: """
            Checks glossary consistency against the Chinese source aligned by time (preferred/admitted renderings, \
            deprecated terms, pinyin or Chinese left in, one symbol rendered two ways in an episode or the series, \
            renderings with no source symbol), the region's sensitive terms, glossary coverage of the symbols that \
            occur, and subtitle QC with the region's limits. Run `locctl audit rules` for the list.

            Exit codes: 0 no finding at or above --fail-on; 1 findings at or above --fail-on; 2 a track could not be read; \
            64 usage errors.
            """
        )

        @Argument(help: "Target tracks or directories of tracks (a series).")
        var tracks: [String] = []

        @Option(name: .long, help: "Region tag whose profile and glossary language apply (e.g. en-US, th-TH).")
        var region: String?

        @Option(name: .long, parsing: .upToNextOption, help: "Chinese source tracks or directories, paired with the targets by episode name.")
        var source: [String] = []

        @Option(name: .long, help: ArgumentHelp("Videos of the episodes (a directory, paired by episode name, or an http(s) base URL): the HTML report links each finding to its cue.", valueName: "dir-or-url"))
        var media: String?

        @Option(name: .long, help: "Report format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: ReportFormat = .text

        @Option(name: [.short, .long], help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
        var output: String?

        @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this severity: error, warning, note, never.")
        var failOn: FailOn = .error

        @Option(name: .long, help: "Line limits to apply: vertical (9:16) or landscape (16:9).")
        var orientation: Orientation = .vertical

        @Option(name: .long, help: ArgumentHelp("Accepted findings (default: .locctl-audit.yaml in the working directory, when there is one).", valueName: "file"))
        var suppressions: String?

        @Option(name: .long, help: ArgumentHelp("An earlier JSON or SARIF report: report only findings it does not have.", valueName: "file"))
        var baseline: String?

        @Flag(help: "Treat reading problems (damaged bytes, mixed encodings, cues that cannot be read) as errors.")
        var strict = false

        @Flag(name: .shortAndLong, help: "Print nothing on standard error but errors (the report is still written).")
        var quiet = false

        @OptionGroup var regions: RegionOptions
        @OptionGroup var glossary: GlossaryOptions

        func validate() throws {
            guard !tracks.isEmpty else { throw ValidationError("give at least one TRACK (file or directory)") }
            guard region != nil else { throw ValidationError("give --region TAG (e.g. --region en-US)") }
        }

        func run() throws {
            let region = self.region!
            let profile = try regions.load(tags: [region])[0]
            let symbols = try glossary.auditSymbols()
            let (accepted, known) = try loadAcceptance()

            let extensions = Set(SubtitleFormats.all.flatMap(\.extensions))
            let sourceFiles: [URL]
            var targetFiles: [URL]
            do {
                // A directory given as --source may also hold the translations: keep Chinese (or unlabelled) files.
                sourceFiles = try InputFiles.expand(source, extensions: extensions).filter { EpisodeNaming.isSourceCandidate($0.path) }
                targetFiles = try InputFiles.expand(tracks, extensions: extensions)
            } catch {
                throw AuditExit.usageError("\(error)")
            }
            let sourcePaths = Set(sourceFiles.map { $0.standardizedFileURL.path })
            targetFiles.removeAll { sourcePaths.contains($0.standardizedFileURL.path) }
            guard !targetFiles.isEmpty else { throw AuditExit.usageError("no subtitle files among the TRACK arguments") }

            let (pairs, unpaired) = EpisodeNaming.pair(targets: targetFiles.map(\.relativePath), sources: sourceFiles.map(\.relativePath))
            if !source.isEmpty && !quiet {
                for pair in pairs where pair.source == nil { printError("warning: no source track for \(pair.target); glossary checks against the source are skipped") }
                for s in unpaired { printError("warning: source \(s) matches no target") }
            }

            let auditor = TrackAuditor(region: profile, symbols: symbols, options: AuditOptions(orientation: orientation))
            // Per-cue QC findings (most of a big series') go to a temp file as they are found; see FindingStore.
            let store: FindingStore
            do { store = try FindingStore() } catch {
                printError("error: \(error)")
                throw ExitCode(AuditExit.input)
            }
            let results = ResultBox<EpisodeResult>(count: pairs.count)
            let warnings = InputWarnings(quiet: quiet)
            let options = DecodeOptions(strict: strict)
            let indexed = Array(pairs.enumerated()).map { IndexedPair(index: $0.offset, target: $0.element.target, source: $0.element.source) }
            let outcomes = BatchRunner(label: "audit").run(indexed, name: { $0.target }) { pair in
                do {
                    // The source is read first and kept as a digest, so its Track is released before the target is
                    // read (a big pair never holds two Tracks). Target errors and warnings still come first.
                    var source: LoadedSource?
                    var sourceError: (any Error)?
                    do { source = try pair.source.map { try LoadedSource(path: $0, options: options) } } catch { sourceError = error }
                    let target = try LoadedTrack(path: pair.target, options: options)
                    warnings.report(target.diagnostics, file: pair.target)
                    if let sourceError { throw sourceError }
                    if let source, let path = pair.source { warnings.report(source.diagnostics, file: path) }
                    let input = EpisodeInput(episode: EpisodeNaming.episodeKey(pair.target), target: target.track, targetFile: pair.target,
                                             targetLines: target.lines, sourceCues: source?.cues, sourceFile: pair.source,
                                             sourceLines: source?.lines)
                    results.set(pair.index, auditor.audit(input, qcStore: store))
                    return .done(message: nil)
                } catch {
                    return .failed(message: "\(error)")
                }
            }
            var inputErrors = 0
            for case let .failed(message) in outcomes {
                inputErrors += 1
                printError("error: \(message)")
            }
            warnings.printSummary()
            // A report over no track would say "no findings": an error instead, and no report.
            if inputErrors > 0 && inputErrors == pairs.count {
                printError("error: no track could be read, so no report was written")
                throw ExitCode(AuditExit.input)
            }
            if inputErrors > 0 {
                printError("error: \(inputErrors) of \(pairs.count) tracks could not be read; the report covers the other \(pairs.count - inputErrors)")
            }
            let files = SeriesAudit.combine(results.all.compactMap { $0 }, context: auditor.context, into: store)
            let report: StoredAuditReport
            do {
                report = try StoredAuditReport(region: auditor.context.region.tag, orientation: auditor.context.options.orientation.rawValue,
                                               files: files, all: store, suppressions: accepted, baseline: known)
            } catch {
                printError("error: \(error)")
                throw ExitCode(AuditExit.input)
            }
            let color = wantsColor(format: format.rawValue, output: output), format = self.format
            try emitStreamed(to: output) { sink in
                switch format {
                case .text: try TextReport(color: color).write(report, to: sink)
                case .json: try JSONReport.write(report, to: sink)
                case .sarif: try SARIFReport.write(report, to: sink)
                case .markdown, .html:
                    let videos = media.map { MediaLinks.links(for: report.files.map(\.episode), in: $0) } ?? [:]
                    try sink.write(format.render(try report.materialized(), color: color, media: videos))
                }
            }
            if inputErrors > 0 { throw ExitCode(AuditExit.input) }
            if report.fails(at: failOn.severity) { throw ExitCode(AuditExit.findings) }
        }

        /// The suppression entries and the baseline: a named file that is missing is a usage error, one that
        /// cannot be parsed an input error (exit 2) naming file and line.
        func loadAcceptance() throws -> ([Suppression], Baseline?) {
            var entries: [Suppression] = []
            let fm = FileManager.default
            if let suppressions {
                guard fm.fileExists(atPath: suppressions) else { throw AuditExit.usageError("no such suppression file: \(suppressions)") }
                entries = try readSuppressions(URL(fileURLWithPath: suppressions))
            } else if fm.fileExists(atPath: SuppressionFile.defaultName) {
                entries = try readSuppressions(URL(fileURLWithPath: SuppressionFile.defaultName))
            }
            var known: Baseline?
            if let baseline {
                guard fm.fileExists(atPath: baseline) else { throw AuditExit.usageError("no such baseline report: \(baseline)") }
                do { known = try Baseline.load(URL(fileURLWithPath: baseline)) } catch {
                    printError("error: \(error)")
                    throw ExitCode(AuditExit.input)
                }
            }
            return (entries, known)
        }

        private func readSuppressions(_ url: URL) throws -> [Suppression] {
            do { return try SuppressionFile.load(url) } catch {
                printError("error: \(error)")
                throw ExitCode(AuditExit.input)
            }
        }
    }
}

private struct IndexedPair: Sendable {
    var index: Int
    var target: String
    var source: String?
}

/// A subtitle file read for auditing, with the line of each cue when the format has timing lines.
private struct LoadedTrack {
    var track: Track
    var lines: [Int]?
    var diagnostics: [Diagnostic]

    init(path: String, options: DecodeOptions) throws {
        let url = URL(fileURLWithPath: path)
        let data: Data
        try InputLimit.check(url)
        do { data = try Data(contentsOf: url) } catch { throw InputFiles.Failure(description: "\(path): cannot read file (\(UserMessage.reason(error)))") }
        let loaded = try SubtitleFile.decode(data, name: path, options: options)
        track = loaded.track
        diagnostics = loaded.diagnostics
        if ["srt", "vtt", "webvtt"].contains(loaded.format.lowercased()) {
            lines = CueLines.locate(in: data, cueCount: track.cues.count)
        }
    }
}

/// A source track read for auditing: only what the audit reads of its cues (see ``CueDigest``).
private struct LoadedSource {
    var cues: CueDigest
    var lines: [Int]?
    var diagnostics: [Diagnostic]

    init(path: String, options: DecodeOptions) throws {
        let loaded = try LoadedTrack(path: path, options: options)
        cues = CueDigest(loaded.track)
        lines = loaded.lines
        diagnostics = loaded.diagnostics
    }
}

extension LocCtl {
    /// `locctl audit rules`: every rule with its family, default severity and description.
    struct AuditRulesList: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every audit rule.")

        @Flag(name: .long, help: "Print the rules as JSON.")
        var json = false

        func run() throws {
            if json {
                let items = AuditRules.all.map { ["id": $0.id, "family": $0.family.rawValue, "severity": $0.defaultSeverity.rawValue, "summary": $0.summary, "help": $0.help] }
                let data = try JSONSerialization.data(withJSONObject: items, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                print(String(decoding: data, as: UTF8.self))
                return
            }
            let width = AuditRules.all.map(\.id.count).max() ?? 0
            for rule in AuditRules.all {
                let pad = String(repeating: " ", count: width - rule.id.count)
                let severity = rule.defaultSeverity.rawValue + String(repeating: " ", count: 7 - rule.defaultSeverity.rawValue.count)
                print("\(rule.id)\(pad)  \(severity)  \(rule.summary)")
            }
        }
    }
}
