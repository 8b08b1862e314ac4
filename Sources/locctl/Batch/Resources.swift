import ArgumentParser
import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB
import TextServices

/// Where commands get the bundled data: region profiles and the compiled symbol store.
enum Resources {
    /// The `regions/` directory: `--regions-dir`, `$LOCCTL_REGIONS`, or the nearest `regions/README.md` above
    /// the current directory or the executable.
    static func regionsDirectory(_ explicit: String? = nil) throws -> URL {
        try DataDirectoryLocator(.regions, explicitDirectory: explicit).locate()
    }

    /// Every region profile, sorted by tag.
    /// A profile with an error stops the command: every error is printed (file:line:col) and the exit code is 1.
    static func regions(_ explicit: String? = nil) throws -> [RegionProfile] {
        let directory = try regionsDirectory(explicit)
        return try loadingRegions(in: directory) { try RegionLoader.loadDirectory(directory) }
    }

    /// The region catalog: every profile checked (or recorded in the cache as checked, unchanged since), each
    /// parsed when selected. The same errors stop the command as with ``regions(_:)``.
    static func catalog(_ explicit: String? = nil) throws -> RegionCatalog {
        let directory = try regionsDirectory(explicit)
        return try loadingRegions(in: directory) { try RegionCatalog.open(directory) }
    }

    /// Runs `body`, printing region errors (every one, file:line:col) and exiting 1 on them.
    private static func loadingRegions<T>(in directory: URL, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as RegionErrors {
            printError(failure.errors.map { "error: \($0)" }.joined(separator: "\n")
                       + "\nerror: the region profiles have \(failure.errors.count) error\(failure.errors.count == 1 ? "" : "s"); nothing was loaded from them")
            throw ExitCode(1)
        } catch {
            printError("error: cannot read the region profiles in \(directory.path): \(UserMessage.reason(error))")
            throw ExitCode(1)
        }
    }

    /// The region profiles named by `tags` (`all` for every one), or a usage error naming the known tags.
    static func regions(named tags: [String], directory: String? = nil) throws -> [RegionProfile] {
        let catalog: RegionCatalog
        do { catalog = try self.catalog(directory) } catch let error as GlossaryLocatorError {
            throw ValidationError("\(error)")
        }
        let selected: [String]
        do { selected = try select(tags, from: catalog.tags) } catch { throw ValidationError("\(error)") }
        return try regions(selected, from: catalog, directory: directory)
    }

    /// The profiles of `tags` (some of `catalog.tags`), parsed now if they were not yet.
    static func regions(_ tags: [String], from catalog: RegionCatalog, directory: String?) throws -> [RegionProfile] {
        try loadingRegions(in: try regionsDirectory(directory)) { try tags.map(catalog.profile) }
    }

    /// The tags among `known` that `tags` name (case-insensitive, `_` or `-`, canonicalized with ICU);
    /// `all` alone selects every tag.
    static func select(_ tags: [String], from known: [String]) throws(UnknownRegion) -> [String] {
        if tags.map({ $0.lowercased() }) == ["all"] { return known }
        var selected: [String] = []
        for tag in tags {
            let canonical = LanguageTag.canonicalize(tag.replacingOccurrences(of: "_", with: "-"))
            guard let match = known.first(where: { $0.caseInsensitiveCompare(canonical) == .orderedSame }) else {
                throw UnknownRegion(tag: tag, known: known)
            }
            selected.append(match)
        }
        return selected
    }
}

/// A `--region` value no profile answers to.
struct UnknownRegion: Error, CustomStringConvertible {
    var tag: String
    var known: [String]
    var description: String { "unknown region '\(tag)'; known regions: \(known.joined(separator: ", "))" }
}

extension Orientation: ExpressibleByArgument {}
