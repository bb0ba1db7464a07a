// eventwire dashboard: plain JS modules, no build step, nothing fetched but this server's API.
import { currentParams, el, formToUrl, getJson, showError, urlToForm } from "./common.js";
import { selectEvent } from "./evidence.js";
import { drawMap, enableMapBox } from "./map.js";
import { drawNetwork } from "./network.js";
import { loadStories } from "./stories.js";
import { loadEvents, showTotal } from "./table.js";
import { drawTimeline } from "./timeline.js";

async function refresh() {
  urlToForm();
  // marks: when the table shows events, and when every panel is drawn (the browser test reads them)
  const table = loadEvents().then(() => performance.mark("eventwire:table"));
  const jobs = [drawTimeline(), drawMap(), drawNetwork(), table, showTotal(), loadStories()];
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) showError(failed.reason.message);
  const id = currentParams().get("event");
  if (id) await selectEvent(id, false).catch((err) => showError(err.message));
  document.body.dataset.ready = "1";
  performance.mark("eventwire:ready");
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
  window.addEventListener("eventwire:filters", refresh);
  enableMapBox();
  refresh();
}

init();
