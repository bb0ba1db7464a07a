// Stories: cross-article clusters (one happening, many reports), largest first. A click shows
// the evidence of the member the cluster shows.
import { el, filterQuery, getJson } from "./common.js";
import { selectEvent } from "./evidence.js";

export async function loadStories() {
  const data = await getJson(`/clusters?${filterQuery({ limit: 20 })}`);
  const body = document.querySelector("#stories tbody");
  body.replaceChildren();
  for (const c of data.clusters) {
    const row = el("tr", { "data-event": c.event.id });
    const who = `${c.source}${c.target ? " → " + c.target : ""}`;
    const cells = [c.date || "", who, `${c.cameo} ${c.event.plover.type}`,
      String(c.num_articles), String(c.num_sources)];
    for (const text of cells) row.append(el("td", {}, text));
    row.addEventListener("click", () => selectEvent(c.event.id, true));
    body.append(row);
  }
}
