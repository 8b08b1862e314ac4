import ArgumentParser
import Foundation
import SymbolDB

extension LocCtl {
    /// `locctl symbols match`: the symbols found in each line of text.
    struct SymbolsMatch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "match",
            abstract: "Find cultural symbols in lines of text.",
            discussion: "Prints every symbol found in each input line, with character offsets. Exit code 0 when something matched, 1 when nothing did."
        )

        @Argument(help: "Lines of text to search (one argument = one line).")
        var text: [String] = []

        @Option(name: .long, help: "Read lines from this file ('-' for standard input).")
        var file: String?

        @Flag(name: .long, help: "Print one JSON object per input line.")
        var json = false

        @OptionGroup var glossary: GlossaryOptions

        @Option(name: .long, help: "Language of the text: zh (Chinese forms) or a target language such as en, es-419 (pinyin and renderings).")
        var language = "zh"

        func validate() throws {
            if text.isEmpty && file == nil { throw ValidationError("Give TEXT or --file.") }
            if !text.isEmpty && file != nil { throw ValidationError("Give TEXT or --file, not both.") }
        }

        func run() throws {
            let lines = try inputLines()
            let matcher = SymbolMatcher(symbols: try glossary.openStore().allSymbols, options: .forTrack(language: language))
            var found = false
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for (index, line) in lines.enumerated() {
                let matches = matcher.matches(in: line)
                found = found || !matches.isEmpty
                if json {
                    let record = LineRecord(line: index + 1, text: line, matches: matches.map(MatchRecord.init))
                    print(String(decoding: try encoder.encode(record), as: UTF8.self))
                } else {
                    for match in matches {
                        let status = match.renderingStatus.map { " \($0.rawValue)" } ?? ""
                        print("\(index + 1):\(match.characterRange.lowerBound)-\(match.characterRange.upperBound)\t\(match.symbolID)\t\(match.matchedText)\t\(match.formKind.rawValue)\(status)")
                    }
                }
            }
            if !found { throw ExitCode(1) }
        }

        private func inputLines() throws -> [String] {
            guard let file else { return text }
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                    printError("error: cannot read \(file): \(error.localizedDescription)")
                    throw ExitCode(1)
                }
            }
            var content = String(decoding: data, as: UTF8.self)
            if content.hasPrefix("\u{FEFF}") { content.removeFirst() }
            // "\r\n" is one Character, and a newline: split on any line ending.
            var lines = content.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
            if lines.last == "" { lines.removeLast() }
            return lines
        }

        private struct LineRecord: Encodable {
            var line: Int
            var text: String
            var matches: [MatchRecord]
        }

        private struct MatchRecord: Encodable {
            var symbol: String
            var text: String
            var form: String
            var formKind: String
            var renderingStatus: String?
            var characters: [Int]
            var utf16: [Int]

            init(_ match: SymbolMatch) {
                symbol = match.symbolID
                text = match.matchedText
                form = match.form
                formKind = match.formKind.rawValue
                renderingStatus = match.renderingStatus?.rawValue
                characters = [match.characterRange.lowerBound, match.characterRange.upperBound]
                utf16 = [match.utf16Range.lowerBound, match.utf16Range.upperBound]
            }
        }
    }
}
