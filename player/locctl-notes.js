// locctl notes player plug-in: shows locctl cultural notes over any <video> that carries them as a
// <track kind="metadata"> (the `annotate --format vtt` sidecar, one JSON object per cue).
// Plain ES module, no dependencies, no build step, no network. See player/README.md.
//
//   import { attachNotes } from "./locctl-notes.js";
//   attachNotes(document.querySelector("video"));

const STYLE_ID = "locctl-notes-style";
const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur", "ps", "sd", "yi", "dv", "ug", "ckb"]);

const CSS = `
.locctl-notes-layer { position: absolute; inset: 0; pointer-events: none; z-index: 2; }
.locctl-notes-safe { position: absolute; top: 8%; left: 6%; right: 6%; bottom: 30%; display: flex;
  flex-direction: column; align-items: flex-start; }
.locctl-notes-layer[dir="rtl"] .locctl-notes-safe { align-items: flex-start; }
.locctl-mark { pointer-events: auto; max-width: 100%; box-sizing: border-box; display: inline-flex; gap: 0.4em;
  align-items: center; padding: 0.35em 0.75em; border: 0; border-radius: 1em; background: rgba(255, 248, 220, 0.94);
  color: #1c1c1c; font: 600 14px/1.3 system-ui, "Noto Sans", "Noto Sans Arabic", "Noto Sans Thai", "Noto Sans CJK SC", sans-serif;
  cursor: pointer; text-align: start; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.4); }
.locctl-mark::before { content: "i"; display: inline-grid; place-items: center; flex: none; width: 1.3em; height: 1.3em;
  border-radius: 50%; background: #8a5a00; color: #fff; font: italic 700 0.8em/1 Georgia, serif; }
.locctl-mark:focus-visible, .locctl-card button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.locctl-mark[hidden], .locctl-card[hidden] { display: none; }
.locctl-card { pointer-events: auto; box-sizing: border-box; width: 100%; max-height: 100%; overflow: auto; margin-top: 0.5em;
  padding: 0.75em 0.9em; border-radius: 0.6em; background: rgba(255, 250, 235, 0.97); color: #1c1c1c; text-align: start;
  font: 15px/1.45 system-ui, "Noto Sans", "Noto Sans Arabic", "Noto Sans Thai", "Noto Sans CJK SC", sans-serif;
  box-shadow: 0 2px 10px rgba(0, 0, 0, 0.5); }
.locctl-card-head { display: flex; align-items: flex-start; justify-content: space-between; gap: 0.5em; }
.locctl-card-term { margin: 0; font-size: 1.05em; font-weight: 700; }
.locctl-card-close { flex: none; border: 0; background: #3a3a3a; color: #fff; border-radius: 0.4em; padding: 0.2em 0.6em;
  font: inherit; cursor: pointer; }
.locctl-card-gloss { margin: 0.4em 0 0; }
.locctl-card-analogy { margin: 0.4em 0 0; font-style: italic; }
.locctl-card-status { margin: 0.4em 0 0; font-size: 0.8em; color: #a33; }
.locctl-card figure { margin: 0.5em 0 0; }
.locctl-card img { max-width: 100%; max-height: 30vh; display: block; }
.locctl-card figcaption { font-size: 0.75em; color: #555; }
`;

/** Whether a language tag is written right to left. */
export function isRightToLeft(lang) {
  if (!lang) return false;
  const primary = String(lang).toLowerCase().split(/[-_]/)[0];
  return RTL_LANGUAGES.has(primary) || /-(arab|hebr|thaa|syrc|nkoo|adlm)\b/i.test(String(lang));
}

/** The note in a metadata cue's text, or null when the text is not a locctl note payload. */
export function parseNote(text) {
  let data;
  try { data = JSON.parse(text); } catch (e) { return null; }
  if (!data || typeof data !== "object" || typeof data.term !== "string" || typeof data.gloss !== "string") return null;
  return data;
}

/** The metadata text track of `video` holding locctl notes: the one labelled or marked for notes, else the first metadata track. */
export function findNotesTrack(video) {
  const tracks = Array.from(video.textTracks || []).filter(t => t.kind === "metadata");
  const marked = Array.from(video.querySelectorAll("track[kind=metadata]"))
    .find(el => el.dataset.locctlNotes !== undefined || /note/i.test(el.label || ""));
  if (marked && marked.track && tracks.includes(marked.track)) return marked.track;
  return tracks[0] || null;
}

function injectStyle(doc) {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement("style");
  style.id = STYLE_ID;
  style.textContent = CSS;
  (doc.head || doc.documentElement).appendChild(style);
}

let nextId = 0;

/**
 * Shows locctl notes over `video`; returns a controller.
 *
 * Options: `track` (a TextTrack; default: findNotesTrack), `container` (positioned element over which notes are
 * laid out; default: the video's parent), `pauseOnOpen` (true), `resumeOnClose` (true), `dir` and `lang` (default:
 * from each note's `lang`), `labels` ({ close, draft } button and status texts).
 */
export function attachNotes(video, options = {}) {
  const doc = video.ownerDocument;
  const win = doc.defaultView;
  const opts = Object.assign({ pauseOnOpen: true, resumeOnClose: true, labels: {} }, options);
  const labels = Object.assign({ close: "×", closeName: "Close note", draft: "Draft — not yet reviewed" }, opts.labels);
  injectStyle(doc);

  const container = opts.container || video.parentElement;
  if (win.getComputedStyle(container).position === "static") container.style.position = "relative";

  const id = "locctl-notes-" + (++nextId);
  const layer = doc.createElement("div");
  layer.className = "locctl-notes-layer";
  const safe = doc.createElement("div");
  safe.className = "locctl-notes-safe";
  const mark = doc.createElement("button");
  mark.type = "button";
  mark.className = "locctl-mark";
  mark.hidden = true;
  mark.setAttribute("aria-haspopup", "dialog");
  mark.setAttribute("aria-expanded", "false");
  mark.setAttribute("aria-controls", id + "-card");

  const card = doc.createElement("div");
  card.className = "locctl-card";
  card.id = id + "-card";
  card.hidden = true;
  card.setAttribute("role", "dialog");
  card.setAttribute("aria-modal", "true");
  card.setAttribute("aria-labelledby", id + "-term");
  card.setAttribute("aria-describedby", id + "-gloss");
  card.tabIndex = -1;
  const head = doc.createElement("div");
  head.className = "locctl-card-head";
  const term = doc.createElement("h2");
  term.className = "locctl-card-term";
  term.id = id + "-term";
  const close = doc.createElement("button");
  close.type = "button";
  close.className = "locctl-card-close";
  close.textContent = labels.close;
  close.setAttribute("aria-label", labels.closeName);
  head.append(term, close);
  const gloss = doc.createElement("p");
  gloss.className = "locctl-card-gloss";
  gloss.id = id + "-gloss";
  const analogy = doc.createElement("p");
  analogy.className = "locctl-card-analogy";
  const status = doc.createElement("p");
  status.className = "locctl-card-status";
  card.append(head, gloss, analogy, status);
  safe.append(mark, card);
  layer.append(safe);
  container.append(layer);

  const track = opts.track || findNotesTrack(video);
  let active = null;       // the note whose cue is active (shown as the mark)
  let opened = null;       // the note shown in the open card
  let pausedByUs = false;
  let returnFocus = null;

  function emit(name, note) {
    video.dispatchEvent(new CustomEvent("locctl:" + name, { detail: { note } }));
  }

  function setDirection(el, note) {
    const lang = opts.lang || (note && note.lang) || "";
    const dir = opts.dir || (isRightToLeft(lang) ? "rtl" : "ltr");
    if (lang) el.lang = lang; else el.removeAttribute("lang");
    el.dir = dir;
  }

  function showMark(note) {
    active = note;
    if (!note) { mark.hidden = true; if (!opened) layer.removeAttribute("dir"); return; }
    setDirection(mark, note);
    setDirection(layer, note);
    mark.textContent = note.teaser || note.term;
    mark.setAttribute("aria-label", note.teaser && note.teaser !== note.term ? note.teaser : note.term);
    mark.hidden = false;
    emit("markshow", note);
  }

  function fillCard(note) {
    setDirection(card, note);
    term.textContent = note.term;
    gloss.textContent = note.gloss;
    analogy.textContent = note.analogy || "";
    analogy.hidden = !note.analogy;
    status.textContent = note.status === "draft" ? labels.draft : "";
    status.hidden = note.status !== "draft";
    const old = card.querySelector("figure");
    if (old) old.remove();
    if (note.media && typeof note.media.src === "string") {
      const figure = doc.createElement("figure");
      const img = doc.createElement("img");
      img.src = note.media.src;
      img.alt = note.media.alt || "";
      figure.append(img);
      if (note.media.licence || note.media.credit) {
        const caption = doc.createElement("figcaption");
        caption.textContent = [note.media.credit, note.media.licence].filter(Boolean).join(" · ");
        figure.append(caption);
      }
      card.append(figure);
    }
  }

  function open(note = active) {
    if (!note) return;
    opened = note;
    fillCard(note);
    returnFocus = doc.activeElement && doc.activeElement !== doc.body ? doc.activeElement : mark;
    card.hidden = false;
    mark.setAttribute("aria-expanded", "true");
    if (opts.pauseOnOpen && !video.paused) { pausedByUs = true; video.pause(); } else { pausedByUs = false; }
    close.focus();
    emit("open", note);
  }

  function closeCard() {
    if (!opened) return;
    const note = opened;
    opened = null;
    card.hidden = true;
    mark.setAttribute("aria-expanded", "false");
    const target = returnFocus && returnFocus.isConnected && !returnFocus.hidden ? returnFocus : (active ? mark : video);
    returnFocus = null;
    if (target && target.focus) target.focus();
    if (pausedByUs && opts.resumeOnClose) {
      const played = video.play();
      if (played && played.catch) played.catch(() => {});
    }
    pausedByUs = false;
    if (!active) showMark(null);
    emit("close", note);
  }

  function focusables() {
    return Array.from(card.querySelectorAll("button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])"))
      .filter(el => !el.disabled && !el.hidden);
  }

  function onCardKey(event) {
    if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); closeCard(); return; }
    if (event.key !== "Tab") return;
    const items = focusables();
    if (items.length === 0) { event.preventDefault(); card.focus(); return; }
    const first = items[0], last = items[items.length - 1];
    if (event.shiftKey && (doc.activeElement === first || doc.activeElement === card)) { event.preventDefault(); last.focus(); }
    else if (!event.shiftKey && doc.activeElement === last) { event.preventDefault(); first.focus(); }
  }

  function onDocKey(event) {
    if (opened && event.key === "Escape") { event.preventDefault(); closeCard(); }
  }

  function onFocusIn(event) {
    // Focus trap: focus never leaves an open modal card.
    if (opened && !card.contains(event.target)) close.focus();
  }

  function onCueChange() {
    const cues = Array.from(track.activeCues || []);
    let note = null;
    for (let i = cues.length - 1; i >= 0 && !note; i--) {
      note = parseNote(cues[i].text);
      if (note && !note.id) note.id = cues[i].id;
    }
    showMark(note);
  }

  mark.addEventListener("click", () => open(active));
  close.addEventListener("click", closeCard);
  card.addEventListener("keydown", onCardKey);
  doc.addEventListener("keydown", onDocKey);
  doc.addEventListener("focusin", onFocusIn);

  if (track) {
    if (track.mode === "disabled") track.mode = "hidden";
    track.addEventListener("cuechange", onCueChange);
    onCueChange();
  }

  return {
    track,
    element: layer,
    get activeNote() { return active; },
    get openNote() { return opened; },
    open: () => open(active),
    close: closeCard,
    destroy() {
      if (track) track.removeEventListener("cuechange", onCueChange);
      doc.removeEventListener("keydown", onDocKey);
      doc.removeEventListener("focusin", onFocusIn);
      layer.remove();
    },
  };
}

/** `<locctl-notes for="video-id">`: attaches to the named video (or the first video inside it). */
export class LocctlNotesElement extends (globalThis.HTMLElement || class {}) {
  connectedCallback() {
    const video = this.getAttribute("for") ? this.ownerDocument.getElementById(this.getAttribute("for")) : this.querySelector("video");
    if (!video || this.controller) return;
    this.controller = attachNotes(video, {
      pauseOnOpen: this.getAttribute("pause-on-open") !== "false",
      resumeOnClose: this.getAttribute("resume-on-close") !== "false",
    });
  }
  disconnectedCallback() {
    if (this.controller) { this.controller.destroy(); this.controller = null; }
  }
}

if (globalThis.customElements && !globalThis.customElements.get("locctl-notes")) {
  globalThis.customElements.define("locctl-notes", LocctlNotesElement);
}
