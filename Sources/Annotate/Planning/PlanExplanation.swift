import Localize
import Regions
import Subtitles

/// The `--explain` report: one line per occurrence saying whether it was shown, deferred or dropped, and why.
public enum PlanExplanation {
    public static func text(_ plan: AnnotationPlan) -> String {
        let shown = plan.decisions.filter(\.isShown).count
        var out = "\(plan.episode) \(plan.region): \(shown) note\(shown == 1 ? "" : "s") from \(plan.decisions.count) occurrence\(plan.decisions.count == 1 ? "" : "s")\n"
        for d in plan.decisions {
            let o = d.occurrence
            let cue = o.cueID.map { "cue \($0)" } ?? "cue #\(o.cueIndex + 1)"
            out += "  \(o.start)  \(cue)  \(o.symbolID) «\(o.matchedText)»\(o.side == .target ? " (target)" : "")  "
            switch d.outcome {
            case let .shown(span): out += "shown \(span.start)–\(span.end)"
            case let .deferred(from, span): out += "deferred from \(from) to \(span.start)–\(span.end)"
            case let .dropped(reason): out += "dropped: \(reason)"
            }
            out += "\n"
        }
        return out
    }
}
