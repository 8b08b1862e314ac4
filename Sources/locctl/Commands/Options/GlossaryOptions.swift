import ArgumentParser
import Foundation
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

    /// The compiled store, rebuilt when the sources changed.
    func openStore(forceRebuild: Bool = false) throws -> SymbolStore {
        try SymbolStore.open(glossaryDirectory: directory(), forceRebuild: forceRebuild)
    }
}

extension GlossaryOptions {
    /// Every symbol, or a usage error (exit 64) with the reason.
    func auditSymbols() throws -> [Symbol] {
        do {
            let directory = try GlossaryLocator(explicitDirectory: glossary).locate()
            return try SymbolStore.open(glossaryDirectory: directory).allSymbols
        } catch {
            throw AuditExit.usageError("\(error)")
        }
    }
}
