import Regions
import Subtitles
/// Brings cue timing within the region's limits at the context's frame rate, in one pass in start order.
///
/// For each cue, in order:
/// 1. **Split** a cue that is longer than the maximum duration with more text than a clamped cue can be
///    read in, or whose text does not fit the line limits (the wrap step's `unfixable`): the text is cut at
///    sentence ends, then clause punctuation (，,;；、), then word boundaries, into the fewest parts that
///    work; times are shared in proportion to each part's length (region character counting) with the
///    minimum gap between parts, and each part is re-wrapped. Parts get ids `id` + `a`, `b`, … (no id
///    when the cue had none). A split that would leave a part shorter than the minimum duration is not
///    made (`unfixable`).
/// 2. **Gap and overlap** with the previous cue: trim the previous cue's end to leave the minimum gap
///    (never below its minimum duration), else move this cue's start later if it keeps its minimum
///    duration; else `unfixable`. No start or end moves more than the region's sync tolerance (a nested
///    cue is not pushed seconds away from its speech): such an overlap is left and reported `unfixable`. Overlapping cues placed differently (one at the top, one at the bottom)
///    are meant to be on screen together: they are reported `ambiguous` and left alone.
/// 3. **Minimum duration**: extend the end into the free time before the next cue (keeping the gap),
///    then the start into the free time after the previous one.
/// 4. **Reading speed**: a cue read faster than the maximum characters per second is extended into free
///    time (up to the maximum duration). Splitting does not help here: parts timed in proportion to their
///    text have the same speed as the whole. What is still too fast is reported `unfixable`.
/// 5. **Maximum duration**: a long cue with little text is clamped.
/// Cues are first put in start order (stable). Every change is reported with before and after times; a rule
/// still broken after its fix is reported only `unfixable` (with the times it did change), never also `changed`.
public struct TimingStep: LocalizeStep {
    public struct Config: Hashable, Sendable {
        /// Split cues whose text does not fit the line limits (when each part keeps the minimum duration).
        public var splitOverflowingText: Bool
        /// How split parts are re-wrapped.
        public var wrap: WrapStep.Config
        public init(splitOverflowingText: Bool = true, wrap: WrapStep.Config = WrapStep.Config()) {
            self.splitOverflowingText = splitOverflowingText
            self.wrap = wrap
        }
    }

    public var config: Config
    public var name: String { "timing" }
    public init(config: Config = Config()) { self.config = config }

    public func apply(_ track: Track, in context: LocalizeContext) -> StepResult {
        let limits = context.region.limits
        let metrics = TextMetrics(counting: limits.charCounting)
        let wrapper = WrapStep(config: config.wrap).lineWrapper(for: context)
        let gap = limits.minGap(at: context.frameRate).milliseconds
        let minDuration = limits.minDuration.milliseconds
        let maxDuration = limits.maxDuration.milliseconds
        let maxCPS = limits.maxCharsPerSecond
        let splitter = ClauseSplitter(locale: context.region.language)
        let tolerance = limits.syncTolerance.milliseconds

        let order = track.cues.indices.sorted { (track.cues[$0].start, $0) < (track.cues[$1].start, $1) }
        var out: [Cue] = []
        out.reserveCapacity(track.cues.count)
        var changes: [Change] = []
        var origin: [Int] = []   // input index of each output cue

        func label(_ i: Int) -> String { track.cueLabel(i) }
        func times(_ s: Int64, _ e: Int64) -> String { Timestamp(milliseconds: s).formatted() + " --> " + Timestamp(milliseconds: e).formatted() }
        func report(_ kind: Change.Kind, _ input: Int, _ reason: String, before: String? = nil, after: String? = nil) {
            changes.append(Change(step: name, kind: kind, cue: label(input), start: track.cues[input].start, reason: reason, before: before, after: after))
        }
        func retime(_ k: Int, _ s: Int64, _ e: Int64) {
            out[k].retime(TimeSpan(start: Timestamp(milliseconds: s), end: Timestamp(milliseconds: max(s, e)))!)
        }

        for (position, input) in order.enumerated() {
            let cue = track.cues[input]
            let nextStart: Int64? = position + 1 < order.count ? track.cues[order[position + 1]].start.milliseconds : nil
            var parts = [cue]

            // 1. Split.
            let duration = cue.duration.milliseconds
            let plain = cue.text.plainText
            let reading = metrics.readingLength(plain)
            let overflows = config.splitOverflowingText && !wrapper.fits(plain: plain) && !wrapper.wrap(cue.text).fits
            let tooLong = duration > maxDuration && reading / (Double(maxDuration) / 1000) > maxCPS
            if overflows || tooLong {
                // Parts may use the free time after the cue (as steps 3 and 4 would), so a second run splits the same way.
                let room = max(cue.end.milliseconds, min(nextStart.map { $0 - gap } ?? Int64.max, cue.start.milliseconds + maxDuration))
                var roomy = cue
                roomy.retime(TimeSpan(start: cue.start, end: Timestamp(milliseconds: room))!)
                let attempt = split(cue, wrapper: wrapper, splitter: splitter, metrics: metrics, gap: gap, minDuration: minDuration,
                                    maxDuration: maxDuration, needsDuration: tooLong)
                    ?? (overflows && !tooLong && room > cue.end.milliseconds
                        ? split(roomy, wrapper: wrapper, splitter: splitter, metrics: metrics, gap: gap, minDuration: minDuration,
                                maxDuration: maxDuration, needsDuration: false) : nil)
                if let split = attempt {
                    parts = split
                    report(.changed, input, "split into \(split.count) cues (" + (tooLong ? "longer than \(maxDuration) ms" : "text does not fit the line limits") + ")",
                           before: times(cue.start.milliseconds, cue.end.milliseconds),
                           after: split.map { times($0.start.milliseconds, $0.end.milliseconds) }.joined(separator: "; "))
                } else if overflows && !cue.text.isEmpty {
                    report(.unfixable, input, "text does not fit the line limits and cannot be split into parts of at least \(minDuration) ms")
                }
            }

            for (p, part) in parts.enumerated() {
                let partNext = p + 1 < parts.count ? parts[p + 1].start.milliseconds : nextStart
                var s = part.start.milliseconds, e = part.end.milliseconds
                // Per rule, either a change (`reasons`) or, when the rule is still broken, an unfixable report.
                var reasons: [String] = []
                var unfixable: [String] = []

                // 2. Gap and overlap with the previous cue: no cue start or end moves more than the sync tolerance.
                if let prev = out.indices.last {
                    let ps = out[prev].start.milliseconds, pe = out[prev].end.milliseconds
                    if s - pe < gap {
                        let overlapping = s < pe
                        let what = overlapping ? "overlaps the previous cue by \(pe - s) ms" : "gap to the previous cue below \(gap) ms"
                        let tooFar = "; resolving it would move a cue more than the \(tolerance) ms sync tolerance (left as it is)"
                        // A start moved later never passes the next cue's start (which would put that cue, not yet
                        // placed, behind this one and push it further than the tolerance) — unless the next cue
                        // starts with this one, or less than a gap after it and can still follow within the
                        // tolerance: such a cue breaks the gap with this one whatever happens and moves too, so
                        // stacked cues are spread out in one pass, each within the tolerance of its own start, and
                        // a second run finds nothing left to move. (A cue nested in this one further on still
                        // blocks it: see the known issue in StepPropertyTests.)
                        func mayStart(at candidate: Int64) -> Bool {
                            guard let next = partNext, candidate > next, next > s else { return true }
                            return next < s + gap && max(e, candidate + 1) + gap - next <= tolerance
                        }
                        func trimPrevious(to end: Int64, reason: String) {
                            let prevBefore = times(ps, pe)
                            retime(prev, ps, end)
                            changes.append(Change(step: name, kind: .changed, cue: label(origin[prev]), start: track.cues[origin[prev]].start,
                                                  reason: reason, before: prevBefore, after: times(ps, end)))
                        }
                        if overlapping && out[prev].placement != part.placement {
                            report(.ambiguous, input, "overlaps the previous cue, which is placed differently (kept: both may be meant on screen together)")
                        } else if s - gap - ps >= minDuration && pe - (s - gap) <= tolerance {
                            trimPrevious(to: s - gap, reason: overlapping ? "overlap with the next cue resolved: end trimmed" : "end trimmed to leave a \(gap) ms gap")
                        } else {
                            let newPrevEnd = min(pe, max(ps + minDuration, s - gap))
                            let newStart = max(s, newPrevEnd + gap)
                            let keepsDuration = e - newStart >= min(minDuration, e - s) && newStart <= e
                            if pe - newPrevEnd <= tolerance && newStart - s <= tolerance && mayStart(at: newStart) {
                                if newPrevEnd != pe { trimPrevious(to: newPrevEnd, reason: "end trimmed to its minimum duration for the gap") }
                                s = newStart
                                if keepsDuration {
                                    reasons.append(overlapping ? "overlap resolved: start moved later" : "start moved later for a \(gap) ms gap")
                                } else {
                                    unfixable.append(what + "; start moved later, leaving the cue shorter than \(minDuration) ms")
                                    e = max(e, s + 1)
                                }
                            } else if (pe + gap - s <= tolerance && mayStart(at: pe + gap)) || s < ps {
                                // (A cue starting before the previous one — the later part of a split cue, or a cue
                                // nested in a cue that was split — is moved after it whatever the distance: the track
                                // stays in start order. A moved cue never passes the next cue's start, so no other
                                // cue gets there.)
                                // Neither keeps its minimum duration: still never leave an overlap or a short gap;
                                // this cue starts after the gap and keeps what it can.
                                unfixable.append(what + "; start moved later, leaving the cue shorter than \(minDuration) ms")
                                s = pe + gap
                                e = max(e, s + 1)
                            } else {
                                unfixable.append(what + tooFar)
                            }
                        }
                    }
                }
                let earliest = out.last.map { min(s, $0.end.milliseconds + gap) } ?? 0
                let latest = partNext.map { $0 - gap } ?? Int64.max

                // 3. Minimum duration.
                if e - s < minDuration {
                    let newEnd = max(e, min(s + minDuration, latest))
                    let newStart = min(s, max(newEnd - minDuration, earliest))
                    let extended = newEnd != e || newStart != s
                    e = newEnd; s = newStart
                    if e - s < minDuration {
                        unfixable.append("shorter than \(minDuration) ms with no free time around it" + (extended ? " (extended as far as it can)" : ""))
                    } else if extended {
                        reasons.append("extended to the minimum duration")
                    }
                }
                // 4. Reading speed.
                let chars = parts.count == 1 ? reading : metrics.readingLength(part.text.plainText)
                if chars > 0 && Double(e - s) / 1000 * maxCPS < chars - 1e-9 {
                    let needed = Int64((chars / maxCPS * 1000).rounded(.up))
                    let newEnd = max(e, min(s + needed, s + maxDuration, latest))
                    let extended = newEnd != e
                    e = newEnd
                    let cps = chars / (Double(e - s) / 1000)
                    if cps > maxCPS + 1e-9 {
                        unfixable.append("reading speed \(String(format1: cps)) > \(WrapStep.format(maxCPS)) characters per second with no free time to extend"
                                         + (extended ? " further" : "") + " (splitting keeps the same speed)")
                    } else if extended {
                        reasons.append("extended for reading speed")
                    }
                }
                // 5. Maximum duration.
                if e - s > maxDuration { e = s + maxDuration; reasons.append("clamped to the maximum duration") }

                out.append(part)
                origin.append(input)
                let before = times(part.start.milliseconds, part.end.milliseconds), after = times(s, e)
                let moved = s != part.start.milliseconds || e != part.end.milliseconds
                if moved {
                    retime(out.count - 1, s, e)
                    if !reasons.isEmpty { report(.changed, input, reasons.joined(separator: "; "), before: before, after: after) }
                }
                for reason in unfixable {
                    report(.unfixable, input, reason, before: moved ? before : nil, after: moved ? after : nil)
                }
            }
        }
        var result = track
        result.cues = out
        return StepResult(track: result, changes: changes)
    }

    /// The cue cut into the fewest parts (2…6) whose text fits and whose duration is at least the minimum.
    private func split(_ cue: Cue, wrapper: LineWrapper, splitter: ClauseSplitter, metrics: TextMetrics, gap: Int64,
                       minDuration: Int64, maxDuration: Int64, needsDuration: Bool) -> [Cue]? {
        // Styled cues are split only when one span encloses the whole cue (the span is kept on every part).
        var enclosing: Span? = nil
        if cue.text.nodes.contains(where: { if case .text = $0 { return false }; if case .lineBreak = $0 { return false }; return true }) {
            guard cue.text.nodes.count == 1, case let .span(span, children) = cue.text.nodes[0],
                  children.allSatisfy({ if case .text = $0 { return true }; if case .lineBreak = $0 { return true }; return false }) else { return nil }
            enclosing = span
        }
        let plain = cue.text.plainText
        let duration = cue.duration.milliseconds
        let lowest = needsDuration ? Int((Double(duration) / Double(maxDuration)).rounded(.up)) : 2
        // Fewest parts whose text could fit at all.
        let perCue = Double(wrapper.limits.maxCharsPerLine * max(1, wrapper.limits.maxLines))
        let byText = Int((metrics.readingLength(plain) / max(1, perCue)).rounded(.up))
        for count in max(2, lowest, min(byText, 6))...6 {
            // Some part is at most the average length: stop when the average is below the minimum.
            guard (duration - gap * Int64(count - 1)) / Int64(count) >= minDuration else { return nil }
            guard let texts = splitter.split(plain, into: count) else { return nil }
            let weights = texts.map { max(0.5, metrics.readingLength($0)) }
            let total = weights.reduce(0, +)
            let usable = duration - gap * Int64(count - 1)
            var starts: [Int64] = [], ends: [Int64] = []
            var cumulative = 0.0
            var t = cue.start.milliseconds
            for w in weights {
                cumulative += w
                let end = cue.start.milliseconds + Int64((Double(usable) * cumulative / total).rounded()) + gap * Int64(starts.count)
                starts.append(t); ends.append(end)
                t = end + gap
            }
            ends[ends.count - 1] = cue.end.milliseconds
            guard zip(starts, ends).allSatisfy({ $1 - $0 >= minDuration }) else { return nil }
            var parts: [Cue] = []
            var allFit = true
            for (k, text) in texts.enumerated() {
                var part = cue
                part.id = cue.id.map { $0 + Self.suffix(k) }
                part.extensions.removeValue(forKey: "srt.index")
                var body = CueText(plain: text)
                let wrapped = wrapper.wrap(body)
                body = wrapped.text
                allFit = allFit && wrapped.fits
                if let enclosing { body = CueText([.span(enclosing, body.nodes)]) }
                part.text = body
                part.retime(TimeSpan(start: Timestamp(milliseconds: starts[k]), end: Timestamp(milliseconds: ends[k]))!)
                parts.append(part)
            }
            if allFit && (!needsDuration || parts.allSatisfy({ $0.duration.milliseconds <= maxDuration })) { return parts }
        }
        return nil
    }

    /// `a`, `b`, … `z`, then `aa`, `ab` ….
    static func suffix(_ k: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return k < 26 ? String(letters[k]) : String(letters[k / 26 - 1]) + String(letters[k % 26])
    }
}

extension String {
    init(format1 value: Double) { self = String((value * 10).rounded() / 10) }
}
