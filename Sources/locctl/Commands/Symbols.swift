import ArgumentParser
import Foundation
import SymbolDB

/// `locctl symbols …`: the cultural symbol database.
struct Symbols: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "symbols",
        abstract: "Search, show, lint, build, import and export the cultural symbol database.",
        subcommands: [
            List.self, Show.self, Search.self, SymbolsMatch.self, Lint.self, Build.self, Import.self, Export.self,
        ]
    )
}

/// Where the glossary sources are, shared by every `symbols` subcommand.
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

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

extension SymbolDB.Category: ExpressibleByArgument {}

extension Symbol {
    /// The first Simplified form (the headword).
    var headword: String { forms.simplified.first ?? forms.chinese.first ?? "" }
}
