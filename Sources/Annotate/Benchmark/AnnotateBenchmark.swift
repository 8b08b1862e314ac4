import Foundation
import Localize
import SymbolDB

/// Times annotation of a whole series for many regions in every format, rendered in memory.
public enum AnnotateBenchmark {
    public struct Result: Sendable, CustomStringConvertible {
        public var episodes: Int
        public var regions: Int
        public var occurrences: Int
        public var notes: Int
        public var outputBytes: Int
        /// Matcher construction (once per run).
        public var setupSeconds: Double
        /// Detection, planning and rendering.
        public var annotateSeconds: Double

        public var description: String {
            String(format: "%d episodes × %d regions: %d occurrences, %d notes, %d bytes rendered; setup %.3f s, annotate %.3f s",
                   episodes, regions, occurrences, notes, outputBytes, setupSeconds, annotateSeconds)
        }
    }

    /// Splits `source` (and `target`) into `episodes` parts by time, then detects once per episode and plans and
    /// renders every region in every format, on the calling thread.
    public static func run(source: Track, target: Track?, targetLanguage: String? = nil, regions: [RegionProfile],
                           symbols: [Symbol], episodes: Int = 80, series: Bool = true) -> Result {
        let t0 = DispatchTime.now()
        let lang = targetLanguage ?? target?.language
        let annotator = Annotator(symbols: symbols, targetLanguages: lang.map { [$0] } ?? [],
                                  options: .init(occurrence: series ? .series : nil))
        let t1 = DispatchTime.now()
        let parts = split(source, into: episodes)
        let targetParts = target.map { split($0, into: episodes) }
        var perEpisode: [(episode: String, occurrences: [SymbolOccurrence])] = []
        var occurrenceCount = 0
        for (i, part) in parts.enumerated() {
            let name = "ep" + String(format: "%02d", i + 1)
            let o = annotator.occurrences(EpisodeTracks(name: name, source: part, target: targetParts?[i], targetLanguage: lang))
            occurrenceCount += o.count
            perEpisode.append((name, o))
        }
        var notes = 0, bytes = 0
        for region in regions {
            for plan in annotator.plan(series: perEpisode, region: region) {
                notes += plan.notes.count
                for (_, text) in (try? Annotator.render(plan, formats: NoteFormat.allCases)) ?? [] { bytes += text.utf8.count }
            }
        }
        let t2 = DispatchTime.now()
        return Result(episodes: parts.count, regions: regions.count, occurrences: occurrenceCount, notes: notes, outputBytes: bytes,
                      setupSeconds: Double(t1.uptimeNanoseconds - t0.uptimeNanoseconds) / 1e9,
                      annotateSeconds: Double(t2.uptimeNanoseconds - t1.uptimeNanoseconds) / 1e9)
    }

    /// Splits a track into `count` parts of equal duration (by cue start), each part keeping its cues' times.
    public static func split(_ track: Track, into count: Int) -> [Track] {
        guard count > 1, let last = track.cues.map(\.end).max() else { return [track] }
        let length = max(1, (last.milliseconds + Int64(count) - 1) / Int64(count))
        var parts = [Track](repeating: Track(language: track.language), count: count)
        for cue in track.cues {
            let k = min(count - 1, Int(cue.start.milliseconds / length))
            parts[k].cues.append(cue)
        }
        return parts
    }
}
