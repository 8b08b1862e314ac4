#!/usr/bin/env python3
"""Real-browser test of the notes player plug-in (player/locctl-notes.js) and of `locctl preview`.

Headless Chromium driven by chromedriver through Selenium, on a real 9:16 WebM clip with a burnt-in timecode
made by ffmpeg, with the example episode's subtitles and notes. Checks, as a user would:
  * the mark appears when the first note's cue starts (waited for on the video's own cuechange/timeupdate);
  * a click on the mark opens the card (a modal dialog with focus inside) and pauses the video;
  * Esc closes it, playback resumes and focus returns to the mark;
  * keyboard only: Tab reaches the mark, Enter opens, Tab stays trapped in the card, Enter on Close closes;
  * the Arabic (ar-SA) card is laid out right to left (computed direction and DOM geometry);
  * mark and card stay inside the 9:16 safe area, clear of the subtitle line;
  * the same on the page `locctl preview` writes (built from the plug-in).
No sleeps-and-retries: every wait is on a browser event (cuechange, seeked, play, pause) with a timeout that fails.

Usage: player_test.py --locctl PATH [--out DIR] [--runs N]
"""
import argparse
import functools
import http.server
import json
import os
import pathlib
import shutil
import subprocess
import sys
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples/son-in-law"
FONT = "/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf"


class Failure(Exception):
    pass


def need(cond, what):
    if not cond:
        raise Failure(what)


def run(cmd, **kw):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kw)


def make_clip(path, seconds):
    """A 360x640 (9:16) WebM with the running time burnt in, so screenshots show where playback is."""
    if path.exists():
        return
    font = FONT if os.path.exists(FONT) else "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"
    text = f"drawtext=fontfile={font}:text='%{{pts\\:hms}}':x=(w-tw)/2:y=h*0.45:fontsize=36:fontcolor=white:box=1:boxcolor=black@0.5"
    run(["ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i", f"testsrc2=size=360x640:rate=10:duration={seconds}",
         "-vf", text, "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "150k", "-an", str(path)])


def build_fixtures(locctl, out):
    """Notes and subtitles for en-US and ar-SA, a plain page using the plug-in, and preview pages."""
    out.mkdir(parents=True, exist_ok=True)
    src, en = EXAMPLE / "ep01.zh.srt", EXAMPLE / "ep01.en.srt"
    for region in ("en-US", "ar-SA"):
        run([locctl, "annotate", str(en), "--source", str(src), "--region", region, "--format", "vtt,json",
             "--out-dir", str(out), "--quiet"])
        run([locctl, "preview", str(en), "--source", str(src), "--region", region, "--video", str(out / "clip.webm"),
             "-o", str(out / f"preview.{region}.html")])
    run([locctl, "convert", str(en), "--to", "vtt", "-o", str(out / "ep01.en.vtt")])
    for region in ("en-US", "ar-SA"):
        (out / f"plugin.{region}.html").write_text(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>plug-in {region}</title></head>
<body style="margin:0;background:#111">
<div id="frame" style="position:relative;width:360px;height:640px">
<video id="v" src="clip.webm" playsinline muted preload="auto" style="width:100%;height:100%">
  <track kind="subtitles" src="ep01.en.vtt" srclang="en" label="English" default>
  <track kind="metadata" src="ep01.{region}.notes.vtt" label="Cultural notes">
</video>
</div>
<script type="module">
  import {{ attachNotes }} from "/player/locctl-notes.js";
  window.locctlNotes = attachNotes(document.getElementById("v"));
</script>
</body></html>
""", encoding="utf-8")


def serve(directory):
    """A local HTTP server over the repository (ES modules do not load from file:// pages)."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--autoplay-policy=no-user-gesture-required", "--window-size=420,760", "--mute-audio"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(30)
    return driver


# Async scripts: each resolves on a browser event, or reports a timeout (which fails the test).
READY = """
const done = arguments[arguments.length - 1];
const v = document.querySelector("video");
const t = window.locctlNotes && window.locctlNotes.track;
const timer = setTimeout(() => done({error: "media or notes track not ready: readyState=" + v.readyState}), 20000);
function check() {
  if (!window.locctlNotes) return setTimeout(check, 20);   // module not run yet
  const tr = window.locctlNotes.track;
  if (v.readyState >= 1 && tr && tr.cues && tr.cues.length) {
    clearTimeout(timer);
    done({cues: Array.from(tr.cues).map(c => ({id: c.id, start: c.startTime, end: c.endTime, note: JSON.parse(c.text)})),
          duration: v.duration});
  }
}
v.addEventListener("loadedmetadata", check);
document.querySelectorAll("track").forEach(el => el.addEventListener("load", check));
check();
"""

# Play from just before `start` and report when the plug-in shows the mark (its cuechange handler fires it).
PLAY_TO_MARK = """
const [start, done] = [arguments[0], arguments[arguments.length - 1]];
const v = document.querySelector("video");
const timer = setTimeout(() => done({error: "no mark within 10 s of playing from " + (start - 0.6)}), 10000);
v.addEventListener("locctl:markshow", e => {
  clearTimeout(timer);
  const mark = document.querySelector(".locctl-mark");
  done({t: v.currentTime, symbol: e.detail.note.symbol, visible: !mark.hidden && mark.getClientRects().length > 0,
        text: mark.textContent, paused: v.paused});
}, {once: true});
v.addEventListener("seeked", () => { const p = v.play(); if (p) p.catch(err => done({error: "play: " + err})); }, {once: true});
v.currentTime = Math.max(0, start - 0.6);
"""

# Wait for the video's `event` (pause or play) unless it already is in that state.
WAIT_STATE = """
const [want, done] = [arguments[0], arguments[arguments.length - 1]];
const v = document.querySelector("video");
const ok = () => want === "paused" ? v.paused : !v.paused;
if (ok()) { done(true); } else {
  const timer = setTimeout(() => done(false), 5000);
  v.addEventListener(want === "paused" ? "pause" : "play", () => { clearTimeout(timer); done(ok()); }, {once: true});
}
"""

STATE = """
const v = document.querySelector("video");
const mark = document.querySelector(".locctl-mark"), card = document.querySelector(".locctl-card");
const stage = (window.locctlNotes.element.parentElement).getBoundingClientRect();
const r = el => { const b = el.getBoundingClientRect(); return {left: b.left, right: b.right, top: b.top, bottom: b.bottom}; };
const active = document.activeElement;
const sub = document.getElementById("subtitle");
return {paused: v.paused, markHidden: mark.hidden, cardHidden: card.hidden,
        cardRole: card.getAttribute("role"), modal: card.getAttribute("aria-modal"),
        focusInCard: card.contains(active), focusOnMark: active === mark, activeClass: active ? active.className : null,
        expanded: mark.getAttribute("aria-expanded"),
        cardDir: getComputedStyle(card).direction, markDir: getComputedStyle(mark).direction,
        stage: r(window.locctlNotes.element.parentElement), mark: r(mark), card: r(card),
        term: r(card.querySelector(".locctl-card-term")), close: r(card.querySelector(".locctl-card-close")),
        gloss: card.querySelector(".locctl-card-gloss").textContent,
        subtitle: sub ? r(sub) : null, time: v.currentTime};
"""


def check_page(driver, url, rtl, log, screenshot=None):
    driver.get(url)
    ready = driver.execute_async_script(READY)
    need("error" not in ready, f"{url}: {ready.get('error')}")
    cues = ready["cues"]
    need(len(cues) >= 1, f"{url}: no note cues")
    first = cues[0]
    # 1. The mark appears at the note's time.
    shown = driver.execute_async_script(PLAY_TO_MARK, first["start"])
    need("error" not in shown, f"{url}: {shown.get('error')}")
    need(shown["visible"], f"{url}: mark not visible")
    need(first["start"] - 0.05 <= shown["t"] <= first["start"] + 0.75,
         f"{url}: mark shown at {shown['t']:.2f} s, note starts at {first['start']:.2f} s")
    need(shown["text"] == first["note"]["teaser"], f"{url}: mark says {shown['text']!r}, expected the teaser")
    need(not shown["paused"], f"{url}: video not playing when the mark appeared")
    log(f"  mark '{shown['text']}' at {shown['t']:.2f} s (note {first['start']:.2f} s)")
    # 2. Click opens the card and pauses.
    driver.find_element(By.CSS_SELECTOR, ".locctl-mark").click()
    need(driver.execute_async_script(WAIT_STATE, "paused"), f"{url}: video did not pause on open")
    s = driver.execute_script(STATE)
    need(not s["cardHidden"] and s["cardRole"] == "dialog" and s["modal"] == "true", f"{url}: card not open as a modal dialog")
    need(s["focusInCard"], f"{url}: focus not moved into the card")
    need(s["expanded"] == "true", f"{url}: mark aria-expanded not true")
    term = first["note"]["term"]
    need(not s["gloss"].lower().startswith(term.lower()), f"{url}: gloss repeats the head")
    # Safe area: inside the frame, below the top 5 %, above the subtitle zone (bottom 30 %).
    st = s["stage"]
    h = st["bottom"] - st["top"]
    for part in ("mark", "card"):
        box = s[part]
        need(box["top"] >= st["top"] + 0.05 * h and box["bottom"] <= st["bottom"] - 0.29 * h
             and box["left"] >= st["left"] and box["right"] <= st["right"], f"{url}: {part} outside the safe area: {box} in {st}")
        if s["subtitle"]:
            need(box["bottom"] <= s["subtitle"]["top"], f"{url}: {part} overlaps the subtitle line")
    # 3. Arabic is right to left: computed direction, and the head starts at the right edge with Close on the left.
    if rtl:
        need(s["cardDir"] == "rtl" and s["markDir"] == "rtl", f"{url}: direction {s['cardDir']}/{s['markDir']}, expected rtl")
        need(s["close"]["right"] <= s["term"]["left"] + 1, f"{url}: Close is not left of the head in RTL")
        need(s["card"]["right"] - s["term"]["right"] < 24, f"{url}: head does not start at the right edge")
    else:
        need(s["cardDir"] == "ltr", f"{url}: direction {s['cardDir']}, expected ltr")
        need(s["close"]["left"] >= s["term"]["right"] - 1, f"{url}: Close is not right of the head in LTR")
    if screenshot:
        driver.save_screenshot(str(screenshot))
    # 4. Esc closes, playback resumes, focus returns to the mark.
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    need(driver.execute_async_script(WAIT_STATE, "playing"), f"{url}: playback did not resume after Esc")
    s = driver.execute_script(STATE)
    need(s["cardHidden"], f"{url}: Esc did not close the card")
    need(s["focusOnMark"] or s["markHidden"], f"{url}: focus did not return to the mark")
    log(f"  click → card ({s['cardDir']}), paused; Esc → closed, playing")
    # 5. Keyboard only, on the next note (or the first again): Tab to the mark, Enter, trapped Tab, Enter on Close.
    target = cues[1] if len(cues) > 1 else first
    shown = driver.execute_async_script(PLAY_TO_MARK, target["start"])
    need("error" not in shown, f"{url}: {shown.get('error')}")
    driver.execute_script("document.activeElement && document.activeElement.blur(); document.body.focus();")
    for _ in range(12):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.execute_script("return document.activeElement === document.querySelector('.locctl-mark')"):
            break
    else:
        raise Failure(f"{url}: Tab never reached the mark")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    need(driver.execute_async_script(WAIT_STATE, "paused"), f"{url}: Enter on the mark did not pause")
    for keys in (Keys.TAB, Keys.TAB, Keys.SHIFT + Keys.TAB):
        ActionChains(driver).send_keys(keys).perform()
        s = driver.execute_script(STATE)
        need(not s["cardHidden"] and s["focusInCard"], f"{url}: focus left the open card (trap broken)")
    ActionChains(driver).send_keys(Keys.ENTER).perform()   # focus is on Close
    need(driver.execute_async_script(WAIT_STATE, "playing"), f"{url}: playback did not resume after Close")
    s = driver.execute_script(STATE)
    need(s["cardHidden"] and (s["focusOnMark"] or s["markHidden"]), f"{url}: keyboard close failed or focus not returned")
    log(f"  keyboard: Tab → mark, Enter → card, Tab trapped, Enter on Close → closed")
    driver.execute_script("document.querySelector('video').pause()")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--locctl", required=True)
    ap.add_argument("--out", default=str(ROOT / "out/player-test"))
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()
    out = pathlib.Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    make_clip(out / "clip.webm", 62)
    build_fixtures(args.locctl, out)
    server = serve(ROOT)
    base = f"http://127.0.0.1:{server.server_address[1]}/{out.relative_to(ROOT).as_posix()}"
    passed = 0
    for n in range(1, args.runs + 1):
        t0 = time.monotonic()
        driver = browser()
        try:
            for page, rtl in (("plugin.en-US.html", False), ("plugin.ar-SA.html", True),
                              ("preview.en-US.html", False), ("preview.ar-SA.html", True)):
                print(f"run {n}: {page}")
                check_page(driver, f"{base}/{page}", rtl, print, out / page.replace(".html", ".png") if n == 1 else None)
            passed += 1
            print(f"run {n}: PASS ({time.monotonic() - t0:.1f} s)")
        except Failure as e:
            print(f"run {n}: FAIL: {e}")
        finally:
            driver.quit()
    server.shutdown()
    print(f"player test: {passed}/{args.runs} runs passed")
    sys.exit(0 if passed == args.runs else 1)


if __name__ == "__main__":
    main()
