import Annotate
import ArgumentParser
import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB
import TextServices

extension LocCtl {
    /// `locctl annotate`: per-region pop-up cultural notes as sidecar cue files.
    struct Annotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write per-region pop-up cultural notes as sidecar files (WebVTT metadata and visible, TTML, SRT, JSON).",
            discussion: """
            TRACK is a Chinese source track or a translated track (its language from the file name, ep01.en.srt, \
            or the file). With --source the Chinese track is aligned by time and both are searched. A directory \
            is a series: episodes in file-name order. Outputs: OUT/<episode>.<region>.notes.<ext>, written \
            atomically. Exit codes: 0 success, 1 an input failed, 64 usage.
            """
        )

        @Argument(help: "Subtitle files or directories (a directory is a series).")
        var tracks: [String]

        @Option(help: "Region tag to annotate for (repeatable, or comma-separated).")
        var region: [String] = []

        @Option(name: .customLong("regions"), help: "'all' for every profile in the regions directory.")
        var allRegions: String?

        @Option(help: "Chinese source track (file, or directory matched by episode name).")
        var source: String?

        @Option(help: "Output formats, comma-separated: \(NoteFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: String = NoteFormat.allCases.map(\.rawValue).joined(separator: ",")

        @Option(name: .customLong("out-dir"), help: "Directory for the sidecar files (created if missing).")
        var outDir: String

        @Flag(help: "Print for every occurrence whether it was shown, deferred or dropped, and why.")
        var explain = false

        @Flag(help: "Treat each directory as one series: a symbol gets a note at its first occurrence in the series.")
        var series = false

        @Flag(name: .customLong("reviewed-only"), help: "Leave out notes from draft glossary entries.")
        var reviewedOnly = false

        @OptionGroup var regionData: RegionOptions

        @OptionGroup var glossary: GlossaryOptions

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        @Flag(help: "Treat reading problems (damaged bytes, mixed encodings, cues that cannot be read) as errors.")
        var strict = false

        func validate() throws {
            if region.isEmpty == (allRegions == nil) { throw ValidationError("Name regions with --region R or --regions all (one of them).") }
            if let allRegions, allRegions != "all" { throw ValidationError("--regions takes 'all'; use --region for a list.") }
            _ = try formats()
        }

        func formats() throws -> [NoteFormat] {
            try format.split(separator: ",").map { name in
                guard let f = NoteFormat(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("Unknown format '\(name)'. Choose from: \(NoteFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                return f
            }
        }

        func run() throws { try reportingUsageErrors(execute) }

        private func execute() throws {
            let formats = try self.formats()
            let profiles = try Resources.regions(named: allRegions != nil ? ["all"] : region.flatMap { $0.split(separator: ",").map(String.init) }, directory: regionData.regionsDirectory)
            let store = try glossary.openStore()
            if store.allSymbols.isEmpty { printError("warning: \(store.glossaryDirectory.path) has no symbols; no notes will be planned") }
            let episodes = try AnnotateInputs.episodes(tracks: tracks, source: source)
            let out = URL(fileURLWithPath: outDir, isDirectory: true)
            do { try AtomicFile.createDirectory(out.path) } catch { throw CommandFailure("\(error)") }

            // Each job detects, plans and writes its own outputs (each renamed into place as soon as it is
            // complete), so an interrupted batch keeps every finished file. A --series run is one job per series.
            let warnings = InputWarnings(quiet: quiet)
            let loaded = AnnotateInputs.load(episodes, options: DecodeOptions(strict: strict), warnings: warnings)
            let annotator = Annotator(symbols: store.allSymbols, targetLanguages: Set(loaded.compactMap { $0.tracks?.targetLanguage }),
                                      options: .init(reviewedOnly: reviewedOnly, occurrence: series ? .series : nil))
            let runs = AnnotateInputs.runs(loaded, series: series)
            let explain = self.explain, quiet = self.quiet
            let outcomes = BatchRunner(label: "annotate").run(runs, name: { $0.first?.episode.name ?? "" }) { run in
                if let failed = run.first(where: { $0.error != nil }) { return .failed(message: failed.error!) }
                var lines: [String] = []
                for profile in profiles {
                    do {
                        for episode in run where episode.occurrences.value.isEmpty {
                            episode.occurrences.set(annotator.occurrences(episode.tracks!))
                        }
                        let plans = annotator.plan(series: run.map { ($0.episode.name, $0.occurrences.value, $0.tracks?.end) }, region: profile)
                        for plan in plans {
                            for (format, text) in try Annotator.render(plan, formats: formats) {
                                try AtomicFile.write(text, to: out.appendingPathComponent(format.fileName(episode: plan.episode, region: plan.region)))
                            }
                            if explain { lines.append(PlanExplanation.text(plan)) }
                            else if !quiet { lines.append("\(plan.episode) \(plan.region): \(plan.notes.count) note\(plan.notes.count == 1 ? "" : "s")") }
                        }
                    } catch {
                        return .failed(message: "\(run.first?.episode.track.path ?? "") \(profile.tag): \(error)")
                    }
                }
                return .done(message: lines.isEmpty ? nil : lines.joined(separator: explain ? "" : "\n"))
            }
            try Report.outcomes(outcomes, quiet: quiet)
            warnings.printSummary()
        }
    }
}

/// Expands `annotate`/`preview` inputs into episodes and loads their tracks.
enum AnnotateInputs {
    static let extensions = Set(SubtitleFormats.all.flatMap(\.extensions))

    struct Loaded: Sendable {
        var episode: EpisodeFiles.Episode
        var tracks: EpisodeTracks?
        var error: String?
        var occurrences = Locked<[SymbolOccurrence]>([])
    }

    static func episodes(tracks: [String], source: String?) throws -> [EpisodeFiles.Episode] {
        var inputs: [(url: URL, series: String?)] = []
        for input in tracks {
            var isDir: ObjCBool = false
            let isDirectory = FileManager.default.fileExists(atPath: input, isDirectory: &isDir) && isDir.boolValue
            for url in try InputFiles.expand([input], extensions: extensions) {
                inputs.append((url, isDirectory ? URL(fileURLWithPath: input).standardizedFileURL.path : nil))
            }
        }
        let sources = try source.map { try InputFiles.expand([$0], extensions: extensions) } ?? []
        return EpisodeFiles.episodes(tracks: inputs, sources: sources)
    }

    /// Reads every episode's tracks in parallel; failures are kept per episode.
    static func load(_ episodes: [EpisodeFiles.Episode], options: DecodeOptions = DecodeOptions(),
                     warnings: InputWarnings = InputWarnings()) -> [Loaded] {
        let box = ResultBox<Loaded>(count: episodes.count)
        DispatchQueue.concurrentPerform(iterations: episodes.count) { i in
            let e = episodes[i]
            do {
                let file = try SubtitleFile.read(e.track, options: options)
                warnings.report(file.diagnostics, file: e.track.path)
                let track = file.track
                let language = e.language ?? track.language
                if EpisodeFiles.isChinese(language) || (language == nil && looksChinese(track)) {
                    box.set(i, Loaded(episode: e, tracks: EpisodeTracks(name: e.name, source: track, target: nil)))
                } else {
                    let sourceFile = try e.source.map { try SubtitleFile.read($0, options: options) }
                    if let sourceFile, let path = e.source?.path { warnings.report(sourceFile.diagnostics, file: path) }
                    let source = sourceFile?.track
                    box.set(i, Loaded(episode: e, tracks: EpisodeTracks(name: e.name, source: source, target: track, targetLanguage: language ?? "en")))
                }
            } catch {
                box.set(i, Loaded(episode: e, tracks: nil, error: failureMessage(error, about: e.track.path)))
            }
        }
        return box.all.map { $0! }
    }

    /// Runs planned together: a whole directory with `--series`, else one episode each.
    static func runs(_ loaded: [Loaded], series: Bool) -> [[Loaded]] {
        guard series else { return loaded.map { [$0] } }
        var order: [String] = []
        var groups: [String: [Loaded]] = [:]
        for (i, l) in loaded.enumerated() {
            let key = l.episode.series ?? "#\(i)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(l)
        }
        return order.map { groups[$0]!.sorted { $0.episode.track.lastPathComponent < $1.episode.track.lastPathComponent } }
    }

    static func looksChinese(_ track: Track) -> Bool {
        var han = 0, letters = 0
        for cue in track.cues.prefix(20) {
            for s in cue.text.plainText.unicodeScalars where s.properties.isAlphabetic {
                letters += 1
                if (0x4E00...0x9FFF).contains(s.value) { han += 1 }
            }
        }
        return letters > 0 && han * 2 > letters
    }
}
