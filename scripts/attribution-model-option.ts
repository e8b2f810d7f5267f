/** The `--model FILE` option the attribution scripts share: compare a retrained cue model before it replaces the committed one. */
import { loadLexicon, type CueLexicon } from "../src/nlp/attribution/lexicon.js";

/** Takes `--model FILE` out of `args` and loads that model, or the committed one when the option is absent. */
export function takeModel(args: string[]): CueLexicon {
  const flag = args.indexOf("--model");
  return flag >= 0 ? loadLexicon(args.splice(flag, 2)[1]) : loadLexicon();
}
