/// Cue text: a tree of inline nodes with explicit line breaks.
public struct CueText: Hashable, Sendable, Codable {
    public var nodes: [Inline]

    public init(_ nodes: [Inline] = []) { self.nodes = nodes }

    /// Plain text whose `\n` become explicit line breaks.
    public init(plain: String) {
        var nodes: [Inline] = []
        for (i, line) in plain.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { nodes.append(.lineBreak) }
            if !line.isEmpty { nodes.append(.text(String(line))) }
        }
        self.nodes = nodes
    }

    /// The text without markup, lines joined by `\n`; ruby annotations are left out.
    public var plainText: String {
        var out = ""
        Inline.appendPlain(nodes, to: &out)
        return out
    }

    /// The plain text split into display lines.
    public var lines: [String] { plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    public var isEmpty: Bool { plainText.allSatisfy { $0.isWhitespace } }
}

/// One node of cue text.
public indirect enum Inline: Hashable, Sendable, Codable {
    /// Literal text (never contains a line break).
    case text(String)
    /// An explicit line break.
    case lineBreak
    /// Styled or annotated content (italic, bold, class, voice, language, TTML span …).
    case span(Span, [Inline])
    /// Ruby: base text with its annotation.
    case ruby(base: [Inline], annotation: [Inline])
    /// A WebVTT inline timestamp (karaoke-style progression).
    case timestamp(Timestamp)

    package static func appendPlain(_ nodes: [Inline], to out: inout String) {
        for node in nodes {
            switch node {
            case let .text(s): out += s
            case .lineBreak: out += "\n"
            case let .span(_, children): appendPlain(children, to: &out)
            case let .ruby(base, _): appendPlain(base, to: &out)
            case .timestamp: break
            }
        }
    }
}

/// What a span means and how it looks; formats map their own markup onto it.
public struct Span: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case italic, bold, underline
        /// WebVTT `<c>` (classes only).
        case `class`
        /// WebVTT `<v Speaker>`; `annotation` holds the speaker.
        case voice
        /// WebVTT `<lang tag>`; `annotation` holds the tag.
        case language
        /// SRT `<font …>`; `properties` holds `color`, `face`, `size`.
        case font
        /// A generic styled span (TTML `<span>`); `properties` holds inline styles, `styleRefs` referenced styles.
        case styled
    }

    public var kind: Kind
    public var classes: [String]
    public var annotation: String?
    /// Style properties by name, e.g. `color`, or TTML `tts:fontStyle`.
    public var properties: [String: String]
    /// Ids of document styles this span references (TTML `style="…"`).
    public var styleRefs: [String]

    public init(_ kind: Kind, classes: [String] = [], annotation: String? = nil,
                properties: [String: String] = [:], styleRefs: [String] = []) {
        self.kind = kind
        self.classes = classes
        self.annotation = annotation
        self.properties = properties
        self.styleRefs = styleRefs
    }
}
