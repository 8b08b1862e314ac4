import Foundation
import Subtitles
import SymbolDB
import TextServices
import Yams

/// A problem in a region profile, located at file:line.
public struct RegionError: Error, Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }
    public var description: String { "\(location): \(message)" }
}

/// Reads region profiles from YAML files, reporting every problem with its file and line.
public enum RegionLoader {
    /// Loads every `*.yaml` profile in a directory, sorted by tag.
    public static func loadDirectory(_ directory: URL) throws -> [RegionProfile] {
        let files = try profileFiles(in: directory)
        var errors: [RegionError] = []
        var profiles: [RegionProfile] = []
        for file in files {
            do { profiles.append(try loadFile(file)) } catch let error as RegionErrors { errors += error.errors }
        }
        if !errors.isEmpty { throw RegionErrors(errors: errors) }
        var seen: [String: String] = [:]
        for p in profiles {
            if let other = seen[p.tag] {
                throw RegionErrors(errors: [RegionError("region \(p.tag) is also defined in \(other)", at: SourceLocation(file: p.file, line: 1))])
            }
            seen[p.tag] = p.file ?? "?"
        }
        return profiles.sorted { $0.tag < $1.tag }
    }

    /// The profile files of a directory (`*.yaml`, `*.yml`), sorted by name.
    public static func profileFiles(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    public static func loadFile(_ url: URL) throws -> RegionProfile {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw RegionErrors(errors: [RegionError("cannot read file as UTF-8", at: SourceLocation(file: url.path))])
        }
        return try parse(text, file: url.path)
    }

    /// Parses one profile; collects every problem before throwing `RegionErrors`.
    public static func parse(_ text: String, file: String) throws -> RegionProfile {
        if let line = YAMLNesting.firstLineExceeding(text) {
            throw RegionErrors(errors: [RegionError("collections nested too deeply (more than 64 levels, or indented past 256 columns)",
                                                    at: SourceLocation(file: file, line: line))])
        }
        let node: Node
        do {
            guard let n = try Yams.compose(yaml: text) else {
                throw RegionErrors(errors: [RegionError("empty profile", at: SourceLocation(file: file, line: 1))])
            }
            node = n
        } catch let e as RegionErrors { throw e } catch {
            throw RegionErrors(errors: [yamlError(error, file: file)])
        }
        var r = NodeReader(file: file)
        let profile = r.profile(node)
        if !r.errors.isEmpty || profile == nil { throw RegionErrors(errors: r.errors) }
        return profile!
    }
}

extension RegionLoader {
    /// A Yams parse error as a located `RegionError` (file:line:column and the problem, without Yams' dump).
    static func yamlError(_ error: any Error, file: String) -> RegionError {
        guard let yaml = error as? YamlError else { return RegionError("invalid YAML: \(error)", at: SourceLocation(file: file)) }
        func located(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> RegionError {
            RegionError("invalid YAML: " + (context.map { "\($0.text) " } ?? "") + problem,
                        at: SourceLocation(file: file, line: mark.line, column: mark.column))
        }
        switch yaml {
        case let .scanner(context, problem, mark, _): return located(problem, context, mark)
        case let .parser(context, problem, mark, _): return located(problem, context, mark)
        case let .composer(context, problem, mark, _): return located(problem, context, mark)
        default: return RegionError("invalid YAML: \(yaml)", at: SourceLocation(file: file))
        }
    }
}

/// Several located problems found while loading profiles.
public struct RegionErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [RegionError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// Walks a YAML node tree, collecting located errors instead of stopping at the first.
private struct NodeReader {
    let file: String
    var errors: [RegionError] = []

    init(file: String) { self.file = file }

    func loc(_ node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark.map { $0.line }, column: node?.mark.map { $0.column })
    }

    mutating func fail(_ message: String, _ node: Node?) { errors.append(RegionError(message, at: loc(node))) }

    mutating func mapping(_ node: Node, allowed: Set<String>, context: String) -> [String: Node]? {
        guard case let .mapping(m) = node else { fail("\(context) must be a mapping", node); return nil }
        var out: [String: Node] = [:]
        for (k, v) in m {
            guard let key = k.string else { fail("\(context): keys must be strings", k); continue }
            if out[key] != nil { fail("\(context): duplicate key '\(key)'", k) }
            if !allowed.contains(key) { fail("\(context): unknown key '\(key)' (expected one of \(allowed.sorted().joined(separator: ", ")))", k) }
            out[key] = v
        }
        return out
    }

    mutating func string(_ m: [String: Node], _ key: String, in parent: Node, required: Bool = true) -> String? {
        guard let n = m[key] else { if required { fail("missing '\(key)'", parent) }; return nil }
        guard case .scalar = n, let s = n.string, !s.isEmpty else { fail("'\(key)' must be a non-empty string", n); return nil }
        return s
    }

    mutating func int(_ m: [String: Node], _ key: String, in parent: Node, range: ClosedRange<Int>) -> Int? {
        guard let n = m[key] else { fail("missing '\(key)'", parent); return nil }
        guard let v = n.int else { fail("'\(key)' must be an integer", n); return nil }
        guard range.contains(v) else { fail("'\(key)' is \(v), expected \(range.lowerBound)…\(range.upperBound)", n); return nil }
        return v
    }

    mutating func strings(_ m: [String: Node], _ key: String, in parent: Node, required: Bool = true) -> [String] {
        guard let n = m[key] else { if required { fail("missing '\(key)'", parent) }; return [] }
        guard case let .sequence(seq) = n else { fail("'\(key)' must be a list", n); return [] }
        return seq.compactMap { item in
            guard let s = item.string else { fail("'\(key)' items must be strings", item); return nil }
            return s
        }
    }

    mutating func enumValue<E: RawRepresentable>(_ m: [String: Node], _ key: String, in parent: Node, as: E.Type) -> E? where E.RawValue == String {
        guard let s = string(m, key, in: parent) else { return nil }
        guard let v = E(rawValue: s) else { fail("'\(key)': unknown value '\(s)'", m[key]); return nil }
        return v
    }

    mutating func profile(_ node: Node) -> RegionProfile? {
        let keys: Set = ["tag", "name", "language", "script", "direction", "gloss-languages", "frames", "limits",
                         "annotation", "emphasis-themes", "sensitive-terms", "sources", "notes"]
        guard let m = mapping(node, allowed: keys, context: "profile") else { return nil }
        let tag = string(m, "tag", in: node)
        if let tag, let n = m["tag"] {
            let canonical = LanguageTag.canonicalize(tag)
            if canonical != tag { fail("tag '\(tag)' is not canonical BCP 47 (ICU gives '\(canonical)')", n) }
            let base = (file as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "")
            if base != tag { fail("tag '\(tag)' does not match the file name '\(base).yaml'", n) }
        }
        let name = string(m, "name", in: node)
        let language = string(m, "language", in: node)
        let script = string(m, "script", in: node)
        let direction = enumValue(m, "direction", in: node, as: WritingDirection.self)
        let glossLanguages = strings(m, "gloss-languages", in: node)
        if !glossLanguages.isEmpty, !glossLanguages.contains("en") { fail("gloss-languages must end in the fallback 'en'", m["gloss-languages"]) }
        let frames = strings(m, "frames", in: node)
        for f in frames where !Vocabulary.frames.contains(f) { fail("unknown analogy frame '\(f)'", m["frames"]) }
        let themes = strings(m, "emphasis-themes", in: node, required: false)
        for t in themes where !Vocabulary.themes.contains(t) { fail("unknown theme '\(t)'", m["emphasis-themes"]) }
        let limits = m["limits"].flatMap { self.limits($0) }
        if m["limits"] == nil { fail("missing 'limits'", node) }
        let annotation = m["annotation"].flatMap { self.annotation($0) }
        if m["annotation"] == nil { fail("missing 'annotation'", node) }
        let sensitive = sensitiveTerms(m["sensitive-terms"])
        let sources = citations(m["sources"], parent: node)
        let notes = string(m, "notes", in: node, required: false)
        guard let tag, let name, let language, let script, let direction, let limits, let annotation else { return nil }
        return RegionProfile(tag: tag, name: name, language: language, script: script, direction: direction,
                             glossLanguages: glossLanguages, frames: frames, limits: limits, annotation: annotation,
                             emphasisThemes: themes, sensitiveTerms: sensitive, sources: sources, notes: notes, file: file)
    }

    mutating func lineLimits(_ node: Node?, _ key: String, parent: Node) -> LineLimits? {
        guard let node else { fail("missing '\(key)'", parent); return nil }
        guard let m = mapping(node, allowed: ["max-chars-per-line", "max-lines"], context: key) else { return nil }
        guard let cpl = int(m, "max-chars-per-line", in: node, range: 4...80),
              let lines = int(m, "max-lines", in: node, range: 1...4) else { return nil }
        return LineLimits(maxCharsPerLine: cpl, maxLines: lines)
    }

    mutating func limits(_ node: Node) -> SubtitleLimits? {
        let keys: Set = ["vertical", "landscape", "max-chars-per-second", "char-counting", "min-duration-ms",
                         "max-duration-ms", "min-gap-frames", "frame-rate", "line-balance", "commas-as-spaces", "sync-tolerance-ms"]
        guard let m = mapping(node, allowed: keys, context: "limits") else { return nil }
        let vertical = lineLimits(m["vertical"], "vertical", parent: node)
        let landscape = lineLimits(m["landscape"], "landscape", parent: node)
        var cps: Double?
        if let n = m["max-chars-per-second"] {
            if let v = n.float, v > 0, v <= 40 { cps = v } else { fail("'max-chars-per-second' must be a number in 0…40", n) }
        } else { fail("missing 'max-chars-per-second'", node) }
        let counting = enumValue(m, "char-counting", in: node, as: CharCounting.self)
        let minD = int(m, "min-duration-ms", in: node, range: 0...10_000)
        let maxD = int(m, "max-duration-ms", in: node, range: 1000...60_000)
        if let minD, let maxD, minD >= maxD { fail("min-duration-ms must be below max-duration-ms", m["min-duration-ms"]) }
        let gap = int(m, "min-gap-frames", in: node, range: 0...25)
        var rate: FrameRate?
        if let n = m["frame-rate"], let s = n.string {
            rate = FrameRate(parsing: s)
            if rate == nil { fail("'frame-rate' must be like 25, 30 or 30000/1001", n) }
        } else { fail("missing 'frame-rate'", node) }
        let balance = enumValue(m, "line-balance", in: node, as: LineBalance.self)
        var commas = false
        if let n = m["commas-as-spaces"] {
            if let v = n.bool { commas = v } else { fail("'commas-as-spaces' must be true or false", n) }
        }
        var tolerance = SubtitleLimits.defaultSyncTolerance
        if m["sync-tolerance-ms"] != nil {
            guard let v = int(m, "sync-tolerance-ms", in: node, range: 0...5000) else { return nil }
            tolerance = TimeLength(milliseconds: Int64(v))
        }
        guard let vertical, let landscape, let cps, let counting, let minD, let maxD, let gap, let rate, let balance else { return nil }
        return SubtitleLimits(vertical: vertical, landscape: landscape, maxCharsPerSecond: cps, charCounting: counting,
                              minDuration: TimeLength(milliseconds: Int64(minD)), maxDuration: TimeLength(milliseconds: Int64(maxD)),
                              minGapFrames: gap, frameRate: rate, lineBalance: balance, commasAsSpaces: commas, syncTolerance: tolerance)
    }

    mutating func annotation(_ node: Node) -> AnnotationPolicy? {
        let keys: Set = ["max-per-minute", "first-occurrence", "min-context", "position", "min-display-ms"]
        guard let m = mapping(node, allowed: keys, context: "annotation") else { return nil }
        let perMinute = int(m, "max-per-minute", in: node, range: 0...20)
        let occurrence = enumValue(m, "first-occurrence", in: node, as: AnnotationPolicy.Occurrence.self)
        let context = enumValue(m, "min-context", in: node, as: ContextLevel.self)
        let position = enumValue(m, "position", in: node, as: AnnotationPolicy.ScreenPosition.self)
        let display = int(m, "min-display-ms", in: node, range: 500...15_000)
        guard let perMinute, let occurrence, let context, let position, let display else { return nil }
        return AnnotationPolicy(maxPerMinute: perMinute, occurrence: occurrence, minContext: context, position: position,
                                minDisplay: TimeLength(milliseconds: Int64(display)))
    }

    mutating func sensitiveTerms(_ node: Node?) -> [SensitiveTerm] {
        guard let node else { return [] }
        guard case let .sequence(seq) = node else { fail("'sensitive-terms' must be a list", node); return [] }
        return seq.compactMap { item in
            guard let m = mapping(item, allowed: ["terms", "reason", "severity"], context: "sensitive term") else { return nil }
            let terms = strings(m, "terms", in: item)
            let reason = string(m, "reason", in: item)
            let severity = enumValue(m, "severity", in: item, as: Sensitivity.Severity.self)
            guard !terms.isEmpty, let reason, let severity else { return nil }
            return SensitiveTerm(terms: terms, reason: reason, severity: severity)
        }
    }

    mutating func citations(_ node: Node?, parent: Node) -> [Citation] {
        guard let node else { fail("missing 'sources': every profile cites where its limits come from", parent); return [] }
        guard case let .sequence(seq) = node else { fail("'sources' must be a list", node); return [] }
        return seq.compactMap { item in
            guard let m = mapping(item, allowed: ["title", "url", "checked"], context: "source") else { return nil }
            guard let title = string(m, "title", in: item) else { return nil }
            return Citation(title: title, url: string(m, "url", in: item, required: false), checked: m["checked"]?.bool ?? true)
        }
    }
}

extension FrameRate {
    /// Parses `25`, `29.97`-free exact forms `30000/1001`; returns nil otherwise.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        if parts.count == 1, let n = parts[0], n > 0 { self.init(n) }
        else if parts.count == 2, let n = parts[0], let d = parts[1], n > 0, d > 0 { self.init(n, d) }
        else { return nil }
    }
}
