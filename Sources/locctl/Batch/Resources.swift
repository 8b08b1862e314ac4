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
        do {
            return try RegionLoader.loadDirectory(directory)
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
        let all: [RegionProfile]
        do { all = try regions(directory) } catch let error as GlossaryLocatorError {
            throw ValidationError("\(error)")
        }
        do { return try select(tags, from: all) } catch { throw ValidationError("\(error)") }
    }

    /// The profiles among `all` that `tags` name (case-insensitive, `_` or `-`, canonicalized with ICU);
    /// `all` alone selects every profile.
    static func select(_ tags: [String], from all: [RegionProfile]) throws(UnknownRegion) -> [RegionProfile] {
        if tags.map({ $0.lowercased() }) == ["all"] { return all }
        var selected: [RegionProfile] = []
        for tag in tags {
            let canonical = LanguageTag.canonicalize(tag.replacingOccurrences(of: "_", with: "-"))
            guard let profile = all.first(where: { $0.tag.caseInsensitiveCompare(canonical) == .orderedSame }) else {
                throw UnknownRegion(tag: tag, known: all.map(\.tag))
            }
            selected.append(profile)
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
