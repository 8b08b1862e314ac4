import Foundation
import Regions
import Subtitles
import SymbolDB

/// Where a ``Localizer`` reads its symbols from.
public enum GlossarySource: Sendable {
    /// The `glossaries/` directory shipped with locctl, found above the current directory or the executable.
    case bundled
    /// A directory of glossary YAML files.
    case directory(URL)
    /// Symbols already in memory.
    case symbols([Symbol])
    /// No glossary: only script, wrapping, timing and bidi steps change the track.
    case none

    /// The symbols, compiled through the SQLite cache for directories.
    func load() throws -> [Symbol] {
        switch self {
        case .bundled: return try SymbolStore.open(glossaryDirectory: BundledData.directory(.glossaries)).allSymbols
        case let .directory(url): return try SymbolStore.open(glossaryDirectory: url).allSymbols
        case let .symbols(symbols): return symbols
        case .none: return []
        }
    }
}

/// The localization pipeline for one region, as a library call:
///
/// ```swift
/// let track = try Track(contentsOf: input)
/// let result = try Localizer(region: "en-US", glossary: .bundled).run(track, source: chinese)
/// try result.track.write(to: output)
/// ```
public struct Localizer: Sendable {
    public let region: RegionProfile
    public let symbols: [Symbol]
    public let pipeline: LocalizePipeline
    private let symbolsByID: [String: Symbol]
    public var orientation: Orientation

    /// A localizer for a region tag of the bundled profiles (`en-US`, `zh-Hant-TW`), or of `regions` when given.
    public init(region tag: String, glossary: GlossarySource = .bundled, regions: URL? = nil,
                steps: [String]? = nil, orientation: Orientation = .vertical) throws {
        let directory = try regions ?? BundledData.directory(.regions)
        let profiles = try RegionLoader.loadDirectory(directory)
        guard let profile = profiles.first(where: { $0.tag.caseInsensitiveCompare(tag) == .orderedSame }) else {
            throw LocalizerError.unknownRegion(tag, known: profiles.map(\.tag).sorted())
        }
        try self.init(region: profile, symbols: glossary.load(), steps: steps, orientation: orientation)
    }

    /// A localizer for a loaded profile and symbols.
    public init(region: RegionProfile, symbols: [Symbol], steps: [String]? = nil, orientation: Orientation = .vertical) throws {
        self.region = region
        self.symbols = symbols
        self.symbolsByID = Dictionary(symbols.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.orientation = orientation
        self.pipeline = try LocalizePipeline(names: steps)
    }

    /// Runs every step on `track`, using the Chinese `source` (aligned by time) as evidence when given.
    public func run(_ track: Track, source: Track? = nil) -> LocalizeResult {
        let context = LocalizeContext(region: region, orientation: orientation, source: source, symbols: symbolsByID,
                                      frameRate: track.frameRate)
        let (output, changes) = pipeline.run(track, in: context)
        return LocalizeResult(track: output, changes: changes)
    }
}

/// A localized track and what each step changed.
public struct LocalizeResult: Sendable {
    public var track: Track
    public var changes: [Change]
}

/// Why a ``Localizer`` could not be made.
public enum LocalizerError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownRegion(String, known: [String])

    public var description: String {
        switch self {
        case let .unknownRegion(tag, known): return "unknown region '\(tag)' (known: \(known.joined(separator: ", ")))"
        }
    }
}
