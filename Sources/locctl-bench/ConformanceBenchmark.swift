import Annotate
import Audit
import Localize
import Regions
import Subtitles
import SymbolDB
import TextServices
/// Runs the conformance steps (wrap, timing, bidi) over one track for many regions, for benchmarks.
public enum ConformanceBenchmark {
    /// What one run did.
    public struct Summary: Sendable {
        public var regions: Int
        public var cuesIn: Int
        public var cuesOut: Int
        public var changes: Int
        public var unfixable: Int
    }

    /// Applies wrap, timing and bidi to `track` for every region in both orientations (or only `orientations`).
    public static func run(track: Track, regions: [RegionProfile], orientations: [Orientation] = [.vertical]) -> Summary {
        var summary = Summary(regions: regions.count, cuesIn: track.cues.count, cuesOut: 0, changes: 0, unfixable: 0)
        let steps: [any LocalizeStep] = [WrapStep(), TimingStep(), BidiStep()]
        for region in regions {
            for orientation in orientations {
                let context = LocalizeContext(region: region, orientation: orientation, frameRate: track.frameRate)
                var current = track
                for step in steps {
                    let result = step.apply(current, in: context)
                    current = result.track
                    summary.changes += result.changes.count
                    summary.unfixable += result.changes.filter { $0.kind == .unfixable }.count
                }
                summary.cuesOut += current.cues.count
            }
        }
        return summary
    }
}
