import Foundation
import TextServices

extension SymbolStore {
    /// The matcher for `options` loaded from this store's snapshot file, bypassing the matchers this process has
    /// already made (for benchmarks and checks); nil when there is no valid snapshot for the store's contents.
    public func loadMatcherSnapshot(options: SymbolMatcher.Options) -> SymbolMatcher? {
        let entry = MatcherSnapshots.Entry(symbols: [], senseModels: senseModels, contentHash: contentHash, databaseURL: databaseURL)
        guard let data = try? Data(contentsOf: entry.url(for: options), options: .alwaysMapped) else { return nil }
        return try? SymbolMatcher(snapshot: data, contentHash: MatcherSnapshots.identity(contentHash: contentHash), options: options)
    }

    /// Every symbol sorted by id (the order the localize glossary step matches in), the same array on every
    /// call and registered like ``allSymbols``, so its matchers also come from snapshots instead of being built
    /// (and their sense models trained) in every process. The store's sense models serve it: each is trained
    /// from its own symbol's examples only, whatever the order.
    public var allSymbolsByID: [Symbol] {
        sortedByID.withLock { cached in
            if let cached { return cached }
            let sorted = allSymbols.sorted { $0.id < $1.id }
            if !contentHash.isEmpty && !diagnostics.hasErrors {
                MatcherSnapshots.shared.register(MatcherSnapshots.Entry(
                    symbols: sorted, senseModels: senseModels, contentHash: contentHash, databaseURL: databaseURL, variant: "byid"))
            }
            cached = sorted
            return sorted
        }
    }

    /// The snapshot files of this store's current contents.
    public var matcherSnapshotFiles: [URL] {
        let prefix = MatcherSnapshots.filePrefix(databaseURL: databaseURL, contentHash: contentHash)
        let directory = databaseURL.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasPrefix(prefix.lastPathComponent) && $0.hasSuffix(".matcher") }.sorted()
            .map { directory.appendingPathComponent($0) }
    }
}

extension SymbolMatcher {
    /// Builds the matcher, never taking it from a snapshot or this process's earlier matchers (benchmarks compare
    /// the two ways; `senses` nil trains the models from the symbols' examples).
    public static func building(symbols: [Symbol], options: Options = .chinese, senses: SenseModels? = nil) -> SymbolMatcher {
        SymbolMatcher(building: symbols, options: options, senses: senses)
    }

    /// Where this process's matchers came from, in request order: "memory", "snapshot" or "built" (store symbols
    /// only; other matchers are always built and not listed).
    public static var snapshotLog: [String] { MatcherSnapshots.shared.log.value }
}
