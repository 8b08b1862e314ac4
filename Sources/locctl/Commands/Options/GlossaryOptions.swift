import ArgumentParser
import Foundation
import TextServices
import SymbolDB

/// `--glossary`: where glossary sources are read from, shared by every command that needs symbols.
struct GlossaryOptions: ParsableArguments {
    @Option(name: .customLong("glossary"), help: ArgumentHelp(
        "Read glossary sources from this directory.",
        discussion: "Default: $LOCCTL_GLOSSARIES, else the nearest glossaries/ (with a README.md) above the current directory or the locctl executable.",
        valueName: "dir"))
    var glossary: String?

    /// The glossary directory, or exit 64 with a message.
    func directory() throws -> URL {
        do {
            return try GlossaryLocator(explicitDirectory: glossary).locate()
        } catch {
            printError("error: \(error)")
            throw ExitCode(64)
        }
    }

    /// The compiled store, rebuilt when the sources changed; a glossary with errors or a cache that cannot be
    /// written prints locctl's message and exits 1.
    func openStore(forceRebuild: Bool = false) throws -> SymbolStore {
        let directory = try directory()
        do {
            return try SymbolStore.open(glossaryDirectory: directory, forceRebuild: forceRebuild)
        } catch let failure as GlossaryLoadFailure {
            // "error: FILE:LINE:COL: message [rule]", not "error: FILE:LINE:COL: error: message".
            printError(failure.description.split(separator: "\n")
                .map { "error: " + $0.replacingOccurrences(of: ": error: ", with: ": ") }.joined(separator: "\n"))
            throw ExitCode(1)
        } catch let error as GlossaryLoaderError {
            printError("error: \(error)")
            throw ExitCode(1)
        } catch {
            printError("error: cannot open the symbol cache in \(CacheLocation.directory().path): \(UserMessage.reason(error))")
            throw ExitCode(1)
        }
    }
}

extension GlossaryOptions {
    /// Every symbol, or a usage error (exit 64) with the reason.
    func auditSymbols() throws -> [Symbol] {
        do {
            _ = try GlossaryLocator(explicitDirectory: glossary).locate()
        } catch {
            throw AuditExit.usageError("\(error)")
        }
        return try openStore().allSymbols
    }
}
