/** Hash routes: #/ (search), #/search?q=, #/actor/ID, #/graph/ID?depth=, #/document/ID?start=&end=, #/ingest. */
import { ApiError, storedToken, storeToken } from "./api.js";
import { clear } from "./dom.js";
import { actorPage } from "./pages/actor.js";
import { documentPage } from "./pages/document.js";
import { graphPage, leaveGraphPage } from "./pages/graph.js";
import { ingestPage, leaveIngestPage } from "./pages/ingest.js";
import { searchPage } from "./pages/search.js";
import { message } from "./parts.js";

const app = document.getElementById("app")!;
const tokenInput = document.getElementById("token") as HTMLInputElement;

tokenInput.value = storedToken();
tokenInput.addEventListener("change", () => storeToken(tokenInput.value.trim()));
document.getElementById("token-form")!.addEventListener("submit", (event) => {
  event.preventDefault();
  storeToken(tokenInput.value.trim());
});

async function render(): Promise<void> {
  leaveGraphPage();
  leaveIngestPage();
  clear(app);
  const [path = "", query = ""] = location.hash.replace(/^#\/?/, "").split("?", 2);
  const params = new URLSearchParams(query);
  const [page = "", ...rest] = path.split("/").map((part) => decodeURIComponent(part));
  const id = rest.join("/") || undefined;
  document.body.dataset.page = page || "search";
  app.dataset.ready = "false";
  try {
    if (page === "" || page === "search") await searchPage(app, params);
    else if (page === "actor" && id) await actorPage(app, id);
    else if (page === "document" && id) await documentPage(app, id, params);
    else if (page === "graph") await graphPage(app, id, params);
    else if (page === "ingest") await ingestPage(app);
    else app.append(message("No such page.", "error"));
  } catch (error) {
    const text = error instanceof ApiError && error.status === 404 ? "Not found." : `Could not load: ${error instanceof Error ? error.message : String(error)}`;
    app.append(message(text, "error"));
  }
  app.dataset.ready = "true";
}

window.addEventListener("hashchange", () => void render());
void render();
