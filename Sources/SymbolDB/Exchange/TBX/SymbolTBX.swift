import Foundation
import TextServices

/// TBX exchange with CAT tools (memoQ, Trados, …): TBX-Basic v3 out, TBX v3 and v2 in.
///
/// Export writes ISO 30042:2019 TBX-Basic in DCA style (`<tbx type="TBX-Basic" style="dca">`); import reads
/// that and the older v2 `martif` files, parsed with ``SafeXML`` (no DTD, no entity expansion, size and depth
/// limits). A locctl export imports back to the same symbols; ``TBXConventions`` lists the mapping.
///
///     let tbx = try SymbolTBX.write(symbols)
///     let result = SymbolTBX.read(Data(tbx.utf8), file: "glossary.tbx")
public enum SymbolTBX {
    /// How entries from other tools, which lack locctl's own notes, become symbols.
    public struct ImportOptions: Sendable, Hashable {
        /// Category of entries whose subject field is missing or not a locctl category.
        public var defaultCategory: Category?
        /// Context level of entries without a `locctl:context` note.
        public var defaultContext: ContextLevel?
        /// Read rendering language sections by language only (`en-US` → `en`); glosses always are.
        public var dropRegions: Bool

        public init(defaultCategory: Category? = nil, defaultContext: ContextLevel? = nil, dropRegions: Bool = false) {
            self.defaultCategory = defaultCategory
            self.defaultContext = defaultContext
            self.dropRegions = dropRegions
        }
    }

    /// A TBX-Basic v3 document for `symbols`, in their order.
    ///
    /// - Throws: ``TBXWriter/Failure`` when a symbol has no term at all (TBX needs one per entry).
    public static func write(_ symbols: [Symbol]) throws -> String {
        try TBXWriter.write(symbols)
    }

    /// Reads a TBX v3 or v2 document into symbols located by line.
    ///
    /// Symbols from other tools get ids from the entry id (kebab-cased) or the English preferred term,
    /// status `draft`, and the category and context of `options` unless their notes say otherwise. Malformed
    /// or unsafe XML (DTD declarations, entities) is an `xml-syntax` error with its line; unknown elements
    /// and data categories without a place in the model are warnings.
    public static func read(_ data: Data, file: String, options: ImportOptions = ImportOptions()) -> GlossaryLoadResult {
        var result = GlossaryLoadResult(files: [file])
        let document: XMLTreeDocument
        do {
            document = try SafeXML.parse(Array(data), name: file)
        } catch {
            let message: String
            switch error.kind {
            case .unsafe: message = "refused: \(error.message) (TBX needs no DTD or entities, which are never expanded; write a literal & as &amp;)"
            case .tooLarge, .tooDeep: message = "refused: \(error.message)"
            case .malformed: message = "not well-formed XML: \(error.message)"
            }
            result.diagnostics.append(GlossaryDiagnostic(.xmlSyntax, message,
                                                         at: GlossaryLocation(file: file, line: error.line, column: error.column)))
            return result
        }
        var tree = TBXTreeReader(file: file)
        let entries = tree.read(document)
        result.diagnostics += tree.diagnostics
        let language = document.root.attribute("lang", namespace: XMLNamespace.xml) ?? "en"
        var reader = TBXReader(file: file, options: options, documentLanguage: language)
        result.symbols = reader.symbols(from: entries, rejectedIDs: &result.rejectedIDs)
        result.diagnostics += reader.diagnostics
        if entries.isEmpty && !result.diagnostics.hasErrors {
            result.diagnostics.append(GlossaryDiagnostic(.missingField, "the document has no entries", at: GlossaryLocation(file: file, line: document.root.line)))
        }
        result.diagnostics = result.diagnostics.sortedByLocation()
        return result
    }

    /// Whether `data` looks like TBX: an XML document whose root is `tbx` or `martif`.
    public static func sniff(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        return head.contains("<tbx") || head.contains("<martif")
    }
}
