import Annotate
import Audit
import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB
import TextServices

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
        /// The same two phases in this thread's CPU time (robust on a shared machine).
        public var setupCPUSeconds: Double
        public var annotateCPUSeconds: Double

        public var description: String {
            String(format: "annotate: %d episodes × %d regions × %d formats: %d occurrences, %d notes, %.1f MB rendered; matcher setup %.3f s (CPU %.3f s), detect+plan+render %.3f s (CPU %.3f s), total %.3f s",
                   episodes, regions, NoteFormat.allCases.count, occurrences, notes, Double(outputBytes) / 1e6,
                   setupSeconds, setupCPUSeconds, annotateSeconds, annotateCPUSeconds, setupSeconds + annotateSeconds)
        }
    }

    /// Splits `source` (and `target`) into `episodes` parts by time, then detects once per episode and plans and
    /// renders every region in every format, on the calling thread.
    public static func run(source: Track, target: Track?, targetLanguage: String? = nil, regions: [RegionProfile],
                           symbols: [Symbol], episodes: Int = 80, series: Bool = true) -> Result {
        let c0 = threadCPUSeconds()
        let t0 = DispatchTime.now()
        let lang = targetLanguage ?? target?.language
        let annotator = Annotator(symbols: symbols, targetLanguages: lang.map { [$0] } ?? [],
                                  options: .init(occurrence: series ? .series : nil))
        let t1 = DispatchTime.now()
        let c1 = threadCPUSeconds()
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
        let c2 = threadCPUSeconds()
        return Result(episodes: parts.count, regions: regions.count, occurrences: occurrenceCount, notes: notes, outputBytes: bytes,
                      setupSeconds: Double(t1.uptimeNanoseconds - t0.uptimeNanoseconds) / 1e9,
                      annotateSeconds: Double(t2.uptimeNanoseconds - t1.uptimeNanoseconds) / 1e9,
                      setupCPUSeconds: c1 - c0, annotateCPUSeconds: c2 - c1)
    }

    /// Glossary-like symbols for the benchmark from a list of Chinese forms (e.g. the corpus generator's
    /// `symbols.txt`): English gloss of about 100 characters, a Spanish and a Thai gloss on some, analogies in
    /// three frames on some, mixed context levels, priorities, themes and review status.
    public static func symbols(forms: [String], count: Int = 250) -> [Symbol] {
        var seen = Set<String>()
        let heads = forms.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0.count >= 2 && seen.insert($0).inserted }
        let themes = ["family", "chivalry", "reunion", "face", "philosophy", "aesthetics", "revenge", "wealth"]
        return heads.prefix(count).enumerated().map { i, head in
            var gloss = ["en": "Explanation number \(i) of \(head) for an English-speaking viewer, about one hundred characters long."]
            if i % 2 == 0 { gloss["es"] = "Explicación número \(i) de \(head) para el público hispanohablante, de unos cien caracteres." }
            if i % 3 == 0 { gloss["th"] = "คำอธิบายหมายเลข \(i) ของ \(head) สำหรับผู้ชมชาวไทย" }
            var analogies: [String: [String: String]] = [:]
            if i % 4 == 0 { analogies["greco-roman"] = ["en": "Like a figure of Greek myth, with differences (\(i))."] }
            if i % 5 == 0 { analogies["anglo-american"] = ["en": "Like an Anglo-American custom, but not the same (\(i))."] }
            if i % 6 == 0 { analogies["theravada-thai"] = ["en": "Close to a Thai custom (\(i)).", "th": "คล้ายประเพณีไทย (\(i))"] }
            return Symbol(id: "bench-\(i)", category: .value, context: ContextLevel.allCases[i % 3], priority: 1 + i % 3,
                          themes: [themes[i % themes.count]], forms: Forms(simplified: [head], pinyin: ["bench\(i)"]),
                          gloss: gloss, renderings: ["en": Renderings(preferred: ["Term \(i)"])], analogies: analogies,
                          status: i % 7 == 0 ? .draft : .reviewed)
        }
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

/// CPU time of the calling thread in seconds.
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
