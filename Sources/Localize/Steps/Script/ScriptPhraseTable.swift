import Foundation
import TextServices

/// A project phrase table layered over OpenCC: Simplified phrases with the replacement a region needs
/// where OpenCC gets the word wrong (`regions/script-phrases.tsv`).
public struct ScriptPhraseTable: Hashable, Sendable {
    /// Replacements by conversion, then by Simplified phrase.
    public private(set) var phrases: [ScriptConversion: [String: String]] = [:]

    /// A bad line of a phrase table.
    public struct FormatError: Error, CustomStringConvertible, Hashable, Sendable {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public init(phrases: [ScriptConversion: [String: String]] = [:]) { self.phrases = phrases }

    /// Parses `conversion TAB phrase TAB replacement` lines (`#` comments and blank lines skipped).
    /// - Throws: `FormatError` naming the file and line of a malformed row, unknown conversion or duplicate phrase.
    public init(parsing text: String, file: String) throws {
        for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard fields.count == 3, !fields[1].isEmpty, !fields[2].isEmpty else {
                throw FormatError(file: file, line: k + 1, message: "expected 3 tab-separated fields (conversion, phrase, replacement)")
            }
            guard let conversion = ScriptConversion(rawValue: fields[0]), conversion.toTraditional else {
                throw FormatError(file: file, line: k + 1, message: "unknown conversion '\(fields[0])' (s2twp, s2hk or s2t)")
            }
            if phrases[conversion]?[fields[1]] != nil {
                throw FormatError(file: file, line: k + 1, message: "'\(fields[1])' is listed twice for \(conversion.rawValue)")
            }
            phrases[conversion, default: [:]][fields[1]] = fields[2]
        }
    }

    /// The table next to a region profile (`script-phrases.tsv` in its directory); empty when there is none.
    public static func near(profile file: String?) throws -> ScriptPhraseTable {
        guard let file else { return ScriptPhraseTable() }
        let url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("script-phrases.tsv")
        return try cache.value(for: url.path)
    }

    private static let cache = TableCache()

    /// A converter that applies this table's phrases for `conversion`, then `base` on the text between them.
    public func converter(_ conversion: ScriptConversion, over base: any ScriptConverting) -> any ScriptConverting {
        guard let table = phrases[conversion], !table.isEmpty else { return base }
        return PhraseTableConverter(table: table, base: base)
    }
}

/// Loaded phrase tables by path (each file read once per process).
private final class TableCache: Sendable {
    private let tables = Locked<[String: ScriptPhraseTable]>([:])

    func value(for path: String) throws -> ScriptPhraseTable {
        try tables.withLock { tables in
            if let t = tables[path] { return t }
            let table: ScriptPhraseTable
            if FileManager.default.fileExists(atPath: path) {
                table = try ScriptPhraseTable(parsing: try String(contentsOfFile: path, encoding: .utf8), file: path)
            } else {
                table = ScriptPhraseTable()
            }
            tables[path] = table
            return table
        }
    }
}

/// Longest-match replacement of listed phrases; everything else goes through the base converter.
struct PhraseTableConverter: ScriptConverting {
    let byFirst: [Character: [(String, String)]]
    let base: any ScriptConverting

    init(table: [String: String], base: any ScriptConverting) {
        var byFirst: [Character: [(String, String)]] = [:]
        for (phrase, replacement) in table { byFirst[phrase.first!, default: []].append((phrase, replacement)) }
        for key in byFirst.keys { byFirst[key]!.sort { $0.0.count > $1.0.count } }
        self.byFirst = byFirst
        self.base = base
    }

    func convert(_ text: String) -> String {
        var out = ""
        var pending = ""
        var index = text.startIndex
        while index < text.endIndex {
            if let candidates = byFirst[text[index]],
               let (phrase, replacement) = candidates.first(where: { text[index...].hasPrefix($0.0) }) {
                if !pending.isEmpty { out += base.convert(pending); pending = "" }
                out += replacement
                index = text.index(index, offsetBy: phrase.count)
            } else {
                pending.append(text[index])
                index = text.index(after: index)
            }
        }
        if !pending.isEmpty { out += base.convert(pending) }
        return out
    }
}
