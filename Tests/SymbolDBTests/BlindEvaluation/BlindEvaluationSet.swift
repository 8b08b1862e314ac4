import Foundation

/// The blind labelled set (`Fixtures/blind-eval/dev.tsv`, `test.tsv`), written by someone who never saw the glossary.
///
/// Columns: id, genre, script (`zh-Hans`, `zh-Hant`, `en`), kind (`symbol`, `trap`, `plain`), text, spans
/// (` | `-separated exact substrings a viewer needs explained), meaning.
struct BlindEvaluationSet {
    /// One labelled line.
    struct Line {
        var id: String
        var genre: String
        var script: String
        var kind: String
        var text: String
        var spans: [String]
    }

    /// Why a file of the set cannot be read.
    enum Failure: Error, CustomStringConvertible {
        case badHeader(String)
        case badRow(file: String, line: Int, columns: Int)

        var description: String {
            switch self {
            case let .badHeader(file): return "\(file): the header is not id, genre, script, kind, text, spans, meaning"
            case let .badRow(file, line, columns): return "\(file):\(line): \(columns) columns, expected 7"
            }
        }
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/blind-eval", isDirectory: true)
    static let columns = ["id", "genre", "script", "kind", "text", "spans", "meaning"]

    var name: String
    var lines: [Line]

    /// A later blind set (`Fixtures/blind-eval-N`, each written by another blind writer), or `LOCCTL_EVAL_SETN`.
    static func laterDirectory(_ number: Int) -> URL {
        if let path = ProcessInfo.processInfo.environment["LOCCTL_EVAL_SET\(number)"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return directory.deletingLastPathComponent().appendingPathComponent("blind-eval-\(number)", isDirectory: true)
    }

    /// Reads `dev` or `test` of the set in `directory` (the first set unless told).
    static func load(_ name: String, from directory: URL = directory) throws -> BlindEvaluationSet {
        let file = directory.appendingPathComponent("\(name).tsv")
        let rows = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = rows.first, header.split(separator: "\t").map(String.init) == columns else {
            throw Failure.badHeader(file.lastPathComponent)
        }
        var lines: [Line] = []
        for (index, row) in rows.dropFirst().enumerated() {
            let cells = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == columns.count else {
                throw Failure.badRow(file: file.lastPathComponent, line: index + 2, columns: cells.count)
            }
            let spans = cells[5].isEmpty ? [] : cells[5].components(separatedBy: " | ")
            lines.append(Line(id: cells[0], genre: cells[1], script: cells[2], kind: cells[3], text: cells[4], spans: spans))
        }
        return BlindEvaluationSet(name: name, lines: lines)
    }
}
