// Evidence panel: the sentence with trigger and actors marked, and the facts.
import { actorLabel, currentParams, el, getJson } from "./common.js";

let selected = null; // id of the event shown

export const selectedEvent = () => selected;

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

export async function selectEvent(id, push) {
  selected = id;
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
    // only http(s) addresses become links: never javascript:, data: or the like
    if (data.article.url && /^https?:\/\//i.test(data.article.url)) {
      dd.append(el("a", { href: data.article.url, rel: "noreferrer" }, data.article.title ||
        data.article.url));
    } else dd.textContent = data.article.title || data.article.id;
    dl.append(el("dt", {}, "Article"), dd);
  }
}
