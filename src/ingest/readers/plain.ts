/** Plain text: the whole file is one document, dated by `--date`. */
import { decodeText } from "../text.js";
import { InputError, type Reader } from "../types.js";

export const plainTextReader: Reader = {
  name: "text",
  extensions: ["txt", "text"],
  read(file, content, options) {
    if (!options.date) throw new InputError(file, undefined, "plain text carries no date: pass --date YYYY-MM-DD");
    return [{ text: decodeText(file, content), date: options.date, source: options.source, line: 1 }];
  },
};
