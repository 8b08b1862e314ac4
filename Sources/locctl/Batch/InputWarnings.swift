import Foundation
import Subtitles
import TextServices

/// The reading problems of a batch's inputs: each printed to stderr (file:line) as it is found, and counted
/// for the summary, so that no dropped cue goes unmentioned.
final class InputWarnings: Sendable {
    private let state = Locked((warnings: 0, dropped: 0, files: Set<String>()))
    private let quiet: Bool

    init(quiet: Bool = false) { self.quiet = quiet }

    /// Prints `diagnostics` of one input (unless quiet) and counts them.
    func report(_ diagnostics: [Diagnostic], file: String) {
        guard !diagnostics.isEmpty else { return }
        let dropped = diagnostics.filter(\.dropsCue).count
        state.withLock { state in
            state.warnings += diagnostics.count
            state.dropped += dropped
            if dropped > 0 { state.files.insert(file) }
        }
        guard !quiet else { return }
        let lines = diagnostics.map { diagnostic in
            diagnostic.location.file == nil ? "\(file): \(diagnostic)" : diagnostic.description
        }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Cues dropped so far.
    var droppedCues: Int { state.value.dropped }

    /// One line for the end of the batch, when cues were dropped: how many, in how many files.
    var summary: String? {
        let s = state.value
        guard s.dropped > 0 else { return nil }
        return "warning: \(s.dropped) cue\(s.dropped == 1 ? "" : "s") dropped while reading \(s.files.count) file\(s.files.count == 1 ? "" : "s") "
            + "(listed above); --strict makes this an error"
    }

    /// Prints the summary to stderr (unless quiet).
    func printSummary() {
        guard !quiet, let summary else { return }
        FileHandle.standardError.write(Data((summary + "\n").utf8))
    }
}

/// `error` as a message about `path`: prefixed with the path unless it already names it first.
func failureMessage(_ error: any Error, about path: String) -> String {
    let text = "\(error)"
    return text.hasPrefix(path) ? text : "\(path): \(text)"
}
