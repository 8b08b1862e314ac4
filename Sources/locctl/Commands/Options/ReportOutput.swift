import ArgumentParser
import Foundation
import Audit
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

/// Writes a report piece by piece to a file (through a temp file renamed at the end, so an error or an
/// interrupt leaves no half report) or to standard output.
func emitStreamed(to output: String?, _ body: (ReportSink) throws -> Void) throws {
    if let output, output != "-" {
        let stream: AtomicFileStream
        do { stream = try AtomicFileStream(URL(fileURLWithPath: output)) } catch {
            printError("error: cannot write \(output): \(error)")
            throw ExitCode(AuditExit.input)
        }
        let sink = FileReportSink(stream)
        do {
            try body(sink)
            try stream.commit()
        } catch {
            stream.discard()
            printError("error: cannot write \(output): \(error)")
            throw ExitCode(AuditExit.input)
        }
    } else {
        let sink = StandardOutputSink()
        try body(sink)
        sink.flush()
    }
}

private final class FileReportSink: ReportSink {
    let stream: AtomicFileStream
    init(_ stream: AtomicFileStream) { self.stream = stream }
    func write(_ text: String) throws { try stream.write(text.utf8) }
}

/// Standard output in blocks of 256 KiB.
private final class StandardOutputSink: ReportSink {
    private var buffer: [UInt8] = []
    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 18 { flush() }
    }
    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// `locctl audit TRACK…`: the track and series audit.
