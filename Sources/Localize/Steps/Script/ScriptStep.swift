import Regions
import Subtitles
import SymbolDB
import TextServices

/// `script`: converts Chinese cue text to the region's script by phrase.
///
/// - zh-Hant regions: Simplified → Traditional with OpenCC `s2twp` (Taiwan phrasing), `s2hk` (Hong Kong)
///   or `s2t` (others).
/// - zh-Hans regions: Traditional → Simplified (`t2s`, or `tw2s`/`hk2s` by the track's language), only
///   for text nodes that contain Traditional characters.
/// - Other regions: unchanged.
///
/// Phrases OpenCC gets wrong for a region (干杯 → 乾杯, never 幹; 出租车 → 計程車 in Taiwan) come from the
/// project phrase table `script-phrases.tsv` next to the region profile (`ScriptPhraseTable`), applied first.
///
/// Symbol terms keep the glossary's own spelling: the matcher finds symbol forms in the text, those
/// ranges are replaced by the symbol's form in the target script (the listed form that folds to the same
/// characters), and only the text between them goes through the converter. Styled cues are converted
/// text node by text node. One change per converted cue.
public struct ScriptStep: LocalizeStep {
    public let name = "script"

    /// Makes (or returns the cached) converter for a conversion.
    public typealias ConverterProvider = @Sendable (ScriptConversion) throws -> any ScriptConverting

    private let provider: ConverterProvider

    /// The process-wide OpenCC converters (one per configuration, opened on first use).
    // INTEGRATION POINT: switch to TextServices' ChineseScriptConverter when branch `symdb` lands.
    public static let defaultConverter: ConverterProvider = { conversion in
        guard let configuration = ChineseScriptConverter.Configuration(rawValue: conversion.rawValue) else {
            throw ChineseScriptConverterError.configurationNotFound(configuration: conversion.rawValue, searched: [])
        }
        return try ChineseScriptConverter.shared(configuration)
    }

    public init(converter: @escaping ConverterProvider = ScriptStep.defaultConverter) {
        self.provider = converter
    }

    public func apply(_ track: Track, in context: LocalizeContext) -> StepResult {
        guard let conversion = ScriptConversion.forRegion(context.region, inputLanguage: track.language) else {
            return StepResult(track: track)
        }
        let converter: any ScriptConverting
        do {
            // The project's phrase table (next to the region profiles) goes first; OpenCC converts the rest.
            let table = try ScriptPhraseTable.near(profile: context.region.file)
            converter = table.converter(conversion, over: try provider(conversion))
        } catch {
            let change = Change(step: name, kind: .unfixable, cue: "*", start: track.cues.first?.start ?? .zero,
                                reason: "\(error)")
            return StepResult(track: track, changes: [change])
        }
        let symbols = SymbolSplicer(context: context, toTraditional: conversion.toTraditional)
        var out = track
        var changes: [Change] = []
        for i in out.cues.indices {
            let before = out.cues[i].text
            let after = CueText(before.nodes.mapText { text in
                if !conversion.toTraditional && !Self.containsTraditional(text) { return text }
                return symbols.convert(text, with: converter)
            })
            guard after != before else { continue }
            out.cues[i].text = after
            changes.append(Change(step: name, kind: .changed, cue: track.cueLabel(i), start: track.cues[i].start,
                                  reason: conversion.toTraditional ? "Simplified → Traditional (\(conversion.rawValue))"
                                                                   : "Traditional → Simplified (\(conversion.rawValue))",
                                  before: before.plainText, after: after.plainText))
        }
        if !changes.isEmpty { out.language = context.region.tag }
        return StepResult(track: out, changes: changes)
    }

    /// Whether `text` has a character that folds to a different Simplified one.
    static func containsTraditional(_ text: String) -> Bool {
        text.unicodeScalars.contains { HanScriptFold.fold($0.value) != $0.value }
    }
}

/// Protects symbol forms from the converter and splices in the glossary's spelling.
struct SymbolSplicer {
    let matcher: SymbolMatcher?
    let symbols: [String: Symbol]
    let toTraditional: Bool

    init(context: LocalizeContext, toTraditional: Bool) {
        // The context matcher when it looks for Chinese forms; else one built from the context's symbols.
        if let m = context.matcher, m.options.formKinds.contains(.simplified) {
            matcher = m
        } else if !context.symbols.isEmpty {
            matcher = SymbolMatchers.shared(for: context.symbols).chinese
        } else {
            matcher = nil
        }
        symbols = context.symbols
        self.toTraditional = toTraditional
    }

    func convert(_ text: String, with converter: any ScriptConverting) -> String {
        guard let matcher else { return converter.convert(text) }
        let matches = matcher.matches(in: text)
        if matches.isEmpty { return converter.convert(text) }
        let utf16 = Array(text.utf16)
        var out = ""
        var cursor = 0
        var lastRange: Range<Int>? = nil
        for m in matches {
            if m.utf16Range == lastRange { continue }   // the same form shared by several symbols
            lastRange = m.utf16Range
            if m.utf16Range.lowerBound > cursor {
                out += converter.convert(String(decoding: utf16[cursor..<m.utf16Range.lowerBound], as: UTF16.self))
            }
            out += spelling(of: m) ?? converter.convert(m.matchedText)
            cursor = m.utf16Range.upperBound
        }
        if cursor < utf16.count { out += converter.convert(String(decoding: utf16[cursor...], as: UTF16.self)) }
        return out
    }

    /// The glossary's form in the target script for a match: the listed form that folds to the same
    /// characters as the matched text (Traditional forms, then aliases, for Traditional output).
    func spelling(of match: SymbolMatch) -> String? {
        guard let symbol = symbols[match.symbolID] else { return nil }
        let key = HanScriptFold.fold(match.matchedText)
        let sameKey = { (form: String) in HanScriptFold.fold(form) == key }
        if toTraditional {
            return symbol.forms.traditional.first(where: sameKey)
                ?? symbol.forms.aliases.first { sameKey($0) && ScriptStep.containsTraditional($0) }
        }
        return symbol.forms.simplified.first(where: sameKey)
            ?? symbol.forms.aliases.first { sameKey($0) && !ScriptStep.containsTraditional($0) }
    }
}

extension Array where Element == Inline {
    /// The nodes with every text node (outside ruby) passed through `transform`.
    func mapText(_ transform: (String) -> String) -> [Inline] {
        map { node in
            switch node {
            case let .text(s): return .text(transform(s))
            case let .span(span, children): return .span(span, children.mapText(transform))
            case .lineBreak, .ruby, .timestamp: return node
            }
        }
    }
}
