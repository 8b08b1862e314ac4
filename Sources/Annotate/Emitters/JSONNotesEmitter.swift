import Localize
import Regions
import Subtitles

/// The JSON document: versioned, described by `schemas/annotations.schema.json`.
public struct JSONNotesEmitter: NoteEmitter {
    /// The version written in `schemaVersion`; bump the minor for added fields, the major for changes.
    public static let schemaVersion = "1.1"

    public init() {}
    public var format: NoteFormat { .json }

    public func render(_ plan: AnnotationPlan) -> String {
        typealias J = JSONText
        var out = "{\n"
        out += "  \"schemaVersion\": \(J.quote(Self.schemaVersion)),\n"
        out += "  \"episode\": \(J.quote(plan.episode)),\n"
        out += "  \"region\": \(J.quote(plan.region)),\n"
        out += "  \"notes\": ["
        for (i, n) in plan.notes.enumerated() {
            out += i == 0 ? "\n    " : ",\n    "
            out += J.object([
                ("id", J.quote("note-\(i + 1)")),
                ("startMs", String(n.start.milliseconds)),
                ("endMs", String(n.end.milliseconds)),
                ("symbol", J.quote(n.symbolID)),
                ("term", J.quote(n.term)),
                ("teaser", J.quote(n.teaser)),
                ("matched", J.quote(n.matchedText)),
                ("gloss", J.quote(n.gloss)),
                ("language", J.quote(n.glossLanguage)),
                ("analogy", J.optional(n.analogy)),
                ("frame", J.optional(n.analogyFrame)),
                ("analogyLanguage", J.optional(n.analogyLanguage)),
                ("showsAnalogy", n.showsAnalogy ? "true" : "false"),
                ("direction", J.quote(n.direction.rawValue)),
                ("need", J.quote(n.need.code)),
                ("rendering", J.optional(n.rendering?.rawValue)),
                ("category", J.quote(n.category.rawValue)),
                ("context", J.quote(n.context.rawValue)),
                ("status", J.quote(n.status.rawValue)),
                ("position", J.quote(n.position.rawValue)),
                ("cueId", J.optional(n.cueID)),
                ("cueIndex", String(n.cueIndex)),
                ("track", J.quote(n.side.rawValue)),
            ])
        }
        out += plan.notes.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }
}
