@testable import Annotate
import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB
import TestSupport

/// Builders for small in-memory symbols, regions and occurrences, and paths to the shared fixtures.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let glossaryDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/glossary")
    static let exampleDirectory = repository.appendingPathComponent("examples/son-in-law")
    static let schema = repository.appendingPathComponent("schemas/annotations.schema.json")

    static func glossary() throws -> [Symbol] {
        let result = try GlossaryLoader().load(directory: glossaryDirectory)
        return result.symbols.map(\.symbol)
    }

    static func regions() throws -> [RegionProfile] {
        try RegionLoader.loadDirectory(repository.appendingPathComponent("regions"))
    }

    static func symbol(_ id: String, context: ContextLevel = .high, priority: Int = 2, themes: [String] = [],
                       gloss: [String: String]? = nil, analogies: [String: [String: String]] = [:],
                       status: ReviewStatus = .reviewed, rendering: String? = nil) -> Symbol {
        Symbol(id: id, category: .myth, context: context, priority: priority, themes: themes,
               forms: Forms(simplified: [id]), gloss: gloss ?? ["en": "Gloss of \(id)."],
               renderings: rendering.map { ["en": Renderings(preferred: [$0])] } ?? [:],
               analogies: analogies, status: status)
    }

    static func region(tag: String = "xx-TEST", glossLanguages: [String] = ["en"], frames: [String] = [],
                       maxPerMinute: Int = 10, occurrence: AnnotationPolicy.Occurrence = .episode,
                       minContext: ContextLevel = .low, minDisplayMs: Int64 = 2000, cps: Double = 20,
                       emphasis: [String] = []) -> RegionProfile {
        RegionProfile(tag: tag, name: "Test", language: glossLanguages.first ?? "en", script: "Latn", direction: .ltr,
                      glossLanguages: glossLanguages, frames: frames,
                      limits: SubtitleLimits(vertical: LineLimits(maxCharsPerLine: 25, maxLines: 3),
                                             landscape: LineLimits(maxCharsPerLine: 42, maxLines: 2),
                                             maxCharsPerSecond: cps, charCounting: .full,
                                             minDuration: TimeLength(milliseconds: 833), maxDuration: TimeLength(milliseconds: 7000),
                                             minGapFrames: 2, frameRate: .fps30, lineBalance: .bottomHeavy),
                      annotation: AnnotationPolicy(maxPerMinute: maxPerMinute, occurrence: occurrence, minContext: minContext,
                                                   position: .top, minDisplay: TimeLength(milliseconds: minDisplayMs)),
                      emphasisThemes: emphasis)
    }

    /// An occurrence of `symbol` in a cue from `start` to `end` (milliseconds).
    static func occurrence(_ symbol: String, _ start: Int64, _ end: Int64, cue: Int = 0) -> SymbolOccurrence {
        SymbolOccurrence(symbolID: symbol, side: .source, cueIndex: cue, cueID: "\(cue + 1)",
                         timing: TimeSpan(start: Timestamp(milliseconds: start), end: Timestamp(milliseconds: end))!,
                         matchedText: symbol, utf16Range: 0..<symbol.utf16.count, characterRange: 0..<symbol.count)
    }

    static func plan(_ region: RegionProfile, _ symbols: [Symbol], _ occurrences: [SymbolOccurrence],
                     options: AnnotationPlanner.Options = .init()) -> AnnotationPlan {
        AnnotationPlanner(region: region, symbols: symbols, options: options).plan(episode: "ep01", occurrences: occurrences)
    }

    static func outcome(_ plan: AnnotationPlan, _ symbol: String, at start: Int64) -> AnnotationDecision.Outcome? {
        plan.decisions.first { $0.occurrence.symbolID == symbol && $0.occurrence.start.milliseconds == start }?.outcome
    }

    static func reason(_ plan: AnnotationPlan, _ symbol: String, at start: Int64) -> DropReason? {
        if case let .dropped(r)? = outcome(plan, symbol, at: start) { return r }
        return nil
    }

    static func readExample(_ name: String) throws -> Track {
        try SubtitleFile.read(exampleDirectory.appendingPathComponent(name)).track
    }
}

/// Validates JSON text against `schemas/annotations.schema.json` with Python's `jsonschema` (Draft 2020-12).
enum SchemaValidator {
    /// nil when valid against `schemas/annotations.schema.json`, else the validator's message.
    static func validate(_ json: String) throws -> String? {
        try JSONSchemaValidator.errors(in: json, schema: Fixtures.schema)
    }
}
