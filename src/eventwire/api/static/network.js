// Network: countries on a circle, edges by count, coloured by mean Goldstein.
import { filterQuery, getJson, setFilter, svgEl } from "./common.js";

export async function drawNetwork() {
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
