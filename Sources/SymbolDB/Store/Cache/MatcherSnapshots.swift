import Foundation
import TextServices

/// Prebuilt matchers of opened stores, so that `annotate` or `audit` of one episode does not rebuild automata or
/// retrain sense models in every process.
///
/// An opened ``SymbolStore`` registers its symbols here. A ``SymbolMatcher`` asked to match exactly those symbols
/// (the same array, as `store.allSymbols` hands it out) with the store's sense models (or none given, which
/// trains the same models) is taken from, in order: this process's matchers; the snapshot file beside the store,
/// memory-mapped; or it is built, and its snapshot written for the next process.
///
/// Snapshot files are named after the store, its sources' content hash and the matcher options, and checked on
/// load (format version, content hash, options, every length and table index), so a changed glossary or a damaged
/// file is never used. They are written to a temporary name and renamed into place, so concurrent processes read
/// a whole snapshot or none; a failed write only costs the next process a build. A rebuilt store removes the
/// snapshots of its older contents. Stores whose sources had errors are never opened, so never snapshotted.
final class MatcherSnapshots: Sendable {
    static let shared = MatcherSnapshots()

    /// How many opened stores are remembered (the oldest is forgotten first; forgetting only costs a build).
    static let capacity = 8

    /// The running executable's size and modification time: a snapshot is made by one build of the matcher
    /// code and used only by it (a rebuilt `locctl` whose matching changed never reads an older one).
    static let buildIdentity: String = {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return String(SHA256.hex("\(size)\t\(modified)\t\(SymbolMatcher.snapshotFormatVersion)").prefix(8))
    }()

    /// What a snapshot of a store with `contentHash` records and is checked against: contents and build.
    static func identity(contentHash: String) -> String { contentHash + "/" + buildIdentity }

    /// Set `LOCCTL_MATCHER_SNAPSHOTS=0` to build every matcher (benchmarks compare both ways).
    static let enabledByEnvironment = ProcessInfo.processInfo.environment["LOCCTL_MATCHER_SNAPSHOTS"] != "0"

    final class Entry: Sendable {
        /// Held so that the array's storage, whose address identifies it, stays alive and unique.
        let symbols: [Symbol]
        let senseModels: SenseModels
        let contentHash: String
        /// Snapshot files are `<prefix><options hash>.matcher`.
        let filePrefix: URL
        let databaseURL: URL
        let built = Locked<[String: SymbolMatcher]>([:])

        /// - Parameter variant: names another order of the same symbols (its matchers differ in symbol indices),
        ///   e.g. `byid`; empty for the store's source order.
        init(symbols: [Symbol], senseModels: SenseModels, contentHash: String, databaseURL: URL, variant: String = "") {
            self.symbols = symbols
            self.senseModels = senseModels
            self.contentHash = contentHash
            self.databaseURL = databaseURL
            let prefix = MatcherSnapshots.filePrefix(databaseURL: databaseURL, contentHash: contentHash)
            self.filePrefix = variant.isEmpty ? prefix
                : prefix.deletingLastPathComponent().appendingPathComponent(prefix.lastPathComponent + variant + "-")
        }

        func url(for options: SymbolMatcher.Options) -> URL {
            let key = String(SHA256.hex(options.snapshotKey).prefix(16))
            return filePrefix.deletingLastPathComponent()
                .appendingPathComponent(filePrefix.lastPathComponent + key + ".matcher")
        }
    }

    private let entries = Locked<[Entry]>([])
    /// What happened to each matcher request, for benchmarks and tests: "memory", "snapshot" or "built".
    let log = Locked<[String]>([])

    /// Remembers an opened store's symbols and models; a store registered again keeps its entry (and the
    /// matchers already made for it), now as the most recent.
    func register(_ entry: Entry) {
        let address = entry.symbols.withUnsafeBufferPointer { $0.baseAddress }
        entries.withLock { list in
            let same = list.lastIndex { $0.symbols.count == entry.symbols.count && $0.symbols.withUnsafeBufferPointer { $0.baseAddress } == address }
            list.append(same.map { list.remove(at: $0) } ?? entry)
            if list.count > Self.capacity { list.removeFirst(list.count - Self.capacity) }
        }
    }

    /// The registered store entry whose symbol array is `symbols` itself (not merely equal: no comparison cost).
    func entry(for symbols: [Symbol]) -> Entry? {
        guard !symbols.isEmpty else { return nil }
        let address = symbols.withUnsafeBufferPointer { $0.baseAddress }
        return entries.withLock { list in
            list.last { entry in
                entry.symbols.count == symbols.count && entry.symbols.withUnsafeBufferPointer { $0.baseAddress } == address
            }
        }
    }

    /// The store's sense models for `symbols` when they are a registered store's (the same as training them).
    func senseModels(for symbols: [Symbol]) -> SenseModels? {
        entry(for: symbols)?.senseModels
    }

    /// A matcher for `symbols` with `options` from memory or a snapshot file, or built and snapshotted; nil when
    /// `symbols` are not a registered store's or `senses` are not that store's models.
    func matcher(symbols: [Symbol], options: SymbolMatcher.Options, senses: SenseModels?) -> SymbolMatcher? {
        guard Self.enabledByEnvironment, let entry = entry(for: symbols) else { return nil }
        if let senses, senses.origin == nil || senses.origin != entry.senseModels.origin { return nil }
        let key = options.snapshotKey
        if let made = entry.built.withLock({ $0[key] }) {
            log.withLock { $0.append("memory") }
            return made
        }
        let url = entry.url(for: options)
        let matcher: SymbolMatcher
        let identity = Self.identity(contentHash: entry.contentHash)
        if let data = try? Data(contentsOf: url, options: .alwaysMapped),
           let loaded = try? SymbolMatcher(snapshot: data, contentHash: identity, options: options) {
            matcher = loaded
            log.withLock { $0.append("snapshot") }
        } else {
            matcher = SymbolMatcher(building: entry.symbols, options: options, senses: entry.senseModels)
            Self.write(matcher.snapshot(contentHash: identity), to: url)
            Self.removeStale(databaseURL: entry.databaseURL, contentHash: entry.contentHash)
            log.withLock { $0.append("built") }
        }
        entry.built.withLock { $0[key] = matcher }
        return matcher
    }

    /// Writes `bytes` to `url` through a temporary file in the same directory and a rename; failures are ignored
    /// (the snapshot is an optimisation).
    static func write(_ bytes: [UInt8], to url: URL) {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else { return }
        if rename(temporary.path, url.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }

    /// The snapshot file prefix of the store at `databaseURL` for content `contentHash`.
    static func filePrefix(databaseURL: URL, contentHash: String) -> URL {
        databaseURL.deletingPathExtension().appendingPathExtension("m-\(contentHash.prefix(16))-\(buildIdentity)-")
    }

    /// Removes the snapshots of `databaseURL` made for other contents than `contentHash` or by another build
    /// (after a rebuild, and after writing a snapshot). A process still using one keeps its open mapping.
    static func removeStale(databaseURL: URL, contentHash: String) {
        let directory = databaseURL.deletingLastPathComponent()
        let base = databaseURL.deletingPathExtension().lastPathComponent + ".m-"
        let current = filePrefix(databaseURL: databaseURL, contentHash: contentHash).lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(base) && (name.hasSuffix(".matcher") || name.hasSuffix(".symbols")) && !name.hasPrefix(current) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }
}
