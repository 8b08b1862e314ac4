import TextServices

/// TTML namespace URIs and the prefixes locctl writes for them.
enum TTMLNamespace {
    static let tt = "http://www.w3.org/ns/ttml"
    static let parameter = "http://www.w3.org/ns/ttml#parameter"
    static let styling = "http://www.w3.org/ns/ttml#styling"
    static let metadata = "http://www.w3.org/ns/ttml#metadata"
    static let imscStyling = "http://www.w3.org/ns/ttml/profile/imsc1#styling"
    static let imscParameter = "http://www.w3.org/ns/ttml/profile/imsc1#parameter"

    /// Prefix used for a property key (`tts:color`, `itts:fillLineGap`), nil for namespaces locctl does not keep.
    static func prefix(for namespace: String?) -> String? {
        switch namespace {
        case styling: return "tts"
        case imscStyling: return "itts"
        default: return nil
        }
    }

    static func uri(forPrefix prefix: String) -> String? {
        switch prefix {
        case "tts": return styling
        case "itts": return imscStyling
        default: return nil
        }
    }
}

/// Style properties of one element, keyed by qualified name (`tts:fontStyle`).
typealias TTMLStyleProperties = [String: String]

extension XMLElementStyles {
    /// The styling attributes written on an element, keyed `tts:name` / `itts:name`.
    static func inlineProperties(of element: XMLTreeElement) -> TTMLStyleProperties {
        var props: TTMLStyleProperties = [:]
        for a in element.attributes {
            if let prefix = TTMLNamespace.prefix(for: a.namespace) { props[prefix + ":" + a.name] = a.value }
        }
        return props
    }
}

/// Helpers that read styling from the XML tree.
enum XMLElementStyles {}

/// Resolves referential and chained styles of a document.
struct TTMLStyleSheet: Sendable {
    var styles: [String: DocumentStyle]

    init(_ styles: [DocumentStyle]) {
        var byID: [String: DocumentStyle] = [:]
        for s in styles where byID[s.id] == nil { byID[s.id] = s }
        self.styles = byID
    }

    /// Properties of the referenced styles in order (later references win), each with its chain applied first.
    func properties(referencing ids: [String]) -> TTMLStyleProperties {
        var out: TTMLStyleProperties = [:]
        var visiting: Set<String> = []
        func apply(_ id: String) {
            guard let style = styles[id], visiting.insert(id).inserted else { return }
            for parent in style.parents { apply(parent) }
            out.merge(style.properties) { _, new in new }
            visiting.remove(id)
        }
        for id in ids { apply(id) }
        return out
    }

    /// Effective properties of an element: inherited, then referenced styles, then inline attributes.
    func specified(inherited: TTMLStyleProperties, refs: [String], inline: TTMLStyleProperties) -> TTMLStyleProperties {
        var out = inherited
        out.merge(properties(referencing: refs)) { _, new in new }
        out.merge(inline) { _, new in new }
        return out
    }
}

/// The text decorations locctl maps to `Span` kinds.
struct TTMLDecorations: Hashable, Sendable {
    var italic = false
    var bold = false
    var underline = false

    init(italic: Bool = false, bold: Bool = false, underline: Bool = false) {
        self.italic = italic
        self.bold = bold
        self.underline = underline
    }

    init(_ props: TTMLStyleProperties) {
        let style = props["tts:fontStyle"]
        italic = style == "italic" || style == "oblique"
        bold = props["tts:fontWeight"] == "bold"
        let deco = (props["tts:textDecoration"] ?? "").xmlTokens
        underline = deco.contains("underline")
    }

    /// Wraps nodes in a span for every decoration on here but off in `outer`, outermost bold, then italic, then underline.
    func wrap(_ nodes: [Inline], outside outer: TTMLDecorations) -> [Inline] {
        var nodes = nodes
        if underline && !outer.underline { nodes = [.span(Span(.underline), nodes)] }
        if italic && !outer.italic { nodes = [.span(Span(.italic), nodes)] }
        if bold && !outer.bold { nodes = [.span(Span(.bold), nodes)] }
        return nodes
    }
}

extension DocumentRegion {
    /// A keypad anchor for where this region puts its text, when it is clearly top or middle of the screen
    /// (or aligned left/right); nil for the ordinary bottom-centre subtitle position.
    func ttmlAnchor(sheet: TTMLStyleSheet, rootExtent: (Double, Double)?) -> Placement.Anchor? {
        var props = sheet.properties(referencing: styleRefs)
        props.merge(properties) { _, new in new }
        let origin = TTMLLength.pair(props["tts:origin"], rootExtent: rootExtent) ?? (0, 0)
        let extent = TTMLLength.pair(props["tts:extent"], rootExtent: rootExtent) ?? (100 - origin.0, 100 - origin.1)
        let align = props["tts:displayAlign"] ?? "before"
        let y: Double
        switch align {
        case "after": y = origin.1 + extent.1
        case "center": y = origin.1 + extent.1 / 2
        default: y = origin.1
        }
        let row: Int = y < 33 ? 2 : (y < 67 ? 1 : 0)
        let column: Int
        switch props["tts:textAlign"] {
        case "left", "start": column = 0
        case "right", "end": column = 2
        default: column = 1
        }
        if row == 0 && column == 1 { return nil }
        return Placement.Anchor(rawValue: row * 3 + column + 1)
    }
}

/// Parsing of TTML lengths into percentages of the root container.
enum TTMLLength {
    /// `"10% 80%"` or `"64px 288px"` (with a root extent) as percentages; nil for other units or `auto`.
    static func pair(_ value: String?, rootExtent: (Double, Double)?) -> (Double, Double)? {
        guard let tokens = value?.xmlTokens, tokens.count == 2 else { return nil }
        guard let a = percent(tokens[0], axis: 0, rootExtent: rootExtent),
              let b = percent(tokens[1], axis: 1, rootExtent: rootExtent) else { return nil }
        return (a, b)
    }

    static func percent(_ token: String, axis: Int, rootExtent: (Double, Double)?) -> Double? {
        if token.hasSuffix("%") { return Double(token.dropLast()) }
        if token.hasSuffix("rw") { return axis == 0 ? Double(token.dropLast(2)) : nil }
        if token.hasSuffix("rh") { return axis == 1 ? Double(token.dropLast(2)) : nil }
        if token.hasSuffix("px"), let px = Double(token.dropLast(2)), let root = rootExtent {
            let size = axis == 0 ? root.0 : root.1
            return size > 0 ? px / size * 100 : nil
        }
        return nil
    }

    /// `tts:extent` on `<tt>` in pixels, e.g. `"1920px 1080px"`.
    static func rootExtent(_ value: String?) -> (Double, Double)? {
        guard let t = value?.xmlTokens, t.count == 2, t[0].hasSuffix("px"), t[1].hasSuffix("px"),
              let w = Double(t[0].dropLast(2)), let h = Double(t[1].dropLast(2)), w > 0, h > 0 else { return nil }
        return (w, h)
    }
}
