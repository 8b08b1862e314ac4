import ArgumentParser
import Foundation
import Localize
import Regions
import Subtitles
import TextServices

extension LocCtl {
    /// `locctl segment`: print each cue's word segmentation (ICU, dictionary-based for zh/ja/th).
    struct Segment: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print each cue's words as ICU segments them.",
            discussion: "Output: one line per cue, `cue-id<TAB>word | word | …` (or JSON with --json). The locale defaults to the track's language, else the script of the text: Han → zh, kana → ja, Thai → th, Hangul → ko. Exit codes: 0 success, 1 the file cannot be read, 64 usage."
        )

        @Argument(help: "Subtitle file to read (any supported format).")
        var file: String

        @Option(help: "Segmentation locale (e.g. zh, ja, th, en).")
        var locale: String?

        @Flag(help: "Print JSON: [{\"cue\": id, \"words\": [...]}].")
        var json = false

        func run() throws {
            let track = try SubtitleFile.read(URL(fileURLWithPath: file)).track
            let sample = track.cues.prefix(50).map(\.text.plainText).joined(separator: " ")
            let chosen = locale ?? track.language ?? UnicodeScript.segmentationLocale(of: sample) ?? ""
            let breaker = try TextBreaker(kind: .word, locale: chosen)
            var rows: [(String, [String])] = []
            for (index, cue) in track.cues.enumerated() {
                let text = cue.text.plainText
                let words = breaker.substrings(in: text).map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
                rows.append((track.cueLabel(index), words))
            }
            if json {
                let objects = rows.map { ["cue": $0.0 as Any, "words": $0.1 as Any] }
                let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                print(String(decoding: data, as: UTF8.self))
            } else {
                for (label, words) in rows { print(label + "\t" + words.joined(separator: " | ")) }
            }
        }
    }
}
