import ArgumentParser
import Foundation

/// Prints batch outcomes: messages to stdout, failures to stderr; exits 1 when anything failed.
enum Report {
    /// Prints every outcome; `quiet` leaves out everything but failures.
    static func outcomes(_ outcomes: [BatchRunner.Outcome], quiet: Bool = false) throws {
        var failures = 0
        for outcome in outcomes {
            switch outcome {
            case let .done(message): if let message, !quiet { print(message) }
            case let .skipped(reason): if !quiet { print("skipped: \(reason)") }
            case let .failed(message):
                failures += 1
                FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

extension ParsableCommand {
    /// Runs `body`; a `ValidationError` found after parsing (an input that cannot be paired, an output that would
    /// overwrite an input, an unknown region) exits 64 with this command's usage line rather than the root's.
    func reportingUsageErrors<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as ValidationError {
            printError("Error: \(error.message)\nUsage: \(LocCtl.usageString(for: Self.self))\n"
                       + "  See 'locctl \(Self._commandName) --help' for more information.")
            throw ExitCode(64)
        } catch let failure as CommandFailure {
            // As documented on CommandFailure: "error: MESSAGE" (ArgumentParser would print "Error: MESSAGE").
            printError("error: \(failure.description)")
            throw ExitCode(1)
        }
    }
}
