/// How ruby is written where a format has none (SRT, and any plain-text export): the base text followed by
/// the annotation in parentheses, `漢字(かんじ)`; a ruby without annotation is its base alone. Every writer
/// without ruby uses this one rule, so VTT → SRT and VTT → TTML → SRT give the same text.
extension CueText {
    /// The text with every ruby replaced by `base(annotation)` (see the type's note).
    public var rubyWrittenInline: CueText { CueText(Self.inlineRuby(nodes)) }

    static func inlineRuby(_ nodes: [Inline]) -> [Inline] {
        var out: [Inline] = []
        func add(_ node: Inline) {
            if case let .text(b) = node, case let .text(a)? = out.last { out[out.count - 1] = .text(a + b) } else { out.append(node) }
        }
        for node in nodes {
            switch node {
            case let .ruby(base, annotation):
                for n in inlineRuby(base) { add(n) }
                let note = inlineRuby(annotation)
                if !CueText(note).plainText.isEmpty {
                    add(.text("("))
                    for n in note { add(n) }
                    add(.text(")"))
                }
            case let .span(span, children):
                add(.span(span, inlineRuby(children)))
            default:
                add(node)
            }
        }
        return out
    }
}
