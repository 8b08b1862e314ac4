// INTEGRATION POINTS for `locctl localize` (and later commands): where region profiles and symbols come
// from. Each is one function so the symbol store (branch `symdb`: SymbolStore, GlossaryLocator) can be
// wired in without touching the commands.
import ArgumentParser
import Foundation
import SymbolDB
import Yams

/// The `regions/` directory: `$LOCCTL_REGIONS`, else the first `regions/` holding a `README.md` found
/// walking up from the current directory, then from the executable's directory.
func locateRegionsDirectory() throws -> URL {
    try locateDataDirectory(named: "regions", environment: "LOCCTL_REGIONS")
}

/// The `glossaries/` directory, found like `regions/` (`$LOCCTL_GLOSSARIES`).
func locateGlossariesDirectory() throws -> URL {
    try locateDataDirectory(named: "glossaries", environment: "LOCCTL_GLOSSARIES")
}

private func locateDataDirectory(named name: String, environment: String) throws -> URL {
    if let env = ProcessInfo.processInfo.environment[environment], !env.isEmpty {
        return URL(fileURLWithPath: env)
    }
    let starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                  URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()]
    for start in starts {
        var dir = start.standardizedFileURL
        while true {
            let candidate = dir.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("README.md").path) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
    }
    throw ValidationError("Cannot find the \(name)/ directory; set \(environment).")
}

/// Every symbol of the glossaries.
///
/// INTEGRATION POINT (interim): reads the YAML sources directly with a minimal decoder (forms, glosses,
/// renderings, disambiguation). Replace the body with the SymbolStore (`GlossaryLocator` + cached SQLite
/// build) when branch `symdb` lands; callers only need `[Symbol]`.
func loadSymbolsForCLI() throws -> [Symbol] {
    let directory = try locateGlossariesDirectory()
    let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
    var symbols: [Symbol] = []
    for file in files.sorted(by: { $0.path < $1.path }) where ["yaml", "yml"].contains(file.pathExtension) {
        let text = try String(contentsOf: file, encoding: .utf8)
        do {
            let decoded = try YAMLDecoder().decode(InterimGlossaryFile.self, from: text)
            for entry in decoded.symbols {
                guard let category = entry.category ?? decoded.category else {
                    throw ValidationError("\(file.path): symbol \(entry.id) has no category")
                }
                symbols.append(entry.symbol(category: category))
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("\(file.path): \(error)")
        }
    }
    return symbols
}

private struct InterimGlossaryFile: Decodable {
    var category: Category?
    var symbols: [Entry]

    struct Entry: Decodable {
        var id: String
        var category: Category?
        var context: ContextLevel
        var priority: Int?
        var themes: [String]?
        var forms: FormsEntry
        var gloss: [String: String]?
        var renderings: [String: Terms]?
        var status: ReviewStatus?
        var disambiguation: Disambiguation?

        func symbol(category: Category) -> Symbol {
            Symbol(id: id, category: category, context: context, priority: priority ?? 2, themes: themes ?? [],
                   forms: Forms(simplified: forms.simplified, traditional: forms.traditional ?? [],
                                pinyin: forms.pinyin ?? [], aliases: forms.aliases ?? []),
                   gloss: gloss ?? [:],
                   renderings: (renderings ?? [:]).mapValues {
                       Renderings(preferred: $0.preferred ?? [], admitted: $0.admitted ?? [], deprecated: $0.deprecated ?? [])
                   },
                   status: status ?? .draft, disambiguation: disambiguation)
        }
    }

    struct FormsEntry: Decodable {
        var simplified: [String]
        var traditional: [String]?
        var pinyin: [String]?
        var aliases: [String]?
    }

    struct Terms: Decodable {
        var preferred: [String]?
        var admitted: [String]?
        var deprecated: [String]?
    }
}
