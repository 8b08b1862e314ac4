/// The id, timing and plain text of each cue of a track, in a few flat arrays: a track that is only read
/// (an audit's Chinese source) in about a sixth of the memory of its `Track`.
///
///     let digest = CueDigest(track)   // the track itself can then be released
///     digest.text(at: 3)              // track.cues[3].text.plainText
public struct CueDigest: RandomAccessCollection, Hashable, Sendable {
    /// One cue as the digest keeps it.
    public struct Entry: Hashable, Sendable {
        public var id: String?
        public var timing: TimeSpan
        public var text: String
        public var start: Timestamp { timing.start }
        public var end: Timestamp { timing.end }
    }

    /// The timing of each cue, in cue order.
    public private(set) var timings: [TimeSpan] = []
    private var ids: [String?] = []
    /// Every cue's plain text as UTF-8, one list of bytes per cue.
    private var texts = FlatLists<UInt8>()

    public init() {}

    public init(_ track: Track) {
        timings.reserveCapacity(track.cues.count)
        ids.reserveCapacity(track.cues.count)
        texts.reserveCapacity(lists: track.cues.count, elements: track.cues.count * 16)
        for cue in track.cues { append(id: cue.id, timing: cue.timing, text: cue.text.plainText) }
    }

    public mutating func append(id: String?, timing: TimeSpan, text: String) {
        ids.append(id)
        timings.append(timing)
        texts.append(text.utf8)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { timings.count }
    public subscript(position: Int) -> Entry { Entry(id: ids[position], timing: timings[position], text: text(at: position)) }

    /// The plain text of cue `index` (as `CueText.plainText`).
    public func text(at index: Int) -> String {
        String(decoding: texts[index], as: UTF8.self)
    }

    public func id(at index: Int) -> String? { ids[index] }
}
