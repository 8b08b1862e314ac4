import Foundation
import FuzzTargets

// One libFuzzer executable for every input kind; the kind comes from LOCCTL_FUZZ_TARGET
// (`text-decoder`, `sniff`, `xml`, `glossary`, `region`, `matcher`, `codec:srt`, `codec:vtt`, …).
//
// Built with `-Xswiftc -DLOCCTL_FUZZ -Xswiftc -sanitize=fuzzer,address` (see scripts/fuzz.sh), `main`
// hands control to libFuzzer's driver (`LLVMFuzzerRunDriver`; SwiftPM gives every executable its own
// `main`, so libFuzzer's cannot be used). In an ordinary build `main` replays files instead:
//     locctl-fuzz TARGET FILE...   runs each file through the target once (reproduces a crash).

/// The selected target, resolved once; exits when it is unknown or cannot run here.
private let selected: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["LOCCTL_FUZZ_TARGET"] ?? ""
    return resolve(name)
}()

private func resolve(_ name: String) -> FuzzTarget {
    guard let target = FuzzTarget.named(name) else {
        let names = (FuzzTarget.all.map(\.name) + ["codec:NAME"]).joined(separator: ", ")
        FileHandle.standardError.write(Data("locctl-fuzz: unknown target '\(name)' (known: \(names))\n".utf8))
        exit(64)
    }
    if let why = target.unavailable() {
        FileHandle.standardError.write(Data("locctl-fuzz: target \(name) unavailable: \(why)\n".utf8))
        exit(77)   // "skipped" for scripts/fuzz.sh
    }
    return target
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    selected.run(bytes)
    return 0
}

#if LOCCTL_FUZZ
/// libFuzzer's entry point for programs that have their own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<CInt>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                       _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
enum FuzzDriver {
    static func main() {
        _ = selected   // resolve (or refuse) the target before libFuzzer starts
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
    }
}
#else
@main
enum FuzzReplay {
    static func main() {
        let args = CommandLine.arguments.dropFirst()
        guard let name = args.first else {
            FileHandle.standardError.write(Data("usage: locctl-fuzz TARGET FILE...\n".utf8))
            exit(64)
        }
        let target = resolve(name)
        for path in args.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("locctl-fuzz: cannot read \(path)\n".utf8))
                exit(66)
            }
            target.run([UInt8](data))
            print("ok \(path)")
        }
    }
}
#endif
