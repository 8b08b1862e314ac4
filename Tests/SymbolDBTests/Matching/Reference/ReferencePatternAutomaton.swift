@testable import SymbolDB
import TextServices

// Reference copy (commit cdef850), see ReferenceSymbolMatcher.swift.
/// A multi-pattern Aho–Corasick automaton over code points, laid out flat for speed.
///
/// Code points are first mapped to dense classes (0 = in no pattern), through a 64 K table for the
/// Basic Multilingual Plane and a dictionary above it; extra code points (Traditional variants) can share
/// a class with the code point they fold to. The root has a dense transition row; other states keep their
/// few children in sorted compressed rows and fall back along failure links. Every state lists the
/// patterns that end there, its own and those of its suffixes.
struct ReferencePatternAutomaton: Sendable {
    /// Code point → class for U+0000…U+FFFF (0 = not in any pattern).
    let bmpClass: [UInt16]
    /// Code point → class above U+FFFF.
    let astralClass: [UInt32: UInt16]
    /// Root transitions by class (0 = stay at the root).
    let rootNext: [Int32]
    /// Children of state `s`: `childClass[childStart[s]..<childStart[s + 1]]`, sorted, with targets.
    let childStart: [Int32]
    let childClass: [UInt16]
    let childTarget: [Int32]
    let fail: [Int32]
    /// Patterns ending at state `s`: `outputs[outputStart[s]..<outputStart[s + 1]]`.
    let outputStart: [Int32]
    let outputs: [Int32]
    /// Length of each pattern in code points.
    let patternLength: [Int32]
    /// The longest pattern, in code points.
    let maximumLength: Int

    /// Builds the automaton for `patterns` (sequences of code points, already folded; none empty).
    /// `variants` maps further input code points to the pattern code point they stand for.
    init(patterns: [[UInt32]], variants: [UInt32: UInt32] = [:]) {
        var classOf: [UInt32: UInt16] = [:]
        for pattern in patterns {
            for scalar in pattern where classOf[scalar] == nil {
                precondition(classOf.count < Int(UInt16.max) - 1, "too many distinct characters in patterns")
                classOf[scalar] = UInt16(classOf.count + 1)
            }
        }
        for (variant, target) in variants where classOf[variant] == nil {
            if let cls = classOf[target] { classOf[variant] = cls }
        }
        var bmp = [UInt16](repeating: 0, count: 0x10000)
        var astral: [UInt32: UInt16] = [:]
        for (scalar, cls) in classOf {
            if scalar < 0x10000 { bmp[Int(scalar)] = cls } else { astral[scalar] = cls }
        }
        let classCount = Set(classOf.values).count + 1

        // The trie.
        var edges: [[(UInt16, Int32)]] = [[]]
        var ends: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() {
            var state = 0
            for scalar in pattern {
                let cls = classOf[scalar]!
                if let next = edges[state].first(where: { $0.0 == cls })?.1 {
                    state = Int(next)
                } else {
                    edges.append([])
                    ends.append([])
                    let next = Int32(edges.count - 1)
                    edges[state].append((cls, next))
                    state = Int(next)
                }
            }
            ends[state].append(Int32(index))
        }

        // Failure links and inherited outputs, breadth first.
        let stateCount = edges.count
        var fail = [Int32](repeating: 0, count: stateCount)
        var root = [Int32](repeating: 0, count: classCount)
        for (cls, child) in edges[0] { root[Int(cls)] = child }
        var queue: [Int32] = edges[0].map { $0.1 }
        var head = 0
        func step(_ state: Int32, _ cls: UInt16) -> Int32 {
            var s = state
            while true {
                if s == 0 { return root[Int(cls)] }
                if let next = edges[Int(s)].first(where: { $0.0 == cls })?.1 { return next }
                s = fail[Int(s)]
            }
        }
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (cls, child) in edges[Int(state)] {
                fail[Int(child)] = state == 0 ? 0 : step(fail[Int(state)], cls)
                ends[Int(child)].append(contentsOf: ends[Int(fail[Int(child)])])
                queue.append(child)
            }
        }

        var childStart: [Int32] = [0]
        var childClass: [UInt16] = []
        var childTarget: [Int32] = []
        var outputStart: [Int32] = [0]
        var outputs: [Int32] = []
        for state in 0..<stateCount {
            for (cls, child) in edges[state].sorted(by: { $0.0 < $1.0 }) {
                childClass.append(cls)
                childTarget.append(child)
            }
            childStart.append(Int32(childClass.count))
            // Longest first, so the first output is the longest pattern ending here.
            outputs.append(contentsOf: ends[state].sorted { patterns[Int($0)].count > patterns[Int($1)].count })
            outputStart.append(Int32(outputs.count))
        }

        self.bmpClass = bmp
        self.astralClass = astral
        self.rootNext = root
        self.childStart = childStart
        self.childClass = childClass
        self.childTarget = childTarget
        self.fail = fail
        self.outputStart = outputStart
        self.outputs = outputs
        self.patternLength = patterns.map { Int32($0.count) }
        self.maximumLength = patterns.map(\.count).max() ?? 0
    }

    var stateCount: Int { fail.count }

    /// The class of `scalar` (0 when it is in no pattern).
    @inline(__always)
    func classOf(_ scalar: UInt32) -> UInt16 {
        scalar < 0x10000 ? bmpClass[Int(scalar)] : (astralClass[scalar] ?? 0)
    }
}

extension ReferencePatternAutomaton {
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
