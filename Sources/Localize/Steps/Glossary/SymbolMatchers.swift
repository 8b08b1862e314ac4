import Foundation
import Regions
import Subtitles
import SymbolDB
import TextServices

/// The matchers for one symbol set, built on first use and shared by every file of a run.
///
/// Building a matcher is not free (automata over every form), so a run builds one Chinese matcher (source
/// tracks) and one target matcher per region tag, and every step and file reuses them.
public final class SymbolMatchers: Sendable {
    /// The symbols, sorted by id (so match order among symbols sharing a form is stable).
    public let symbols: [Symbol]
    private let chineseMatcher = Locked<SymbolMatcher?>(nil)
    private let targetMatchers = Locked<[String: SymbolMatcher]>([:])

    public init(symbols: [Symbol]) {
        // Already sorted (a store's `allSymbolsByID`): kept as it is, so its matchers can come from snapshots.
        let sorted = zip(symbols, symbols.dropFirst()).allSatisfy { $0.id < $1.id }
        self.symbols = sorted ? symbols : symbols.sorted { $0.id < $1.id }
    }

    /// Simplified, Traditional and alias forms: for Chinese source tracks.
    public var chinese: SymbolMatcher {
        chineseMatcher.withLock { cached in
            if let m = cached { return m }
            let m = SymbolMatcher(symbols: symbols, options: .chinese)
            cached = m
            return m
        }
    }

    /// Renderings for `tag` (and its language), pinyin, and Chinese forms left in: for target tracks.
    public func target(_ tag: String) -> SymbolMatcher {
        targetMatchers.withLock { cache in
            if let m = cache[tag] { return m }
            // Aligned-only renderings are searched and marked; the glossary step keeps them only where the
            // aligned source cue holds the symbol.
            var options = SymbolMatcher.Options.target(language: tag, includePinyin: true, includeChinese: true)
            options.alignedOnlyTerms = .marked
            let m = SymbolMatcher(symbols: symbols, options: options)
            cache[tag] = m
            return m
        }
    }

    private static let cache = Locked<[(key: [String: Symbol], matchers: SymbolMatchers)]>([])

    /// Matchers for a context's symbols, cached for the few most recent symbol sets (for steps that were
    /// not handed matchers explicitly).
    static func shared(for symbols: [String: Symbol]) -> SymbolMatchers {
        cache.withLock { cache in
            if let hit = cache.first(where: { $0.key == symbols }) { return hit.matchers }
            let m = SymbolMatchers(symbols: Array(symbols.values))
            cache.append((symbols, m))
            if cache.count > 4 { cache.removeFirst() }
            return m
        }
    }
}
