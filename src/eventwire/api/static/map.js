// Map: country outlines (Natural Earth, shipped) and the located events, drawn in SVG.
import { currentParams, filterQuery, getJson, setFilter, svgEl } from "./common.js";

let countries = null; // the outlines, fetched once

const project = (lon, lat) => [(lon + 180) * 2, (90 - lat) * 2];
const unproject = (x, y) => [x / 2 - 180, 90 - y / 2];

function ringPath(ring) {
  return ring.map(([lon, lat], i) => {
    const [x, y] = project(lon, lat);
    return `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join("") + "Z";
}

export async function drawMap() {
  if (!countries) countries = await getJson("/static/countries.geojson");
  const data = await getJson(`/places?${filterQuery({ limit: 2000 })}`);
  const svg = document.getElementById("map");
  svg.replaceChildren(svgEl("rect", { x: 0, y: 0, width: 720, height: 360, class: "ocean" }));
  for (const feature of countries.features) {
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

export function enableMapBox() {
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
