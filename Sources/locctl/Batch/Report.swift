import ArgumentParser
import Foundation

/// Prints batch outcomes: messages to stdout, failures to stderr; exits 1 when anything failed.
enum Report {
    static func outcomes(_ outcomes: [BatchRunner.Outcome]) throws {
        var failures = 0
        for outcome in outcomes {
            switch outcome {
            case let .done(message): if let message { print(message) }
            case let .skipped(reason): print("skipped: \(reason)")
            case let .failed(message):
                failures += 1
                FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
