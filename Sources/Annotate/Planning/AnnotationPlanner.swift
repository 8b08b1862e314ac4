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
/// 2. symbols below the region's `min-context` are dropped, and so are symbols whose `shared-by` lists the
///    region (its viewers share the culture);
/// 3. only the first occurrence gets a note — per episode, or per series when the scope is `series` and a
///    ``AnnotationHistory`` is carried across episodes; `every` notes each occurrence; a symbol with no gloss
///    in the region's languages gets none (a Chinese region never falls back to English);
/// 4. candidates are placed by need (``NoteNeed``: what the viewer misses where the translation leaves the
///    term in pinyin, in Chinese or as a calque, down to a listed paraphrase that already conveys it; after the
///    viewer has read an approved rendering of a symbol, its later occurrences need no more than that one did),
///    then higher context, lower `priority` number, earlier time (an early note serves every later line, and
///    a series sets up its premise first) and the region's emphasis themes — so a lower-ranked note never
///    displaces a higher-ranked one;
/// 5. a note starts at its cue's start and stays long enough to read its full card (headline and analogy) at
///    the region's `max-chars-per-second`, at least `min-display`; a full card longer than `maxDisplay` is
///    shortened to the headline (term and gloss), which stays as long as it takes to read;
/// 6. a note that would overlap one already placed is deferred to after it, if it can still start before
///    its cue ends plus `deferWindow`; otherwise the gloss-only card is tried, then it is dropped (overlap);
///    a note that cannot be read before the episode's end is shortened the same way, then dropped;
/// 7. no 60-second window may hold more than `max-per-minute` note starts (density);
/// 8. a symbol whose first occurrence was dropped by 6 or 7 may still get a note at a later occurrence.
public struct AnnotationPlanner: Sendable {
    public struct Options: Hashable, Sendable {
        /// Drop draft entries instead of marking them.
        public var reviewedOnly: Bool
        /// The longest a full card (with its analogy) stays on screen; longer cards lose the analogy.
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
    /// `end` is when the episode ends (its last cue): no note runs past it.
    public func plan(episode: String, occurrences: [SymbolOccurrence], end: Timestamp? = nil) -> AnnotationPlan {
        var history = AnnotationHistory()
        return plan(episode: episode, occurrences: occurrences, history: &history, end: end)
    }

    /// Plans one episode of a series; `history` carries the symbols noted in earlier episodes (used when the
    /// occurrence policy is `series`) and is updated with this episode's notes.
    public func plan(episode: String, occurrences unsorted: [SymbolOccurrence], history: inout AnnotationHistory,
                     end: Timestamp? = nil) -> AnnotationPlan {
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
            if sharesCulture(symbol) { outcomes[i] = .dropped(.sharedCulture(region: region.tag)); continue }
            if scope == .series, let earlier = history.noted[symbol.id] {
                outcomes[i] = .dropped(.duplicate(firstAt: earlier.at, episode: earlier.episode)); continue
            }
            guard let note = prepare(o, symbol) else { outcomes[i] = .dropped(.noGloss); continue }
            prepared[i] = note
            let key = scope == .every ? "\(i)" : symbol.id
            if groups[key] == nil { groupOrder.append(key) }
            groups[key, default: []].append(i)
        }

        // Rule 4: need per occurrence, capped once the viewer has read an approved rendering of the symbol.
        var understood: [String: NoteNeed] = [:]
        for (i, o) in occurrences.enumerated() {
            guard prepared[i] != nil, let symbol = symbols[o.symbolID] else { continue }
            var need = NoteNeed.of(symbol, rendering: o.rendering, renderedText: o.renderedText)
            if let cap = understood[symbol.id] { need = min(need, cap) }
            if o.rendering == .rendered || o.rendering == .paraphrased { understood[symbol.id] = min(understood[symbol.id] ?? need, need) }
            prepared[i]!.note.need = need
        }
        // Rank groups by their most needed occurrence, then by symbol and first time.
        func groupNeed(_ key: String) -> NoteNeed { groups[key]!.map { prepared[$0]!.note.need }.max() ?? .opaque }
        let needs = Dictionary(uniqueKeysWithValues: groupOrder.map { ($0, groupNeed($0)) })
        let ranked = groupOrder.sorted { a, b in
            let ia = groups[a]![0], ib = groups[b]![0]
            if needs[a]! != needs[b]! { return needs[a]! > needs[b]! }
            let sa = symbols[occurrences[ia].symbolID]!, sb = symbols[occurrences[ib].symbolID]!
            let ra = rank(sa) / 10, rb = rank(sb) / 10
            if ra != rb { return ra < rb }
            if occurrences[ia].start != occurrences[ib].start { return occurrences[ia].start < occurrences[ib].start }
            if rank(sa) != rank(sb) { return rank(sa) < rank(sb) }
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
                var result = Placement.failure(.noGloss)
                // The full card first, then the gloss-only card (rule 6); density does not depend on the length.
                for card in prepared[i]!.cards {
                    result = place(o, length: card.duration, placed: placed, starts: starts, maxPerMinute: policy.maxPerMinute, end: end)
                    if case .success = result { prepared[i]!.note.showsAnalogy = card.showsAnalogy; break }
                    if case .failure(.density) = result { break }
                }
                switch result {
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

    /// Smaller is better: context (high first), priority number, emphasis theme (the last digit).
    func rank(_ symbol: Symbol) -> Int {
        let contextRank = 2 - (ContextLevel.allCases.firstIndex(of: symbol.context) ?? 0)
        let emphasised = symbol.themes.contains(where: emphasis.contains) ? 0 : 1
        return contextRank * 100 + min(max(symbol.priority, 0), 9) * 10 + emphasised
    }

    /// Whether the symbol's `shared-by` lists the region (or, for a tag without a region, its language).
    func sharesCulture(_ symbol: Symbol) -> Bool {
        symbol.sharedBy.contains { $0.caseInsensitiveCompare(region.tag) == .orderedSame }
    }

    /// The time it takes to read `text` at the region's `max-chars-per-second`.
    func readingTime(_ text: String) -> TimeLength {
        let cps = max(region.limits.maxCharsPerSecond, 1)
        return TimeLength(milliseconds: Int64((metrics.readingLength(text) / cps * 1000).rounded(.up)))
    }

    /// The cards to try, longest first: with the analogy when it can be read within `maxDisplay`, then the
    /// headline alone; each lasts as long as it takes to read, at least `min-display`.
    func cardLengths(headline: String, analogy: String?) -> [(duration: TimeLength, showsAnalogy: Bool)] {
        let minMs = region.annotation.minDisplay.milliseconds
        let maxMs = max(options.maxDisplay.milliseconds, minMs)
        let headlineMs = max(readingTime(headline).milliseconds, minMs)
        var cards: [(duration: TimeLength, showsAnalogy: Bool)] = []
        if let analogy {
            let fullMs = max(readingTime(headline + "\n" + analogy).milliseconds, minMs)
            if fullMs <= maxMs { cards.append((TimeLength(milliseconds: fullMs), true)) }
        }
        cards.append((TimeLength(milliseconds: headlineMs), false))
        return cards
    }

    /// How long a note stays on screen, and whether its analogy fits (the first card of ``cardLengths``).
    func displayTime(headline: String, analogy: String?) -> (duration: TimeLength, showsAnalogy: Bool) {
        cardLengths(headline: headline, analogy: analogy)[0]
    }

    private struct Prepared {
        var note: AnnotationNote
        var cards: [(duration: TimeLength, showsAnalogy: Bool)]
    }

    private func prepare(_ o: SymbolOccurrence, _ symbol: Symbol) -> Prepared? {
        guard let found = content.gloss(symbol) else { return nil }
        let analogy = content.analogy(symbol)
        let term = content.term(symbol, matched: o.matchedText)
        let gloss = NoteContent.glossWithoutTerm(found.text, term: term)
        let headline = term + " — " + gloss
        let cards = cardLengths(headline: headline, analogy: analogy?.text)
        let note = AnnotationNote(
            symbolID: symbol.id, term: term, matchedText: o.matchedText,
            teaser: NoteContent.teaser(term: term, seen: o.renderedText), gloss: gloss, glossLanguage: found.language,
            analogy: analogy?.text, analogyFrame: analogy?.frame, analogyLanguage: analogy?.language,
            showsAnalogy: cards[0].showsAnalogy, need: .opaque, rendering: o.rendering, direction: region.direction,
            category: symbol.category, context: symbol.context, status: symbol.status,
            cueID: o.cueID, cueIndex: o.cueIndex, side: o.side, timing: o.timing, position: region.annotation.position)
        return Prepared(note: note, cards: cards)
    }

    private enum Placement {
        case success(TimeSpan)
        case failure(DropReason)
    }

    /// The earliest slot at or after the cue start that overlaps no placed note (rule 6) and keeps every
    /// 60-second window within the density limit (rule 7).
    private func place(_ o: SymbolOccurrence, length: TimeLength, placed: [(span: TimeSpan, symbolID: String)],
                       starts: [Int64], maxPerMinute: Int, end: Timestamp?) -> Placement {
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
        if let end, start + length.milliseconds > end.milliseconds { return .failure(.episodeEnd(end)) }
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
