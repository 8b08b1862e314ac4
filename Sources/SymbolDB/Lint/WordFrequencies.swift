import Foundation

/// Word-frequency lists by language (Zipf scale: 6 = one word in a thousand, 3 = one in a million), read from a
/// directory of `<language>.tsv` files (`word <TAB> zipf`) that `scripts/word_frequencies.py` writes from wordfreq.
///
/// wordfreq's data is CC BY-SA: the lists are generated where lint runs, never shipped with locctl.
public struct WordFrequencies: Sendable {
    /// Why a frequency directory cannot be used.
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// The directory does not exist or holds no `<language>.tsv` file.
        case noLists(String)
        /// A line that is not `word <TAB> number`.
        case badLine(file: String, line: Int)

        public var description: String {
            switch self {
            case let .noLists(path): return "\(path): no word-frequency lists (<language>.tsv); run scripts/word_frequencies.py --out \(path)"
            case let .badLine(file, line): return "\(file):\(line): expected 'word<TAB>zipf'"
            }
        }
    }

    private var lists: [String: [String: Double]]

    /// Lists given in memory, by language: word (lowercase) → Zipf frequency.
    public init(_ lists: [String: [String: Double]]) {
        self.lists = lists
    }

    /// Reads every `<language>.tsv` in `directory`.
    public init(directory: URL) throws {
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        var lists: [String: [String: Double]] = [:]
        for file in files.sorted(by: { $0.path < $1.path }) where file.pathExtension == "tsv" {
            var words: [String: Double] = [:]
            let text = try String(contentsOf: file, encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() where !line.hasPrefix("#") {
                let cells = line.split(separator: "\t")
                guard cells.count == 2, let zipf = Double(cells[1]) else {
                    throw Failure.badLine(file: file.lastPathComponent, line: index + 1)
                }
                let word = String(cells[0])
                if words[word] == nil { words[word] = zipf }
            }
            lists[file.deletingPathExtension().lastPathComponent] = words
        }
        if lists.isEmpty { throw Failure.noLists(directory.path) }
        self.lists = lists
    }

    /// The languages with a list.
    public var languages: Set<String> { Set(lists.keys) }

    /// The Zipf frequency of `word` (looked up lowercased) in `language`'s list; nil when it is not listed.
    public func zipf(_ word: String, language: String) -> Double? {
        guard let list = lists[language] else { return nil }
        return list[word] ?? list[word.lowercased()]
    }
}
