import ArgumentParser
import Foundation
import SymbolDB

extension LocCtl.Symbols {
    /// `locctl symbols list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List symbols, one per line: id, category, headword, English term.")

        @OptionGroup var glossary: GlossaryOptions

        @Option(help: "Show only this category (\(SymbolDB.Category.allCases.map(\.rawValue).joined(separator: ", "))).")
        var category: SymbolDB.Category?

        func run() async throws {
            let store = try glossary.openStore()
            let symbols = category.map { store.symbols(category: $0) } ?? store.allSymbols
            for symbol in symbols {
                let english = symbol.renderings["en"]?.preferred.first ?? ""
                print([symbol.id, symbol.category.rawValue, symbol.headword, english].joined(separator: "\t"))
            }
        }
    }

    /// `locctl symbols show ID`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one symbol in full.")

        @OptionGroup var glossary: GlossaryOptions

        @Argument(help: "The symbol's id, e.g. mid-autumn-festival.")
        var id: String

        @Flag(help: "Print JSON instead of text.")
        var json = false

        func run() async throws {
            let store = try glossary.openStore()
            guard let symbol = store.symbol(id: id) else {
                let near = (try? store.search(id, limit: 3))?.map(\.symbol.id) ?? []
                printError("error: no symbol with id '\(id)'" + (near.isEmpty ? "" : "; similar: \(near.joined(separator: ", "))"))
                throw ExitCode(1)
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(symbol), as: UTF8.self))
            } else {
                print(SymbolText.describe(symbol))
            }
        }
    }

    /// `locctl symbols search TEXT`.
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find symbols by Chinese form, pinyin, gloss or rendering.",
            discussion: "Matches substrings in any script, ignoring case and tone marks; one- and two-character queries search the Chinese and pinyin forms.")

        @OptionGroup var glossary: GlossaryOptions

        @Argument(help: "Text to look for, e.g. 中秋, zhongqiu, moon.")
        var text: String

        @Option(help: "Show at most this many symbols.")
        var limit = 20

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be positive") }
        }

        func run() async throws {
            let store = try glossary.openStore()
            for result in try store.search(text, limit: limit) {
                print([result.symbol.id, result.symbol.headword, "\(result.field): \(result.text)"].joined(separator: "\t"))
            }
        }
    }
}

/// The readable form of a symbol for `show`.
enum SymbolText {
    static func describe(_ symbol: Symbol) -> String {
        var lines = ["\(symbol.id)  [\(symbol.category.rawValue), context \(symbol.context.rawValue), priority \(symbol.priority), \(symbol.status.rawValue)]"]
        func add(_ label: String, _ values: [String]) {
            if !values.isEmpty { lines.append("  \(label): \(values.joined(separator: ", "))") }
        }
        add("simplified", symbol.forms.simplified)
        add("traditional", symbol.forms.traditional)
        add("pinyin", symbol.forms.pinyin)
        add("aliases", symbol.forms.aliases)
        add("themes", symbol.themes)
        for (language, text) in symbol.gloss.sorted(by: { ($0.key == "en" ? 0 : 1, $0.key) < ($1.key == "en" ? 0 : 1, $1.key) }) {
            lines.append("  gloss \(language): \(text)")
        }
        for (tag, terms) in symbol.renderings.sorted(by: { $0.key < $1.key }) {
            var parts: [String] = []
            if !terms.preferred.isEmpty { parts.append("preferred " + terms.preferred.joined(separator: " / ")) }
            if !terms.admitted.isEmpty { parts.append("admitted " + terms.admitted.joined(separator: " / ")) }
            if !terms.deprecated.isEmpty { parts.append("deprecated " + terms.deprecated.joined(separator: " / ")) }
            lines.append("  rendering \(tag): \(parts.joined(separator: "; "))")
        }
        for (frame, texts) in symbol.analogies.sorted(by: { $0.key < $1.key }) {
            for (language, text) in texts.sorted(by: { $0.key < $1.key }) { lines.append("  analogy \(frame) (\(language)): \(text)") }
        }
        add("related", symbol.related)
        if let wikidata = symbol.sources.wikidata { lines.append("  wikidata: \(wikidata)") }
        add("refs", symbol.sources.refs)
        for (tag, note) in symbol.sensitivity.sorted(by: { $0.key < $1.key }) {
            lines.append("  sensitivity \(tag) (\(note.severity.rawValue)): \(note.note)")
        }
        if let d = symbol.disambiguation {
            add("not before", d.notBefore)
            add("not after", d.notAfter)
            add("not within", d.notWithin)
        }
        if let notes = symbol.notes { lines.append("  notes: \(notes)") }
        return lines.joined(separator: "\n")
    }
}
