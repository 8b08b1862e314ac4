import ArgumentParser
import Foundation
import Localize
import Regions
import Subtitles

extension LocCtl {
    /// `locctl convert`: read subtitle files in any known format and write them in another.
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert subtitle files between SRT, WebVTT and TTML/IMSC (ASS is read).",
            discussion: """
                Inputs may be files or directories. Inputs are never overwritten; outputs are written atomically. \
                An output that exists, is at least as new as its input and was made with the same options (a hidden .NAME.locctl-stamp beside it) is skipped (up to date); --force redoes it. \
                Interrupted (Ctrl-C, SIGTERM), locctl finishes the files in progress, removes partial files, \
                lists what finished and exits with 130. Exit codes: 0 success, 1 an input failed, 64 usage, 130 interrupted.
                """
        )

        @Argument(help: "Subtitle files or directories to convert.")
        var inputs: [String]

        @Option(name: .shortAndLong, help: "Output file (one input only).")
        var output: String?

        @Option(name: .customLong("out-dir"), help: "Directory for outputs (many inputs; created if missing).")
        var outDir: String?

        @Option(help: "Output format. Default: from -o's extension.")
        var to: OutputFormat?

        @Option(help: "Input format, when neither the extension nor the content tells it.")
        var from: String?

        @Option(help: "Input text encoding (e.g. GB18030, Big5, UTF-16LE); detected when omitted.")
        var encoding: String?

        @Flag(help: "Treat recoverable problems in lenient formats (SRT) as errors.")
        var strict = false

        @Flag(name: .customLong("vtt-compat"),
              help: "WebVTT output for old players (Debian's ffmpeg 5.1): no STYLE or REGION blocks; region placement becomes cue settings.")
        var vttCompat = false

        @Flag(help: "Convert even when an output is already newer than its input.")
        var force = false

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            if output != nil && outDir != nil { throw ValidationError("Use either -o or --out-dir, not both.") }
            if output == nil && outDir == nil { throw ValidationError("Name an output with -o FILE or --out-dir DIR.") }
            if output == nil, to == nil { throw ValidationError("--out-dir needs --to FORMAT.") }
        }

        func run() throws { try reportingUsageErrors(execute) }

        private func execute() throws {
            let files = try InputFiles.expand(inputs, extensions: Set(SubtitleFormats.all.flatMap(\.extensions)))
            if output != nil && files.count != 1 {
                throw ValidationError("-o takes exactly one input; \(files.count) found. Use --out-dir.")
            }
            let plan = try files.map { input -> (URL, URL, String) in
                let (dest, format) = try destination(for: input)
                if dest.standardizedFileURL.resolvingSymlinksInPath().path == input.standardizedFileURL.resolvingSymlinksInPath().path {
                    throw ValidationError("\(input.path): output would overwrite the input; choose another name or directory.")
                }
                return (input, dest, format)
            }
            if let outDir {   // created when missing, like every batch command's --out-dir
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: outDir, isDirectory: &isDir) {
                    guard isDir.boolValue else { throw CommandFailure("\(outDir): output directory is not a directory") }
                } else {
                    do { try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true) } catch {
                        throw CommandFailure("\(outDir): cannot create the output directory")
                    }
                }
            }
            let options = DecodeOptions(strict: strict)
            let from = self.from, encoding = self.encoding, quiet = self.quiet, force = self.force, strict = self.strict, vttCompat = self.vttCompat
            let warnings = InputWarnings(quiet: quiet)
            let outcomes = BatchRunner(label: "convert").run(plan, name: { $0.0.lastPathComponent }) { item in
                let (input, dest, format) = item
                let fingerprint = UpToDate.fingerprint("convert", ["input": input.standardizedFileURL.path, "from": from,
                                                                   "encoding": encoding, "strict": String(strict), "to": format,
                                                                   "vttCompat": vttCompat ? "1" : nil])
                if !force, UpToDate.isCurrent(dest, inputs: [input], fingerprint: fingerprint) {
                    return .skipped(reason: "\(input.path) → \(dest.path) (up to date; --force to redo)")
                }
                func done(_ diagnostics: [Diagnostic], cues: Int, format: String, encoding: String) -> BatchRunner.Outcome {
                    UpToDate.record(dest, fingerprint: fingerprint)
                    let dropped = diagnostics.filter(\.dropsCue).count
                    let counts = "\(cues) cues" + (dropped > 0 ? ", \(dropped) dropped" : "")
                    return .done(message: quiet ? nil : "\(input.path) → \(dest.path) (\(format), \(encoding), \(counts))")
                }
                do {
                    try InputLimit.check(input)
                    // SRT/WebVTT in UTF-8 to SRT/WebVTT streams in bounded memory; anything it cannot do exactly reads the whole file.
                    // LOCCTL_STREAMING=0 forces the whole-file path (for comparing the two, e.g. scripts/bench-rss.sh).
                    // --vtt-compat (STYLE/REGION folded away) always takes the whole-file path.
                    if !vttCompat, ProcessInfo.processInfo.environment["LOCCTL_STREAMING"] != "0",
                       let streamed = StreamingConversion.convert(input, to: dest, format: format, from: from, encoding: encoding, strict: strict) {
                        warnings.report(streamed.diagnostics, file: input.path)
                        return done(streamed.diagnostics, cues: streamed.cueCount, format: streamed.format, encoding: streamed.encoding)
                    }
                    let loaded = try SubtitleFile.read(input, format: from, encoding: encoding, options: options)
                    warnings.report(loaded.diagnostics, file: input.path)
                    try SubtitleFile.write(loaded.track, to: dest, format: format, options: EncodeOptions(webVTTCompatible: vttCompat))
                    return done(loaded.diagnostics, cues: loaded.track.cues.count, format: loaded.format, encoding: loaded.encoding)
                } catch {
                    return .failed(message: "\(error)")
                }
            }
            try Report.outcomes(outcomes, quiet: quiet)
            warnings.printSummary()
        }

        private func destination(for input: URL) throws -> (URL, String) {
            if let output {
                let url = URL(fileURLWithPath: output)
                let format = to?.identifier ?? url.pathExtension
                guard SubtitleFormats.codec(named: format)?.canEncode == true else {
                    throw ValidationError("Cannot tell the output format from '\(output)'; add --to.")
                }
                return (url, format)
            }
            let format = to!.identifier
            let ext = SubtitleFormats.codec(named: format)!.extensions[0]
            let dir = URL(fileURLWithPath: outDir!)
            return (dir.appendingPathComponent(input.deletingPathExtension().lastPathComponent + "." + ext), format)
        }
    }
}
