/// Turns the Text field of one Dialogue line into inline nodes.
struct ASSTextParser {
    private let style: ASSReader.Style
    private let styles: [String: ASSReader.Style]
    private(set) var anchor: Placement.Anchor?

    private var italic: Bool
    private var bold: Bool
    private var drawing = false
    /// Whether drawing mode (`\p1` …) was switched on anywhere in the text.
    private(set) var drew = false
    /// Runs of content that share the same italic/bold state.
    private var runs: [(italic: Bool, bold: Bool, nodes: [Inline])] = []
    private var text = ""

    init(style: ASSReader.Style, styles: [String: ASSReader.Style]) {
        self.style = style
        self.styles = styles
        italic = style.italic
        bold = style.bold
    }

    /// Legacy SSA `\aN` → numeric-keypad position.
    static let legacyAlignment: [Int: Int] = [1: 1, 2: 2, 3: 3, 5: 7, 6: 8, 7: 9, 9: 4, 10: 5, 11: 6]

    mutating func parse(_ input: String) -> [Inline] {
        let scalars = Array(input.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "{", let close = scalars[(i + 1)...].firstIndex(of: "}") {
                flush()
                overrides(String(String.UnicodeScalarView(scalars[(i + 1)..<close])))
                i = close + 1
            } else if c == "\\", i + 1 < scalars.count, ["N", "n", "h"].contains(scalars[i + 1]) {
                if scalars[i + 1] == "h" {
                    if !drawing { text.unicodeScalars.append("\u{00A0}") }
                } else {
                    flush()
                    if !drawing { append(.lineBreak) }
                }
                i += 2
            } else {
                if !drawing { text.unicodeScalars.append(c) }
                i += 1
            }
        }
        flush()
        var nodes: [Inline] = []
        for run in runs where !run.nodes.isEmpty {
            switch (run.italic, run.bold) {
            case (false, false): nodes.append(contentsOf: run.nodes)
            case (true, false): nodes.append(.span(Span(.italic), run.nodes))
            case (false, true): nodes.append(.span(Span(.bold), run.nodes))
            case (true, true): nodes.append(.span(Span(.bold), [.span(Span(.italic), run.nodes)]))
            }
        }
        return nodes
    }

    private mutating func flush() {
        guard !text.isEmpty else { return }
        append(.text(text))
        text = ""
    }

    private mutating func append(_ node: Inline) {
        if runs.isEmpty || runs[runs.count - 1].italic != italic || runs[runs.count - 1].bold != bold {
            runs.append((italic, bold, []))
        }
        let last = runs.count - 1
        if case let .text(new) = node, case let .text(old)? = runs[last].nodes.last {
            runs[last].nodes[runs[last].nodes.count - 1] = .text(old + new)
        } else {
            runs[last].nodes.append(node)
        }
    }

    private mutating func overrides(_ block: String) {
        for raw in block.split(separator: "\\", omittingEmptySubsequences: true) {
            let tag = String(raw).trimmingSpaces
            func number(after prefix: String) -> Int?? {
                guard tag.hasPrefix(prefix) else { return nil }
                let rest = tag.dropFirst(prefix.count)
                if rest.isEmpty { return .some(nil) }
                guard rest.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(rest) else { return nil }
                return .some(v)
            }
            if let v = number(after: "an") {
                if anchor == nil, let v, let a = Placement.Anchor(rawValue: v) { anchor = a }
            } else if let v = number(after: "a") {
                if anchor == nil, let v, let n = Self.legacyAlignment[v] { anchor = Placement.Anchor(rawValue: n) }
            } else if let v = number(after: "i") {
                italic = v.map { $0 != 0 } ?? style.italic
            } else if let v = number(after: "b") {
                bold = v.map { $0 == 1 || $0 >= 600 } ?? style.bold
            } else if let v = number(after: "p") {
                drawing = (v ?? 0) > 0
                if drawing { drew = true }
            } else if tag.hasPrefix("r") {
                let reset = styles[String(tag.dropFirst())] ?? style
                italic = reset.italic
                bold = reset.bold
            }
        }
    }
}
