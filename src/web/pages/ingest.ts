import { ApiError, getJson, postForm, storedToken } from "../api.js";
import { append, h, route } from "../dom.js";
import { message } from "../parts.js";
import type { IngestJob } from "../types.js";

/** Polling stops when the page is left. */
let polling: ReturnType<typeof setInterval> | undefined;

export function leaveIngestPage(): void {
  clearInterval(polling);
  polling = undefined;
}

function jobView(job: IngestJob): HTMLElement {
  const bar = h("progress", { attrs: { max: String(Math.max(job.total, 1)) } });
  bar.value = job.processed;
  return h(
    "div",
    { class: `job job-${job.status}`, data: { status: job.status } },
    h("p", { class: "job-summary" }, `${job.status}: ${job.processed}/${job.total} documents · ${job.inserted} new · ${job.duplicate} already stored · ${job.failed} failed`),
    bar,
    h("ul", {}, job.files.map((f) => h("li", {}, `${f.name}: ${f.documents} documents, ${f.inserted} new, ${f.duplicate} already stored`, f.errors.map((e) => h("div", { class: "message error" }, e))))),
    job.documents.length ? h("p", {}, "Documents: ", job.documents.map((id, i) => [i ? ", " : "", h("a", { href: route("document", id) }, id)])) : null,
  );
}

export async function ingestPage(root: HTMLElement): Promise<void> {
  const files = h("input", { attrs: { type: "file", multiple: "", name: "files", "aria-label": "Files" } });
  const date = h("input", { attrs: { type: "date", name: "date", "aria-label": "Date for undated files" } });
  const source = h("input", { attrs: { type: "text", name: "source", placeholder: "source (optional)", "aria-label": "Source" } });
  const status = h("div", { class: "ingest-status" });
  const form = h(
    "form",
    { class: "ingest" },
    h("label", {}, "Files (seed records .txt, .jsonl, .csv, .html, feeds): ", files),
    h("label", {}, "Date for undated plain text: ", date),
    h("label", {}, "Source: ", source),
    h("button", { attrs: { type: "submit" } }, "Upload and ingest"),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!files.files?.length) return void status.replaceChildren(message("Choose one or more files.", "error"));
    if (!storedToken()) return void status.replaceChildren(message("Writing needs a token: run `dossier token create` and paste it in the token field.", "error"));
    const body = new FormData();
    for (const file of files.files) body.append("files", file, file.name);
    if (date.value) body.append("date", date.value);
    if (source.value.trim()) body.append("source", source.value.trim());
    try {
      const job = await postForm<IngestJob>("/api/ingest", body);
      status.replaceChildren(jobView(job));
      leaveIngestPage();
      polling = setInterval(async () => {
        const next = await getJson<IngestJob>(`/api/ingest/${encodeURIComponent(job.id)}`);
        status.replaceChildren(jobView(next));
        if (next.status === "done") leaveIngestPage();
      }, 500);
    } catch (error) {
      status.replaceChildren(message(error instanceof ApiError && error.status === 401 ? "The token was refused." : String(error instanceof Error ? error.message : error), "error"));
    }
  });
  const recent = await getJson<IngestJob[]>("/api/ingest").catch(() => []);
  append(root, h("h1", {}, "Ingest"), form, status, recent.length ? [h("h2", {}, "Recent jobs"), recent.slice(0, 5).map(jobView)] : null);
}
