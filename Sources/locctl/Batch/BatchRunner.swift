import Foundation
import Localize
import Regions
import Subtitles
import Synchronization
import TextServices

/// Runs one job per input in parallel, shows progress on a terminal, and stops cleanly on SIGINT/SIGTERM.
struct BatchRunner {
    /// The outcome of one job.
    enum Outcome: Sendable {
        case done(message: String?)
        case skipped(reason: String)
        case failed(message: String)
    }

    var label: String
    var showProgress: Bool = isatty(STDERR_FILENO) != 0

    /// Runs `job` for every item, at most `ProcessInfo.activeProcessorCount` at a time; returns outcomes in input order.
    func run<Item: Sendable>(_ items: [Item], name: @Sendable (Item) -> String,
                             job: @escaping @Sendable (Item) -> Outcome) -> [Outcome] {
        Interruption.install()
        let results = ResultBox<Outcome>(count: items.count)
        let progress = ProgressLine(label: label, total: items.count, enabled: showProgress && items.count > 1)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            if Interruption.requested { return }
            let outcome = job(items[i])
            results.set(i, outcome)
            progress.advance(name(items[i]))
        }
        progress.finish()
        if Interruption.requested {
            TempFiles.shared.removeAll()
            let all = results.all
            var finished: [String] = []
            for (i, outcome) in all.enumerated() {
                if case .done? = outcome { finished.append(name(items[i])) }
            }
            var lines = ["locctl: interrupted; \(finished.count) of \(items.count) finished, no partial files left"]
            lines += finished.map { "  finished: \($0)" }
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            exit(130)
        }
        return results.all.map { $0 ?? .failed(message: "not run") }
    }
}

/// One result slot per batch item, filled from worker threads.
struct ResultBox<T>: Sendable {
    private let items: Locked<[T?]>
    init(count: Int) { items = Locked(Array(repeating: nil, count: count)) }
    func set(_ i: Int, _ v: T) { items.withLock { $0[i] = v } }
    var all: [T?] { items.value }
}

/// A single updating progress line on stderr.
struct ProgressLine: Sendable {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private let state = Locked((done: 0, lastDraw: Date.distantPast))

    init(label: String, total: Int, enabled: Bool) {
        self.label = label
        self.total = total
        self.enabled = enabled
    }

    func advance(_ name: String) {
        state.withLock { state in
            state.done += 1
            guard enabled, Date().timeIntervalSince(state.lastDraw) > 0.1 || state.done == total else { return }
            state.lastDraw = Date()
            draw(done: state.done, name: name)
        }
    }

    private func draw(done: Int, name: String) {
        let width = 24
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let short = name.count > 40 ? "…" + name.suffix(39) : name
        FileHandle.standardError.write(Data("\r\u{1B}[K\(label) \(bar) \(done)/\(total) \(short)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// SIGINT/SIGTERM turn into a counter that batch loops check between jobs.
///
/// The handler is a plain C signal handler that only increments an atomic (async-signal-safe), so it runs
/// even while every worker thread is busy — a `DispatchSource` handler would wait for a free GCD thread,
/// which `concurrentPerform` does not give back until the whole batch is done. A second signal stops at
/// once: a watcher thread (outside GCD) removes the temp files in progress and exits with 130.
enum Interruption {
    static let signals = Atomic<Int>(0)
    nonisolated(unsafe) private static var installed = false

    static var requested: Bool { signals.load(ordering: .relaxed) != 0 }

    static func install() {
        guard !installed else { return }
        installed = true
        _ = signals.load(ordering: .relaxed)   // initialise the global before a handler can touch it
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { _ in Interruption.signals.wrappingAdd(1, ordering: .relaxed) }
        }
        let watcher = Thread {
            while signals.load(ordering: .relaxed) < 2 { usleep(20_000) }
            TempFiles.shared.removeAll()
            FileHandle.standardError.write(Data("locctl: interrupted twice; stopped without waiting for files in progress\n".utf8))
            exit(130)
        }
        watcher.start()
    }
}
