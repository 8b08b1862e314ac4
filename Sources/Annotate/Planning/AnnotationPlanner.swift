import Localize
import Regions
import Subtitles
import SymbolDB

/// Everything planned for one episode and region: the notes, and a decision for every occurrence.
public struct AnnotationPlan: Hashable, Sendable {
    /// Episode name (the input file name without language suffix and extension).
    public var episode: String
    public var region: String
    /// Notes in time order; no two overlap.
    public var notes: [AnnotationNote]
    /// One decision per occurrence, in the occurrences' time order.
    public var decisions: [AnnotationDecision]
}

/// Decides which symbol occurrences become pop-up notes for one region.
///
/// Rules, in order (each dropped occurrence says which rule dropped it):
/// 1. unknown symbols and, with `reviewedOnly`, draft entries are dropped;
/// 2. symbols below the region's `min-context` are dropped;
/// 3. only the first occurrence gets a note — per episode, or per series when the scope is `series` and a
///    ``AnnotationHistory`` is carried across episodes; `every` notes each occurrence;
/// 4. candidates are placed by rank — higher context first, then symbols with one of the region's emphasis
///    themes, then lower `priority` number, then earlier time — so a lower-ranked note never displaces a
///    higher-ranked one;
/// 5. a note starts at its cue's start and stays long enough to read at the region's `max-chars-per-second`,
///    at least `min-display`, at most `maxDisplay`;
/// 6. a note that would overlap one already placed is deferred to after it, if it can still start before
///    its cue ends plus `deferWindow`; otherwise it is dropped (overlap);
/// 7. no 60-second window may hold more than `max-per-minute` note starts (density);
/// 8. a symbol whose first occurrence was dropped by 6 or 7 may still get a note at a later occurrence.
public struct AnnotationPlanner: Sendable {
    public struct Options: Hashable, Sendable {
        /// Drop draft entries instead of marking them.
        public var reviewedOnly: Bool
        /// The longest a note stays on screen.
        public var maxDisplay: TimeLength
        /// How far past its cue's end a deferred note may still start.
        public var deferWindow: TimeLength
        /// Overrides the region's `first-occurrence` policy (`series` when a directory is processed as a series;
        /// a region whose policy is `every` keeps it).
        public var occurrence: AnnotationPolicy.Occurrence?

        public init(reviewedOnly: Bool = false, maxDisplay: TimeLength = TimeLength(milliseconds: 7000),
                    deferWindow: TimeLength = TimeLength(milliseconds: 1500), occurrence: AnnotationPolicy.Occurrence? = nil) {
            self.reviewedOnly = reviewedOnly
            self.maxDisplay = maxDisplay
            self.deferWindow = deferWindow
            self.occurrence = occurrence
        }
    }

    public let region: RegionProfile
    public let options: Options
    private let symbols: [String: Symbol]
    private let content: NoteContent
    private let metrics: TextMetrics
    private let emphasis: Set<String>

    public init(region: RegionProfile, symbols: [Symbol], options: Options = Options()) {
        self.init(region: region, symbolsByID: Dictionary(symbols.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }), options: options)
    }

    /// Shares one id → symbol table between many planners (one per region).
    public init(region: RegionProfile, symbolsByID: [String: Symbol], options: Options = Options()) {
        self.region = region
        self.options = options
        self.symbols = symbolsByID
        content = NoteContent(region: region)
        metrics = TextMetrics(counting: region.limits.charCounting)
        emphasis = Set(region.emphasisThemes)
    }

    /// The occurrence policy in force.
    public var occurrence: AnnotationPolicy.Occurrence {
        // Processing as a series widens "first per episode" to "first per series"; it never narrows `every`.
        if options.occurrence == .series && region.annotation.occurrence == .every { return .every }
        return options.occurrence ?? region.annotation.occurrence
    }

    /// Plans one episode on its own.
    public func plan(episode: String, occurrences: [SymbolOccurrence]) -> AnnotationPlan {
        var history = AnnotationHistory()
        return plan(episode: episode, occurrences: occurrences, history: &history)
    }

    /// Plans one episode of a series; `history` carries the symbols noted in earlier episodes (used when the
    /// occurrence policy is `series`) and is updated with this episode's notes.
    public func plan(episode: String, occurrences unsorted: [SymbolOccurrence], history: inout AnnotationHistory) -> AnnotationPlan {
        let occurrences = SymbolDetector.sortedByTime(unsorted)
        var outcomes = [AnnotationDecision.Outcome?](repeating: nil, count: occurrences.count)
        var prepared = [Prepared?](repeating: nil, count: occurrences.count)
        let policy = region.annotation
        let scope = occurrence

        // Rules 1–3 (filters); candidates grouped by symbol in time order.
        var groups: [String: [Int]] = [:]
        var groupOrder: [String] = []
        for (i, o) in occurrences.enumerated() {
            guard let symbol = symbols[o.symbolID] else { outcomes[i] = .dropped(.unknownSymbol); continue }
            if options.reviewedOnly && symbol.status == .draft { outcomes[i] = .dropped(.draft); continue }
            if symbol.context < policy.minContext {
                outcomes[i] = .dropped(.contextBelowMinimum(symbol.context, minimum: policy.minContext)); continue
            }
            if scope == .series, let earlier = history.noted[symbol.id] {
                outcomes[i] = .dropped(.duplicate(firstAt: earlier.at, episode: earlier.episode)); continue
            }
            guard let note = prepare(o, symbol) else { outcomes[i] = .dropped(.noGloss); continue }
            prepared[i] = note
            let key = scope == .every ? "\(i)" : symbol.id
            if groups[key] == nil { groupOrder.append(key) }
            groups[key, default: []].append(i)
        }

        // Rule 4: rank groups by their symbol and first time.
        let ranked = groupOrder.sorted { a, b in
            let ia = groups[a]![0], ib = groups[b]![0]
            let ra = rank(symbols[occurrences[ia].symbolID]!), rb = rank(symbols[occurrences[ib].symbolID]!)
            if ra != rb { return ra < rb }
            return ia < ib
        }

        // Rules 5–8: place each group at its first occurrence that fits.
        var placed: [(span: TimeSpan, symbolID: String)] = []
        var starts: [Int64] = []
        for key in ranked {
            let members = groups[key]!
            var shownAt: Timestamp?
            for i in members {
                if let first = shownAt { outcomes[i] = .dropped(.duplicate(firstAt: first, episode: nil)); continue }
                let o = occurrences[i]
                let length = prepared[i]!.duration
                switch place(o, length: length, placed: placed, starts: starts, maxPerMinute: policy.maxPerMinute) {
                case let .success(span):
                    outcomes[i] = span.start == o.start ? .shown(span) : .deferred(from: o.start, to: span)
                    let at = placed.firstIndex { $0.span.start > span.start } ?? placed.count
                    placed.insert((span, o.symbolID), at: at)
                    let s = starts.firstIndex { $0 > span.start.milliseconds } ?? starts.count
                    starts.insert(span.start.milliseconds, at: s)
                    prepared[i]!.note.timing = span
                    shownAt = span.start
                case let .failure(reason):
                    outcomes[i] = .dropped(reason)
                }
            }
        }

        var notes: [AnnotationNote] = []
        var decisions: [AnnotationDecision] = []
        decisions.reserveCapacity(occurrences.count)
        for (i, o) in occurrences.enumerated() {
            let outcome = outcomes[i] ?? .dropped(.unknownSymbol)
            decisions.append(AnnotationDecision(occurrence: o, outcome: outcome))
            if case .dropped = outcome { continue }
            notes.append(prepared[i]!.note)
        }
        notes.sort { $0.start < $1.start }
        for note in notes { history.record(note.symbolID, episode: episode, at: note.start) }
        return AnnotationPlan(episode: episode, region: region.tag, notes: notes, decisions: decisions)
    }

    // MARK: - Rules

    /// Smaller is better: context (high first), emphasis theme, priority number.
    func rank(_ symbol: Symbol) -> Int {
        let contextRank = 2 - (ContextLevel.allCases.firstIndex(of: symbol.context) ?? 0)
        let emphasised = symbol.themes.contains(where: emphasis.contains) ? 0 : 1
        return contextRank * 100 + emphasised * 10 + min(max(symbol.priority, 0), 9)
    }

    /// How long a note stays on screen, and whether its analogy fits.
    func displayTime(headline: String, analogy: String?) -> (duration: TimeLength, showsAnalogy: Bool) {
        let cps = max(region.limits.maxCharsPerSecond, 1)
        func time(_ text: String) -> Int64 { Int64((metrics.readingLength(text) / cps * 1000).rounded(.up)) }
        let maxMs = max(options.maxDisplay.milliseconds, region.annotation.minDisplay.milliseconds)
        var needed = time(headline)
        var showsAnalogy = false
        if let analogy {
            let withAnalogy = needed + time(analogy)
            if withAnalogy <= maxMs { needed = withAnalogy; showsAnalogy = true }
        }
        let ms = min(max(needed, region.annotation.minDisplay.milliseconds), maxMs)
        return (TimeLength(milliseconds: ms), showsAnalogy)
    }

    private struct Prepared {
        var note: AnnotationNote
        var duration: TimeLength
    }

    private func prepare(_ o: SymbolOccurrence, _ symbol: Symbol) -> Prepared? {
        guard let gloss = content.gloss(symbol) else { return nil }
        let analogy = content.analogy(symbol)
        let term = content.term(symbol, matched: o.matchedText)
        let headline = term + " — " + gloss.text
        let (duration, showsAnalogy) = displayTime(headline: headline, analogy: analogy?.text)
        let note = AnnotationNote(
            symbolID: symbol.id, term: term, matchedText: o.matchedText, gloss: gloss.text, glossLanguage: gloss.language,
            analogy: analogy?.text, analogyFrame: analogy?.frame, analogyLanguage: analogy?.language,
            showsAnalogy: showsAnalogy, category: symbol.category, context: symbol.context, status: symbol.status,
            cueID: o.cueID, cueIndex: o.cueIndex, side: o.side, timing: o.timing, position: region.annotation.position)
        return Prepared(note: note, duration: duration)
    }

    private enum Placement {
        case success(TimeSpan)
        case failure(DropReason)
    }

    /// The earliest slot at or after the cue start that overlaps no placed note (rule 6) and keeps every
    /// 60-second window within the density limit (rule 7).
    private func place(_ o: SymbolOccurrence, length: TimeLength, placed: [(span: TimeSpan, symbolID: String)],
                       starts: [Int64], maxPerMinute: Int) -> Placement {
        let latest = o.end.milliseconds + options.deferWindow.milliseconds
        var start = o.start.milliseconds
        var blocker: (span: TimeSpan, symbolID: String)?
        // Placed notes are sorted and disjoint: one forward sweep finds the first gap long enough.
        for p in placed where p.span.end.milliseconds > start {
            if p.span.start.milliseconds >= start + length.milliseconds { break }
            blocker = p
            start = p.span.end.milliseconds
        }
        if start > latest, let blocker {
            return .failure(.overlap(symbolID: blocker.symbolID, until: blocker.span.end))
        }
        if maxPerMinute <= 0 { return .failure(.density(maxPerMinute: maxPerMinute)) }
        // Density: among the placed starts plus this one, any maxPerMinute + 1 consecutive starts must span ≥ 60 s.
        let window: Int64 = 60_000
        let lo = starts.firstIndex { $0 > start - window } ?? starts.count
        var inWindow: [Int64] = []
        var k = lo
        while k < starts.count, starts[k] < start + window { inWindow.append(starts[k]); k += 1 }
        let insertAt = inWindow.firstIndex { $0 > start } ?? inWindow.count
        inWindow.insert(start, at: insertAt)
        if inWindow.count > maxPerMinute {
            for j in 0..<(inWindow.count - maxPerMinute) where inWindow[j + maxPerMinute] - inWindow[j] < window {
                return .failure(.density(maxPerMinute: maxPerMinute))
            }
        }
        let span = TimeSpan(start: Timestamp(milliseconds: start), end: Timestamp(milliseconds: start + length.milliseconds))!
        return .success(span)
    }
}
