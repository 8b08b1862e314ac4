/// Two entries with the same id (reported at the later one).
public struct DuplicateIDRule: LintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.duplicateID] }
    public func check(_ context: LintContext) -> [GlossaryDiagnostic] {
        var first: [String: LocatedSymbol] = [:]
        var findings: [GlossaryDiagnostic] = []
        for located in context.symbols {
            if let earlier = first[located.symbol.id] {
                findings.append(located.finding(.duplicateID,
                    "id '\(located.symbol.id)' is already used at \(earlier.source.location("id"))", at: "id"))
            } else {
                first[located.symbol.id] = located
            }
        }
        return findings
    }
}

/// Ids must be kebab-case ASCII.
public struct IDSyntaxRule: SymbolLintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.badID] }
    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        guard !Vocabulary.isValidSymbolID(located.symbol.id) else { return [] }
        return [located.finding(.badID, "id '\(located.symbol.id)' is not kebab-case ASCII ([a-z0-9]+(-[a-z0-9]+)*)", at: "id")]
    }
}

/// Priorities are 1, 2 or 3.
public struct PriorityRule: SymbolLintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.badPriority] }
    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        guard !(1...3).contains(located.symbol.priority) else { return [] }
        return [located.finding(.badPriority, "priority \(located.symbol.priority) is outside 1–3", at: "priority")]
    }
}
