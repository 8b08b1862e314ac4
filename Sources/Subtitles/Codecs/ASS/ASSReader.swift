/// Reads an ASS/SSA script section by section.
struct ASSReader {
    let name: String
    let strict: Bool
    private var diagnostics: [Diagnostic] = []

    struct Style {
        var italic = false
        var bold = false
        /// The style's `Alignment` as a keypad anchor (SSA's legacy numbers converted).
        var alignment: Placement.Anchor = .bottomCenter
        /// `MarginL`, `MarginR`, `MarginV` in script pixels.
        var margins = Margins()
    }

    /// Left, right and vertical margins in script pixels (`PlayResX` × `PlayResY`).
    struct Margins: Equatable {
        var left = 0, right = 0, vertical = 0
    }

    init(name: String, strict: Bool) {
        self.name = name
        self.strict = strict
    }

    private mutating func warn(_ message: String, line: Int, kind: CodecError.Kind = .syntax, dropsCue: Bool = false) throws(CodecError) {
        let location = SourceLocation(file: name, line: line)
        if strict { throw CodecError(kind, message, at: location) }
        diagnostics.append(Diagnostic(.warning, message, at: location, dropsCue: dropsCue))
    }

    static let defaultASSEvents = ["layer", "start", "end", "style", "name", "marginl", "marginr", "marginv", "effect", "text"]
    static let defaultSSAEvents = ["marked", "start", "end", "style", "name", "marginl", "marginr", "marginv", "effect", "text"]

    mutating func read(_ text: String) throws(CodecError) -> Decoded {
        var track = Track()
        var section = ""
        var styleFormat: [String] = []
        var styleFormatNames: [String] = []
        var eventFormat: [String]?
        var styles: [String: Style] = [:]
        var isSSA = false
        var layersByKey: [DuplicateKey: Set<String>] = [:]
        var mergedLayers = 0
        var cueMargins: [Margins] = []

        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = rawLine
            while let c = line.first, c == " " || c == "\t" || c == "\u{FEFF}" { line = line.dropFirst() }
            if line.isEmpty || line.hasPrefix(";") || line.hasPrefix("!:") { continue }
            if line.hasPrefix("[") {
                let header = line.trimmingCharacters(in: " \t").lowercased()
                if header.hasSuffix("]") { section = header; if section == "[v4 styles]" { isSSA = true }; continue }
            }
            guard let colon = line.firstIndex(of: ":") else {
                if section == "[events]" { try warn("line without a 'Type:' prefix was skipped", line: lineNumber) }
                continue
            }
            let key = line[..<colon].trimmingCharacters(in: " \t")
            let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
            let lowerKey = key.lowercased()
            switch section {
            case "[script info]":
                switch lowerKey {
                case "playresx": track.extensions["ass.playResX"] = value
                case "playresy": track.extensions["ass.playResY"] = value
                case "scripttype":
                    track.extensions["ass.scriptType"] = value
                    if value.lowercased().hasPrefix("v4.00") && !value.contains("+") { isSSA = true }
                default: break
                }
            case "[v4+ styles]", "[v4 styles]":
                if lowerKey == "format" {
                    styleFormatNames = value.split(separator: ",").map { $0.trimmingCharacters(in: " \t") }
                    styleFormat = styleFormatNames.map { $0.lowercased() }
                } else if lowerKey == "style" {
                    let fields = Self.fields(value, count: max(styleFormat.count, 1))
                    var properties: [String: String] = [:]
                    var styleName = fields.first ?? ""
                    var style = Style()
                    for (i, column) in styleFormat.enumerated() where i < fields.count {
                        let v = fields[i]
                        switch column {
                        case "name": styleName = Self.styleName(v)
                        case "italic": style.italic = Self.flag(v)
                        case "bold": style.bold = Self.flag(v)
                        case "alignment":
                            if let n = Int(v) {
                                let keypad = isSSA ? ASSTextParser.legacyAlignment[n] : n
                                if let a = keypad.flatMap(Placement.Anchor.init(rawValue:)) { style.alignment = a }
                            }
                        case "marginl": style.margins.left = Int(v) ?? 0
                        case "marginr": style.margins.right = Int(v) ?? 0
                        case "marginv": style.margins.vertical = Int(v) ?? 0
                        default: break
                        }
                        if column != "name" { properties["ass." + styleFormatNames[i]] = v }
                    }
                    styles[styleName] = style
                    track.styles.append(DocumentStyle(id: styleName, properties: properties))
                }
            case "[events]":
                if lowerKey == "format" {
                    eventFormat = value.split(separator: ",").map { $0.trimmingCharacters(in: " \t").lowercased() }
                } else if lowerKey == "dialogue" {
                    let format = eventFormat ?? (isSSA ? Self.defaultSSAEvents : Self.defaultASSEvents)
                    guard let (cue, layer, margins) = try dialogue(value, format: format, styles: styles, line: lineNumber) else { break }
                    // The same text at the same time and place on another layer is a stacked copy (a border
                    // or glow under the fill): one cue.
                    let key = DuplicateKey(start: cue.start, end: cue.end, text: cue.text.plainText, anchor: cue.placement.anchor)
                    if let layers = layersByKey[key], !layers.contains(layer) {
                        layersByKey[key]!.insert(layer)
                        mergedLayers += 1
                        break
                    }
                    layersByKey[key, default: []].insert(layer)
                    track.cues.append(cue)
                    cueMargins.append(margins)
                }
            default: break
            }
        }
        if mergedLayers > 0 {
            diagnostics.append(Diagnostic(.note, "\(mergedLayers) events repeat another layer's text at the same time and "
                                          + "were merged into its cue", at: SourceLocation(file: name)))
        }
        let playRes = (Int(track.extensions["ass.playResX"] ?? "") ?? 0, Int(track.extensions["ass.playResY"] ?? "") ?? 0)
        for i in track.cues.indices {
            track.cues[i].placement.cueSettings = Self.cueSettings(track.cues[i].placement.anchor, margins: cueMargins[i], playRes: playRes)
        }
        return Decoded(track: track, diagnostics: diagnostics)
    }

    private struct DuplicateKey: Hashable {
        var start: Timestamp, end: Timestamp, text: String, anchor: Placement.Anchor?
    }

    /// WebVTT settings for a cue placed away from the bottom centre: `line` from the vertical margin,
    /// `position` from the left or right margin, `align` from the column (percentages of the script's
    /// `PlayResX` × `PlayResY`; with no play resolution only the anchor's own settings).
    static func cueSettings(_ anchor: Placement.Anchor?, margins: Margins, playRes: (Int, Int)) -> [String: String] {
        guard let anchor else { return [:] }
        var raw = WebVTTCueSettings.raw(for: anchor)
        let (w, h) = playRes
        let row = (anchor.rawValue - 1) / 3, column = (anchor.rawValue - 1) % 3
        func percent(_ v: Int, of total: Int) -> String { TTMLWriter.decimal(min(max(Double(v) / Double(total) * 100, 0), 30)) + "%" }
        if h > 0, margins.vertical > 0 {
            switch row {
            case 2: raw["line"] = percent(margins.vertical, of: h)
            case 0: raw["line"] = TTMLWriter.decimal(100 - min(Double(margins.vertical) / Double(h) * 100, 30)) + "%,end"
            default: break
            }
        }
        if w > 0 {
            if column == 0, margins.left > 0 { raw["position"] = percent(margins.left, of: w) + ",line-left" }
            if column == 2, margins.right > 0 {
                raw["position"] = TTMLWriter.decimal(100 - min(Double(margins.right) / Double(w) * 100, 30)) + "%,line-right"
            }
        }
        return raw
    }

    /// The cue of one Dialogue line with its layer and effective margins; nil when the line is skipped.
    private mutating func dialogue(_ value: String, format: [String], styles: [String: Style], line: Int) throws(CodecError) -> (Cue, String, Margins)? {
        let fields = Self.fields(value, count: format.count)
        guard fields.count == format.count, let textIndex = format.firstIndex(of: "text"),
              let startIndex = format.firstIndex(of: "start"), let endIndex = format.firstIndex(of: "end") else {
            try warn("Dialogue line has \(fields.count) fields but the Format line names \(format.count); skipped", line: line, dropsCue: true)
            return nil
        }
        guard let start = Self.time(fields[startIndex]) else {
            try warn("start time '\(fields[startIndex])' is not a H:MM:SS.cc time; the line was skipped", line: line, dropsCue: true)
            return nil
        }
        guard var end = Self.time(fields[endIndex]) else {
            try warn("end time '\(fields[endIndex])' is not a H:MM:SS.cc time; the line was skipped", line: line, dropsCue: true)
            return nil
        }
        if end < start {
            try warn("end time \(fields[endIndex]) is before start time \(fields[startIndex]); "
                     + "the cue is kept with its end set to its start", line: line, kind: .semantics)
            end = start
        }
        var styleName = "Default"
        var layer = "0"
        var extensions: [String: String] = [:]
        var eventMargins: [String: Int] = [:]
        for (i, column) in format.enumerated() where i != textIndex {
            let v = fields[i]
            switch column {
            case "style": styleName = Self.styleName(v)
            case "layer": layer = v.isEmpty ? "0" : v; if v != "0" && !v.isEmpty { extensions["ass.layer"] = v }
            case "marginl", "marginr", "marginv": if let n = Int(v), n != 0 { eventMargins[column] = n }
            case "name", "actor": if !v.isEmpty { extensions["ass.name"] = v }
            case "effect": if !v.isEmpty { extensions["ass.effect"] = v }
            default: break
            }
        }
        let style = styles[styleName]
            ?? styles.first(where: { $0.key.lowercased() == styleName.lowercased() })?.value
            ?? styles["Default"] ?? Style()
        var parser = ASSTextParser(style: style, styles: styles)
        let nodes = parser.parse(fields[textIndex])
        if parser.drew, CueText(nodes).isEmpty {
            diagnostics.append(Diagnostic(.note, "event holds only a drawing (\\p), which subtitles cannot show; dropped",
                                          at: SourceLocation(file: name, line: line)))
            return nil
        }
        // An override (\an, \a) wins over the style's Alignment; bottom centre is the default (no anchor).
        let anchor = parser.anchor ?? (style.alignment == .bottomCenter ? nil : style.alignment)
        var margins = style.margins
        if let v = eventMargins["marginl"] { margins.left = v }
        if let v = eventMargins["marginr"] { margins.right = v }
        if let v = eventMargins["marginv"] { margins.vertical = v }
        let cue = Cue(timing: TimeSpan(start: start, end: end)!, text: CueText(nodes),
                      placement: Placement(anchor: anchor), styleRefs: [styleName], extensions: extensions)
        return (cue, layer, margins)
    }

    /// Splits on commas into at most `count` fields; the last one keeps the rest (Text may contain commas).
    static func fields(_ value: String, count: Int) -> [String] {
        value.split(separator: ",", maxSplits: max(count - 1, 0), omittingEmptySubsequences: false).enumerated().map { i, f in
            i == count - 1 ? String(f) : f.trimmingCharacters(in: " \t")
        }
    }

    static func styleName(_ s: String) -> String {
        var name = Substring(s.trimmingCharacters(in: " \t"))
        while name.first == "*" { name = name.dropFirst() }
        return name.isEmpty ? "Default" : String(name)
    }

    /// `-1` (ASS true), `1`, or a weight of 600 and up (bold) count as set.
    static func flag(_ s: String) -> Bool {
        guard let v = Int(s.trimmingCharacters(in: " \t")) else { return false }
        return v == -1 || v == 1 || v >= 600
    }

    /// `H:MM:SS.cc` (also more or fewer fraction digits, read as a decimal fraction).
    static func time(_ s: String) -> Timestamp? {
        let parts = s.trimmingCharacters(in: " \t").split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let h = Int64(parts[0]), let m = Int64(parts[1]), h >= 0, m >= 0, m < 60 else { return nil }
        let secParts = parts[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let sec = Int64(secParts[0]), sec >= 0, sec < 60 else { return nil }
        var ms: Int64 = 0
        if secParts.count == 2 {
            let frac = secParts[1]
            guard !frac.isEmpty, frac.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            let digits = Array(frac.prefix(3)).map { Int64(String($0))! }
            ms = digits.enumerated().reduce(0) { acc, item in acc + item.element * [100, 10, 1][item.offset] }
        }
        return Timestamp(hours: h, minutes: m, seconds: sec, milliseconds: ms)
    }
}

private extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
