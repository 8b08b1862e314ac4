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
            out += "  \(o.start)  \(cue)  \(o.symbolID) «\(o.matchedText)»\(o.side == .target ? " (target)" : "")"
            if let rendering = o.rendering { out += " [\(rendering.rawValue)\(o.renderedText.map { ": \($0)" } ?? "")]" }
            out += "  "
            switch d.outcome {
            case let .shown(span): out += "shown \(span.start)–\(span.end)\(need(plan, o))"
            case let .deferred(from, span): out += "deferred from \(from) to \(span.start)–\(span.end)\(need(plan, o))"
            case let .dropped(reason): out += "dropped: \(reason)"
            }
            out += "\n"
        }
        return out
    }

    private static func need(_ plan: AnnotationPlan, _ o: SymbolOccurrence) -> String {
        guard let note = plan.notes.first(where: { $0.symbolID == o.symbolID && $0.cueIndex == o.cueIndex }) else { return "" }
        return " (need \(note.need.code)\(note.showsAnalogy ? ", with analogy" : ""))"
    }
}
