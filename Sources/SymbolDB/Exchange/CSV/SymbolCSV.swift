import Foundation

/// Spreadsheet glossaries: CSV with one symbol per row (see `glossaries/README.md`, "CSV import").
///
/// Columns (any order; only `id`, `context` and `simplified` are required, `category` unless given as a default):
///
/// | column | meaning |
/// |---|---|
/// | `id`, `category`, `context`, `priority`, `status` | as in YAML |
/// | `themes`, `simplified`, `traditional`, `pinyin`, `aliases`, `related`, `refs` | lists, items separated by `\|` |
/// | `gloss_<lang>` | gloss, e.g. `gloss_en`, `gloss_zh-Hans` |
/// | `preferred_<tag>`, `admitted_<tag>`, `deprecated_<tag>` | renderings (lists), e.g. `preferred_en`, `admitted_es-419` |
/// | `analogy_<frame>` / `analogy_<frame>_<lang>` | analogy in English / in a language |
/// | `wikidata`, `notes` | as in YAML |
/// | `sensitivity_<tag>` | `severity: note`, e.g. `info: Neutral wording.` |
/// | `not_before`, `not_after`, `not_within` | disambiguation lists |
/// | `aligned_only_<tag>`, `paraphrases_<tag>` (lists), `article_<tag>` | the other parts of a language's renderings |
/// | `shared_by` | list of region tags |
/// | `examples_symbol`, `examples_ordinary` | sense examples: items `form: line`, e.g. `穿越: 她竟然穿越到了三百年前。` |
public enum SymbolCSV {
    /// Separates the items of a list cell.
    public static let listSeparator: Character = "|"

    static let fixedColumns = ["id", "category", "context", "priority", "status", "themes", "simplified", "traditional",
                               "pinyin", "aliases", "related", "wikidata", "refs", "not_before", "not_after", "not_within", "notes",
                               "shared_by", "examples_symbol", "examples_ordinary"]
    static let prefixedColumns = ["gloss_", "preferred_", "admitted_", "deprecated_", "analogy_", "sensitivity_",
                                  "aligned_only_", "paraphrases_", "article_"]

    // MARK: Import

    /// Reads CSV text into symbols located by line; problems come back as diagnostics.
    ///
    /// - Parameter defaultCategory: the category of rows whose `category` cell is empty or absent.
    public static func read(_ text: String, file: String, defaultCategory: Category? = nil) -> GlossaryLoadResult {
        var result = GlossaryLoadResult(files: [file])
        func error(_ rule: GlossaryRule, _ message: String, line: Int?, id: String? = nil) {
            result.diagnostics.append(GlossaryDiagnostic(rule, message, at: GlossaryLocation(file: file, line: line), symbolID: id))
        }
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.read(text)
        } catch let syntax as CSVReader.SyntaxError {
            error(.csvSyntax, syntax.message, line: syntax.line)
            return result
        } catch {
            return result
        }
        guard let header = records.first else {
            error(.missingField, "the CSV file is empty (expected a header row)", line: 1)
            return result
        }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var seenColumns = Set<String>()
        for (index, column) in columns.enumerated() {
            if !seenColumns.insert(column).inserted {
                error(.duplicateKey, "column '\(column)' appears twice in the header", line: header.line)
            }
            if !isKnownColumn(column) {
                var message = "unknown column '\(column)' (column \(index + 1))"
                if let suggestion = YAMLNodeReader.closest(to: column, in: fixedColumns) { message += "; did you mean '\(suggestion)'?" }
                error(.unknownKey, message, line: header.line)
            }
        }
        for required in ["id", "context", "simplified"] where !columns.contains(required) {
            error(.missingField, "the header has no '\(required)' column", line: header.line)
        }
        if defaultCategory == nil && !columns.contains("category") {
            error(.missingField, "the header has no 'category' column and no default category was given", line: header.line)
        }
        guard !result.diagnostics.hasErrors else { return result }

        for record in records.dropFirst() {
            guard record.fields.count == columns.count else {
                error(.typeMismatch, "row has \(record.fields.count) fields; the header has \(columns.count)", line: record.line)
                continue
            }
            var cells: [String: String] = [:]
            for (column, value) in zip(columns, record.fields) {
                let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { cells[column] = trimmed }
            }
            if cells.isEmpty { continue }
            switch symbol(from: cells, line: record.line, file: file, defaultCategory: defaultCategory) {
            case let .success(located): result.symbols.append(located)
            case let .failure(problems):
                result.diagnostics += problems.diagnostics
                if let id = cells["id"] { result.rejectedIDs.insert(id) }
            }
        }
        return result
    }

    private static func isKnownColumn(_ column: String) -> Bool {
        fixedColumns.contains(column) || prefixedColumns.contains { column.hasPrefix($0) && column.count > $0.count }
    }

    private struct Problems: Error { var diagnostics: [GlossaryDiagnostic] }

    private static func symbol(from cells: [String: String], line: Int, file: String,
                               defaultCategory: Category?) -> Result<LocatedSymbol, Problems> {
        let location = GlossaryLocation(file: file, line: line)
        let id = cells["id"]
        var problems: [GlossaryDiagnostic] = []
        func problem(_ rule: GlossaryRule, _ message: String) {
            problems.append(GlossaryDiagnostic(rule, message, at: location, symbolID: id))
        }
        func list(_ column: String) -> [String] {
            guard let cell = cells[column] else { return [] }
            return cell.split(separator: listSeparator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        func enumeration<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type) -> T? where T.RawValue == String {
            guard let cell = cells[column] else { return nil }
            guard let value = T(rawValue: cell) else {
                problem(.unknownTag, "column '\(column)': unknown value '\(cell)'; expected one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            return value
        }

        if id == nil { problem(.missingField, "row has no id") }
        let category = enumeration("category", Category.self) ?? (cells["category"] == nil ? defaultCategory : nil)
        if cells["category"] == nil && defaultCategory == nil { problem(.missingField, "row has no category") }
        let context = enumeration("context", ContextLevel.self)
        if cells["context"] == nil { problem(.missingField, "row has no context (high, medium or low)") }
        let status = enumeration("status", ReviewStatus.self) ?? .draft
        var priority = 2
        if let cell = cells["priority"] {
            if let value = Int(cell) { priority = value } else { problem(.typeMismatch, "column 'priority': '\(cell)' is not an integer") }
        }

        var gloss: [String: String] = [:]
        var renderings: [String: Renderings] = [:]
        var analogies: [String: [String: String]] = [:]
        var sensitivity: [String: Sensitivity] = [:]
        for (column, cell) in cells.sorted(by: { $0.key < $1.key }) {
            if let language = suffix(column, "gloss_") {
                gloss[language] = cell
            } else if let tag = suffix(column, "preferred_") {
                renderings[tag, default: Renderings()].preferred = list(column)
            } else if let tag = suffix(column, "admitted_") {
                renderings[tag, default: Renderings()].admitted = list(column)
            } else if let tag = suffix(column, "deprecated_") {
                renderings[tag, default: Renderings()].deprecated = list(column)
            } else if let tag = suffix(column, "aligned_only_") {
                renderings[tag, default: Renderings()].alignedOnly = list(column)
            } else if let tag = suffix(column, "paraphrases_") {
                renderings[tag, default: Renderings()].paraphrases = list(column)
            } else if let tag = suffix(column, "article_") {
                renderings[tag, default: Renderings()].article = cell
            } else if let rest = suffix(column, "analogy_") {
                let parts = rest.split(separator: "_", maxSplits: 1).map(String.init)
                analogies[parts[0], default: [:]][parts.count > 1 ? parts[1] : "en"] = cell
            } else if let tag = suffix(column, "sensitivity_") {
                let parts = cell.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, let severity = Sensitivity.Severity(rawValue: parts[0]) {
                    sensitivity[tag] = Sensitivity(severity: severity, note: parts[1])
                } else {
                    problem(.typeMismatch, "column '\(column)': expected 'severity: note' with severity info, warning or error")
                }
            }
        }
        let disambiguationLists = (list("not_before"), list("not_after"), list("not_within"))
        let disambiguation = [disambiguationLists.0, disambiguationLists.1, disambiguationLists.2].allSatisfy(\.isEmpty) ? nil
            : Disambiguation(notBefore: disambiguationLists.0, notAfter: disambiguationLists.1, notWithin: disambiguationLists.2)

        var examples: [String: SenseExamples] = [:]
        for (column, isSymbol) in [("examples_symbol", true), ("examples_ordinary", false)] {
            for item in list(column) {
                guard let separator = item.range(of: ": ") else {
                    problem(.typeMismatch, "column '\(column)': item '\(item.prefix(30))' is not 'form: line'")
                    continue
                }
                let form = String(item[..<separator.lowerBound]), line = String(item[separator.upperBound...])
                if isSymbol { examples[form, default: SenseExamples()].symbol.append(line) }
                else { examples[form, default: SenseExamples()].ordinary.append(line) }
            }
        }

        guard let id, let category, let context, problems.isEmpty else { return .failure(Problems(diagnostics: problems)) }
        let symbol = Symbol(id: id, category: category, context: context, priority: priority, themes: list("themes"),
                            forms: Forms(simplified: list("simplified"), traditional: list("traditional"),
                                         pinyin: list("pinyin"), aliases: list("aliases")),
                            gloss: gloss, renderings: renderings, analogies: analogies, related: list("related"),
                            sources: Sources(wikidata: cells["wikidata"], refs: list("refs")), status: status,
                            sensitivity: sensitivity, disambiguation: disambiguation, examples: examples,
                            sharedBy: list("shared_by"), notes: cells["notes"])
        return .success(LocatedSymbol(symbol: symbol, source: SymbolSource(entry: location)))
    }

    private static func suffix(_ column: String, _ prefix: String) -> String? {
        column.hasPrefix(prefix) && column.count > prefix.count ? String(column.dropFirst(prefix.count)) : nil
    }

    // MARK: Export

    /// CSV for `symbols`, with the fixed columns plus one column per language, region, frame and tag in use.
    public static func write(_ symbols: [Symbol]) -> String {
        func joined(_ values: [String]) -> String { values.joined(separator: String(listSeparator)) }
        let glossLanguages = Set(symbols.flatMap(\.gloss.keys)).sorted(by: englishFirst)
        let renderingTags = Set(symbols.flatMap(\.renderings.keys)).sorted(by: englishFirst)
        let analogyColumns = Set(symbols.flatMap { symbol in
            symbol.analogies.flatMap { frame, texts in texts.keys.map { $0 == "en" ? "analogy_\(frame)" : "analogy_\(frame)_\($0)" } }
        }).sorted()
        let sensitivityTags = Set(symbols.flatMap(\.sensitivity.keys)).sorted()

        var header = ["id", "category", "context", "priority", "status", "themes", "simplified", "traditional", "pinyin", "aliases"]
        header += glossLanguages.map { "gloss_\($0)" }
        for tag in renderingTags { header += ["preferred_\(tag)", "admitted_\(tag)", "deprecated_\(tag)"] }
        let useTags = renderingTags.filter { tag in symbols.contains { ($0.renderings[tag]).map(Self.hasUses) ?? false } }
        for tag in useTags { header += ["aligned_only_\(tag)", "paraphrases_\(tag)", "article_\(tag)"] }
        header += analogyColumns
        header += ["related", "wikidata", "refs"]
        header += sensitivityTags.map { "sensitivity_\($0)" }
        header += ["not_before", "not_after", "not_within", "notes", "shared_by", "examples_symbol", "examples_ordinary"]

        var output = CSVReader.line(header)
        for symbol in symbols {
            var row: [String] = [symbol.id, symbol.category.rawValue, symbol.context.rawValue, String(symbol.priority),
                                 symbol.status.rawValue, joined(symbol.themes), joined(symbol.forms.simplified),
                                 joined(symbol.forms.traditional), joined(symbol.forms.pinyin), joined(symbol.forms.aliases)]
            row += glossLanguages.map { symbol.gloss[$0] ?? "" }
            for tag in renderingTags {
                let terms = symbol.renderings[tag] ?? Renderings()
                row += [joined(terms.preferred), joined(terms.admitted), joined(terms.deprecated)]
            }
            for tag in useTags {
                let terms = symbol.renderings[tag] ?? Renderings()
                row += [joined(terms.alignedOnly), joined(terms.paraphrases), terms.article ?? ""]
            }
            for column in analogyColumns {
                let parts = column.dropFirst("analogy_".count).split(separator: "_", maxSplits: 1).map(String.init)
                row.append(symbol.analogies[parts[0]]?[parts.count > 1 ? parts[1] : "en"] ?? "")
            }
            row += [joined(symbol.related), symbol.sources.wikidata ?? "", joined(symbol.sources.refs)]
            row += sensitivityTags.map { tag in symbol.sensitivity[tag].map { "\($0.severity.rawValue): \($0.note)" } ?? "" }
            let disambiguation = symbol.disambiguation ?? Disambiguation()
            row += [joined(disambiguation.notBefore), joined(disambiguation.notAfter), joined(disambiguation.notWithin), symbol.notes ?? ""]
            let examples = symbol.examples.sorted { $0.key < $1.key }
            row += [joined(symbol.sharedBy),
                    joined(examples.flatMap { form, senses in senses.symbol.map { "\(form): \($0)" } }),
                    joined(examples.flatMap { form, senses in senses.ordinary.map { "\(form): \($0)" } })]
            output += CSVReader.line(row)
        }
        return output
    }

    private static func hasUses(_ renderings: Renderings) -> Bool {
        !(renderings.alignedOnly.isEmpty && renderings.paraphrases.isEmpty && renderings.article == nil)
    }

    private static func englishFirst(_ a: String, _ b: String) -> Bool {
        (a == "en" ? 0 : 1, a) < (b == "en" ? 0 : 1, b)
    }
}
