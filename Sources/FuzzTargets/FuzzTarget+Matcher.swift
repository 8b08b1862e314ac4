import Foundation
import SymbolDB

extension FuzzTarget {
    /// Random subtitle text against matchers built once from the shipped glossaries (`glossaries/`):
    /// the Chinese-form matcher and an English-target one (Latin folding, word breaks).
    static let matcher = FuzzTarget(name: "matcher", unavailable: {
        ShippedMatchers.shared.chinese.patternCount == 0 ? "no symbols found under \(repositoryRoot.path)/glossaries (set LOCCTL_ROOT)" : nil
    }, run: { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        let matchers = ShippedMatchers.shared
        for matcher in [matchers.chinese, matchers.english] {
            let utf16 = Array(text.utf16)
            for match in matcher.matches(in: text) {
                // Offsets lie inside the text and name exactly the matched text.
                precondition(match.utf16Range.lowerBound >= 0 && match.utf16Range.upperBound <= utf16.count,
                             "match \(match.utf16Range) outside a text of \(utf16.count) UTF-16 units")
                precondition(String(decoding: utf16[match.utf16Range], as: UTF16.self) == match.matchedText,
                             "matchedText '\(match.matchedText)' differs from the text at \(match.utf16Range)")
            }
            _ = matcher.countMatches(in: text)
        }
    })
}

/// Matchers over the shipped glossaries, built once per process.
final class ShippedMatchers: Sendable {
    static let shared = ShippedMatchers()
    let chinese: SymbolMatcher
    let english: SymbolMatcher

    private init() {
        let directory = FuzzTarget.repositoryRoot.appendingPathComponent("glossaries")
        let symbols = ((try? GlossaryLoader().load(directory: directory))?.symbols ?? []).map(\.symbol)
        chinese = SymbolMatcher(symbols: symbols, options: .chinese)
        english = SymbolMatcher(symbols: symbols, options: .forTrack(language: "en"))
    }
}
