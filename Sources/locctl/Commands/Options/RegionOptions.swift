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

    func load(tags: [String]) throws -> [RegionProfile] {
        do { return try Resources.select(tags, from: loadAll()) } catch let error as UnknownRegion {
            throw AuditExit.usageError("\(error)")
        }
    }
}
