import ArgumentParser
import Foundation
import Subtitles

/// Whether to colour text written to standard output.
func wantsColor(format: String, output: String?) -> Bool {
    format == "text" && output == nil && isatty(STDOUT_FILENO) != 0
        && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
}

/// Writes a report to a file (atomically) or standard output.
func emit(_ text: String, to output: String?) throws {
    if let output, output != "-" {
        do { try AtomicFile.write(text, to: URL(fileURLWithPath: output)) } catch {
            printError("error: cannot write \(output): \(error)")
            throw ExitCode(AuditExit.input)
        }
    } else {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// `locctl audit TRACK…`: the track and series audit.
