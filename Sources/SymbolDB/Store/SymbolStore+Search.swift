import Foundation
import GRDB

/// One symbol found by ``SymbolStore/search(_:limit:)`` and the text that matched.
public struct SymbolSearchResult: Hashable, Sendable {
    public var symbol: Symbol
    /// What matched: `form:simplified`, `form:pinyin`, `gloss:en`, `rendering:en:preferred`, …
    public var field: String
    /// The matching text.
    public var text: String

    public init(symbol: Symbol, field: String, text: String) {
        self.symbol = symbol
        self.field = field
        self.text = text
    }
}

extension SymbolStore {
    /// Symbols whose forms, glosses or renderings contain `query`, best first (exact form matches lead).
    ///
    /// Queries of three or more characters use the FTS5 trigram index (case- and diacritic-insensitive:
    /// `zhongqiu` finds `Zhōngqiū`); shorter ones (`孝`, `中秋`) search the Chinese and pinyin forms with `LIKE`.
    /// User text reaches SQLite only as a bound argument or through `FTS5Pattern`.
    public func search(_ query: String, limit: Int = 20) throws -> [SymbolSearchResult] {
        let text = query.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !text.isEmpty, limit > 0 else { return [] }
        let folded = Self.fold(text)
        let hits: [(id: String, field: String, text: String)] = try database.read { db in
            if text.unicodeScalars.count < 3 {
                return try Self.formHits(db, text, limit: limit * 4)
            }
            switch searchEngine {
            case .fts5Trigram: return try Self.trigramHits(db, [text, folded], limit: limit * 4)
            case .like: return try Self.likeHits(db, [text, folded], limit: limit * 4)
            }
        }
        // Exact matches of a whole form or term first, then the engine's order; one result per symbol.
        let ranked = hits.enumerated().sorted { a, b in
            let exactA = Self.fold(a.element.text) == folded, exactB = Self.fold(b.element.text) == folded
            return exactA != exactB ? exactA : a.offset < b.offset
        }
        var seen = Set<String>()
        var results: [SymbolSearchResult] = []
        for (_, hit) in ranked where seen.insert(hit.id).inserted {
            guard let symbol = symbol(id: hit.id) else { continue }
            results.append(SymbolSearchResult(symbol: symbol, field: hit.field, text: hit.text))
            if results.count == limit { break }
        }
        return results
    }

    /// `LIKE '%q%'` over the forms (for 1–2 character queries, which trigrams cannot index).
    private static func formHits(_ db: Database, _ text: String, limit: Int) throws -> [(id: String, field: String, text: String)] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT symbolId, kind, text FROM form
            WHERE text LIKE ? ESCAPE '\\'
            ORDER BY (text = ?) DESC, length(text), rowid
            LIMIT ?
            """, arguments: ["%" + escapeLike(text) + "%", text, limit])
        return rows.map { ($0[0], "form:" + ($0[1] as String), $0[2]) }
    }

    private static func trigramHits(_ db: Database, _ variants: [String], limit: Int) throws -> [(id: String, field: String, text: String)] {
        // Each variant is one quoted FTS5 phrase ("" escapes a quote); FTS5Pattern checks the syntax.
        let phrases = Array(Set(variants)).sorted().map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let pattern = try FTS5Pattern(rawPattern: phrases.joined(separator: " OR "))
        let rows = try Row.fetchAll(db, sql: """
            SELECT symbolId, field, text FROM searchText WHERE searchText MATCH ? ORDER BY rank LIMIT ?
            """, arguments: [pattern, limit])
        return rows.map { ($0[0], $0[1], $0[2]) }
    }

    private static func likeHits(_ db: Database, _ variants: [String], limit: Int) throws -> [(id: String, field: String, text: String)] {
        var hits: [(id: String, field: String, text: String)] = []
        for variant in Array(Set(variants)).sorted() {
            let rows = try Row.fetchAll(db, sql: """
                SELECT symbolId, field, text FROM searchText WHERE text LIKE ? ESCAPE '\\' ORDER BY length(text), rowid LIMIT ?
                """, arguments: ["%" + escapeLike(variant) + "%", limit])
            hits += rows.map { ($0[0], $0[1], $0[2]) }
        }
        return hits
    }

    private static func escapeLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
