/// A replacement of a stretch of a cue's plain text, addressed in UTF-16 offsets of `CueText.plainText`
/// (where each line break counts as one `\n` unit and ruby counts as its base text).
public struct TextEdit: Hashable, Sendable {
    public enum Replacement: Hashable, Sendable {
        case text(String)
        case lineBreak
    }
    public var range: Range<Int>
    public var replacement: Replacement

    public init(_ range: Range<Int>, _ replacement: Replacement) {
        self.range = range
        self.replacement = replacement
    }
}

extension CueText {
    /// The text with `edits` applied inside the inline tree, so styling spans survive: deleted stretches
    /// may cross span boundaries, insertions land in the node that holds their offset, and an explicit
    /// line break inserted inside a span stays inside it. Ruby is atomic (edits inside it are ignored).
    /// `edits` must not overlap; they are sorted here.
    public func applying(_ edits: [TextEdit]) -> CueText {
        guard !edits.isEmpty else { return self }
        var state = EditState(edits: edits.sorted { ($0.range.lowerBound, $0.range.count) < ($1.range.lowerBound, $1.range.count) })
        var out = state.rebuild(nodes)
        // Insertions at the very end of the text.
        var tail: [Inline] = []
        state.emitDue(into: &tail, buffer: nil)
        out.append(contentsOf: tail)
        return CueText(Self.merged(out))
    }

    /// Adjacent text nodes joined, empty text nodes and empty spans dropped.
    static func merged(_ nodes: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for node in nodes {
            switch node {
            case let .text(s):
                if s.isEmpty { continue }
                if case let .text(previous)? = result.last { result[result.count - 1] = .text(previous + s) } else { result.append(node) }
            case let .span(span, children):
                let inner = merged(children)
                if !inner.isEmpty { result.append(.span(span, inner)) }
            default:
                result.append(node)
            }
        }
        return result
    }
}

private struct EditState {
    let edits: [TextEdit]
    var next = 0
    var offset = 0
    var deleteUntil = 0

    init(edits: [TextEdit]) { self.edits = edits }

    /// Emits every edit that starts at `offset`; text goes to `buffer` when given, else into `nodes`.
    mutating func emitDue(into nodes: inout [Inline], buffer: UnsafeMutablePointer<[UInt16]>?) {
        while next < edits.count, edits[next].range.lowerBound <= offset {
            let edit = edits[next]
            next += 1
            deleteUntil = max(deleteUntil, edit.range.upperBound)
            switch edit.replacement {
            case let .text(s):
                if let buffer { buffer.pointee.append(contentsOf: s.utf16) } else if !s.isEmpty { nodes.append(.text(s)) }
            case .lineBreak:
                if let buffer, !buffer.pointee.isEmpty {
                    nodes.append(.text(String(decoding: buffer.pointee, as: UTF16.self)))
                    buffer.pointee.removeAll()
                }
                nodes.append(.lineBreak)
            }
        }
    }

    mutating func rebuild(_ nodes: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for node in nodes {
            switch node {
            case let .text(s):
                var buffer: [UInt16] = []
                let units = Array(s.utf16)
                var k = 0
                while k < units.count {
                    withUnsafeMutablePointer(to: &buffer) { emitDue(into: &out, buffer: $0) }
                    // Up to the next edit (none is due before it) or the end of a deletion, units are
                    // all kept or all dropped.
                    var stop = units.count
                    if next < edits.count { stop = min(stop, k + (edits[next].range.lowerBound - offset)) }
                    if offset < deleteUntil {
                        stop = min(stop, k + (deleteUntil - offset))
                    } else {
                        buffer.append(contentsOf: units[k..<stop])
                    }
                    offset += stop - k
                    k = stop
                }
                if !buffer.isEmpty { out.append(.text(String(decoding: buffer, as: UTF16.self))) }
            case .lineBreak:
                emitDue(into: &out, buffer: nil)
                if offset >= deleteUntil { out.append(.lineBreak) }
                offset += 1
            case let .span(span, children):
                let inner = rebuild(children)
                out.append(.span(span, inner))
            case let .ruby(base, _):
                emitDue(into: &out, buffer: nil)
                var plain = ""
                Inline.appendPlain(base, to: &plain)
                offset += plain.utf16.count
                out.append(node)
            case .timestamp:
                emitDue(into: &out, buffer: nil)
                out.append(node)
            }
        }
        return out
    }
}
