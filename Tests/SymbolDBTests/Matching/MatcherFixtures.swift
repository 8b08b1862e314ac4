import Foundation
@testable import SymbolDB

/// The committed symbol fixture for matcher tests (a compact JSON form of `Symbol`).
enum MatcherFixtures {
    struct Terms: Decodable {
        var preferred: [String]?
        var admitted: [String]?
        var deprecated: [String]?
        var renderings: Renderings { Renderings(preferred: preferred ?? [], admitted: admitted ?? [], deprecated: deprecated ?? []) }
    }

    struct Entry: Decodable {
        var id: String
        var category: Category
        var simplified: [String]
        var traditional: [String]?
        var pinyin: [String]?
        var aliases: [String]?
        var en: Terms?
        var notBefore: [String]?
        var notAfter: [String]?
        var notWithin: [String]?

        enum CodingKeys: String, CodingKey {
            case id, category, simplified, traditional, pinyin, aliases, en
            case notBefore = "not-before", notAfter = "not-after", notWithin = "not-within"
        }

        var symbol: Symbol {
            let hasContext = notBefore != nil || notAfter != nil || notWithin != nil
            return Symbol(
                id: id, category: category, context: .high,
                forms: Forms(simplified: simplified, traditional: traditional ?? [], pinyin: pinyin ?? [],
                             aliases: aliases ?? []),
                gloss: ["en": "Fixture."], renderings: en.map { ["en": $0.renderings] } ?? [:],
                disambiguation: hasContext
                    ? Disambiguation(notBefore: notBefore ?? [], notAfter: notAfter ?? [], notWithin: notWithin ?? [])
                    : nil)
        }
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let symbols: [Symbol] = {
        let data = try! Data(contentsOf: directory.appendingPathComponent("matcher-symbols.json"))
        return try! JSONDecoder().decode([Entry].self, from: data).map(\.symbol)
    }()

    static let chinese = SymbolMatcher(symbols: symbols, options: .chinese)
    static let english = SymbolMatcher(symbols: symbols, options: .target(language: "en"))
}
