import Foundation
import Localize
import Regions
import Subtitles
import TextServices

/// A self-contained HTML page that plays an episode's subtitles and pop-up notes with the notes player
/// plug-in (`player/locctl-notes.js`, inlined as a module script, so the page is one file and the same code
/// a real player page uses): the WebVTT metadata track and the subtitle track are embedded as `data:` URLs in
/// `<track>` elements, and the plug-in shows a mark while a note is active and opens its card on demand.
///
/// Over a `<video>` when a video path is given (referenced by relative path, never embedded); otherwise over a
/// silent WAV generated in the page (TextTrack cues only fire on a media element) driven by a play button and a
/// timeline scrubber. Nothing is fetched from the network. Glossary text reaches the page only base64-encoded
/// (track URLs) and is shown with `textContent`.
public struct PreviewPage: Sendable {
    public var plan: AnnotationPlan
    public var subtitles: Track
    /// Path of the video relative to the page, if any.
    public var videoPath: String?
    public var title: String

    public init(plan: AnnotationPlan, subtitles: Track, videoPath: String? = nil, title: String? = nil) {
        self.plan = plan
        self.subtitles = subtitles
        self.videoPath = videoPath
        self.title = title ?? "\(plan.episode) — \(plan.region) notes preview"
    }

    /// The notes player module inlined into every page.
    public static var playerModule: String { PlayerModule.source }

    /// Length of the timeline in milliseconds: the last cue or note end plus two seconds.
    public var durationMs: Int64 {
        let ends = subtitles.cues.map(\.end.milliseconds) + plan.notes.map(\.end.milliseconds)
        return (ends.max() ?? 0) + 2000
    }

    public func render() throws -> String {
        let metadata = try WebVTTMetadataEmitter().render(plan)
        let subtitleVTT = try Self.webVTT(subtitles)
        let lang = plan.notes.first?.glossLanguage ?? subtitles.language ?? "en"
        let metadataURL = "data:text/vtt;charset=utf-8;base64," + Data(metadata.utf8).base64EncodedString()
        let subtitlesURL = "data:text/vtt;charset=utf-8;base64," + Data(subtitleVTT.utf8).base64EncodedString()
        var html = """
        <!DOCTYPE html>
        <html lang="\(Self.escape(lang))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; media-src data: blob: file: *; img-src data:">
        <title>\(Self.escape(title))</title>
        <style>
        body { margin: 0; background: #222; color: #eee; font: 14px/1.4 system-ui, "Noto Sans", sans-serif; }
        main { display: flex; flex-direction: column; align-items: center; gap: 8px; padding: 8px; }
        #stage { position: relative; width: 360px; height: 640px; background: linear-gradient(#3a3f55, #1b1d26); overflow: hidden; border-radius: 6px; }
        #media { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; }
        #media.silent { visibility: hidden; }
        #subtitle { position: absolute; bottom: 8%; left: 5%; width: 90%; text-align: center; font-size: 18px; white-space: pre-line;
                    text-shadow: 0 0 3px #000, 0 0 3px #000; unicode-bidi: plaintext; }
        #controls { display: flex; gap: 8px; align-items: center; width: 360px; }
        #scrub { flex: 1; }
        </style>
        </head>
        <body>
        <main>
        <h1 style="font-size:15px;margin:0">\(Self.escape(title))</h1>
        <div id="stage">

        """
        if let videoPath {
            html += "<video id=\"media\" playsinline preload=\"auto\" src=\"\(Self.escape(Self.relativeURL(videoPath)))\">\n"
        } else {
            html += "<video id=\"media\" class=\"silent\" playsinline preload=\"auto\">\n"
        }
        html += "<track id=\"subs\" kind=\"subtitles\" label=\"Subtitles\" srclang=\"\(Self.escape(subtitles.language ?? "und"))\" src=\"\(subtitlesURL)\">\n"
        html += "<track id=\"notes\" kind=\"metadata\" label=\"Cultural notes\" data-locctl-notes src=\"\(metadataURL)\">\n"
        html += "</video>\n"
        html += """
        <div id="subtitle"></div>
        </div>
        <div id="controls"><button id="play" type="button">Play</button><input id="scrub" type="range" min="0" max="\(durationMs)" step="10" value="0" aria-label="Position"><span id="clock">0.0 s</span></div>
        </main>
        <script type="module">
        \(Self.playerModule)
        \(Self.bootstrap(durationMs: durationMs, silent: videoPath == nil))
        </script>
        </body>
        </html>

        """
        return html
    }

    /// A minimal WebVTT rendering of the subtitle track (plain text, escaped) for the page.
    static func webVTT(_ track: Track) throws -> String {
        var plain = Track()
        plain.cues = track.cues.compactMap { cue in
            let lines = cue.text.lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return lines.isEmpty ? nil : Cue(timing: cue.timing, text: CueText(plain: lines.joined(separator: "\n")))
        }
        return try WebVTTCodec().encode(plain, options: EncodeOptions())
    }

    static func escape(_ s: String) -> String {
        HTMLText.escape(s)
    }

    /// A relative file path as a URL path (percent-encoded segments).
    static func relativeURL(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map {
            String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? String($0)
        }.joined(separator: "/")
    }

    /// The page's own part: the silent timeline, the subtitle line and the controls; notes are the plug-in's.
    static func bootstrap(durationMs: Int64, silent: Bool) -> String {
        """
        const DURATION = \(durationMs) / 1000;
        const SILENT = \(silent);
        const media = document.getElementById("media");
        const subBox = document.getElementById("subtitle");
        const scrub = document.getElementById("scrub");
        const clock = document.getElementById("clock");
        const play = document.getElementById("play");
        // A silent 8 kHz 8-bit mono WAV as long as the episode, so the TextTrack machinery runs without a video.
        function silentWav(seconds) {
          const rate = 8000, n = Math.ceil(seconds * rate);
          const buf = new ArrayBuffer(44 + n), v = new DataView(buf);
          const tag = (o, s) => { for (let i = 0; i < 4; i++) v.setUint8(o + i, s.charCodeAt(i)); };
          tag(0, "RIFF"); v.setUint32(4, 36 + n, true); tag(8, "WAVE"); tag(12, "fmt ");
          v.setUint32(16, 16, true); v.setUint16(20, 1, true); v.setUint16(22, 1, true);
          v.setUint32(24, rate, true); v.setUint32(28, rate, true); v.setUint16(32, 1, true); v.setUint16(34, 8, true);
          tag(36, "data"); v.setUint32(40, n, true);
          new Uint8Array(buf, 44).fill(128);
          return URL.createObjectURL(new Blob([buf], { type: "audio/wav" }));
        }
        if (SILENT) media.src = silentWav(DURATION);
        const subs = document.getElementById("subs").track;
        subs.mode = "hidden";
        subs.addEventListener("cuechange", () => {
          const active = subs.activeCues;
          subBox.textContent = active && active.length ? Array.from(active).map(c => c.text).join("\\n") : "";
        });
        play.addEventListener("click", () => { if (media.paused) { media.play(); } else { media.pause(); } });
        media.addEventListener("play", () => { play.textContent = "Pause"; });
        media.addEventListener("pause", () => { play.textContent = "Play"; });
        scrub.addEventListener("input", () => { media.currentTime = scrub.value / 1000; });
        media.addEventListener("timeupdate", () => {
          scrub.value = Math.round(media.currentTime * 1000);
          clock.textContent = media.currentTime.toFixed(1) + " s";
        });
        window.locctlNotes = attachNotes(media, { container: document.getElementById("stage"), track: document.getElementById("notes").track });
        """
    }
}
