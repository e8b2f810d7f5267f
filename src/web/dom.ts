/**
 * The only way this UI builds markup: elements by name, text by text node. Data never reaches
 * innerHTML; links are limited to in-app routes and http(s) URLs; event handlers are functions.
 */
export type Child = Node | string | number | null | undefined | false | Child[];

export interface Props {
  class?: string;
  id?: string;
  title?: string;
  href?: string;
  /** Other attributes (never event handlers, never URLs). */
  attrs?: Record<string, string>;
  data?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "srcdoc"]);

/** In-app routes and web links only: `javascript:` and the like never become a link. */
export function safeHref(href: string): string | undefined {
  if (href.startsWith("#/")) return href;
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, ...child);
    else parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

function setAttributes(element: Element, props: Props): void {
  if (props.class) element.setAttribute("class", props.class);
  if (props.id) element.setAttribute("id", props.id);
  if (props.title) element.setAttribute("title", props.title);
  if (props.href !== undefined) {
    const href = safeHref(props.href);
    if (href) element.setAttribute("href", href);
    if (href && !href.startsWith("#/")) element.setAttribute("rel", "noopener noreferrer nofollow");
  }
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    const lower = name.toLowerCase();
    if (lower.startsWith("on") || URL_ATTRIBUTES.has(lower) || lower === "style") throw new Error(`unsafe attribute ${name}`);
    element.setAttribute(name, value);
  }
  for (const [name, value] of Object.entries(props.data ?? {})) element.setAttribute(`data-${name}`, value);
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, props);
  for (const [type, listener] of Object.entries(props.on ?? {})) element.addEventListener(type, listener as EventListener);
  append(element, ...children);
  return element;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    const lower = name.toLowerCase();
    if (lower.startsWith("on") || URL_ATTRIBUTES.has(lower)) throw new Error(`unsafe attribute ${name}`);
    element.setAttribute(name, String(value));
  }
  append(element, ...children);
  return element;
}

export function clear(element: Element): void {
  element.replaceChildren();
}

/** Route links: path segments are encoded, so ids cannot break out of their place. */
export function route(...parts: string[]): string {
  return `#/${parts.map(encodeURIComponent).join("/")}`;
}

export function spanRoute(document: string, start: number, end: number): string {
  return `${route("document", document)}?start=${start}&end=${end}`;
}
