import Annotate
import ArgumentParser
import Foundation
import Localize
import Regions
import Subtitles

extension LocCtl {
    /// `locctl preview`: an offline HTML page that plays an episode's subtitles and pop-up notes.
    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a self-contained HTML page that plays subtitles and a region's pop-up notes.",
            discussion: "The page shows notes with the player plug-in (player/locctl-notes.js, inlined) and needs no network: a mark while a note is active, its card on click or Enter (the video pauses; Esc closes). Exit codes: 0 success, 1 the track cannot be read, 64 usage."
        )

        @Argument(help: "The subtitle track to play (Chinese or translated).")
        var track: String

        @Option(help: "Region tag whose notes are shown.")
        var region: String

        @Option(help: "Chinese source track, aligned by time with a translated TRACK.")
        var source: String?

        @Option(help: "Video file to play under the notes (referenced by relative path, not embedded).")
        var video: String?

        @Option(name: .shortAndLong, help: "Output HTML file.")
        var output: String

        @Flag(name: .customLong("reviewed-only"), help: "Leave out notes from draft glossary entries.")
        var reviewedOnly = false

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        @OptionGroup var regionData: RegionOptions

        @OptionGroup var glossary: GlossaryOptions

        func run() throws { try reportingUsageErrors(execute) }

        private func execute() throws {
            let profile = try Resources.regions(named: [region], directory: regionData.regionsDirectory)[0]
            let store = try glossary.openStore()
            guard let episode = try AnnotateInputs.episodes(tracks: [track], source: source).first else {
                throw ValidationError("\(track): no subtitle file found.")
            }
            let loaded = AnnotateInputs.load([episode])[0]
            guard let tracks = loaded.tracks else { printError("error: \(loaded.error ?? "cannot read")"); throw ExitCode(1) }
            let annotator = Annotator(symbols: store.allSymbols, targetLanguages: Set([tracks.targetLanguage].compactMap { $0 }),
                                      options: .init(reviewedOnly: reviewedOnly))
            let plan = annotator.plan(tracks, region: profile)
            let page = URL(fileURLWithPath: output)
            let videoPath = video.map { EpisodeFiles.relativePath(of: URL(fileURLWithPath: $0), from: page.deletingLastPathComponent()) }
            let html = try PreviewPage(plan: plan, subtitles: tracks.target ?? tracks.source ?? Track(), videoPath: videoPath).render()
            try AtomicFile.write(html, to: page)
            if !quiet { print("\(page.path): \(plan.notes.count) note\(plan.notes.count == 1 ? "" : "s") for \(profile.tag)") }
        }
    }
}
