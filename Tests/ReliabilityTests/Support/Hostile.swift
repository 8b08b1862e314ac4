import Foundation
import Localize
import Regions
import Subtitles
import Testing

/// Shared checks for hostile inputs: a clear, located error or a result — never a crash, never a hang.
enum Hostile {
    /// Runs `body` and fails the test when it takes longer than `seconds`.
    @discardableResult
    static func within<T>(_ seconds: Double, _ what: String, _ body: () throws -> T) rethrows -> T {
        let start = Date()
        let value = try body()
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < seconds * slowdown, "\(what) took \(elapsed) s (limit \(seconds * slowdown) s)")
        return value
    }

    /// Sanitizer builds run several times slower; `LOCCTL_TIME_FACTOR` scales every time limit.
    static let slowdown: Double = Double(ProcessInfo.processInfo.environment["LOCCTL_TIME_FACTOR"] ?? "") ?? 1

    /// Heavy tests (tens of MB, a million cues) run unless `LOCCTL_HEAVY_TESTS=0`.
    static let heavyEnabled = ProcessInfo.processInfo.environment["LOCCTL_HEAVY_TESTS"] != "0"

    /// Decodes `data` as a file named `name`; returns the loaded track or the thrown error.
    static func decode(_ data: Data, name: String, format: String? = nil, strict: Bool = false) -> Result<SubtitleFile.Loaded, Error> {
        Result { try SubtitleFile.decode(data, name: name, format: format, options: DecodeOptions(strict: strict)) }
    }

    /// The error's text, with a check that it names the file.
    static func message(_ result: Result<SubtitleFile.Loaded, Error>, file: String) -> String? {
        guard case let .failure(error) = result else { return nil }
        let text = "\(error)"
        #expect(text.contains(file), "error does not name the file: \(text)")
        return text
    }

    /// SHA-256 of a file's bytes (via the system tool), to show an input is untouched.
    static func digest(_ url: URL) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = [url.path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    /// An SRT document of `count` cues, one second each.
    static func srt(cues count: Int, text: (Int) -> String = { "第\($0)句 line \($0)" }) -> String {
        var out = ""
        out.reserveCapacity(count * 48)
        for i in 0..<count {
            let start = Timestamp(milliseconds: Int64(i) * 1000), end = Timestamp(milliseconds: Int64(i) * 1000 + 900)
            out += "\(i + 1)\n\(start.formatted(separator: ",")) --> \(end.formatted(separator: ","))\n\(text(i))\n\n"
        }
        return out
    }
}
