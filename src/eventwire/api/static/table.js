// Event table: one page at a time, more on demand through the API's cursor.
import { actorLabel, el, filterQuery, getJson } from "./common.js";
import { selectEvent, selectedEvent } from "./evidence.js";

let cursor = null; // `next` of the last page loaded

function addRows(events) {
  const body = document.querySelector("#events tbody");
  for (const e of events) {
    const row = el("tr", { "data-id": e.id });
    const cells = [e.date || "", actorLabel(e.source), `${e.cameo} ${e.plover.type}`,
      actorLabel(e.target), e.place ? e.place.name : "", e.confidence.toFixed(2)];
    for (const text of cells) row.append(el("td", {}, text));
    row.addEventListener("click", () => selectEvent(e.id, true));
    if (e.id === selectedEvent()) row.classList.add("selected");
    body.append(row);
  }
}

export async function loadEvents(more = false) {
  const extra = { limit: 50, sort: "-date" };
  if (more && cursor) extra.cursor = cursor;
  const data = await getJson(`/events?${filterQuery(extra)}`);
  if (!more) document.querySelector("#events tbody").replaceChildren();
  addRows(data.events);
  cursor = data.next;
  document.getElementById("download").href = `/events?${filterQuery({ format: "csv",
    limit: 1000 })}`;
  document.getElementById("more").hidden = !data.next;
}

export async function showTotal() {
  const data = await getJson(`/events/count?${filterQuery()}`);
  document.getElementById("total").textContent = `${data.count} events match`;
}
