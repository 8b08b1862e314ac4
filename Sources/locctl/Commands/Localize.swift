import ArgumentParser
import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB
import TextServices

extension LocCtl {
    /// `locctl localize`: make translated tracks fit a region (glossary renderings, script, wrap, timing, bidi).
    struct Localize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Localize translated subtitle tracks for a region.",
            discussion: """
            Steps run in a fixed order: \(LocalizeSteps.order.joined(separator: ", ")) \
            (available in this build: \(LocalizeSteps.available.joined(separator: ", "))).
            With --source DIR, each input is paired with its Chinese source by episode name: `ep01.en.srt` \
            pairs with `ep01.zh.srt` (or `ep01.zh-Hans.srt`, `ep01.srt`, any subtitle extension) in DIR.
            Inputs are never overwritten; outputs are written atomically, in the input's format unless --to.
            Exit status: 0 done, 1 unfixable problems reported or a file failed, 64 usage error.
            """
        )

        @Argument(help: "Translated subtitle files or directories.")
        var inputs: [String]

        @Option(help: "Target region (BCP 47 tag of a profile in regions/, e.g. en-US, es-419, zh-Hant-TW).")
        var region: String

        @Option(help: "Chinese source track, or a directory of them paired by episode name.")
        var source: String?

        @Option(name: .shortAndLong, help: "Output file (one input only).")
        var output: String?

        @Option(name: .customLong("out-dir"), help: "Directory for outputs, named <episode>.<region>.<ext> (ep01.en-US.srt), so regions never collide; created if missing.")
        var outDir: String?

        @Option(help: "Comma-separated steps to run (default: all available): \(LocalizeSteps.order.joined(separator: ",")).")
        var steps: String?

        @Option(help: "Video orientation: \(Orientation.allCases.map(\.rawValue).joined(separator: ", ")).")
        var orientation: Orientation = .vertical

        @Option(name: .customLong("inline-gloss"), help: "Add a short gloss after a symbol's rendering: \(GlossaryStep.InlineGloss.allCases.map(\.rawValue).joined(separator: ", ")).")
        var inlineGloss: GlossaryStep.InlineGloss = .none

        @Option(help: "Output format: \(SubtitleFormats.writable.joined(separator: ", ")). Default: the input's.")
        var to: String?

        @Option(help: "Change report format: text, json.")
        var report: ReportFormat = .text

        @Option(name: .customLong("report-file"), help: "Write the change report to this file instead of standard output.")
        var reportFile: String?

        @Flag(help: "Treat reading problems (damaged bytes, mixed encodings, cues that cannot be read) as errors.")
        var strict = false

        @Flag(name: .shortAndLong, help: "Print nothing but errors (the change report is still written to --report-file).")
        var quiet = false

        @OptionGroup var regionData: RegionOptions

        @OptionGroup var glossary: GlossaryOptions

        enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

        var stepNames: [String]? {
            steps.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        }

        func validate() throws {
            if output != nil && outDir != nil { throw ValidationError("Use either -o or --out-dir, not both.") }
            if output == nil && outDir == nil { throw ValidationError("Name an output with -o FILE or --out-dir DIR.") }
            if let to, SubtitleFormats.codec(named: to)?.canEncode != true {
                throw ValidationError("Unknown output format '\(to)'. Choose one of: \(SubtitleFormats.writable.joined(separator: ", ")).")
            }
            if let names = stepNames {
                if names.isEmpty { throw ValidationError("--steps names no step.") }
                do { _ = try LocalizeSteps.make(names) } catch { throw ValidationError("\(error)") }
            }
            _ = try regionProfile()
        }

        func run() throws { try reportingUsageErrors(execute) }

        private func execute() throws {
            let region = try regionProfile()
            let extensions = Set(SubtitleFormats.all.flatMap(\.extensions))
            var files = try InputFiles.expand(inputs, extensions: extensions)
            var skipped: [BatchRunner.Outcome] = []
            if let source, FileManager.default.isDirectory(source) {
                // A series directory holds the sources too: a Chinese track of --source DIR is not an input.
                let sourceFiles = try InputFiles.expand([source], extensions: extensions)
                files.removeAll { input in
                    guard EpisodeNaming.isChinese(input.path), sourceFiles.contains(where: { Self.samePath($0, input) }) else { return false }
                    skipped.append(.skipped(reason: "\(input.path) is a Chinese source track"))
                    return true
                }
            }
            if output != nil && files.count != 1 {
                throw ValidationError("-o takes exactly one input; \(files.count) found. Use --out-dir.")
            }
            let sources = try pairSources(files, extensions: extensions)
            let plan = try files.enumerated().map { index, input -> Job in
                let dest = destination(for: input, region: region.tag)
                for other in [input] + [sources[index]].compactMap({ $0 }) where Self.samePath(dest, other) {
                    throw ValidationError("\(input.path): output would overwrite \(other.path); choose another name or directory.")
                }
                return Job(input: input, output: dest, source: sources[index])
            }

            if let outDir {
                do { try AtomicFile.createDirectory(outDir) } catch { throw CommandFailure("\(error)") }
            }
            let store = try glossary.openStore()
            let symbols = store.allSymbols
            let matchers = SymbolMatchers(symbols: store.allSymbolsByID)
            let byID = Dictionary(symbols.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let pipeline = try LocalizePipeline(names: stepNames, options: LocalizeSteps.Options(inlineGloss: inlineGloss, matchers: matchers))
            let orientation = self.orientation, to = self.to
            let options = DecodeOptions(strict: strict)
            let warnings = InputWarnings(quiet: quiet)
            let reports = ResultBox<ChangeReport.File>(count: plan.count)
            let indexed = Array(plan.enumerated())
            let outcomes = BatchRunner(label: "localize").run(indexed, name: { $0.element.input.lastPathComponent }) { item in
                let (index, job) = item
                do {
                    var loaded = try SubtitleFile.read(job.input, options: options)
                    warnings.report(loaded.diagnostics, file: job.input.path)
                    // The pipeline gets the only copy of the track, so the input is released step by step.
                    let track = loaded.track
                    loaded.track = Track()
                    let sourceFile = try job.source.map { try SubtitleFile.read($0, options: options) }
                    if let sourceFile, let path = job.source?.path { warnings.report(sourceFile.diagnostics, file: path) }
                    let source = sourceFile?.track
                    let context = LocalizeContext(region: region, orientation: orientation, source: source,
                                                  matcher: symbols.isEmpty ? nil : matchers.chinese, symbols: byID,
                                                  frameRate: track.frameRate)
                    let result = pipeline.run(consume track, in: context)
                    try SubtitleFile.write(result.track, to: job.output, format: to ?? loaded.format)
                    reports.set(index, ChangeReport.File(input: job.input.path, output: job.output.path, source: job.source?.path,
                                                         region: region.tag, steps: pipeline.names, changes: result.changes))
                    return .done(message: nil)
                } catch {
                    return .failed(message: failureMessage(error, about: job.input.path))
                }
            }
            let changeReport = ChangeReport(files: reports.all.compactMap { $0 })
            if report == .json {
                let text = changeReport.json()
                if let reportFile {
                    try AtomicFile.write(text + "\n", to: URL(fileURLWithPath: reportFile))
                } else if !text.isEmpty {
                    print(text)
                }
            } else if let reportFile {
                // Line by line: the report of a 10^6-cue file is never one string in memory.
                let stream = try AtomicFileStream(URL(fileURLWithPath: reportFile))
                var wroteLine = false
                try changeReport.writeText { line in
                    try stream.write(line.utf8)
                    try stream.write("\n".utf8)
                    wroteLine = true
                }
                if !wroteLine { try stream.write("\n".utf8) }
                try stream.commit()
            } else if !quiet {
                changeReport.writeText { print($0) }
            }
            for case let .skipped(reason) in skipped where !quiet {   // stderr: stdout may carry the JSON report
                FileHandle.standardError.write(Data("skipped: \(reason)\n".utf8))
            }
            try Report.outcomes(outcomes, quiet: quiet)
            warnings.printSummary()
            let unfixable = changeReport.count(.unfixable)
            if unfixable > 0 {
                // Quiet leaves out the text report, so the reason for exit 1 is said here (an error, so -q keeps it).
                if quiet {
                    let whereTo = reportFile.map { "see the change report in \($0)" }
                        ?? (report == .json ? "see the change report" : "run without -q for the change report")
                    printError("error: \(unfixable) problem\(unfixable == 1 ? "" : "s") could not be fixed; \(whereTo)")
                }
                throw ExitCode(1)
            }
        }

        struct Job: Sendable {
            var input: URL
            var output: URL
            var source: URL?
        }

        private func regionProfile() throws -> RegionProfile {
            try Resources.regions(named: [region], directory: regionData.regionsDirectory)[0]
        }

        /// `-o FILE`, or `OUT/<episode>.<region>.<ext>`: the input's episode name without its language part
        /// (ep01.en.srt → ep01.en-US.srt), so localizing for two regions into one directory never overwrites.
        private func destination(for input: URL, region: String) -> URL {
            if let output { return URL(fileURLWithPath: output) }
            let ext = to.flatMap { SubtitleFormats.codec(named: $0)?.extensions.first } ?? input.pathExtension
            return URL(fileURLWithPath: outDir!).appendingPathComponent("\(EpisodeNaming.episodeKey(input.path)).\(region).\(ext)")
        }

        /// The source track for each input: `--source FILE` for a single input, or the file in `--source DIR`
        /// with the same episode name (see `EpisodeNaming`).
        private func pairSources(_ files: [URL], extensions: Set<String>) throws -> [URL?] {
            guard let source else { return files.map { _ in nil } }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source, isDirectory: &isDir) else {
                throw ValidationError("--source \(source): no such file or directory")
            }
            if !isDir.boolValue {
                guard files.count == 1 else { throw ValidationError("--source FILE takes one input; give a directory for several.") }
                return [URL(fileURLWithPath: source)]
            }
            let candidates = try InputFiles.expand([source], extensions: extensions)
            return try files.map { input in
                guard let match = EpisodeNaming.source(for: input, among: candidates) else {
                    throw ValidationError("\(input.path): no Chinese source for episode '\(EpisodeNaming.episodeKey(input.path))' in \(source)")
                }
                return match
            }
        }

        static func samePath(_ a: URL, _ b: URL) -> Bool { EpisodeNaming.samePath(a, b) }
    }
}

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}

extension GlossaryStep.InlineGloss: ExpressibleByArgument {}
