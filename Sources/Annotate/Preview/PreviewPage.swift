import Foundation
import Localize
import Regions
import Subtitles
import TextServices

/// A self-contained HTML page that plays an episode's subtitles and pop-up notes with the browser's own
/// TextTrack API: the WebVTT metadata track and the subtitle track are embedded as `data:` URLs in `<track>`
/// elements, and the page shows a note in a top overlay on each metadata `cuechange`.
///
/// Over a `<video>` when a video path is given (referenced by relative path, never embedded); otherwise over a
/// silent WAV generated in the page (TextTrack cues only fire on a media element) driven by a play button and a
/// timeline scrubber. Nothing is fetched from the network. Glossary text reaches the page only base64-encoded
/// (track URLs) or as JSON with `<`, `>`, `&` escaped, and is shown with `textContent`.
///
/// `?test=1` steps through every planned note start, records what the browser parsed and showed in
/// `<pre id="observations">` and ends with `RESULT: PASS` or `RESULT: FAIL`; `&hold=N` then stays on note N
/// (for screenshots).
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

    /// Length of the timeline in milliseconds: the last cue or note end plus two seconds.
    public var durationMs: Int64 {
        let ends = subtitles.cues.map(\.end.milliseconds) + plan.notes.map(\.end.milliseconds)
        return (ends.max() ?? 0) + 2000
    }

    public func render() throws -> String {
        let metadata = try WebVTTMetadataEmitter().render(plan)
        let subtitleVTT = try Self.webVTT(subtitles)
        let planJSON = "[" + plan.notes.map { n in
            JSONText.object([("symbol", JSONText.quote(n.symbolID)), ("term", JSONText.quote(n.term)),
                             ("start", String(n.start.milliseconds)), ("end", String(n.end.milliseconds))])
        }.joined(separator: ",") + "]"
        let lang = plan.notes.first?.glossLanguage ?? "en"
        var html = """
        <!DOCTYPE html>
        <html lang="\(Self.escape(lang))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; media-src data: blob: file: *; img-src data:">
        <title>\(Self.escape(title))</title>
        <style>
        body { margin: 0; background: #222; color: #eee; font: 14px/1.4 system-ui, sans-serif; }
        main { display: flex; flex-direction: column; align-items: center; gap: 8px; padding: 8px; }
        #stage { position: relative; width: 360px; height: 640px; background: linear-gradient(#3a3f55, #1b1d26); overflow: hidden; border-radius: 6px; }
        #media { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; }
        #media.silent { visibility: hidden; }
        #note { position: absolute; top: 3%; left: 5%; width: 90%; box-sizing: border-box; padding: 8px 10px; border-radius: 6px;
                background: rgba(255, 248, 220, 0.94); color: #222; text-align: center; }
        #note.bottom { top: auto; bottom: 28%; }
        #note .term { font-weight: 700; }
        #note .analogy { font-style: italic; margin-top: 4px; }
        #note .status { font-size: 11px; color: #a33; }
        #subtitle { position: absolute; bottom: 8%; left: 5%; width: 90%; text-align: center; font-size: 18px; white-space: pre-line;
                    text-shadow: 0 0 3px #000, 0 0 3px #000; }
        #controls { display: flex; gap: 8px; align-items: center; width: 360px; }
        #scrub { flex: 1; }
        #observations { width: 360px; white-space: pre-wrap; font-size: 11px; color: #aaa; }
        </style>
        </head>
        <body>
        <main>
        <h1 style="font-size:15px;margin:0">\(Self.escape(title))</h1>
        <div id="stage">

        """
        let metadataURL = "data:text/vtt;charset=utf-8;base64," + Data(metadata.utf8).base64EncodedString()
        let subtitlesURL = "data:text/vtt;charset=utf-8;base64," + Data(subtitleVTT.utf8).base64EncodedString()
        if let videoPath {
            html += "<video id=\"media\" playsinline preload=\"auto\" src=\"\(Self.escape(Self.relativeURL(videoPath)))\">\n"
        } else {
            html += "<video id=\"media\" class=\"silent\" playsinline preload=\"auto\">\n"
        }
        html += "<track id=\"subs\" kind=\"subtitles\" label=\"Subtitles\" srclang=\"\(Self.escape(subtitles.language ?? "und"))\" src=\"\(subtitlesURL)\">\n"
        html += "<track id=\"notes\" kind=\"metadata\" label=\"Cultural notes\" src=\"\(metadataURL)\">\n"
        html += "</video>\n"
        html += """
        <div id="subtitle"></div>
        <div id="note" hidden><div class="term"></div><div class="gloss"></div><div class="analogy"></div><div class="status"></div></div>
        </div>
        <div id="controls"><button id="play" type="button">Play</button><input id="scrub" type="range" min="0" max="\(durationMs)" step="10" value="0"><span id="clock">0.0 s</span></div>
        <pre id="observations"></pre>
        </main>
        <script id="plan" type="application/json">\(planJSON)</script>
        <script>
        \(Self.script(durationMs: durationMs, silent: videoPath == nil))
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

    static func script(durationMs: Int64, silent: Bool) -> String {
        """
        "use strict";
        (function () {
          const DURATION = \(durationMs) / 1000;
          const SILENT = \(silent);
          const params = new URLSearchParams(location.search);
          const TEST = params.get("test") === "1";
          const HOLD = params.has("hold") ? parseInt(params.get("hold"), 10) : null;
          const plan = JSON.parse(document.getElementById("plan").textContent);
          const media = document.getElementById("media");
          const noteBox = document.getElementById("note");
          const subBox = document.getElementById("subtitle");
          const scrub = document.getElementById("scrub");
          const clock = document.getElementById("clock");
          const out = document.getElementById("observations");
          const log = [];
          const cueChanges = [];
          function observe(line) { log.push(line); out.textContent = log.join("\\n"); }

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

          const subsEl = document.getElementById("subs"), notesEl = document.getElementById("notes");
          const subs = subsEl.track, notes = notesEl.track;
          subs.mode = "hidden";
          notes.mode = "hidden";

          function showNote(cue) {
            if (!cue) { noteBox.hidden = true; return null; }
            let data;
            try { data = JSON.parse(cue.text); } catch (e) { observe("bad payload at " + cue.startTime + ": " + e); return null; }
            noteBox.querySelector(".term").textContent = data.term;
            noteBox.querySelector(".gloss").textContent = data.gloss;
            noteBox.querySelector(".analogy").textContent = data.analogy || "";
            noteBox.querySelector(".status").textContent = data.status === "draft" ? "draft — not yet reviewed" : "";
            noteBox.classList.toggle("bottom", data.position === "bottom");
            noteBox.hidden = false;
            return data;
          }
          notes.addEventListener("cuechange", () => {
            const active = notes.activeCues;
            const cue = active && active.length ? active[active.length - 1] : null;
            const data = showNote(cue);
            cueChanges.push({ t: media.currentTime, symbol: data ? data.symbol : null });
          });
          subs.addEventListener("cuechange", () => {
            const active = subs.activeCues;
            subBox.textContent = active && active.length ? Array.from(active).map(c => c.text).join("\\n") : "";
          });

          document.getElementById("play").addEventListener("click", () => {
            if (media.paused) { media.play(); } else { media.pause(); }
          });
          media.addEventListener("play", () => { document.getElementById("play").textContent = "Pause"; });
          media.addEventListener("pause", () => { document.getElementById("play").textContent = "Play"; });
          scrub.addEventListener("input", () => { media.currentTime = scrub.value / 1000; });
          media.addEventListener("timeupdate", () => {
            scrub.value = Math.round(media.currentTime * 1000);
            clock.textContent = media.currentTime.toFixed(1) + " s";
          });

          function loaded(el) {
            return new Promise(resolve => {
              if (el.readyState === 2) return resolve(true);
              if (el.readyState === 3) return resolve(false);
              el.addEventListener("load", () => resolve(true), { once: true });
              el.addEventListener("error", () => resolve(false), { once: true });
            });
          }
          function seek(seconds) {
            return new Promise(resolve => {
              // "seeked" can be skipped when the position does not change; never wait for it forever.
              let settled = false;
              const done = () => { if (!settled) { settled = true; setTimeout(resolve, 60); } };
              media.addEventListener("seeked", done, { once: true });
              setTimeout(done, 1500);
              media.currentTime = seconds;
            });
          }
          // The browser updates activeCues asynchronously after a seek ("time marches on"): poll until the
          // expected state shows or the time runs out, then record what the browser really shows.
          function waitFor(predicate, ms) {
            return new Promise(resolve => {
              const until = Date.now() + ms;
              const tick = () => (predicate() || Date.now() > until) ? resolve() : setTimeout(tick, 50);
              tick();
            });
          }
          function mediaReady() {
            return new Promise(resolve => {
              if (media.readyState >= 1) return resolve();
              media.addEventListener("loadedmetadata", () => resolve(), { once: true });
            });
          }

          async function runTest() {
            const [okSubs, okNotes] = await Promise.all([loaded(subsEl), loaded(notesEl), mediaReady()]);
            observe("tracks loaded: subtitles=" + okSubs + " metadata=" + okNotes);
            observe("metadata cues: " + (notes.cues ? notes.cues.length : 0));
            observe("subtitle cues: " + (subs.cues ? subs.cues.length : 0));
            observe("planned notes: " + plan.length);
            let failures = 0;
            if (!notes.cues || notes.cues.length !== plan.length) { failures++; observe("FAIL: cue count differs from plan"); }
            for (let i = 0; i < plan.length; i++) {
              const p = plan[i];
              const cue = notes.cues ? notes.cues[i] : null;
              const startOk = cue && Math.round(cue.startTime * 1000) === p.start && Math.round(cue.endTime * 1000) === p.end;
              await seek(p.start / 1000 + 0.05);
              const activeSymbols = () => Array.from(notes.activeCues || []).map(c => { try { return JSON.parse(c.text).symbol; } catch (e) { return "?"; } });
              await waitFor(() => activeSymbols().includes(p.symbol) && !noteBox.hidden &&
                                  noteBox.querySelector(".term").textContent === p.term, 8000);
              const active = Array.from(notes.activeCues || []).map(c => { try { return JSON.parse(c.text).symbol; } catch (e) { return "?"; } });
              const shownTerm = noteBox.hidden ? "" : noteBox.querySelector(".term").textContent;
              const ok = startOk && active.includes(p.symbol) && shownTerm === p.term;
              if (!ok) failures++;
              observe((ok ? "ok   " : "FAIL ") + "note " + (i + 1) + " " + p.symbol + " at " + (p.start / 1000).toFixed(3) +
                      " s: active=[" + active.join(",") + "] shown=\\"" + shownTerm + "\\"");
            }
            await seek(Math.max(0, DURATION - 0.5));
            await waitFor(() => noteBox.hidden, 8000);
            observe("after the last note: note hidden=" + noteBox.hidden);
            if (!noteBox.hidden) failures++;
            observe("cuechange events: " + cueChanges.length + " (" + cueChanges.filter(c => c.symbol).map(c => c.symbol + "@" + c.t.toFixed(2)).join(" ") + ")");
            if (HOLD !== null && plan[HOLD]) { await seek(plan[HOLD].start / 1000 + 0.05); observe("holding on note " + (HOLD + 1)); }
            observe("RESULT: " + (failures === 0 ? "PASS" : "FAIL (" + failures + ")"));
            document.body.dataset.result = failures === 0 ? "pass" : "fail";
          }
          if (TEST) runTest().catch(e => observe("RESULT: FAIL (" + e + ")"));
        })();
        """
    }
}
