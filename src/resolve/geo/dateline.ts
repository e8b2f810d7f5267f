/**
 * The dateline a wire report opens with ("ISLAMABAD, March 25 - ...", "BIRMINGHAM, MICH., March 12 -"),
 * or undefined. It tells the geocoder where the report was filed.
 */
const DATELINE = /^\s*([A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ ]{1,20})?),\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\s*(?:\([^)]{1,30}\)\s*)?[-–—]/;

export function findDateline(text: string): string | undefined {
  return DATELINE.exec(text.slice(0, 200))?.[0].trim();
}
