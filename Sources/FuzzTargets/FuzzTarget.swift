import Foundation

/// One fuzzed input kind: a name (as given to `scripts/fuzz.sh` and `LOCCTL_FUZZ_TARGET`) and a function
/// that feeds arbitrary bytes to a reader. A target must never crash, hang or grow without bound; a
/// property it checks (what we write we can read back) traps with `preconditionFailure` so libFuzzer
/// records the input.
///
/// Adding a target is one file: an extension of `FuzzTarget` with a `static let`, plus its name in
/// `FuzzTarget.all`. A new subtitle codec needs no file at all: `codec:NAME` fuzzes any codec that
/// `SubtitleFormats.codec(named:)` knows.
public struct FuzzTarget: Sendable {
    public var name: String
    /// Why the target cannot run here (e.g. its codec is not registered yet); nil when it can.
    public var unavailable: @Sendable () -> String?
    public var run: @Sendable ([UInt8]) -> Void

    public init(name: String, unavailable: @escaping @Sendable () -> String? = { nil }, run: @escaping @Sendable ([UInt8]) -> Void) {
        self.name = name
        self.unavailable = unavailable
        self.run = run
    }

    /// Every fixed target; `codec:NAME` targets are made on demand by `named(_:)`.
    public static let all: [FuzzTarget] = [textDecoder, sniffAndDecode, safeXML, glossaryYAML, regionYAML, matcher, tbx]

    /// The target called `name`: one of `all`, or `codec:NAME` for a subtitle codec by registry name.
    public static func named(_ name: String) -> FuzzTarget? {
        if name.hasPrefix("codec:") { return subtitleCodec(String(name.dropFirst("codec:".count))) }
        return all.first { $0.name == name }
    }

    /// The repository root (for the shipped glossaries); `LOCCTL_ROOT` overrides.
    static var repositoryRoot: URL {
        if let root = ProcessInfo.processInfo.environment["LOCCTL_ROOT"] { return URL(fileURLWithPath: root) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
