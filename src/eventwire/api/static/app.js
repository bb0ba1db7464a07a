// eventwire dashboard: plain JS, no build step, nothing fetched but this server's API.
// The filters live in the URL's query string, so any view can be shared as a link.
"use strict";

const FILTERS = ["date_from", "date_to", "actor", "cameo", "plover", "quad_class", "q", "bbox"];
const QUAD = { 1: ["verbal cooperation", "#69db7c"], 2: ["material cooperation", "#2b8a3e"],
  3: ["verbal conflict", "#ffa94d"], 4: ["material conflict", "#e03131"] };
const SVG = "http://www.w3.org/2000/svg";
const state = { cursor: null, selected: null, countries: null };

function el(tag, attrs = {}, text = null, ns = null) {
  const node = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== null) node.textContent = text;
  return node;
}
const svgEl = (tag, attrs = {}, text = null) => el(tag, attrs, text, SVG);

// -- URL <-> filters ------------------------------------------------------------------------
function currentParams() { return new URLSearchParams(window.location.search); }

function filterQuery(extra = {}) {
  const params = new URLSearchParams();
  const url = currentParams();
  for (const name of FILTERS) if (url.get(name)) params.set(name, url.get(name));
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined) params.set(k, v);
  return params.toString();
}

function formToUrl() {
  const form = document.getElementById("filters");
  const params = currentParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value); else params.delete(name);
  }
  params.delete("event");
  history.pushState(null, "", "?" + params.toString());
}

function urlToForm() {
  const form = document.getElementById("filters");
  const params = currentParams();
  for (const name of FILTERS) form.elements[name].value = params.get(name) || "";
  document.getElementById("interval").value = params.get("interval") || "day";
}

function setFilter(name, value) {
  document.getElementById("filters").elements[name].value = value;
  formToUrl();
  refresh();
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function showError(message) {
  document.getElementById("total").textContent = "error: " + message;
}

// -- timeline ---------------------------------------------------------------------------------
async function drawTimeline() {
  const interval = document.getElementById("interval").value;
  const data = await getJson(`/stats/timeline?${filterQuery({ interval, by: "quad_class" })}`);
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const periods = allPeriods([...new Set(data.counts.map((c) => c.period))], interval);
  const byPeriod = new Map(periods.map((p) => [p, {}]));
  for (const c of data.counts) byPeriod.get(c.period)[c.group] = c.count;
  const totals = periods.map((p) => Object.values(byPeriod.get(p)).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const W = 900, H = 160, left = 34, bottom = 18, plotH = H - bottom - 6;
  const step = periods.length ? Math.min(40, (W - left) / periods.length) : 0;
  svg.append(svgEl("text", { x: 2, y: 12, "font-size": 10 }, String(max)));
  svg.append(svgEl("line", { x1: left, y1: H - bottom, x2: W, y2: H - bottom, stroke: "#999" }));
  periods.forEach((period, i) => {
    let y = H - bottom;
    for (const q of ["1", "2", "3", "4"]) {
      const n = byPeriod.get(period)[q] || 0;
      if (!n) continue;
      const h = (n / max) * plotH;
      y -= h;
      const bar = svgEl("rect", { x: left + i * step + 1, y, width: Math.max(1, step - 2),
        height: h, fill: QUAD[q][1], class: "bar" });
      bar.append(svgEl("title", {}, `${period}: ${n} ${QUAD[q][0]}`));
      bar.addEventListener("click", () => filterPeriod(period, interval));
      svg.append(bar);
    }
  });
  let lastTick = -Infinity;
  for (const i of [0, Math.floor(periods.length / 2), periods.length - 1]) {
    const x = left + i * step;
    if (i < 0 || x - lastTick < 80) continue; // labels never overlap
    const anchor = i && i === periods.length - 1 ? "end" : "start";
    svg.append(svgEl("text", { x: anchor === "end" ? x + step : x, y: H - 4, "font-size": 10,
      "text-anchor": anchor }, periods[i]));
    lastTick = x;
  }
  const legend = document.getElementById("legend");
  legend.replaceChildren(...Object.values(QUAD).map(([label, colour]) => {
    const item = el("span");
    item.append(el("i", { style: `background:${colour}` }), label);
    return item;
  }));
}

// Clicking a bar narrows the dates to its period (a day, a month, or Monday to Sunday).
function filterPeriod(period, interval) {
  const form = document.getElementById("filters");
  let last = period;
  if (interval === "week") {
    const end = new Date(period + "T00:00:00Z");
    end.setUTCDate(end.getUTCDate() + 6);
    last = end.toISOString().slice(0, 10);
  }
  form.elements.date_from.value = period;
  form.elements.date_to.value = last;
  formToUrl();
  refresh();
}

// Every period from the first to the last, so gaps show as gaps (periods are ISO strings).
function allPeriods(found, interval) {
  if (found.length < 2) return found;
  const sorted = [...found].sort();
  const out = [];
  const day = (iso) => new Date(iso + (iso.length === 7 ? "-01" : "") + "T00:00:00Z");
  const last = day(sorted[sorted.length - 1]);
  for (let d = day(sorted[0]); d <= last && out.length < 5000;) {
    out.push(d.toISOString().slice(0, interval === "month" ? 7 : 10));
    if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + (interval === "week" ? 7 : 1));
  }
  return out;
}

// -- map: equirectangular, 2 px per degree -----------------------------------------------------
const project = (lon, lat) => [(lon + 180) * 2, (90 - lat) * 2];
const unproject = (x, y) => [x / 2 - 180, 90 - y / 2];

function ringPath(ring) {
  return ring.map(([lon, lat], i) => {
    const [x, y] = project(lon, lat);
    return `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join("") + "Z";
}

async function drawMap() {
  if (!state.countries) state.countries = await getJson("/static/countries.geojson");
  const data = await getJson(`/places?${filterQuery({ limit: 2000 })}`);
  const svg = document.getElementById("map");
  svg.replaceChildren(svgEl("rect", { x: 0, y: 0, width: 720, height: 360, class: "ocean" }));
  for (const feature of state.countries.features) {
    const d = feature.geometry.coordinates.map((poly) => poly.map(ringPath).join("")).join("");
    const path = svgEl("path", { d, class: "country" });
    path.append(svgEl("title", {}, feature.properties.name || ""));
    svg.append(path);
  }
  const box = currentParams().get("bbox");
  if (box) {
    const [x0, y0, x1, y1] = box.split(",").map(Number);
    const [ax, ay] = project(x0, y1), [bx, by] = project(x1, y0);
    svg.append(svgEl("rect", { x: ax, y: ay, width: bx - ax, height: by - ay, class: "box" }));
  }
  const view = mapView(data.places);
  svg.setAttribute("viewBox", view);
  const zoom = Number(view.split(" ")[2]) / 720; // dots keep their size on screen
  const most = Math.max(1, ...data.places.map((p) => p.events));
  for (const place of data.places) {
    const [cx, cy] = project(place.lon, place.lat);
    const r = (2 + 10 * Math.sqrt(place.events / most)) * zoom; // area follows the count
    const dot = svgEl("circle", { cx, cy, r,
      class: "place", "data-name": place.name });
    dot.append(svgEl("title", {}, `${place.name} (${place.country || "?"}): ${place.events}`));
    dot.addEventListener("click", (ev) => {
      ev.stopPropagation();
      const pad = 0.5;
      setFilter("bbox", [place.lon - pad, place.lat - pad, place.lon + pad, place.lat + pad]
        .map((v) => v.toFixed(2)).join(","));
    });
    svg.append(dot);
  }
}

// The part of the world that holds the located events (2:1, at least 60 degrees wide).
function mapView(places) {
  if (!places.length) return "0 10 720 300";
  const xs = places.map((p) => project(p.lon, p.lat)[0]);
  const ys = places.map((p) => project(p.lon, p.lat)[1]);
  let w = Math.max(120, (Math.max(...xs) - Math.min(...xs)) * 1.3 + 20);
  let h = Math.max(w / 2, (Math.max(...ys) - Math.min(...ys)) * 1.3 + 20);
  w = Math.min(720, Math.max(w, h * 2)); h = Math.min(360, w / 2);
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const x = Math.max(0, Math.min(720 - w, cx - w / 2));
  const y = Math.max(0, Math.min(360 - h, cy - h / 2));
  return `${x} ${y} ${w} ${h}`;
}

function enableMapBox() {
  const svg = document.getElementById("map");
  let start = null, rect = null;
  const point = (ev) => { // screen -> viewBox coordinates, whatever the current zoom
    const r = svg.getBoundingClientRect();
    const [vx, vy, vw, vh] = svg.getAttribute("viewBox").split(" ").map(Number);
    return [vx + (ev.clientX - r.left) * vw / r.width, vy + (ev.clientY - r.top) * vh / r.height];
  };
  svg.addEventListener("mousedown", (ev) => {
    start = point(ev);
    rect = svgEl("rect", { class: "box", x: start[0], y: start[1], width: 0, height: 0 });
    svg.append(rect);
  });
  svg.addEventListener("mousemove", (ev) => {
    if (!start) return;
    const [x, y] = point(ev);
    rect.setAttribute("x", Math.min(x, start[0])); rect.setAttribute("y", Math.min(y, start[1]));
    rect.setAttribute("width", Math.abs(x - start[0]));
    rect.setAttribute("height", Math.abs(y - start[1]));
  });
  svg.addEventListener("mouseup", (ev) => {
    if (!start) return;
    const end = point(ev);
    const [x0, x1] = [Math.min(start[0], end[0]), Math.max(start[0], end[0])];
    const [y0, y1] = [Math.min(start[1], end[1]), Math.max(start[1], end[1])];
    start = null;
    if (x1 - x0 < 4 || y1 - y0 < 4) { rect.remove(); return; }
    const [lon0, lat1] = unproject(x0, y0), [lon1, lat0] = unproject(x1, y1);
    const clamp = (v, m) => Math.max(-m, Math.min(m, v)).toFixed(2);
    setFilter("bbox", [clamp(lon0, 180), clamp(lat0, 90), clamp(lon1, 180), clamp(lat1, 90)]
      .join(","));
  });
}

// -- network: countries on a circle, edges by count, coloured by mean Goldstein ----------------
async function drawNetwork() {
  const data = await getJson(`/stats/network?${filterQuery({ level: "country", limit: 60 })}`);
  const svg = document.getElementById("network");
  svg.replaceChildren();
  const nodes = [...new Set(data.edges.flatMap((e) => [e.source, e.target]))].sort();
  const R = 125, cx = 250, cy = 150;
  const pos = new Map(nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, nodes.length) - Math.PI / 2;
    return [n, [cx + R * Math.cos(a), cy + R * Math.sin(a)]];
  }));
  const maxCount = Math.max(1, ...data.edges.map((e) => e.count));
  for (const e of data.edges) {
    const [x1, y1] = pos.get(e.source), [x2, y2] = pos.get(e.target);
    const g = e.goldstein_mean;
    const colour = g < 0 ? `rgba(224,49,49,${0.4 + Math.min(0.6, -g / 10)})`
      : `rgba(43,138,62,${0.4 + Math.min(0.6, g / 10)})`;
    const line = e.source === e.target
      ? svgEl("circle", { cx: x1, cy: y1 - 12, r: 10, fill: "none", stroke: colour })
      : svgEl("line", { x1, y1, x2, y2, stroke: colour,
        "stroke-width": 1 + (4 * e.count) / maxCount });
    line.append(svgEl("title", {}, `${e.source} → ${e.target}: ${e.count} events, ` +
      `mean Goldstein ${g}`));
    svg.append(line);
  }
  for (const name of nodes) {
    const [x, y] = pos.get(name);
    const node = svgEl("g", { class: "node" });
    node.append(svgEl("circle", { cx: x, cy: y, r: 6 }));
    node.append(svgEl("text", { x: x + 8, y: y + 4 }, name));
    node.addEventListener("click", () => setFilter("actor", name));
    svg.append(node);
  }
  if (!nodes.length) svg.append(svgEl("text", { x: 20, y: 30, "font-size": 12 }, "no pairs"));
}

// -- table ------------------------------------------------------------------------------------
function actorLabel(actor) {
  if (!actor) return "";
  return actor.name ? `${actor.code} (${actor.name})` : actor.code;
}

function addRows(events) {
  const body = document.querySelector("#events tbody");
  for (const e of events) {
    const row = el("tr", { "data-id": e.id });
    const cells = [e.date || "", actorLabel(e.source), `${e.cameo} ${e.plover.type}`,
      actorLabel(e.target), e.place ? e.place.name : "", e.confidence.toFixed(2)];
    for (const text of cells) row.append(el("td", {}, text));
    row.addEventListener("click", () => selectEvent(e.id, true));
    if (e.id === state.selected) row.classList.add("selected");
    body.append(row);
  }
}

async function loadEvents(more = false) {
  const extra = { limit: 50, sort: "-date" };
  if (more && state.cursor) extra.cursor = state.cursor;
  const data = await getJson(`/events?${filterQuery(extra)}`);
  if (!more) document.querySelector("#events tbody").replaceChildren();
  addRows(data.events);
  state.cursor = data.next;
  document.getElementById("download").href = `/events?${filterQuery({ format: "csv",
    limit: 1000 })}`;
  document.getElementById("more").hidden = !data.next;
}

async function showTotal() {
  const data = await getJson(`/events/count?${filterQuery()}`);
  document.getElementById("total").textContent = `${data.count} events match`;
}

// -- evidence ---------------------------------------------------------------------------------
function markedSentence(sentence, spans) {
  const out = document.getElementById("evidence-sentence");
  out.replaceChildren();
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue; // overlapping spans: the first one wins
    out.append(sentence.slice(at, span.start));
    out.append(el("mark", { class: span.kind, title: span.kind }, sentence.slice(span.start,
      span.end)));
    at = span.end;
  }
  out.append(sentence.slice(at));
}

async function selectEvent(id, push) {
  state.selected = id;
  document.querySelectorAll("#events tbody tr").forEach((r) =>
    r.classList.toggle("selected", r.dataset.id === id));
  if (push) {
    const params = currentParams();
    params.set("event", id);
    history.replaceState(null, "", "?" + params.toString());
  }
  const data = await getJson(`/events/${encodeURIComponent(id)}`);
  const e = data.event;
  document.getElementById("evidence-empty").hidden = true;
  document.getElementById("evidence-body").hidden = false;
  markedSentence(data.evidence.sentence, data.evidence.highlights);
  const facts = [
    ["Event", `${e.cameo} (root ${e.cameo_root}) · PLOVER ${e.plover.type} · quad ${e.quad_class}`],
    ["Source", actorLabel(e.source)], ["Target", actorLabel(e.target) || "—"],
    ["Trigger", data.evidence.trigger], ["Rule", data.evidence.rule],
    ["Confidence", data.evidence.confidence.toFixed(2)], ["Goldstein", String(e.goldstein)],
    ["Date", `${e.date || "undated"} (from ${e.date_source})`],
    ["Place", e.place ? `${e.place.name}, ${e.place.country || ""}` : "—"],
    ["Modality", e.modality], ["Mentions", String(e.mentions)],
  ];
  const dl = document.getElementById("evidence-facts");
  dl.replaceChildren();
  for (const [k, v] of facts) dl.append(el("dt", {}, k), el("dd", {}, v));
  if (data.article) {
    const dd = el("dd");
    if (data.article.url) {
      dd.append(el("a", { href: data.article.url, rel: "noreferrer" }, data.article.title ||
        data.article.url));
    } else dd.textContent = data.article.title || data.article.id;
    dl.append(el("dt", {}, "Article"), dd);
  }
}

// -- wiring -----------------------------------------------------------------------------------
async function refresh() {
  urlToForm();
  const jobs = [drawTimeline(), drawMap(), drawNetwork(), loadEvents(), showTotal()];
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) showError(failed.reason.message);
  const id = currentParams().get("event");
  if (id) await selectEvent(id, false).catch((err) => showError(err.message));
  document.body.dataset.ready = "1";
}

// The menus come from the server's codebook: PLOVER types, CAMEO roots as suggestions.
async function loadVocabulary() {
  const vocab = await getJson("/vocabulary");
  const select = document.querySelector("select[name=plover]");
  for (const p of vocab.plover) select.append(el("option", { value: p }, p));
  const roots = document.getElementById("cameo-roots");
  for (const [root, name] of Object.entries(vocab.cameo_roots)) {
    roots.append(el("option", { value: root }, `${root} ${name}`));
  }
}

async function init() {
  await loadVocabulary().catch((err) => showError(err.message));
  document.getElementById("filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    formToUrl();
    refresh();
  });
  document.getElementById("clear").addEventListener("click", () => {
    history.pushState(null, "", "?");
    refresh();
  });
  document.getElementById("interval").addEventListener("change", (ev) => {
    const params = currentParams();
    params.set("interval", ev.target.value);
    history.replaceState(null, "", "?" + params.toString());
    drawTimeline().catch((err) => showError(err.message));
  });
  document.getElementById("more").addEventListener("click", () => loadEvents(true));
  window.addEventListener("popstate", refresh);
  enableMapBox();
  refresh();
}

init();
