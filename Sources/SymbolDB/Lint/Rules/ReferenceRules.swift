/// `related` ids must name existing symbols.
public struct RelatedRule: SymbolLintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.unknownRelated] }
    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        located.symbol.related.enumerated().filter { !context.knownIDs.contains($0.element) }.map { index, id in
            located.finding(.unknownRelated, "related id '\(id)' names no symbol", at: "related.\(index)")
        }
    }
}

/// Wikidata ids are `Q` followed by digits.
public struct WikidataRule: SymbolLintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.badWikidataID] }
    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        guard let id = located.symbol.sources.wikidata, !Vocabulary.isValidWikidataID(id) else { return [] }
        return [located.finding(.badWikidataID, "'\(id)' is not a Wikidata item id (Q followed by digits)", at: "sources.wikidata")]
    }
}
