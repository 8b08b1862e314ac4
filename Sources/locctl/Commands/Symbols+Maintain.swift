import ArgumentParser
import Foundation
import TextServices
import SymbolDB

extension LocCtl.Symbols {
    /// `locctl symbols lint`.
    struct Lint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the glossary sources.",
            discussion: "Prints file:line:column: severity: message [rule]. Exits 1 when there is an error (warnings alone exit 0).")

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var glossary: GlossaryOptions

        @Option(help: "Output format (text, json).")
        var format: OutputFormat = .text

        @Option(help: ArgumentHelp(
            "Also check forms and renderings against the word-frequency lists in this directory.",
            discussion: "Lists are <language>.tsv files written by scripts/word_frequencies.py (wordfreq data, CC BY-SA: generated, never committed). Frequent Chinese forms need sense examples; frequent rendering words must be aligned-only.",
            valueName: "dir"))
        var frequencies: String?

        func run() async throws {
            let directory = try glossary.directory()
            let load = try GlossaryLoader().load(directory: directory)
            var linter = GlossaryLinter()
            if let frequencies {
                do {
                    let lists = try WordFrequencies(directory: URL(fileURLWithPath: frequencies, isDirectory: true))
                    linter.rules += [AmbiguousFormRule(frequencies: lists), FrequentRenderingRule(frequencies: lists)]
                } catch {
                    printError("error: \(error)")
                    throw ExitCode(64)
                }
            }
            if linter.traditionalConverters.isEmpty {
                printError("warning: OpenCC is not available; Traditional forms are not checked")
            }
            let diagnostics = linter.lint(load)
            switch format {
            case .text:
                for diagnostic in diagnostics { print(diagnostic.description) }
                let errors = diagnostics.filter { $0.severity == .error }.count
                print("\(errors) error\(errors == 1 ? "" : "s"), \(diagnostics.count - errors) warning\(diagnostics.count - errors == 1 ? "" : "s") in \(load.files.count) file\(load.files.count == 1 ? "" : "s") (\(load.symbols.count) symbols)")
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(diagnostics), as: UTF8.self))
            }
            if diagnostics.hasErrors { throw ExitCode(1) }
        }
    }

    /// `locctl symbols build`.
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile the glossary sources into the symbol cache.",
            discussion: "Every command does this when the sources change; build reports it. The cache is in $LOCCTL_CACHE_DIR, $XDG_CACHE_HOME/locctl or ~/.cache/locctl.")

        @OptionGroup var glossary: GlossaryOptions

        @Flag(help: "Rebuild even when the cache is up to date.")
        var force = false

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        func run() async throws {
            let start = Date()
            let store = try glossary.openStore(forceRebuild: force)
            let milliseconds = Int(Date().timeIntervalSince(start) * 1000)
            for diagnostic in store.diagnostics where !quiet || diagnostic.severity == .error { printError(diagnostic.description) }
            guard !quiet else { return }
            let verb = store.wasRebuilt ? "Built" : "Up to date:"
            print("\(verb) \(store.allSymbols.count) symbols in \(store.databaseURL.path) (search: \(store.searchEngine.rawValue), \(milliseconds) ms)")
            if !store.diagnostics.isEmpty {
                printError("\(store.diagnostics.count) reading problem(s) in the sources; run `locctl symbols lint`")
            }
        }
    }

    /// `locctl symbols import FILE.csv|FILE.tbx`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn a spreadsheet (CSV) or CAT-tool (TBX) glossary into a new YAML source file.",
            discussion: """
                CSV: the header names columns: id, category, context, priority, status, themes, simplified, traditional, \
                pinyin, aliases, gloss_<lang>, preferred_<tag>, admitted_<tag>, deprecated_<tag>, analogy_<frame>[_<lang>], \
                related, wikidata, refs, sensitivity_<tag> ("severity: note"), not_before, not_after, not_within, notes. \
                List cells separate items with |. \
                TBX: TBX-Basic v3 (<tbx>) or v2 (<martif>), e.g. from memoQ or Trados; entries from other tools become \
                draft symbols with the given --category and --context. See glossaries/README.md.
                """)

        @OptionGroup var glossary: GlossaryOptions

        @Argument(help: "The CSV (UTF-8, RFC 4180) or TBX file (.tbx, .xml).")
        var file: String

        @Option(help: "Category for entries without one (CSV rows, TBX entries without a locctl subject field).")
        var category: SymbolDB.Category?

        @Option(help: "Context level (high, medium, low) for TBX entries without one.")
        var context: ContextLevel?

        @Flag(help: "TBX: read rendering languages without their region (en-US → en).")
        var dropRegions = false

        @Option(help: "Name of the YAML file to create in the glossary directory (default: the input's name with .yaml).")
        var name: String?

        @Flag(help: "Replace an existing YAML file of that name.")
        var force = false

        func run() async throws {
            let inputURL = URL(fileURLWithPath: file)
            let data: Data
            do { data = try Data(contentsOf: inputURL) } catch {
                printError("error: cannot read \(file): \(UserMessage.reason(error))")
                throw ExitCode(1)
            }
            let imported: GlossaryLoadResult
            if GlossaryExchangeFormat(pathExtension: inputURL.pathExtension) == .tbx || SymbolTBX.sniff(data) {
                imported = SymbolTBX.read(data, file: file, options: SymbolTBX.ImportOptions(
                    defaultCategory: category, defaultContext: context, dropRegions: dropRegions))
            } else {
                guard let text = String(data: data, encoding: .utf8) else {
                    printError("error: \(file) is not UTF-8")
                    throw ExitCode(1)
                }
                imported = SymbolCSV.read(text, file: file, defaultCategory: category)
            }
            for diagnostic in imported.diagnostics { printError(diagnostic.description) }
            if imported.diagnostics.hasErrors {
                printError("nothing written: fix the input and import again")
                throw ExitCode(1)
            }
            let directory = try glossary.directory()
            let fileName = name ?? (inputURL.deletingPathExtension().lastPathComponent + ".yaml")
            guard !fileName.contains("/"), fileName.hasSuffix(".yaml") else {
                throw ValidationError("--name must be a file name ending in .yaml")
            }
            let target = directory.appendingPathComponent(fileName)
            let yaml = try SymbolYAML.write(imported.symbols.map(\.symbol),
                                            header: "Imported from \(inputURL.lastPathComponent) by `locctl symbols import`.")
            do {
                try GlossaryFileWriter.write(Data(yaml.utf8), to: target, overwrite: force)
            } catch let failure as GlossaryFileWriter.Failure {
                printError("error: \(failure)")
                throw ExitCode(1)
            }
            print("Wrote \(imported.symbols.count) symbols to \(target.path)")
            // Lint the glossary with the new file, and show what concerns it.
            let findings = GlossaryLinter().lint(try GlossaryLoader().load(directory: directory))
                .filter { $0.location.file.hasSuffix("/" + fileName) || $0.location.file == fileName }
            for finding in findings { print(finding.description) }
            if !findings.isEmpty { print("\(findings.count) finding(s) in the new file; run `locctl symbols lint`") }
        }
    }

    /// `locctl symbols export`.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write every symbol as CSV, JSON or TBX-Basic (for CAT tools).")

        @OptionGroup var glossary: GlossaryOptions

        @Option(help: "Output format (\(GlossaryExchangeFormat.allCases.map(\.rawValue).joined(separator: ", "))).")
        var format: GlossaryExchangeFormat

        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
        var output: String?

        func run() async throws {
            let store = try glossary.openStore()
            let data = try format.write(store.allSymbols)
            if let output {
                do { try GlossaryFileWriter.write(data, to: URL(fileURLWithPath: output), overwrite: true) } catch {
                    printError("error: \(UserMessage.reason(error))")
                    throw ExitCode(1)
                }
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }
}

extension GlossaryExchangeFormat: ExpressibleByArgument {}
extension ContextLevel: ExpressibleByArgument {}
