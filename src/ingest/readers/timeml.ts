/** TimeML (.tml, TempEval/TimeBank): the TEXT element's words, dated by the document creation time. */
import { basename } from "node:path";
import { parseTimeML } from "../../nlp/timex/timeml.js";
import { decodeText } from "../text.js";
import { InputError, type Reader } from "../types.js";

export const timemlReader: Reader = {
  name: "timeml",
  extensions: ["tml"],
  read(file, content, options) {
    let parsed;
    try {
      parsed = parseTimeML(decodeText(file, content), file);
    } catch (error) {
      throw new InputError(file, undefined, (error instanceof Error ? error.message : String(error)).replace(`${file}: `, ""));
    }
    return [{ text: parsed.text, date: parsed.dct, id: basename(file, ".tml"), source: options.source, line: 1 }];
  },
};
