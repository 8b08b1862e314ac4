import Foundation
import Yams

/// Reads `.locctl-audit.yaml`: a mapping with a `suppressions` list of entries
/// `{rule, symbol, episode, cue, fingerprint, reason}` (`reason` and one of `rule`/`fingerprint` required).
public enum SuppressionFile {
    /// The file looked for in the working directory when no `--suppressions` is given.
    public static let defaultName = ".locctl-audit.yaml"

    /// What is wrong with a suppression file, with its file and line.
    public struct Error: Swift.Error, CustomStringConvertible, Equatable {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
    }

    public static func load(_ url: URL) throws(Error) -> [Suppression] {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw Error(file: url.path, line: nil, message: "cannot read the suppression file (\(error.localizedDescription))")
        }
        return try parse(text, file: url.path)
    }

    public static func parse(_ text: String, file: String) throws(Error) -> [Suppression] {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw Error(file: file, line: (error as? YamlError).flatMap(line), message: "not valid YAML: \(error)")
        }
        guard let root else { return [] }
        guard let top = root.mapping else { throw Error(file: file, line: root.mark.map { $0.line }, message: "expected a mapping with 'suppressions'") }
        for (key, _) in top where key.string != "suppressions" {
            throw Error(file: file, line: key.mark?.line, message: "unknown key '\(key.string ?? "?")' (expected 'suppressions')")
        }
        guard let list = top["suppressions"] else { return [] }
        if let scalar = list.scalar, ["", "~", "null"].contains(scalar.string) { return [] }   // `suppressions:` with nothing yet
        guard let entries = list.sequence else { throw Error(file: file, line: list.mark?.line, message: "'suppressions' must be a list") }
        let allowed: Set<String> = ["rule", "symbol", "episode", "cue", "fingerprint", "reason"]
        var result: [Suppression] = []
        for entry in entries {
            let line = entry.mark?.line
            guard let map = entry.mapping else { throw Error(file: file, line: line, message: "a suppression must be a mapping") }
            var values: [String: String] = [:]
            for (key, value) in map {
                guard let name = key.string, allowed.contains(name) else {
                    throw Error(file: file, line: key.mark?.line, message: "unknown key '\(key.string ?? "?")' in a suppression (allowed: \(allowed.sorted().joined(separator: ", ")))")
                }
                guard let scalar = value.scalar?.string, !scalar.isEmpty else {
                    throw Error(file: file, line: value.mark?.line, message: "'\(name)' must be a non-empty text")
                }
                values[name] = scalar
            }
            guard let reason = values["reason"] else { throw Error(file: file, line: line, message: "a suppression needs a 'reason'") }
            guard values["rule"] != nil || values["fingerprint"] != nil else {
                throw Error(file: file, line: line, message: "a suppression needs a 'rule' or a 'fingerprint'")
            }
            if let rule = values["rule"], AuditRules.rule(id: rule) == nil {
                throw Error(file: file, line: line, message: "unknown rule '\(rule)' (see `locctl audit rules`)")
            }
            result.append(Suppression(rule: values["rule"], symbol: values["symbol"], episode: values["episode"], cue: values["cue"],
                                      fingerprint: values["fingerprint"], reason: reason, origin: "\(file):\(line ?? 0)"))
        }
        return result
    }

    private static func line(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }
}
