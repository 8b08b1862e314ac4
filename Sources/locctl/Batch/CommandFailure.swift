import ArgumentParser
import Foundation

/// A failure that stops a command before any job runs: printed as `error: MESSAGE`, exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
