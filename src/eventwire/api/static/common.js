// Shared by the dashboard's modules: DOM helpers, the API client, the filters in the URL.
// The filters live in the URL's query string, so any view can be shared as a link.

export const FILTERS = ["date_from", "date_to", "actor", "cameo", "plover", "quad_class", "q",
  "bbox", "min_confidence"];
export const SVG = "http://www.w3.org/2000/svg";

export function el(tag, attrs = {}, text = null, ns = null) {
  const node = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== null) node.textContent = text;
  return node;
}
export const svgEl = (tag, attrs = {}, text = null) => el(tag, attrs, text, SVG);

// -- URL <-> filters ------------------------------------------------------------------------
export function currentParams() { return new URLSearchParams(window.location.search); }

export function filterQuery(extra = {}) {
  const params = new URLSearchParams();
  const url = currentParams();
  for (const name of FILTERS) if (url.get(name)) params.set(name, url.get(name));
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined) params.set(k, v);
  return params.toString();
}

export function formToUrl() {
  const form = document.getElementById("filters");
  const params = currentParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value); else params.delete(name);
  }
  params.delete("event");
  history.pushState(null, "", "?" + params.toString());
}

export function urlToForm() {
  const form = document.getElementById("filters");
  const params = currentParams();
  for (const name of FILTERS) form.elements[name].value = params.get(name) || "";
  document.getElementById("interval").value = params.get("interval") || "day";
}

export function setFilter(name, value) {
  document.getElementById("filters").elements[name].value = value;
  formToUrl();
  window.dispatchEvent(new Event("eventwire:filters")); // main.js redraws every view
}

export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

export function showError(message) {
  document.getElementById("total").textContent = "error: " + message;
}


export function actorLabel(actor) {
  if (!actor) return "";
  return actor.name ? `${actor.code} (${actor.name})` : actor.code;
}
