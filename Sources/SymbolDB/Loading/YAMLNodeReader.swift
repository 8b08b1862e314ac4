import Yams

/// Reads a composed YAML document by the schema, keeping every value's line and column.
///
/// Reports wrong types, unknown and duplicate keys, and stops a file whose walk visits more nodes
/// than `maximumVisits` (anchors and aliases repeated into a bomb).
struct YAMLNodeReader {
    let file: String
    let maximumVisits: Int
    private(set) var diagnostics: [GlossaryDiagnostic] = []
    private(set) var visits = 0
    private(set) var exhausted = false
    /// The entry being read, attached to diagnostics.
    var symbolID: String?

    init(file: String, maximumVisits: Int) {
        self.file = file
        self.maximumVisits = maximumVisits
    }

    func location(_ node: Node) -> GlossaryLocation {
        GlossaryLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    mutating func report(_ rule: GlossaryRule, _ message: String, at node: Node) {
        diagnostics.append(GlossaryDiagnostic(rule, message, at: location(node), symbolID: symbolID))
    }

    mutating func report(_ rule: GlossaryRule, _ message: String, at location: GlossaryLocation) {
        diagnostics.append(GlossaryDiagnostic(rule, message, at: location, symbolID: symbolID))
    }

    /// Counts a node; false once the budget is spent (reported once).
    mutating func visit(_ node: Node) -> Bool {
        visits += 1
        if visits > maximumVisits {
            if !exhausted {
                exhausted = true
                report(.documentLimit,
                       "document expands to more than \(maximumVisits) YAML nodes (anchors and aliases repeated too often?); reading stopped",
                       at: node)
            }
            return false
        }
        return true
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar:
            return isNull(node) ? "nothing" : "a string"
        @unknown default: return "an unknown node"
        }
    }

    static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    // MARK: Typed reads

    /// The entries of a mapping with string keys, in order; duplicate and non-string keys are reported and dropped.
    mutating func mapping(_ node: Node, _ what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard visit(node) else { return nil }
        guard case let .mapping(mapping) = node else {
            report(.typeMismatch, "\(what) must be a mapping, found \(Self.describe(node))", at: node)
            return nil
        }
        var seen: [String: Node] = [:]
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case let .scalar(scalar) = keyNode, !Self.isNull(keyNode) else {
                report(.typeMismatch, "keys of \(what) must be strings, found \(Self.describe(keyNode))", at: keyNode)
                continue
            }
            let key = scalar.string
            if let first = seen[key] {
                let line = first.mark.map { " (first at line \($0.line))" } ?? ""
                report(.duplicateKey, "duplicate key '\(key)' in \(what)\(line)", at: keyNode)
                continue
            }
            seen[key] = keyNode
            entries.append((key, keyNode, value))
        }
        return entries
    }

    /// A mapping whose keys must come from `allowed`; unknown keys are reported with a suggestion.
    mutating func fields(_ node: Node, _ what: String, allowed: [String]) -> [String: (keyNode: Node, value: Node)]? {
        guard let entries = mapping(node, what) else { return nil }
        var result: [String: (keyNode: Node, value: Node)] = [:]
        for entry in entries {
            if allowed.contains(entry.key) {
                result[entry.key] = (entry.keyNode, entry.value)
            } else {
                var message = "unknown key '\(entry.key)' in \(what)"
                if entry.key.contains(" "), Self.isNull(entry.value) {
                    message += "; a comma inside { … } ends the value before it, so text with commas must be quoted: note: \"…, …\""
                } else if let suggestion = Self.closest(to: entry.key, in: allowed) {
                    message += "; did you mean '\(suggestion)'?"
                } else {
                    message += "; expected one of: \(allowed.joined(separator: ", "))"
                }
                report(.unknownKey, message, at: entry.keyNode)
            }
        }
        return result
    }

    /// A non-empty scalar as text.
    mutating func string(_ node: Node, _ what: String) -> String? {
        guard visit(node) else { return nil }
        guard case let .scalar(scalar) = node, !Self.isNull(node) else {
            report(.typeMismatch, "\(what) must be a string, found \(Self.describe(node))", at: node)
            return nil
        }
        return scalar.string
    }

    /// A list of strings; each element's location is passed to `record`.
    mutating func strings(_ node: Node, _ what: String, record: (Int, Node) -> Void = { _, _ in }) -> [String]? {
        guard visit(node) else { return nil }
        guard case let .sequence(sequence) = node else {
            if Self.isNull(node) { return [] }
            let hint = Self.describe(node) == "a string" ? " (write [\(node.string ?? "")])" : ""
            report(.typeMismatch, "\(what) must be a list of strings, found \(Self.describe(node))\(hint)", at: node)
            return nil
        }
        var values: [String] = []
        for element in sequence {
            guard let value = string(element, "each item of \(what)") else {
                if exhausted { return nil }
                continue
            }
            record(values.count, element)
            values.append(value)
        }
        return values
    }

    /// An integer scalar.
    mutating func int(_ node: Node, _ what: String) -> Int? {
        guard let text = string(node, what) else { return nil }
        guard let value = Int(text) else {
            report(.typeMismatch, "\(what) must be an integer, found '\(text)'", at: node)
            return nil
        }
        return value
    }

    /// A string from a closed vocabulary.
    mutating func enumeration<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: String, as type: T.Type) -> T?
    where T.RawValue == String {
        guard let text = string(node, what) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue)
            var message = "unknown \(what) '\(text)'; expected one of: \(allowed.joined(separator: ", "))"
            if let suggestion = Self.closest(to: text, in: allowed) { message += " (did you mean '\(suggestion)'?)" }
            report(.unknownTag, message, at: node)
            return nil
        }
        return value
    }

    // MARK: Suggestions

    /// The candidate within edit distance 2 of `word`, if exactly one is closest.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2, best.1 < max(word.count, 2) else { return nil }
        return best.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
