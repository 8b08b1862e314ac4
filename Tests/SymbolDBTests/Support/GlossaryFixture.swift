import Foundation
@testable import SymbolDB

/// A temporary glossary directory written from inline YAML; removed by `remove()`.
struct GlossaryFixture {
    let directory: URL

    init(_ files: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("locctl-symdb-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files { try write(name, text) }
    }

    func write(_ name: String, _ text: String) throws {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    func load() throws -> GlossaryLoadResult {
        try GlossaryLoader().load(directory: directory)
    }

    func lint() throws -> [GlossaryDiagnostic] {
        try GlossaryLinter().lint(directory: directory)
    }
}

/// Lints one file's YAML in memory.
func lint(_ yaml: String, file: String = "test.yaml") -> [GlossaryDiagnostic] {
    GlossaryLinter().lint(GlossaryLoader().load(yaml: yaml, file: file))
}

/// A complete, valid entry; `extra` lines are appended inside the entry (indented by 4).
func entry(id: String = "mid-autumn-festival", simplified: String = "[中秋节, 中秋]", traditional: String = "[中秋節, 中秋]",
           pinyin: String = "[Zhōngqiū Jié, Zhongqiu Jie]", gloss: String = "Harvest-moon festival when families reunite.",
           extra: String = "") -> String {
    var text = """
      - id: \(id)
        context: high
        forms:
          simplified: \(simplified)
          traditional: \(traditional)
          pinyin: \(pinyin)
        gloss:
          en: \(gloss)
        renderings:
          en:
            preferred: [Mid-Autumn Festival]
        status: reviewed

    """
    if !extra.isEmpty {
        text += extra.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n") + "\n"
    }
    return text
}

/// A file with a default category around `entries`.
func glossaryFile(_ entries: String...) -> String {
    "category: festival\nsymbols:\n" + entries.joined()
}

extension Array where Element == GlossaryDiagnostic {
    func with(_ rule: GlossaryRule) -> [GlossaryDiagnostic] { filter { $0.rule == rule } }
}
