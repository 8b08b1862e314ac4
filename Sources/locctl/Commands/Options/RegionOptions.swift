import ArgumentParser
import Foundation
import Regions
import SymbolDB

/// `--regions-dir`: where region profiles are read from, shared by every command that needs them.
struct RegionOptions: ParsableArguments {
    @Option(name: .customLong("regions-dir"), help: ArgumentHelp(
        "Read region profiles from this directory.",
        discussion: "Default: $LOCCTL_REGIONS, else the nearest regions/ (with a README.md) above the current directory or the executable.",
        valueName: "dir"))
    var regionsDirectory: String?

    func loadAll() throws -> [RegionProfile] {
        do {
            return try Resources.regions(regionsDirectory)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw AuditExit.usageError("\(error)")
        }
    }

    /// The profiles `tags` name, every profile checked (see ``RegionCatalog``); unknown tags are usage errors.
    func load(tags: [String]) throws -> [RegionProfile] {
        let catalog: RegionCatalog
        do { catalog = try Resources.catalog(regionsDirectory) } catch let exit as ExitCode {
            throw exit
        } catch {
            throw AuditExit.usageError("\(error)")
        }
        let selected: [String]
        do { selected = try Resources.select(tags, from: catalog.tags) } catch {
            throw AuditExit.usageError("\(error)")
        }
        return try Resources.regions(selected, from: catalog, directory: regionsDirectory)
    }
}
