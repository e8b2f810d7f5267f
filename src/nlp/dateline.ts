/** A dateline's date, month first or day first: "March 5", "Oct. 4, 2016", "3 Nov". */
const DATE = "(?:\\p{Lu}\\p{Ll}{2,8}\\.?\\s+\\d{1,2}|\\d{1,2}\\s+\\p{Lu}\\p{Ll}{2,8}\\.?)(?:,?\\s+\\d{4})?";
/**
 * Wire datelines opening a line: "KABUL, March 5 (Reuters) - ", "KANO, Nigeria (AP) — ",
 * "WASHINGTON -- ", "Kabul, March 5 (Reuters) - ". The place is where the report was filed: no
 * subject of the sentence after it and no part of what anyone said there.
 */
const DATELINE = new RegExp(
  [
    "^[ \\t]*(?:",
    // A place in capitals, with its region or country and a date if given.
    `\\p{Lu}[\\p{Lu} .'’-]{2,}(?:,\\s*\\p{Lu}[\\p{L}.]*(?:\\s+\\p{Lu}[\\p{L}.]*)*)*(?:,?\\s+${DATE})?(?:\\s*\\([\\p{L} ]{2,20}\\))?`,
    // A place as written elsewhere, only with its agency in brackets.
    `|\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)?(?:,\\s*\\p{Lu}[\\p{L}.]*)*(?:,?\\s+${DATE})?\\s*\\((?:Reuters|AP|AFP|UPI|dpa|IANS|PTI|Xinhua|Anadolu)\\)`,
    ")\\s*(?:-{1,2}|[—–])[ \\t]+",
  ].join(""),
  "gmu",
);

/** The datelines of a text, as character ranges (end exclusive, the space after the dash included). */
export function datelines(text: string): { start: number; end: number }[] {
  if (!/[-—–]/.test(text)) return [];
  return [...text.matchAll(DATELINE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** The text with each dateline replaced by spaces, so every other offset holds. */
export function blankDatelines(text: string): string {
  let blanked = text;
  for (const { start, end } of datelines(text)) blanked = blanked.slice(0, start) + " ".repeat(end - start) + blanked.slice(end);
  return blanked;
}
