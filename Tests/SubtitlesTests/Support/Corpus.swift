import Foundation
@testable import Subtitles
import TestSupport

/// Paths of the shared test corpora (never copied into the repository).
enum Corpus {
    static var root: URL { TestPaths.corpora }

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func data(_ relative: String) throws -> Data { try Data(contentsOf: url(relative)) }

    /// Reads and decodes a corpus file with encoding detection.
    static func source(_ relative: String) throws -> SourceText {
        try TextFileDecoder().decode(contentsOf: url(relative))
    }
}

/// Runs a command line tool and returns its standard output.
func run(_ tool: String, _ arguments: [String], input: Data? = nil) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let out = Pipe()
    process.standardOutput = out
    if let input {
        let inPipe = Pipe()
        process.standardInput = inPipe
        try process.run()
        inPipe.fileHandleForWriting.write(input)
        try inPipe.fileHandleForWriting.close()
    } else {
        try process.run()
    }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    struct Failed: Error { var status: Int32 }
    guard process.terminationStatus == 0 else { throw Failed(status: process.terminationStatus) }
    return data
}
