/// Writes a `Track` as a valid WebVTT file.
///
/// - Header (`webvtt.header`), REGION blocks (the WebVTT regions of `Track.regions` that a cue uses, see
///   `writtenRegions`), STYLE blocks (`webvtt.style`), then each cue preceded by its NOTE blocks
///   (`webvtt.notes`), cues in start-time order (stable); trailing notes last.
/// - Text escapes `&`, `<` and `>`, so `-->` never appears in cue text; ids, notes, header block
///   lines (not the signature line) and CSS lose any `-->` (written `-- >`) and any empty line,
///   which would end their block.
/// - Empty lines inside cue text would end the cue, so they are dropped.
/// - Settings: the raw `Placement.cueSettings` (valid ones, in the order vertical, line, position,
///   size, align) and `region:` when the region exists. With no raw settings, `Placement.anchor` is
///   written as equivalent settings (`line:0` for top, `line:50%,center` for middle, `align:left` /
///   `align:right`); when raw settings exist but the anchor was changed since reading, the anchor's
///   `line`/`align` replace the raw ones.
/// - `compatible` (for old players): no STYLE or REGION blocks; a cue in a written region gets the region's
///   placement as the settings it lacks (`foldedSettings`).
/// - A cue read with an end before its start (`webvtt.originalEnd`) gets that end back while the
///   model still holds end == start.
struct WebVTTWriter {
    static func write(_ track: Track, compatible: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(track.cues.count * 64 + 64)
        out.append(contentsOf: "WEBVTT".utf8)
        if let header = track.extensions["webvtt.header"], !header.isEmpty {
            // The signature line may hold anything but a line break; the header block lines after it
            // must not hold `-->` or be empty.
            let normalized = header.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            let firstLine = normalized.prefix { $0 != "\n" }
            let rest = normalized.dropFirst(firstLine.count)
            let clean = rest.isEmpty ? String(firstLine)
                : String(firstLine) + "\n" + sanitizeBlock(String(rest.dropFirst()), keepLeadingEmptyLine: false)
            if let f = clean.utf8.first, f != 0x20, f != 0x09, f != 0x0A { out.append(0x20) }
            out.append(contentsOf: clean.utf8)
        }
        out.append(contentsOf: [0x0A, 0x0A])

        var regionIDs: Set<String> = []
        var folded: [String: [String: String]] = [:]
        for region in writtenRegions(track) {
            if compatible {
                folded[region.id] = foldedSettings(region)
                continue
            }
            regionIDs.insert(region.id)
            out.append(contentsOf: "REGION\nid:".utf8)
            out.append(contentsOf: region.id.utf8)
            out.append(0x0A)
            var check = WebVTTRegionSettings()
            for name in WebVTTRegionSettings.order {
                guard let value = region.properties[name], isSettingValue(value),
                      check.apply(name: Substring(name), value: Substring(value)) else { continue }
                out.append(contentsOf: "\(name):\(value)\n".utf8)
            }
            out.append(0x0A)
        }
        if !compatible, let css = track.extensions["webvtt.style"] {
            for block in css.components(separatedBy: "\n\n") {
                let clean = sanitizeBlock(block, keepLeadingEmptyLine: false)
                guard !clean.isEmpty else { continue }
                out.append(contentsOf: "STYLE\n".utf8)
                out.append(contentsOf: clean.utf8)
                out.append(contentsOf: [0x0A, 0x0A])
            }
        }
        for cue in cuesInTimeOrder(track.cues) { appendCueBlock(cue, regionIDs: regionIDs, folded: folded, to: &out) }
        if let notes = track.extensions["webvtt.trailingNotes"] { appendNotes(notes, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The cues by start time; cues that start together keep their order (WebVTT requires
    /// non-decreasing start times).
    static func cuesInTimeOrder(_ cues: [Cue]) -> [Cue] {
        var ordered = true
        for i in cues.indices.dropFirst() where cues[i].start < cues[i - 1].start { ordered = false; break }
        if ordered { return cues }
        return cues.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
    }

    /// The regions written as REGION blocks: WebVTT regions (at least one WebVTT setting and nothing else,
    /// so no TTML region) with a valid id that some cue uses, the first of each id. A region without
    /// settings is the default region and is left out too. Other players (Debian's ffmpeg 5.1) stop
    /// reading at a REGION block, so none is written without a use.
    static func writtenRegions(_ track: Track) -> [DocumentRegion] {
        let used = Set(track.cues.compactMap(\.placement.regionID))
        let settings = Set(WebVTTRegionSettings.order)
        var seen: Set<String> = []
        return track.regions.filter { region in
            guard used.contains(region.id), isSettingValue(region.id), region.styleRefs.isEmpty,
                  !region.properties.isEmpty, region.properties.keys.allSatisfy(settings.contains),
                  !seen.contains(region.id) else { return false }
            seen.insert(region.id)
            return true
        }
    }

    /// Appends one cue preceded by its NOTE blocks, as `write` does for each cue in time order.
    static func appendCueBlock(_ cue: Cue, regionIDs: Set<String>, folded: [String: [String: String]] = [:],
                               to out: inout [UInt8]) {
        if let notes = cue.extensions["webvtt.notes"] { appendNotes(notes, to: &out) }
        appendCue(cue, regionIDs: regionIDs, folded: folded, to: &out)
    }

    /// Cue settings that put a cue where `region` shows it: the region's anchored edge as `line` (with its line
    /// alignment), its left edge as `position` (line-left) and its width as `size`; WebVTT defaults for what is unset.
    static func foldedSettings(_ region: DocumentRegion) -> [String: String] {
        let width = percent(region.properties["width"]) ?? 100
        let regionAnchor = percentPair(region.properties["regionanchor"]) ?? (0, 100)
        let viewportAnchor = percentPair(region.properties["viewportanchor"]) ?? (0, 100)
        let left = min(max(viewportAnchor.0 - regionAnchor.0 * width / 100, 0), 100)
        let top = min(max(viewportAnchor.1, 0), 100)
        let lineAlign = regionAnchor.1 <= 25 ? "start" : regionAnchor.1 >= 75 ? "end" : "center"
        return ["line": "\(formatPercent(top))%,\(lineAlign)", "position": "\(formatPercent(left))%,line-left",
                "size": "\(formatPercent(min(max(width, 0), 100)))%"]
    }

    private static func percent(_ value: String?) -> Double? {
        guard let value, value.hasSuffix("%") else { return nil }
        return Double(value.dropLast())
    }

    private static func percentPair(_ value: String?) -> (Double, Double)? {
        guard let parts = value?.split(separator: ",", omittingEmptySubsequences: false), parts.count == 2,
              let x = percent(String(parts[0])), let y = percent(String(parts[1])) else { return nil }
        return (x, y)
    }

    private static func formatPercent(_ v: Double) -> String {
        let r = (v * 1000).rounded() / 1000
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    static func appendNotes(_ notes: String, to out: inout [UInt8]) {
        for note in notes.components(separatedBy: "\n\n") {
            var clean = sanitizeBlock(note, keepLeadingEmptyLine: false)
            guard !clean.isEmpty else { continue }
            let u = Array(clean.utf8)
            if !(u.count >= 4 && clean.hasPrefix("NOTE") && (u.count == 4 || WebVTTSyntax.isWhitespace(u[4]))) {
                clean = "NOTE " + clean
            }
            out.append(contentsOf: clean.utf8)
            out.append(contentsOf: [0x0A, 0x0A])
        }
    }

    private static func appendCue(_ cue: Cue, regionIDs: Set<String>, folded: [String: [String: String]], to out: inout [UInt8]) {
        if let id = cue.id, !id.isEmpty {
            let u = id.utf8
            if u.contains(where: { $0 == WebVTTSyntax.lf || $0 == WebVTTSyntax.cr }) || containsArrow(u) {
                let clean = id.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
                    .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "-->", with: "-- >")
                out.append(contentsOf: clean.utf8)
            } else {
                out.append(contentsOf: u)
            }
            out.append(0x0A)
        }
        WebVTTSyntax.appendTimestamp(cue.start.milliseconds, to: &out)
        out.append(contentsOf: " --> ".utf8)
        var end = cue.end.milliseconds
        if cue.end == cue.start, let raw = cue.extensions["webvtt.originalEnd"], let original = Int64(raw),
           original >= 0, original < end {
            end = original
        }
        WebVTTSyntax.appendTimestamp(end, to: &out)
        appendSettings(cue.placement, regionIDs: regionIDs, folded: folded, to: &out)
        out.append(0x0A)
        let textStart = out.count
        appendInlines(cue.text.nodes, to: &out)
        removeEmptyLines(&out, from: textStart)
        if out.count > textStart { out.append(0x0A) }
        out.append(0x0A)
    }

    /// Whether `u` holds `-->` (bytes compared: `String.contains` would go through Foundation).
    private static func containsArrow(_ u: String.UTF8View) -> Bool {
        var run = 0
        for b in u {
            if b == 0x2D { run += 1 } else { if b == 0x3E && run >= 2 { return true }; run = 0 }
        }
        return false
    }

    private static func appendSettings(_ placement: Placement, regionIDs: Set<String>, folded: [String: [String: String]],
                                       to out: inout [UInt8]) {
        var raw = placement.cueSettings
        if raw.isEmpty {
            if let anchor = placement.anchor { raw = WebVTTCueSettings.raw(for: anchor) }
        } else if let anchor = placement.anchor, WebVTTCueSettings(raw: raw).anchor != anchor {
            raw["line"] = nil
            raw["align"] = nil
            raw.merge(WebVTTCueSettings.raw(for: anchor)) { $1 }
        }
        if let region = placement.regionID, let settings = folded[region] { raw.merge(settings) { own, _ in own } }
        var check = WebVTTCueSettings()
        for name in WebVTTCueSettings.order {
            guard let value = raw[name], isSettingValue(value),
                  check.apply(name: Substring(name), value: Substring(value)) else { continue }
            out.append(0x20)
            out.append(contentsOf: name.utf8)
            out.append(0x3A)
            out.append(contentsOf: value.utf8)
        }
        if let region = placement.regionID, regionIDs.contains(region) {
            out.append(contentsOf: " region:".utf8)
            out.append(contentsOf: region.utf8)
        }
    }

    /// A setting value survives a round trip when it is non-empty and has no whitespace or `-->`.
    private static func isSettingValue(_ s: String) -> Bool {
        !s.isEmpty && !s.utf8.contains(where: WebVTTSyntax.isWhitespace) && !s.contains("-->")
    }

    /// Removes `-->` and empty lines from text written as block lines.
    private static func sanitizeBlock(_ text: String, keepLeadingEmptyLine: Bool) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "-->", with: "-- >")
            .split(separator: "\n", omittingEmptySubsequences: false)
        var kept: [Substring] = []
        for (k, l) in lines.enumerated() where !l.isEmpty || (k == 0 && keepLeadingEmptyLine) { kept.append(l) }
        return kept.joined(separator: "\n")
    }

    private static func removeEmptyLines(_ out: inout [UInt8], from start: Int) {
        var hasEmpty = out.count > start && (out[start] == 0x0A || out[out.count - 1] == 0x0A)
        if !hasEmpty {
            var k = start + 1
            while k < out.count { if out[k] == 0x0A, out[k - 1] == 0x0A { hasEmpty = true; break }; k += 1 }
        }
        guard hasEmpty else { return }
        var cleaned: [UInt8] = []
        for c in out[start...] {
            if c == 0x0A, cleaned.isEmpty || cleaned.last == 0x0A { continue }
            cleaned.append(c)
        }
        if cleaned.last == 0x0A { cleaned.removeLast() }
        out.removeSubrange(start...)
        out.append(contentsOf: cleaned)
    }

    // MARK: Cue text

    static func appendInlines(_ nodes: [Inline], to out: inout [UInt8]) {
        for node in nodes {
            switch node {
            case let .text(s):
                appendEscaped(s, to: &out)
            case .lineBreak:
                out.append(0x0A)
            case let .timestamp(t):
                out.append(0x3C)
                WebVTTSyntax.appendTimestamp(t.milliseconds, to: &out)
                out.append(0x3E)
            case let .ruby(base, annotation):
                out.append(contentsOf: "<ruby>".utf8)
                appendInlines(base, to: &out)
                out.append(contentsOf: "<rt>".utf8)
                appendInlines(annotation, to: &out)
                out.append(contentsOf: "</rt></ruby>".utf8)
            case let .span(span, children):
                let tag: String?
                switch span.kind {
                case .italic: tag = "i"
                case .bold: tag = "b"
                case .underline: tag = "u"
                case .class: tag = "c"
                case .voice: tag = "v"
                case .language: tag = "lang"
                case .font, .styled: tag = span.classes.isEmpty ? nil : "c"
                }
                guard let tag else {
                    appendInlines(children, to: &out)
                    continue
                }
                out.append(0x3C)
                out.append(contentsOf: tag.utf8)
                for cls in span.classes {
                    let clean = cls.unicodeScalars.filter { !($0 == "." || $0 == ">" || $0 == "&" || $0.properties.isWhitespace) }
                    guard !clean.isEmpty else { continue }
                    out.append(0x2E)
                    out.append(contentsOf: String(String.UnicodeScalarView(clean)).utf8)
                }
                if (span.kind == .voice || span.kind == .language), let annotation = span.annotation {
                    let words = annotation.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" || $0 == "\r\n" })
                    if !words.isEmpty {
                        out.append(0x20)
                        appendEscaped(words.joined(separator: " "), to: &out)
                    }
                }
                out.append(0x3E)
                appendInlines(children, to: &out)
                out.append(contentsOf: "</\(tag)>".utf8)
            }
        }
    }

    private static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            // Copy runs without special bytes in one go; escape the rest.
            var runStart = 0
            for i in 0..<bytes.count {
                let c = bytes[i]
                guard c == 0x26 || c == 0x3C || c == 0x3E || c == 0x0D || c == 0x00 else { continue }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                switch c {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x0D: out.append(0x0A)
                default: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                }
                runStart = i + 1
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
    }
}
