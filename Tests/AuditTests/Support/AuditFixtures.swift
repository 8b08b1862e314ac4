import Audit
import Foundation
import Localize
import SymbolDB

/// Symbols, a region and track pairs shared by the audit tests.
enum AuditFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func symbol(_ id: String, _ zh: [String], pinyin: [String] = [], gloss: [String: String] = ["en": "A gloss."],
                       en: Renderings? = nil, analogies: [String: [String: String]] = ["anglo-american": ["en": "Like something."]],
                       status: ReviewStatus = .reviewed, sensitivity: [String: Sensitivity] = [:]) -> Symbol {
        Symbol(id: id, category: .value, context: .high, forms: Forms(simplified: zh, pinyin: pinyin), gloss: gloss,
               renderings: en.map { ["en": $0] } ?? [:], analogies: analogies, status: status, sensitivity: sensitivity)
    }

    static let symbols: [Symbol] = [
        symbol("mid-autumn-festival", ["中秋节", "中秋"], pinyin: ["Zhōngqiū Jié", "Zhongqiu Jie", "Zhongqiu"],
               en: Renderings(preferred: ["Mid-Autumn Festival"], admitted: ["Moon Festival"], deprecated: ["Mooncake Festival"])),
        symbol("chang-e", ["嫦娥"], pinyin: ["Cháng'é", "Chang'e"], en: Renderings(preferred: ["Chang'e"]),
               analogies: ["greco-roman": ["en": "Like Selene."]]),
        symbol("son-in-law", ["赘婿"], pinyin: ["zhuìxù", "zhuixu"], en: Renderings(preferred: ["son-in-law"])),
        symbol("kowtow", ["磕头"], pinyin: ["kētóu", "ketou"], en: Renderings(preferred: ["kowtow"]),
               sensitivity: ["en-US": Sensitivity(severity: .warning, note: "Do not play the bow for laughs.")]),
        symbol("jianghu", ["江湖"], pinyin: ["jiānghú", "jianghu"], gloss: ["fr": "Le monde des arts martiaux."],
               en: Renderings(preferred: ["jianghu"])),
        symbol("face", ["面子"], pinyin: ["miànzi", "mianzi"], en: Renderings(preferred: ["face"]), analogies: [:]),
        symbol("xiayi", ["侠义"], pinyin: ["xiáyì", "xiayi"]),
        symbol("dragon-king", ["龙王"], pinyin: ["Lóngwáng", "Longwang"], en: Renderings(preferred: ["Dragon King"]), status: .draft),
    ]

    /// An en-US-like profile: 25 × 3 vertical, 42 × 2 landscape, 20 cps, 833–7000 ms, 2 frames at 30 fps.
    static let region = RegionProfile(
        tag: "en-US", name: "English (test)", language: "en", script: "Latn", direction: .ltr, glossLanguages: ["en"],
        frames: ["anglo-american", "greco-roman"],
        limits: SubtitleLimits(vertical: LineLimits(maxCharsPerLine: 25, maxLines: 3), landscape: LineLimits(maxCharsPerLine: 42, maxLines: 2),
                               maxCharsPerSecond: 20, charCounting: .full, minDuration: Duration(milliseconds: 833),
                               maxDuration: Duration(milliseconds: 7000), minGapFrames: 2, frameRate: .fps30, lineBalance: .bottomHeavy),
        annotation: AnnotationPolicy(maxPerMinute: 3, occurrence: .episode, minContext: .medium, position: .top,
                                     minDisplay: Duration(milliseconds: 2500)),
        sensitiveTerms: [SensitiveTerm(terms: ["Oriental", "Chinaman"], reason: "Dated ethnic label; use 'Asian'.", severity: .error),
                         SensitiveTerm(terms: ["kung fu master"], reason: "Cliché.", severity: .info)])

    /// A Thai-like profile for coverage: language `th`, frames theravada-thai.
    static var thai: RegionProfile {
        var r = region
        r.tag = "th-TH"
        r.language = "th"
        r.glossLanguages = ["th", "en"]
        r.frames = ["theravada-thai"]
        r.sensitiveTerms = []
        return r
    }

    /// Reads a fixture pair into an episode input (with cue lines, as the CLI does).
    static func episode(_ name: String, episode: String? = nil) throws -> EpisodeInput {
        let target = try load("\(name).en.srt")
        let source = try load("\(name).zh.srt")
        return EpisodeInput(episode: episode ?? name, target: target.track, targetFile: "\(name).en.srt", targetLines: target.lines,
                            source: source.track, sourceFile: "\(name).zh.srt", sourceLines: source.lines)
    }

    static func load(_ file: String) throws -> (track: Track, lines: [Int]?) {
        let url = directory.appendingPathComponent(file)
        let data = try Data(contentsOf: url)
        let track = try SubtitleFile.decode(data, name: file).track
        return (track, CueLines.locate(in: String(decoding: data, as: UTF8.self), cueCount: track.cues.count))
    }

    /// The planted (cue number, rule) pairs written by `make_fixtures.py`.
    static func plantedExpectations() throws -> [(cue: String, rule: String)] {
        let text = try String(contentsOf: directory.appendingPathComponent("planted.expected.tsv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let parts = line.split(separator: "\t")
            return (String(parts[0]), String(parts[1]))
        }
    }

    static func audit(_ name: String, region: RegionProfile = region, options: AuditOptions = AuditOptions()) throws -> AuditReport {
        let auditor = TrackAuditor(region: region, symbols: symbols, options: options)
        return SeriesAudit.combine([auditor.audit(try episode(name))], context: auditor.context)
    }
}

/// The Python interpreters to try: `python3` on PATH first, then the usual system locations.
private let pythonCandidates: [[String]] = [["/usr/bin/env", "python3"], ["/usr/bin/python3"], ["/usr/local/bin/python3"]]

/// Runs a Python interpreter with arguments; nil when it cannot be started.
func runPython(_ interpreter: [String], _ arguments: [String]) -> (status: Int32, output: String)? {
    guard FileManager.default.isExecutableFile(atPath: interpreter[0]) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: interpreter[0])
    process.arguments = Array(interpreter.dropFirst()) + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Why schema validation could not run.
enum ValidationUnavailable: Error, CustomStringConvertible {
    case noJSONSchema(String)
    var description: String {
        switch self {
        case let .noJSONSchema(tried): return "python3 is installed but no interpreter has the jsonschema module (tried \(tried)); install it (pip install jsonschema, or apt-get install python3-jsonschema)"
        }
    }
}

/// Validates `document` (JSON text) against the JSON schema at `schema` with Python's jsonschema.
/// Returns nil when python3 is absent; throws when python3 exists but jsonschema does not.
func validateJSON(_ document: String, schema: URL) throws -> (valid: Bool, message: String)? {
    let interpreters = pythonCandidates.filter { runPython($0, ["-c", "pass"])?.status == 0 }
    if interpreters.isEmpty { return nil }
    guard let python = interpreters.first(where: { runPython($0, ["-c", "import jsonschema"])?.status == 0 }) else {
        throw ValidationUnavailable.noJSONSchema(interpreters.map { $0.joined(separator: " ") }.joined(separator: ", "))
    }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString).json")
    try Data(document.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let script = """
    import json, sys, jsonschema
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    doc = json.load(open(sys.argv[2], encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    errors = sorted(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(doc), key=lambda e: list(e.path))
    for e in errors[:10]:
        print("/".join(map(str, e.path)) + ": " + e.message)
    sys.exit(1 if errors else 0)
    """
    guard let (status, output) = runPython(python, ["-c", script, schema.path, file.path]) else { return nil }
    return (status == 0, output)
}
