/// A multi-pattern Aho–Corasick automaton over code points, laid out flat for speed.
///
/// Code points are first mapped to dense classes (0 = in no pattern), through a 64 K table for the
/// Basic Multilingual Plane and a dictionary above it; extra code points (Traditional variants) can share
/// a class with the code point they fold to. The root has a dense transition row; other states keep their
/// few children in sorted compressed rows and fall back along failure links. Every state lists the
/// patterns that end there, its own and those of its suffixes.
struct PatternAutomaton: Sendable {
    /// Code point → class for U+0000…U+FFFF (0 = not in any pattern).
    let bmpClass: FlatArray<UInt16>
    /// Code point → class above U+FFFF.
    let astralClass: [UInt32: UInt16]
    /// Root transitions by class (0 = stay at the root).
    let rootNext: FlatArray<Int32>
    /// Children of state `s`: `childClass[childStart[s]..<childStart[s + 1]]`, sorted, with targets.
    let childStart: FlatArray<Int32>
    let childClass: FlatArray<UInt16>
    let childTarget: FlatArray<Int32>
    let fail: FlatArray<Int32>
    /// Patterns ending at state `s`: `outputs[outputStart[s]..<outputStart[s + 1]]`.
    let outputStart: FlatArray<Int32>
    let outputs: FlatArray<Int32>
    /// Length of each pattern in code points.
    let patternLength: FlatArray<Int32>
    /// The longest pattern, in code points.
    let maximumLength: Int

    /// Builds the automaton for `patterns` (sequences of code points, already folded; none empty).
    /// `variants` maps further input code points to the pattern code point they stand for.
    ///
    /// Built with flat arrays only (no per-state allocations): the trie keeps children as linked lists, the
    /// root's children in a dense row.
    init(patterns: [[UInt32]], variants: [UInt32: UInt32] = [:]) {
        var bmp = [UInt16](repeating: 0, count: 0x10000)
        var astral: [UInt32: UInt16] = [:]
        var classCount = 1
        func lookup(_ scalar: UInt32) -> UInt16 {
            scalar < 0x10000 ? bmp[Int(scalar)] : (astral[scalar] ?? 0)
        }
        func assign(_ scalar: UInt32, _ cls: UInt16) {
            if scalar < 0x10000 { bmp[Int(scalar)] = cls } else { astral[scalar] = cls }
        }
        for pattern in patterns {
            for scalar in pattern where lookup(scalar) == 0 {
                precondition(classCount < Int(UInt16.max), "too many distinct characters in patterns")
                assign(scalar, UInt16(classCount))
                classCount += 1
            }
        }
        for (variant, target) in variants where lookup(variant) == 0 {
            let cls = lookup(target)
            if cls != 0 { assign(variant, cls) }
        }

        // The trie: state 0 is the root; children of other states are linked lists.
        var root = [Int32](repeating: 0, count: classCount)
        var rootChildren: [Int32] = []          // in insertion order
        var label: [UInt16] = [0]               // class on the edge into each state
        var firstChild: [Int32] = [-1]
        var nextSibling: [Int32] = [-1]
        var ownHead: [Int32] = [-1]             // patterns ending exactly at a state, as a linked list
        var nextOwn = [Int32](repeating: -1, count: patterns.count)
        let total = patterns.reduce(0) { $0 + $1.count } + 1
        label.reserveCapacity(total); firstChild.reserveCapacity(total)
        nextSibling.reserveCapacity(total); ownHead.reserveCapacity(total)

        func child(_ state: Int32, _ cls: UInt16) -> Int32 {
            if state == 0 { return root[Int(cls)] }
            var c = firstChild[Int(state)]
            while c >= 0 {
                if label[Int(c)] == cls { return c }
                c = nextSibling[Int(c)]
            }
            return 0
        }
        for (index, pattern) in patterns.enumerated() {
            var state: Int32 = 0
            for scalar in pattern {
                let cls = lookup(scalar)
                let next = child(state, cls)
                if next != 0 {
                    state = next
                    continue
                }
                let created = Int32(label.count)
                label.append(cls)
                firstChild.append(-1)
                ownHead.append(-1)
                if state == 0 {
                    root[Int(cls)] = created
                    rootChildren.append(created)
                    nextSibling.append(-1)
                } else {
                    // Prepend; rows are sorted when flattened.
                    nextSibling.append(firstChild[Int(state)])
                    firstChild[Int(state)] = created
                }
                state = created
            }
            // Keep the order of the patterns that end at the same state (identical patterns).
            if ownHead[Int(state)] < 0 {
                ownHead[Int(state)] = Int32(index)
            } else {
                var last = ownHead[Int(state)]
                while nextOwn[Int(last)] >= 0 { last = nextOwn[Int(last)] }
                nextOwn[Int(last)] = Int32(index)
            }
        }

        // Failure links, breadth first.
        let stateCount = label.count
        var fail = [Int32](repeating: 0, count: stateCount)
        var queue: [Int32] = rootChildren
        queue.reserveCapacity(stateCount)
        var head = 0
        func step(_ state: Int32, _ cls: UInt16) -> Int32 {
            var s = state
            while true {
                if s == 0 { return root[Int(cls)] }
                let next = child(s, cls)
                if next != 0 { return next }
                s = fail[Int(s)]
            }
        }
        while head < queue.count {
            let state = queue[head]
            head += 1
            var c = firstChild[Int(state)]
            while c >= 0 {
                fail[Int(c)] = state == 0 ? 0 : step(fail[Int(state)], label[Int(c)])
                queue.append(c)
                c = nextSibling[Int(c)]
            }
        }

        // Flat rows: children sorted by class; outputs longest first (a state's own patterns, then those of
        // its failure chain, which are ever shorter suffixes).
        var childStart: [Int32] = [0]
        var childClass: [UInt16] = []
        var childTarget: [Int32] = []
        var outputStart: [Int32] = [0]
        var outputs: [Int32] = []
        childStart.reserveCapacity(stateCount + 1)
        childClass.reserveCapacity(stateCount)
        childTarget.reserveCapacity(stateCount)
        outputStart.reserveCapacity(stateCount + 1)
        var row: [(UInt16, Int32)] = []
        for state in 0..<stateCount {
            if state != 0 {
                row.removeAll(keepingCapacity: true)
                var c = firstChild[state]
                while c >= 0 {
                    row.append((label[Int(c)], c))
                    c = nextSibling[Int(c)]
                }
                if row.count > 1 { row.sort { $0.0 < $1.0 } }
                for (cls, target) in row {
                    childClass.append(cls)
                    childTarget.append(target)
                }
            } else {
                for cls in 1..<classCount where root[cls] != 0 {
                    childClass.append(UInt16(cls))
                    childTarget.append(root[cls])
                }
            }
            childStart.append(Int32(childClass.count))
            var s = Int32(state)
            while s != 0 {
                var own = ownHead[Int(s)]
                while own >= 0 {
                    outputs.append(own)
                    own = nextOwn[Int(own)]
                }
                s = fail[Int(s)]
            }
            outputStart.append(Int32(outputs.count))
        }

        self.init(bmpClass: FlatArray(bmp), astralClass: astral, rootNext: FlatArray(root), childStart: FlatArray(childStart),
                  childClass: FlatArray(childClass), childTarget: FlatArray(childTarget), fail: FlatArray(fail),
                  outputStart: FlatArray(outputStart), outputs: FlatArray(outputs),
                  patternLength: FlatArray(patterns.map { Int32($0.count) }), maximumLength: patterns.map(\.count).max() ?? 0)
    }

    /// An automaton from its tables (a loaded snapshot, used in place; check it with `validate(patternCount:)`).
    init(bmpClass: FlatArray<UInt16>, astralClass: [UInt32: UInt16], rootNext: FlatArray<Int32>, childStart: FlatArray<Int32>,
         childClass: FlatArray<UInt16>, childTarget: FlatArray<Int32>, fail: FlatArray<Int32>, outputStart: FlatArray<Int32>,
         outputs: FlatArray<Int32>, patternLength: FlatArray<Int32>, maximumLength: Int) {
        self.bmpClass = bmpClass
        self.astralClass = astralClass
        self.rootNext = rootNext
        self.childStart = childStart
        self.childClass = childClass
        self.childTarget = childTarget
        self.fail = fail
        self.outputStart = outputStart
        self.outputs = outputs
        self.patternLength = patternLength
        self.maximumLength = maximumLength
    }

    var stateCount: Int { fail.count }

    /// The class of `scalar` (0 when it is in no pattern).
    @inline(__always)
    func classOf(_ scalar: UInt32) -> UInt16 {
        scalar < 0x10000 ? bmpClass[Int(scalar)] : (astralClass[scalar] ?? 0)
    }
}

extension PatternAutomaton {
    /// Runs `body` with raw buffers of the automaton (no bounds checks or retain traffic in hot loops).
    @inline(__always)
    func withTables<R>(_ body: (Tables) -> R) -> R {
        bmpClass.withUnsafeBufferPointer { bmp in
            rootNext.withUnsafeBufferPointer { root in
                childStart.withUnsafeBufferPointer { starts in
                    childClass.withUnsafeBufferPointer { classes in
                        childTarget.withUnsafeBufferPointer { targets in
                            fail.withUnsafeBufferPointer { fail in
                                outputStart.withUnsafeBufferPointer { outputStart in
                                    body(Tables(bmp: bmp, root: root, childStart: starts, childClass: classes,
                                                childTarget: targets, fail: fail, outputStart: outputStart,
                                                astral: astralClass))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    struct Tables {
        let bmp: UnsafeBufferPointer<UInt16>
        let root: UnsafeBufferPointer<Int32>
        let childStart: UnsafeBufferPointer<Int32>
        let childClass: UnsafeBufferPointer<UInt16>
        let childTarget: UnsafeBufferPointer<Int32>
        let fail: UnsafeBufferPointer<Int32>
        let outputStart: UnsafeBufferPointer<Int32>
        let astral: [UInt32: UInt16]

        @inline(__always)
        func classOf(_ scalar: UInt32) -> UInt16 {
            scalar < 0x10000 ? bmp[Int(scalar)] : (astral[scalar] ?? 0)
        }

        /// The state after reading class `cls` (non-zero) in `state`.
        @inline(__always)
        func next(_ state: Int32, _ cls: UInt16) -> Int32 {
            var s = state
            while s != 0 {
                let lower = Int(childStart[Int(s)])
                let upper = Int(childStart[Int(s) + 1])
                var i = lower
                while i < upper {
                    let c = childClass[i]
                    if c == cls { return childTarget[i] }
                    if c > cls { break }
                    i += 1
                }
                s = fail[Int(s)]
            }
            return root[Int(cls)]
        }

        @inline(__always)
        func hasOutput(_ state: Int32) -> Bool {
            outputStart[Int(state)] != outputStart[Int(state) + 1]
        }
    }
}
