/// The meaning of a cue's WebVTT settings (`vertical`, `line`, `position`, `size`, `align`), as the
/// W3C "parse the WebVTT cue settings" algorithm computes it.
///
/// The model keeps only the raw text of the valid settings (`Placement.cueSettings`, name → value as
/// written) and the region in `Placement.regionID`; this type interprets those raw values so the
/// two can never disagree.
public struct WebVTTCueSettings: Hashable, Sendable {
    public enum Vertical: String, Hashable, Sendable { case rl, lr }
    /// A cue line: a line number (snap-to-lines) or a percentage of the viewport.
    public enum Line: Hashable, Sendable {
        case number(Double)
        case percentage(Double)
    }
    public enum LineAlign: String, Hashable, Sendable { case start, center, end }
    public enum PositionAlign: String, Hashable, Sendable {
        case lineLeft = "line-left", center, lineRight = "line-right", auto
    }
    public enum TextAlign: String, Hashable, Sendable { case start, center, end, left, right }

    /// nil is horizontal.
    public var vertical: Vertical?
    /// nil is `auto`.
    public var line: Line?
    public var lineAlign: LineAlign = .start
    /// nil is `auto`.
    public var position: Double?
    public var positionAlign: PositionAlign = .auto
    public var size: Double = 100
    public var align: TextAlign = .center

    public init() {}

    /// Interprets settings kept as raw `name → value` pairs; invalid ones are ignored.
    public init(raw: [String: String]) {
        for name in Self.order {
            if let value = raw[name] { _ = apply(name: Substring(name), value: Substring(value)) }
        }
    }

    /// The order in which the writer emits settings.
    static let order = ["vertical", "line", "position", "size", "align"]

    public var snapToLines: Bool {
        if case .percentage = line { return false }
        return true
    }

    /// Applies one setting as the spec does; returns false when the setting is invalid (and so ignored).
    /// `region` is handled by the file parser, which knows the regions.
    mutating func apply(name: Substring, value: Substring) -> Bool {
        switch name {
        case "vertical":
            guard let v = Vertical(rawValue: String(value)) else { return false }
            vertical = v
            return true
        case "line":
            let linepos: Substring, linealign: Substring?
            if let comma = value.firstIndex(of: ",") {
                linepos = value[..<comma]
                linealign = value[value.index(after: comma)...]
            } else {
                linepos = value
                linealign = nil
            }
            guard linepos.utf8.contains(where: WebVTTSyntax.isDigit) else { return false }
            let number: Line
            if linepos.last == "%" {
                guard let p = WebVTTSyntax.parsePercentage(linepos) else { return false }
                number = .percentage(p)
            } else {
                guard let n = Self.parseLineNumber(linepos) else { return false }
                number = .number(n)
            }
            var newAlign = lineAlign
            if let linealign {
                // Current spec: an alignment other than start/center/end drops the whole setting.
                guard let a = LineAlign(rawValue: String(linealign)) else { return false }
                newAlign = a
            }
            lineAlign = newAlign
            line = number
            return true
        case "position":
            let colpos: Substring, colalign: Substring?
            if let comma = value.firstIndex(of: ",") {
                colpos = value[..<comma]
                colalign = value[value.index(after: comma)...]
            } else {
                colpos = value
                colalign = nil
            }
            guard let p = WebVTTSyntax.parsePercentage(colpos) else { return false }
            var newAlign = PositionAlign.auto
            if let colalign {
                // Current spec: an alignment other than line-left/center/line-right drops the setting.
                guard let a = PositionAlign(rawValue: String(colalign)), a != .auto else { return false }
                newAlign = a
            }
            position = p
            positionAlign = newAlign
            return true
        case "size":
            guard let p = WebVTTSyntax.parsePercentage(value) else { return false }
            size = p
            return true
        case "align":
            guard let a = TextAlign(rawValue: String(value)) else { return false }
            align = a
            return true
        default:
            return false
        }
    }

    /// A (potentially signed) real number: digits, at most one `.` between digits, `-` only first.
    static func parseLineNumber(_ s: Substring) -> Double? {
        let u = Array(s.utf8)
        var dots = 0
        for (i, b) in u.enumerated() {
            switch b {
            case 0x30...0x39: continue
            case 0x2D: if i != 0 { return nil }
            case 0x2E:
                dots += 1
                guard dots == 1, i > 0, i + 1 < u.count, WebVTTSyntax.isDigit(u[i - 1]), WebVTTSyntax.isDigit(u[i + 1])
                else { return nil }
            default: return nil
            }
        }
        guard let v = Double(s), v.isFinite else { return nil }
        return v + 0.0 // -0 becomes +0, as in the platform's number parsing
    }

    /// The keypad anchor these settings roughly amount to: the line decides top/middle/bottom, the
    /// text alignment left/center/right.
    public var anchor: Placement.Anchor {
        var row = 0 // 0 bottom, 1 middle, 2 top
        switch line {
        case nil: row = 0
        case let .number(n)?: row = n >= 0 ? 2 : 0
        case let .percentage(p)?: row = p < 100.0 / 3 ? 2 : (p > 200.0 / 3 ? 0 : 1)
        }
        var column = 1
        switch align {
        case .start, .left: column = 0
        case .end, .right: column = 2
        case .center: column = 1
        }
        return Placement.Anchor(rawValue: row * 3 + column + 1)!
    }

    /// Raw settings that express a keypad anchor (used by the writer when no raw settings exist).
    public static func raw(for anchor: Placement.Anchor) -> [String: String] {
        var raw: [String: String] = [:]
        switch anchor {
        case .topLeft, .topCenter, .topRight: raw["line"] = "0"
        case .middleLeft, .middleCenter, .middleRight: raw["line"] = "50%,center"
        default: break
        }
        switch anchor {
        case .topLeft, .middleLeft, .bottomLeft: raw["align"] = "left"
        case .topRight, .middleRight, .bottomRight: raw["align"] = "right"
        default: break
        }
        return raw
    }
}

/// The meaning of a WebVTT `REGION` block's settings, as "collect WebVTT region settings" computes it.
/// The model keeps the valid settings as raw text in `DocumentRegion.properties`.
public struct WebVTTRegionSettings: Hashable, Sendable {
    public var id: String = ""
    public var width: Double = 100
    public var lines: Int = 3
    public var regionAnchor: (x: Double, y: Double) = (0, 100)
    public var viewportAnchor: (x: Double, y: Double) = (0, 100)
    public var scrollUp = false

    /// Valid settings other than `id`, as written (last one wins).
    public var raw: [String: String] = [:]

    public init() {}

    /// Interprets the raw properties of a region; invalid values are ignored.
    public init(region: DocumentRegion) {
        id = region.id
        for name in Self.order {
            if let value = region.properties[name] { _ = apply(name: Substring(name), value: Substring(value)) }
        }
    }

    /// Parses the text of a REGION block (everything after its first line).
    init(parsing text: Substring) {
        for token in WebVTTSyntax.splitOnWhitespace(text) {
            guard let (name, value) = WebVTTSyntax.splitSetting(token) else { continue }
            if name == "id" {
                id = String(value)
            } else if apply(name: name, value: value) {
                raw[String(name)] = String(value)
            }
        }
    }

    static let order = ["width", "lines", "regionanchor", "viewportanchor", "scroll"]

    mutating func apply(name: Substring, value: Substring) -> Bool {
        switch name {
        case "width":
            guard let p = WebVTTSyntax.parsePercentage(value) else { return false }
            width = p
        case "lines":
            guard !value.isEmpty, value.utf8.allSatisfy(WebVTTSyntax.isDigit), let n = Int(value) else { return false }
            lines = n
        case "regionanchor", "viewportanchor":
            guard let comma = value.firstIndex(of: ","),
                  let x = WebVTTSyntax.parsePercentage(value[..<comma]),
                  let y = WebVTTSyntax.parsePercentage(value[value.index(after: comma)...]) else { return false }
            if name == "regionanchor" { regionAnchor = (x, y) } else { viewportAnchor = (x, y) }
        case "scroll":
            guard value == "up" else { return false }
            scrollUp = true
        default:
            return false
        }
        return true
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.id == b.id && a.width == b.width && a.lines == b.lines && a.regionAnchor == b.regionAnchor
            && a.viewportAnchor == b.viewportAnchor && a.scrollUp == b.scrollUp && a.raw == b.raw
    }

    public func hash(into h: inout Hasher) {
        h.combine(id); h.combine(width); h.combine(lines); h.combine(regionAnchor.x); h.combine(regionAnchor.y)
        h.combine(viewportAnchor.x); h.combine(viewportAnchor.y); h.combine(scrollUp); h.combine(raw)
    }
}
