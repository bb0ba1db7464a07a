// Timeline: stacked bars of event counts per period, by quad class.
import { currentParams, filterQuery, formToUrl, getJson, svgEl, el } from "./common.js";

const QUAD = { 1: ["verbal cooperation", "#69db7c"], 2: ["material cooperation", "#2b8a3e"],
  3: ["verbal conflict", "#ffa94d"], 4: ["material conflict", "#e03131"] };

export async function drawTimeline() {
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
  // events whose date is coarser than the interval (or unknown) match but cannot be drawn
  const unit = { day: "a day", week: "a week", month: "a month" }[interval];
  const notes = [];
  if (data.left_out) {
    notes.push(`${data.left_out} matching event${data.left_out === 1 ? " is" : "s are"} ` +
      `not drawn: their date is coarser than ${unit} (only a year, say) or unknown`);
  }
  // a confidence threshold leaves events out too: say how many, never silently
  const under = data.under_min_confidence;
  if (under) {
    const minimum = currentParams().get("min_confidence");
    notes.push(`${under} event${under === 1 ? " is" : "s are"} left out: ` +
      `under the minimum confidence ${minimum}`);
  }
  document.getElementById("timeline-note").textContent = notes.join("; ");
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
  window.dispatchEvent(new Event("eventwire:filters"));
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
