/// `examples` are keyed by one of the symbol's Chinese forms, every line contains that form, and each sense has
/// enough lines to learn from.
public struct SenseExampleRule: SymbolLintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.badSenseExample, .fewSenseExamples] }

    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        let symbol = located.symbol
        let forms = Set(symbol.forms.chinese)
        var findings: [GlossaryDiagnostic] = []
        for form in symbol.examples.keys.sorted() {
            let path = "examples.\(form)"
            guard forms.contains(form) else {
                findings.append(located.finding(.badSenseExample,
                    "examples key '\(form)' is not one of the symbol's Chinese forms", at: path))
                continue
            }
            let senses = symbol.examples[form]!
            for (sense, lines) in [("symbol", senses.symbol), ("ordinary", senses.ordinary)] {
                for (index, line) in lines.enumerated() where !line.contains(form) {
                    findings.append(located.finding(.badSenseExample,
                        "\(path).\(sense) line '\(line)' does not contain '\(form)'", at: "\(path).\(sense).\(index)"))
                }
                if lines.count < Vocabulary.minimumSenseExamples {
                    findings.append(located.finding(.fewSenseExamples,
                        "\(path).\(sense) has \(lines.count) lines; a sense model needs at least \(Vocabulary.minimumSenseExamples)",
                        at: path))
                }
            }
        }
        return findings
    }
}

/// An `aligned-only` term must be one of the renderings of its tag.
public struct AlignedOnlyRule: SymbolLintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.badAlignedOnly] }

    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        var findings: [GlossaryDiagnostic] = []
        for (tag, renderings) in located.symbol.renderings.sorted(by: { $0.key < $1.key }) {
            let terms = Set(renderings.preferred + renderings.admitted + renderings.deprecated)
            for (index, term) in renderings.alignedOnly.enumerated() where !terms.contains(term) {
                findings.append(located.finding(.badAlignedOnly,
                    "renderings.\(tag).aligned-only term '\(term)' is not among its preferred, admitted or deprecated terms",
                    at: "renderings.\(tag).aligned-only.\(index)"))
            }
        }
        return findings
    }
}

/// A term may not be both accepted (preferred or admitted) and deprecated for the same language or region.
///
/// Compared case-insensitively: "This Palace" deprecated contradicts "this palace" admitted.
public struct ContradictoryRenderingRule: SymbolLintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.contradictoryRendering] }

    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        var findings: [GlossaryDiagnostic] = []
        for (tag, renderings) in located.symbol.renderings.sorted(by: { $0.key < $1.key }) {
            let accepted = Set((renderings.preferred + renderings.admitted).map { $0.lowercased() })
            for (index, term) in renderings.deprecated.enumerated() where accepted.contains(term.lowercased()) {
                findings.append(located.finding(.contradictoryRendering,
                    "renderings.\(tag) lists '\(term)' as deprecated and also as preferred or admitted: keep it in one list",
                    at: "renderings.\(tag).deprecated.\(index)"))
            }
        }
        return findings
    }
}
