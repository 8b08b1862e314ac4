import Foundation
import Regions
import Subtitles

/// What `locctl localize` did to each file, for people (`text`) and for tools (`json`).
///
/// JSON (`--report json`), schema version 1:
/// ```
/// { "version": 1,
///   "summary": { "files": 1, "changed": 3, "ambiguous": 1, "unfixable": 0 },
///   "files": [ {
///       "input": "ep01.en.srt", "output": "out/ep01.en.srt", "source": "ep01.zh.srt" | null,
///       "region": "en-US", "steps": ["glossary", "script"],
///       "summary": { "changed": 3, "ambiguous": 1, "unfixable": 0 },
///       "changes": [ {
///           "cue": "3",                      // cue id, else its 1-based position
///           "start": "00:00:05.800",         // cue start (hh:mm:ss.mmm)
///           "startMs": 5800,
///           "step": "glossary",              // glossary | script | wrap | timing | bidi
///           "kind": "changed",               // changed | ambiguous (reported, not changed) | unfixable
///           "reason": "pinyin left in the translation (mid-autumn-festival)",
///           "before": "Zhongqiu",            // absent when not applicable
///           "after": "Mid-Autumn Festival" } ] } ] }
/// ```
/// Keys are sorted; `before`/`after` are omitted when nil.
public struct ChangeReport: Sendable {
    /// One localized file.
    public struct File: Sendable {
        public var input: String
        public var output: String?
        public var source: String?
        public var region: String
        public var steps: [String]
        public var changes: [Change]

        public init(input: String, output: String?, source: String?, region: String, steps: [String], changes: [Change]) {
            self.input = input
            self.output = output
            self.source = source
            self.region = region
            self.steps = steps
            self.changes = changes
        }

        public func count(_ kind: Change.Kind) -> Int { changes.filter { $0.kind == kind }.count }
    }

    public var files: [File]

    public init(files: [File] = []) { self.files = files }

    public func count(_ kind: Change.Kind) -> Int { files.reduce(0) { $0 + $1.count(kind) } }

    /// One line per change — `FILE CUE TIME STEP KIND: REASON: BEFORE → AFTER` — after a header per file.
    public func text() -> String {
        var lines: [String] = []
        writeText { lines.append($0) }
        return lines.joined(separator: "\n")
    }

    /// The lines of ``text()`` one at a time (without their line breaks), so a big report can be written
    /// without holding all of it in one string.
    public func writeText(_ emit: (String) throws -> Void) rethrows {
        for file in files {
            let target = file.output.map { " → \($0)" } ?? ""
            try emit("\(file.input)\(target) [\(file.region); \(file.steps.joined(separator: ","))]: "
                + "\(file.count(.changed)) changed, \(file.count(.ambiguous)) ambiguous, \(file.count(.unfixable)) unfixable")
            for c in file.changes {
                var line = "  \(c.cue) \(c.start.formatted(separator: ",")) \(c.step) \(c.kind.rawValue): \(c.reason)"
                switch (c.before, c.after) {
                case let (b?, a?): line += ": \(Self.quote(b)) → \(Self.quote(a))"
                case let (b?, nil): line += ": \(Self.quote(b))"
                default: break
                }
                try emit(line)
            }
        }
    }

    /// The JSON document described above, pretty-printed with sorted keys.
    public func json() -> String {
        let doc = Document(version: 1,
                           summary: Summary(files: files.count, changed: count(.changed), ambiguous: count(.ambiguous), unfixable: count(.unfixable)),
                           files: files.map { f in
                               FileEntry(input: f.input, output: f.output, source: f.source, region: f.region, steps: f.steps,
                                         summary: Summary(files: nil, changed: f.count(.changed), ambiguous: f.count(.ambiguous),
                                                          unfixable: f.count(.unfixable)),
                                         changes: f.changes.map { c in
                                             Entry(cue: c.cue, start: c.start.formatted(), startMs: c.start.milliseconds, step: c.step,
                                                   kind: c.kind.rawValue, reason: c.reason, before: c.before, after: c.after)
                                         })
                           })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(doc)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func quote(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\n", with: "\\n") + "\"" }

    private struct Document: Encodable {
        var version: Int
        var summary: Summary
        var files: [FileEntry]
    }

    private struct Summary: Encodable {
        var files: Int?
        var changed: Int
        var ambiguous: Int
        var unfixable: Int
    }

    private struct FileEntry: Encodable {
        var input: String
        var output: String?
        var source: String?
        var region: String
        var steps: [String]
        var summary: Summary
        var changes: [Entry]

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(input, forKey: .input)
            try c.encode(output, forKey: .output)   // null when nothing was written
            try c.encode(source, forKey: .source)   // null without a source track
            try c.encode(region, forKey: .region)
            try c.encode(steps, forKey: .steps)
            try c.encode(summary, forKey: .summary)
            try c.encode(changes, forKey: .changes)
        }
        enum CodingKeys: String, CodingKey { case input, output, source, region, steps, summary, changes }
    }

    private struct Entry: Encodable {
        var cue: String
        var start: String
        var startMs: Int64
        var step: String
        var kind: String
        var reason: String
        var before: String?
        var after: String?
    }
}
