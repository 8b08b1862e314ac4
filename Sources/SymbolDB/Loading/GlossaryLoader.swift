import Foundation
import TextServices
import Yams

/// Reads glossary YAML sources (see `glossaries/README.md`) into symbols and located diagnostics.
///
/// The loader never throws for bad content: every problem comes back as a ``GlossaryDiagnostic`` with
/// its file and line, beside the symbols that could be read.
public struct GlossaryLoader: Sendable {
    /// Safety limits for untrusted YAML.
    public struct Limits: Sendable, Hashable {
        /// Largest file read, in bytes.
        public var maximumFileBytes: Int
        /// Most YAML nodes visited in one file (counts every alias expansion).
        public var maximumNodeVisits: Int
        /// Deepest flow-collection nesting (`[[[…`) accepted before parsing.
        public var maximumFlowDepth: Int

        public init(maximumFileBytes: Int = 4 << 20, maximumNodeVisits: Int = 500_000, maximumFlowDepth: Int = 64) {
            self.maximumFileBytes = maximumFileBytes
            self.maximumNodeVisits = maximumNodeVisits
            self.maximumFlowDepth = maximumFlowDepth
        }
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// The YAML source files under `directory` (recursively, hidden files skipped), sorted by path.
    public static func sourceFiles(in directory: URL) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw GlossaryLoaderError.notADirectory(directory.path)
        }
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw GlossaryLoaderError.notADirectory(directory.path)
        }
        var files: [URL] = []
        for case let url as URL in enumerator where ["yaml", "yml"].contains(url.pathExtension.lowercased()) {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Reads every YAML file under `directory`.
    ///
    /// - Throws: ``GlossaryLoaderError`` only when `directory` is not a directory.
    public func load(directory: URL) throws -> GlossaryLoadResult {
        var result = GlossaryLoadResult()
        for url in try Self.sourceFiles(in: directory) {
            let display = Self.displayPath(url)
            do {
                let data = try Data(contentsOf: url)
                result.append(load(data: data, file: display))
            } catch {
                result.files.append(display)
                result.diagnostics.append(GlossaryDiagnostic(
                    .unreadableFile, "cannot read file: \(UserMessage.reason(error))", at: GlossaryLocation(file: display)))
            }
        }
        return result
    }

    /// Reads one file's bytes (UTF-8, optional BOM).
    public func load(data: Data, file: String) -> GlossaryLoadResult {
        let at = GlossaryLocation(file: file)
        guard data.count <= limits.maximumFileBytes else {
            return GlossaryLoadResult(diagnostics: [GlossaryDiagnostic(
                .documentLimit, "file is \(data.count) bytes; the limit is \(limits.maximumFileBytes)", at: at)], files: [file])
        }
        guard var text = String(data: data, encoding: .utf8) else {
            return GlossaryLoadResult(diagnostics: [GlossaryDiagnostic(.unreadableFile, "file is not valid UTF-8", at: at)],
                                      files: [file])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return load(yaml: text, file: file)
    }

    /// Reads one file's text; `file` is how diagnostics name it.
    public func load(yaml: String, file: String) -> GlossaryLoadResult {
        var result = GlossaryLoadResult(files: [file])
        if let line = Self.lineExceedingFlowDepth(yaml, limit: limits.maximumFlowDepth) {
            result.diagnostics.append(GlossaryDiagnostic(
                .documentLimit, "collections nested deeper than \(limits.maximumFlowDepth) levels (or indented past \(4 * limits.maximumFlowDepth) columns)",
                at: GlossaryLocation(file: file, line: line)))
            return result
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            result.diagnostics.append(Self.diagnostic(for: error, file: file))
            return result
        }
        guard let root else { return result }   // an empty file holds no symbols

        var reader = YAMLNodeReader(file: file, maximumVisits: limits.maximumNodeVisits)
        var entryReader = SymbolEntryReader()
        if let top = reader.fields(root, "the file", allowed: ["category", "symbols"]) {
            var defaultCategory: Category?
            if let category = top["category"] {
                defaultCategory = reader.enumeration(category.value, "category", as: Category.self)
            }
            if let symbols = top["symbols"] {
                if case let .sequence(entries) = symbols.value {
                    for entry in entries {
                        if reader.exhausted { break }
                        switch entryReader.read(entry, defaultCategory: defaultCategory,
                                                hasDefaultCategory: top["category"] != nil, reader: &reader) {
                        case let .symbol(symbol): result.symbols.append(symbol)
                        case let .rejected(id): if let id { result.rejectedIDs.insert(id) }
                        }
                    }
                } else if !YAMLNodeReader.isNull(symbols.value) {
                    reader.report(.typeMismatch, "symbols must be a list of entries, found \(YAMLNodeReader.describe(symbols.value))",
                                  at: symbols.value)
                }
            } else {
                reader.report(.missingField, "the file has no 'symbols' list", at: root)
            }
        }
        result.diagnostics += reader.diagnostics
        return result
    }

    // MARK: Helpers

    /// `path` relative to the current directory when it lies below it.
    static func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = FileManager.default.currentDirectoryPath
        let prefix = current.hasSuffix("/") ? current : current + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The first line where `[`/`{` nesting exceeds `limit` or a line's block nesting (indentation and
    /// `- `/`? ` indicators) exceeds four times that, guarding the recursive composer against stack exhaustion.
    static func lineExceedingFlowDepth(_ yaml: String, limit: Int) -> Int? {
        YAMLNesting.firstLineExceeding(yaml, flowLimit: limit, blockLimit: 4 * limit)
    }

    static func diagnostic(for error: Error, file: String) -> GlossaryDiagnostic {
        guard let yamlError = error as? YamlError else {
            return GlossaryDiagnostic(.yamlSyntax, "\(error)", at: GlossaryLocation(file: file))
        }
        func located(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> GlossaryDiagnostic {
            let prefix = context.map { "\($0.text) " } ?? ""
            return GlossaryDiagnostic(.yamlSyntax, prefix + problem,
                                      at: GlossaryLocation(file: file, line: mark.line, column: mark.column))
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _): return located(problem, context, mark)
        case let .parser(context, problem, mark, _): return located(problem, context, mark)
        case let .composer(context, problem, mark, _): return located(problem, context, mark)
        default:
            let text = "\(yamlError)"
            let rule: GlossaryRule = text.contains("uplicate") ? .duplicateKey : .yamlSyntax
            return GlossaryDiagnostic(rule, text, at: GlossaryLocation(file: file))
        }
    }
}

/// Why a glossary directory could not be read at all.
public enum GlossaryLoaderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path does not exist or is not a directory.
    case notADirectory(String)

    public var description: String {
        switch self {
        case let .notADirectory(path): return "glossary directory not found: \(path)"
        }
    }
}
