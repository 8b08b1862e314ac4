import ArgumentParser
import Foundation
import SymbolDB

extension LocCtl {
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
