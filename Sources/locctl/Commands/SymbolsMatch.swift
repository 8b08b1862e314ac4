import ArgumentParser
import Foundation
import TextServices
import SymbolDB

extension LocCtl {
    /// `locctl symbols match`: the symbols found in each line of text.
    struct SymbolsMatch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "match",
            abstract: "Find cultural symbols in lines of text.",
            discussion: """
                Prints every symbol found in each input line, with character offsets. Without --language each line's \
                script decides the forms searched: Chinese forms for Han, English renderings and pinyin for Latin \
                (--latin-language), the language's renderings for Thai, Hangul, kana and Arabic. Matches of ambiguous \
                forms carry the sense model's confidence; --explain also lists the ones it turned down and why. \
                Exit code 0 when something matched, 1 when nothing did.
                """
        )

        @Argument(help: "Lines of text to search (one argument = one line).")
        var text: [String] = []

        @Option(name: .long, help: "Read lines from this file ('-' for standard input).")
        var file: String?

        @Flag(name: .long, help: "Print one JSON object per input line.")
        var json = false

        @Flag(name: .long, help: "Show each match's confidence and deciding features, and the matches that were turned down.")
        var explain = false

        @OptionGroup var glossary: GlossaryOptions

        @Option(name: .long, help: "Language of every line: zh (Chinese forms) or a target language such as en, es-419 (pinyin and renderings). Default: detected per line.")
        var language: String?

        @Option(name: .long, help: "The language of Latin-script lines when --language is not given.")
        var latinLanguage = "en"

        func validate() throws {
            if text.isEmpty && file == nil { throw ValidationError("Give TEXT or --file.") }
            if !text.isEmpty && file != nil { throw ValidationError("Give TEXT or --file, not both.") }
        }

        func run() throws {
            let lines = try inputLines()
            let store = try glossary.openStore()
            var matchers: [String: SymbolMatcher] = [:]
            func matcher(_ language: String) -> SymbolMatcher {
                if let made = matchers[language] { return made }
                let made = SymbolMatcher(symbols: store.allSymbols, options: .forTrack(language: language), senses: store.senseModels)
                matchers[language] = made
                return made
            }
            var found = false
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for (index, line) in lines.enumerated() {
                let script = LineScript.detect(line)
                guard let lineLanguage = language ?? script.language(latin: latinLanguage) else {
                    if json {
                        let record = LineRecord(line: index + 1, text: line, script: script.rawValue, language: nil, matches: [], rejected: nil)
                        print(String(decoding: try encoder.encode(record), as: UTF8.self))
                    }
                    continue
                }
                let analysis = matcher(lineLanguage).analyse(line)
                found = found || !analysis.matches.isEmpty
                if json {
                    let record = LineRecord(line: index + 1, text: line, script: script.rawValue, language: lineLanguage,
                                            matches: analysis.matches.map(MatchRecord.init),
                                            rejected: explain ? analysis.rejected.map(MatchRecord.init) : nil)
                    print(String(decoding: try encoder.encode(record), as: UTF8.self))
                    continue
                }
                for match in analysis.matches {
                    let status = match.renderingStatus.map { " \($0.rawValue)" } ?? ""
                    var output = "\(index + 1):\(match.characterRange.lowerBound)-\(match.characterRange.upperBound)\t\(match.symbolID)\t\(match.matchedText)\t\(match.formKind.rawValue)\(status)"
                    if explain { output += "\t" + Self.explanation(match, kept: true, language: language == nil ? lineLanguage : nil) }
                    print(output)
                }
                if explain {
                    for match in analysis.rejected {
                        print("\(index + 1):\(match.characterRange.lowerBound)-\(match.characterRange.upperBound)\t(\(match.symbolID))\t\(match.matchedText)\tnot reported\t"
                            + Self.explanation(match, kept: false, language: nil))
                    }
                }
            }
            if !found { throw ExitCode(1) }
        }

        /// `confidence 0.93 (R1:到 +1.2, L1:| +0.8 …)`, or `one sense` for forms without a sense model.
        static func explanation(_ match: SymbolMatch, kept: Bool, language: String?) -> String {
            var parts: [String] = []
            if let language { parts.append("language \(language) (detected)") }
            if let sense = match.sense {
                let features = sense.features.map { "\($0.name) \(String(format: "%+.2f", $0.weight))" }.joined(separator: ", ")
                parts.append("confidence \(String(format: "%.2f", sense.probability)) \(kept ? "≥" : "<") threshold (\(features))")
            } else {
                parts.append("one sense")
            }
            return parts.joined(separator: "; ")
        }

        private func inputLines() throws -> [String] {
            guard let file else { return text }
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                    printError("error: cannot read \(file): \(UserMessage.reason(error))")
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
            var script: String
            var language: String?
            var matches: [MatchRecord]
            /// With --explain: matches of ambiguous forms that their sense model turned down.
            var rejected: [MatchRecord]?
        }

        private struct MatchRecord: Encodable {
            var symbol: String
            var text: String
            var form: String
            var formKind: String
            var renderingStatus: String?
            var characters: [Int]
            var utf16: [Int]
            var confidence: Double
            /// The deciding features of the sense model, strongest first (ambiguous forms only).
            var features: [SenseDecision.Feature]?

            init(_ match: SymbolMatch) {
                symbol = match.symbolID
                text = match.matchedText
                form = match.form
                formKind = match.formKind.rawValue
                renderingStatus = match.renderingStatus?.rawValue
                characters = [match.characterRange.lowerBound, match.characterRange.upperBound]
                utf16 = [match.utf16Range.lowerBound, match.utf16Range.upperBound]
                confidence = (match.confidence * 1000).rounded() / 1000
                features = match.sense?.features
            }
        }
    }
}
