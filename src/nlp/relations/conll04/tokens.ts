/** Word-form helpers shared by the entity tagger and the relation classifier. */

/** Lower case with digits folded, so "1989" and "2001" share weights. */
export function norm(token: string): string {
  return token.toLowerCase().replace(/\d/g, "0");
}

/** Character classes: "McCain" → "XxXxxxx" then collapsed runs → "XxXx". */
export function shape(token: string): string {
  return token
    .replace(/\p{Lu}/gu, "X")
    .replace(/\p{Ll}/gu, "x")
    .replace(/\d/g, "d");
}

export function shortShape(token: string): string {
  return shape(token).replace(/(.)\1+/g, "$1");
}

/** A crude stem so "assassinated", "assassination" and "assassinate" share evidence. */
export function stem(token: string): string {
  const word = token.toLowerCase();
  if (word.length <= 4) return word;
  return word.replace(/(ations?|ings?|ed|es|s|ers?|ly)$/, "").slice(0, 7);
}

export function isCapitalised(token: string): boolean {
  return /^\p{Lu}/u.test(token);
}
