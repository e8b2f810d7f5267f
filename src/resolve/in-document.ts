import { type AnalysedDoc, type Component, type Entity, firstStartingFrom, type MentionSpan, partitionPoint } from "../nlp/doc.js";
import { gazetteer, normalise } from "../nlp/gazetteer/index.js";
import { ALSO_WORDS, ARABIC_ARTICLE, ARMED_ANAPHORS, ATTACKER_DESCRIPTIONS, SPELLED_ACRONYM, STATE_FORCE_DESCRIPTIONS } from "../nlp/mentions.js";
import type { EntityType } from "../model/index.js";

/** Auxiliaries and reporting verbs after which "it" is the subject of its clause, so it may name an actor. */
const SUBJECT_FOLLOWERS = new Set(
  "will would was is has had have can could should must may might said says claimed added warned called also does did urged vowed threatened continues continued accused denied rejected condemned blamed announced stated insisted alleged described pledged praised demanded issued released published posted attacked slammed criticised criticized dismissed welcomed reiterated stressed noted argued admitted acknowledged confirmed declared promised opened launched seized captured stormed overran ambushed killed struck fought bombed shelled targeted kidnapped abducted joined formed resumed".split(" "),
);
/**
 * After "it", reporting verbs in the present tense as well, as summaries of a statement use them ("It warns that
 * ...", "It calls X ..."), and "told"; not for a capital, as "Douglas told analysts" may be a person.
 */
const IT_FOLLOWERS = new Set([
  ...SUBJECT_FOLLOWERS,
  ..."claims warns calls adds accuses denies rejects condemns blames urges vows threatens insists alleges describes praises demands argues notes stresses writes wrote told tells reports reported repeats repeated".split(" "),
]);

/** Strips quotes and a leading article: the form an actor is named and matched by. */
export function cleanName(text: string): string {
  if (isClean(text)) return text;
  return text
    .replace(/["“”‘’«»]/g, (q) => (q === "’" ? "'" : ""))
    .replace(/^(the|The)\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Whether `cleanName` leaves the text as it is, as it does most names: printable ASCII without
 * double quotes, single spaces inside only, no leading article.
 */
function isClean(text: string): boolean {
  const n = text.length;
  if (n === 0 || text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return false;
  if (text.startsWith("the ") || text.startsWith("The ")) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 ? text.charCodeAt(i - 1) === 32 : c < 33 || c > 126 || c === 34) return false;
  }
  return true;
}

/**
 * Groups a document's mentions into entities: by gazetteer key or name, acronyms defined in
 * parentheses, branch names that end an organisation's name, surnames of persons named in full,
 * then definite descriptions and pronouns to the most salient compatible entity before them.
 */
export class InDocumentResolver implements Component {
  readonly name = "in-document-resolver";

  /** Mentions of the document being resolved whose words are no alias of their entity (see `readCapitals`). */
  private unaliased = new Set<MentionSpan>();

  /** Per mention of the document being resolved, its normalised clean name (asked for every person mention after it). */
  private names = new Map<MentionSpan, string>();

  private matchName(mention: MentionSpan): string {
    let name = this.names.get(mention);
    if (name === undefined) {
      name = normalise(cleanName(mention.name ?? mention.text));
      this.names.set(mention, name);
    }
    return name;
  }

  run(doc: AnalysedDoc): void {
    const entities: Entity[] = [];
    const byKey = new Map<string, Entity>();
    const persons = new PersonNames();
    const named = doc.mentions.filter((m) => !m.anaphoric);
    this.unaliased = readCapitals(doc, named);
    for (const mention of named) {
      const key = this.keyOf(mention, persons);
      let entity = byKey.get(key);
      if (!entity) {
        entity = { id: `e${entities.length + 1}`, name: "", type: mention.type, subtype: mention.subtype, key: mention.key, aliases: new Set(), mentions: [] };
        entities.push(entity);
        byKey.set(key, entity);
      }
      this.attach(entity, mention);
      if (entity.type === "PER") persons.add(entity, this.matchName(mention));
    }
    this.names.clear();
    this.mergeAcronyms(doc, entities);
    this.mergeAlsoKnownAs(doc, entities);
    mergeRenamed(doc, entities);
    this.mergeBranches(entities);
    mergeInitials(entities);
    mergeSameNames(entities);
    mergeAreaNames(entities);
    mergeNationalForces(entities);
    markArmedGroups(doc, entities);
    markSettlements(doc, entities);
    this.addSurnames(doc, entities);
    // "Gul, whose real name is X" after "Commander Hafiz Gul": a name known only as a surname joins as well.
    this.mergeAlsoKnownAs(doc, entities);
    const resolvable = entities.filter((e) => e.mentions.length > 0);
    this.resolveAnaphors(doc, resolvable);
    // "The group, which IS renamed its Sahel Province": a description resolved to a group gives it its new name.
    mergeRenamed(doc, resolvable);
    const live = resolvable.filter((e) => e.mentions.length > 0);
    for (const e of live) if (e.type === "ORG" && e.subtype === undefined && e.mentions.some((m) => m.anaphoric && (ARMED_ANAPHORS.has(normalise(m.text)) || ATTACKER_DESCRIPTIONS.has(normalise(m.text))))) e.subtype = "armed_group";
    live.forEach((e, i) => {
      e.id = `e${i + 1}`;
      for (const m of e.mentions) m.entity = e.id;
      nameEntity(e, doc.text, this.unaliased);
    });
    dropSharedNames(live);
    doc.entities = live;
    doc.mentions = doc.mentions.filter((m) => m.entity !== undefined).sort((a, b) => a.start - b.start);
  }

  private keyOf(mention: MentionSpan, persons: PersonNames): string {
    if (mention.key) return mention.key;
    const name = this.matchName(mention);
    // "al-Ansari" after "Abu Hudhayfa al-Ansari", "Guzmán López" after "Joaquín Guzmán López": the person, whatever the recogniser typed it.
    if (mention.source === "ner") {
      const person = persons.endingIn(name);
      if (person) {
        mention.type = "PER";
        return person.key ?? `per:${this.matchName(person.mentions[0]!)}`;
      }
    }
    if (mention.type === "PER") {
      // "Munir" or "Asim Munir" after "General Asim Munir": the same person.
      const person = persons.containing(name.split(" "));
      if (person) return person.key ?? `per:${this.matchName(person.mentions[0]!)}`;
    }
    return `${mention.type.toLowerCase()}:${name}`;
  }

  private attach(entity: Entity, mention: MentionSpan): void {
    entity.mentions.push(mention);
    entity.subtype ??= mention.subtype;
    entity.key ??= mention.key;
  }

  /** "Long Name (LN)": the acronym's entity joins the long form's; so does a name in translation ("Hezbollah (Party of God)"). */
  private mergeAcronyms(doc: AnalysedDoc, entities: Entity[]): void {
    joinAdjacent(doc, entities, (long, short, b, a) => {
      // "Jaysh al-Izza (“Army of Glory”)", "X Brigade (the Y Army)": quotes or an article may open the name in the brackets;
      // 'Harakat al-Nujaba, the "Movement of the Noble Ones",': a quoted apposition gives it too.
      const between = doc.text.slice(long.end, short.start).trim();
      const after = doc.text.slice(short.end, short.end + 2);
      const quoted = /^,\s*the\s+["“]$/.test(between) && /^["”]/.test(after);
      if (!quoted && (!/^["”]?\s*\(\s*(?:the\b\s*)?["“]?$/.test(between) || !/^["”]?\)/.test(after))) return false;
      // An organisation's name in translation joins it, unless both name listed actors.
      if (quoted || !SPELLED_ACRONYM.test(short.text)) return long.type === "ORG" && short.type === "ORG" && short.last - short.first > 1 && (b.key === undefined || a.key === undefined);
      if (initialsFit(short.text, long.text)) return true;
      // "its Sahel Province (ISSP)", "the group's West Africa Province (ISWAP)": the acronym spells its owner's initials, then the name's.
      if (/(?:\bits|\btheir|['’]s)\s+$/.test(doc.text.slice(Math.max(0, long.start - 8), long.start)) && ownedInitialsFit(short.text, long.text)) {
        // An organisation's province is the organisation's branch, not a place, when only a place's head made it one.
        if (short.type === "ORG" && a.key === undefined && a.mentions.every((m) => m.source === "rule:place-head")) {
          a.type = "ORG";
          a.subtype = undefined;
          for (const m of a.mentions) m.type = "ORG";
        }
        return true;
      }
      // "The Resistance Front (TRF)": the article is part of the name when the acronym spells it.
      const article = /\b(?:The|the)\s+$/.exec(doc.text.slice(Math.max(0, long.start - 4), long.start));
      if (article && initialsFit(short.text, `The ${long.text}`)) {
        long.name = `The ${long.text}`;
        return true;
      }
      // An organisation's acronym in its own language ("National Intelligence Organisation (MIT)"); a listed acronym only after a
      // name no list knows, of two words or more ("Mountain Defence Units (XYG)"), which is then the listed actor's name in English.
      return long.type === "ORG" && short.text.length >= 3 && (b.key === undefined || (a.key === undefined && b.type === "ORG" && long.last - long.first >= 2));
    });
  }

  /** "Ali Mohamud Rage, also known as Ali Dhere": one actor under two names. */
  private mergeAlsoKnownAs(doc: AnalysedDoc, entities: Entity[]): void {
    // The recogniser's type of the second name yields to the first's ("the Civil Protection Service, known as the Green Vests").
    joinAdjacent(doc, entities, (first, second, b, a) => {
      if (!(a.type === b.type || b.mentions.every((m) => m.source === "ner"))) return false;
      const between = doc.text.slice(first.end, second.start);
      // 'X, known as “Y”': the quote opening the second name.
      if (ALSO_KNOWN_AS.test(between.replace(/["“‘]\s*$/, ""))) return true;
      // "X, who ran it under the aliases Y and Z": a person's names, each joining the person.
      if (a.type !== "PER" || b.type !== "PER") return false;
      return UNDER_ALIASES.test(between) || (ALIAS_LIST_GOES_ON.test(between) && ALIAS_LIST_BEFORE.test(doc.text.slice(Math.max(0, first.start - 60), first.start)));
    });
  }

  /**
   * `its “Khorasan” province` is the organisation whose name ends in "Khorasan Province"; `its West
   * African province` the one whose name ends in "West Africa Province" (an adjective of a name word).
   */
  private mergeBranches(entities: Entity[]): void {
    for (const branch of entities.filter((e) => e.type === "ORG" && e.mentions.length > 0 && e.mentions.every((m) => m.source === "rule:branch"))) {
      const tail = normalise(cleanName(branch.mentions[0]!.text)).split(" ");
      const endsSo = (name: string) => {
        const words = name.split(" ").slice(-tail.length - 1);
        return words.length > tail.length && tail.every((w, k) => w.startsWith(words[k + 1]!) || words[k + 1]!.startsWith(w));
      };
      const parent = entities.find((e) => e !== branch && e.type === "ORG" && e.mentions.some((m) => endsSo(normalise(cleanName(m.text)))));
      if (!parent) continue;
      parent.mentions.push(...branch.mentions);
      branch.mentions = [];
    }
  }

  /**
   * A bare surname ("Munir") after the full name is that person; of two persons with one surname
   * ("Saad al-Awlaki", later "Anwar al-Awlaki"), the one the text already calls by it alone, else the
   * one named last before it.
   */
  private addSurnames(doc: AnalysedDoc, entities: Entity[]): void {
    const surnames = new Map<string, Entity[]>();
    for (const e of entities) {
      if (e.type !== "PER" || e.mentions.length === 0) continue;
      const words = cleanName(e.mentions[0]!.name ?? e.mentions[0]!.text).split(" ");
      // "Commander Gul" is named by "Gul" alone: a one-word name after a title is used bare later.
      const titled = words.length === 1 && e.mentions[0]!.name !== undefined && e.mentions[0]!.name !== e.mentions[0]!.text;
      // "Qais al-Khazali ... Khazali said": the surname also without its article.
      if (words.length > 1 || titled) for (const surname of surnameForms(words[words.length - 1]!)) surnames.set(surname, [...(surnames.get(surname) ?? []), e]);
      // "Mao Ning ... Mao said": a two-word name may put the surname first.
      if (words.length === 2 && !surnames.has(words[0]!) && !gazetteer().lookup(words[0]!)) surnames.set(words[0]!, [e]);
    }
    const covered = new Set<number>();
    for (const m of doc.mentions) for (let i = m.first; i < m.last; i++) covered.add(i);
    // Per surname, the person the text last called by it alone: "Rizvi ... his brother, Anas Rizvi ... Rizvi's father" keeps to the first.
    const calledSo = new Map<string, Entity>();
    doc.tokens.forEach((token, index) => {
      if (covered.has(index)) return;
      let person: Entity | undefined = calledSo.get(token.text);
      for (const e of person ? [] : surnames.get(token.text) ?? []) {
        const first = e.mentions[0]!.start;
        if (first < token.start && (!person || first > person.mentions[0]!.start)) person = e;
      }
      // "Ahmad Massoud, the son of Ahmad Shah Massoud ... Massoud": two persons of the surname named in one sentence, neither
      // yet called by it alone, leave it to neither.
      const introduced = person && !calledSo.has(token.text) ? doc.sentenceAt(person.mentions[0]!.start) : undefined;
      if (introduced !== undefined && surnames.get(token.text)!.some((e) => e !== person && doc.sentenceAt(e.mentions[0]!.start) === introduced)) return;
      // A surname-first name's surname alone is followed by a verb, not by more of a name.
      if (!person || (!surnameForms(lastWord(person)).includes(token.text) && !/^\p{Ll}/u.test(doc.tokens[index + 1]?.text ?? ""))) return;
      const mention: MentionSpan = { first: index, last: index + 1, start: token.start, end: token.end, text: token.text, type: "PER", source: "surname" };
      calledSo.set(token.text, person);
      person.mentions.push(mention);
      doc.mentions.push(mention);
    });
  }

  private resolveAnaphors(doc: AnalysedDoc, entities: Entity[]): void {
    const anaphors = doc.mentions.filter((m) => m.anaphoric).sort((a, b) => a.start - b.start);
    const candidates = entities.map((e, order) => new Antecedents(e, order));
    const salience = new Salience(candidates);
    const owner = new Map<MentionSpan, Antecedents>();
    for (const c of candidates) for (const m of c.byStart) owner.set(m, c);
    const named = [...owner.keys()].sort((a, b) => a.start - b.start);
    const branches = branchesOf(candidates);
    const wings = wingsOf(doc, named, owner);
    // What descriptions of a kind ("the party") mean, read with the anaphors resolved before them.
    const kinds = new KindsMet(doc, named, owner);
    // Organisations a description has called armed so far ("the militants"), whatever their subtype.
    const armed = new Set<Antecedents>();
    for (const anaphor of anaphors) {
      if (anaphor.text.toLowerCase() === "it" && !IT_FOLLOWERS.has(doc.tokens[anaphor.last]?.text.toLowerCase() ?? "")) continue;
      salience.advanceTo(anaphor.start);
      // "Police said ...": the one police force the text has named, or none.
      if (POLICE_DESCRIPTION.test(anaphor.text)) {
        const police = policeNamedBefore(anaphor, candidates);
        if (police) salience.attach(police, anaphor);
        continue;
      }
      // "Government troops", "the assailants", "the junta": the one actor of their kind the text leaves, or none.
      const described = normalise(anaphor.text);
      const sole = STATE_FORCE_DESCRIPTIONS.has(described)
        ? soleMilitary(doc, described, candidates)
        : ATTACKER_DESCRIPTIONS.has(described)
          ? soleArmedGroup(doc, anaphor, ATTACKER_DESCRIPTIONS.get(described)!, candidates, branches, armed)
          : RULERS.has(described)
            ? soleRuledCountry(doc, anaphor, described, candidates)
            : null;
      if (sole !== null) {
        if (sole) {
          salience.attach(sole, anaphor);
          kinds.resolved(anaphor, sole);
          if (ATTACKER_DESCRIPTIONS.has(described)) armed.add(sole);
        }
        continue;
      }
      // "the militant group White Aryan Resistance": a description right before a name is how the name is introduced, no reference.
      if (premodifiesName(doc, anaphor, named, owner)) continue;
      const direct = namedNext(doc, anaphor, named, owner) ?? apposedTo(doc, anaphor, named, owner);
      let target = direct ?? reporter(doc, anaphor, named, owner) ?? previousSubject(doc, anaphor, kinds) ?? subjectsOwn(doc, anaphor, kinds) ?? continuedGroup(doc, anaphor, kinds) ?? this.salient(doc, salience, anaphor);
      // "the movement" is no armed wing: the movement whose wing the text calls it.
      if (target && MOVEMENT_DESCRIPTIONS.test(anaphor.text)) target = wings.get(target) ?? target;
      // "the umbrella" is the coalition named or described as one, however salient its members; "the front" only a front,
      // "the party" only a party (see `KindsMet`).
      const kind = kindNoun(anaphor.text);
      if (kind) {
        const own = OWN_KINDS.get(kind);
        if (own) {
          target = kinds.meant(anaphor, own, target, target === direct);
          if (!target) continue;
        } else target = describedBefore(doc, anaphor, COALITION, named, owner) ?? target;
      }
      // "the militants" after "Islamic State Sinai Province" was named: the branch the text is about, not its parent.
      // Of several branches named, the one named and described most so far.
      const weight = (b: Antecedents) => b.namedBefore(anaphor.start) + b.anaphorsBefore(anaphor.start);
      const branch = target && (branches.get(target) ?? []).filter((b) => b.namedBefore(anaphor.start) > 0).sort((a, b) => weight(b) - weight(a))[0];
      // "the movement", "the organisation" mean the whole, not a branch; "the party" the one of its kind.
      if (branch && anaphor.source !== "pronoun" && !kind && !MOVEMENT_DESCRIPTIONS.test(anaphor.text)) target = branch;
      if (target && partIntroduced(doc, anaphor, target)) continue;
      if (!target) continue;
      salience.attach(target, anaphor);
      kinds.resolved(anaphor, target);
      if (ARMED_ANAPHORS.has(described)) armed.add(target);
      // "The X group claimed it through its Sahel Province": a branch named after the group's "its" is that group's branch.
      const next = named[firstStartingFrom(named, anaphor.end)];
      const owned = next && next.source === "rule:branch" && /^its$/i.test(anaphor.text) && /^\s+$/.test(doc.text.slice(anaphor.end, next.start)) ? owner.get(next) : undefined;
      if (owned && owned !== target && owned.entity.type === "ORG" && !(branches.get(target) ?? []).includes(owned)) branches.set(target, [...(branches.get(target) ?? []), owned]);
    }
    for (const c of candidates) c.commit();
  }

  /**
   * The entity an anaphor most likely means: persons by recency (the last named within two
   * sentences); organisations and countries by salience, i.e. how often and how lately named.
   * Only entities named from the sentence before on (two before, for persons) are scored one by
   * one; any other's score is its running weight, which `salience` keeps ranked.
   */
  private salient(doc: AnalysedDoc, salience: Salience, anaphor: MentionSpan): Antecedents | undefined {
    // "Its government spokesperson", "its defence minister": a state's offices make "its" a country, when one is at hand.
    const country = /^its$/i.test(anaphor.text) && beforeStateOffice(doc, anaphor) ? this.salientOf(doc, salience, anaphor, "GPE") : undefined;
    return country ?? this.salientOf(doc, salience, anaphor, anaphor.type);
  }

  /** The most salient entity of `type` for `anaphor` (see `salient`). */
  private salientOf(doc: AnalysedDoc, salience: Salience, anaphor: MentionSpan, type: EntityType): Antecedents | undefined {
    const sentence = doc.sentenceAt(anaphor.start);
    // A possessive ("the group's media office ... IS spokesman") is no participant of the clause, so a name after it may be what it means.
    const possessive = /^['’]s\b/.test(doc.text.slice(anaphor.end, anaphor.end + 2));
    // A description may break across lines ("the\nmilitary").
    const military = MILITARY_DESCRIPTIONS.has(anaphor.text.toLowerCase().replace(/\s+/g, " "));
    const grouplike = GROUP_DESCRIPTION.test(anaphor.text);
    const window = sentence - (type === "PER" ? 2 : 1);
    const from = window > 0 ? doc.sentences[window]!.start : -Infinity;
    const named = salience.namedIn(from, anaphor.end + 80);
    const near = type === "PER" ? salience.withReferred(named, from, anaphor.start) : named;
    let best: Antecedents | undefined;
    let bestScore = 0;
    for (const c of near) {
      const e = c.entity;
      if (e.type !== type) continue;
      if (type === "GPE" && e.subtype !== "country") continue;
      // "the army" is an army named before, never an armed group.
      if (military !== (e.subtype === "military")) continue;
      if (grouplike && c.governing) continue;
      const before = c.namedBefore(anaphor.start);
      if (before === 0 || (!possessive && c.namedLaterInSentence(doc, anaphor, sentence))) continue;
      const last = c.lastNamedBefore(before);
      const distance = sentence - doc.sentenceAt(last.start);
      let score: number;
      if (type === "PER") {
        // A pronoun resolved to the person keeps them in view: "X said ... . “...,” he said. He added ...".
        const latest = Math.max(last.end, c.anaphorEndBefore(anaphor.start));
        if (sentence - doc.sentenceAt(latest - 1) > 2) continue;
        score = latest;
      } else {
        // "Mali's president ... ended the country's partnership": a country named earlier in the sentence weighs more.
        const sameSentenceCountry = type === "GPE" && distance === 0 ? 2 : 0;
        score = sameSentenceCountry + before + (e.subtype === "armed_group" ? 2 : 0) + (distance <= 1 ? 1 : 0) + c.anaphorsBefore(anaphor.start);
      }
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (type === "PER") return best;
    // Named two sentences back or more, and not after the anaphor: its score is its weight.
    const far = salience.heaviest(groupOf(type, military), near, grouplike);
    if (far && (far.weight > bestScore || (far.weight === bestScore && best && far.order < best.order))) return far;
    return best;
  }
}

/**
 * A state's office after a possessive: "its government spokesperson", "its foreign ministry", "its defence minister"
 * (not "its president": a company has one too).
 */
const STATE_OFFICE_AFTER = /^\s+(?:[\p{Ll}-]+\s+){0,2}?(?:government|ministry|ministers?|prime\s+minister|parliament|cabinet|embassy|ambassador|foreign\s+office)\b/u;
const beforeStateOffice = (doc: AnalysedDoc, anaphor: MentionSpan): boolean => STATE_OFFICE_AFTER.test(doc.text.slice(anaphor.end, anaphor.end + 60));
/** "the police", "police": a police force, not whatever organisation is most in view. */
const POLICE_DESCRIPTION = /^(?:the\s+)?police$/i;

/** The one police force (an organisation called "... Police") named before `anaphor`, if the text names exactly one. */
function policeNamedBefore(anaphor: MentionSpan, candidates: Antecedents[]): Antecedents | undefined {
  const forces = candidates.filter((c) => c.entity.type === "ORG" && c.namedBefore(anaphor.start) > 0 && c.byStart.some((m) => /\bpolice\b/i.test(m.text)));
  return forces.length === 1 ? forces[0] : undefined;
}

/** The country of a military, by the words the text first names it with ("Myanmar's military"), else by its listed name. */
function countryOfForce(c: Antecedents): string | undefined {
  const first = c.byStart[0]!;
  const found = forceCountry(first.text) ?? forceCountry(first.name ?? "");
  if (found !== undefined) return found;
  // "Armed Forces of the Philippines": the country closes the name.
  const of = /\bof\s+(?:the\s+)?([^,]+)$/.exec(cleanName(first.text))?.[1];
  const country = of === undefined ? undefined : gazetteer().lookup(of);
  return country?.subtype === "country" ? country.key : undefined;
}

/** Another's forces by a noun after its name: "French troops", "Kenya's soldiers", "the Togolese army", "UN troops". */
const TROOPS_AFTER = /^(?:['’]s)?\s+(?:troops|soldiers|forces|army|military|navy)\b/;

/** People of a force after its name ("a U.S. military adviser"): the force itself does nothing in the text. */
const FORCE_PEOPLE_AFTER = /^\s+(?:advis[eo]rs?|officers?|officials?|instructors?|trainers?|attach[eé]s?|veterans?|sources?|spokes(?:man|woman|person))\b/;

/**
 * The state military "government troops" or "the soldiers" mean: the one military the text names, when it
 * names one, not only by its people ("a U.S. military adviser"), of the country the text names most, and no
 * other country's or body's troops ("French troops", "UN troops") nor, for "security forces", a police force.
 */
function soleMilitary(doc: AnalysedDoc, described: string, candidates: Antecedents[]): Antecedents | undefined {
  const forces = candidates.filter((c) => c.entity.type === "ORG" && c.entity.subtype === "military" && c.byStart.length > 0);
  if (forces.length !== 1) return undefined;
  const force = forces[0]!;
  if (force.byStart.every((m) => FORCE_PEOPLE_AFTER.test(doc.text.slice(m.end, m.end + 16)))) return undefined;
  const country = countryOfForce(force);
  // "Government troops" in a war another country's army joins are the state's the text is about, not that army.
  const named = (c: Antecedents) => c.byStart.length + (country !== undefined && c.entity.key === country ? force.byStart.length : 0);
  const own = country === undefined ? undefined : candidates.find((c) => c.entity.type === "GPE" && c.entity.key === country);
  const most = own ? named(own) : force.byStart.length;
  if (candidates.some((c) => c !== own && c.entity.type === "GPE" && c.entity.subtype === "country" && named(c) > most)) return undefined;
  const others = candidates.some(
    (c) =>
      c !== force &&
      (((c.entity.key === undefined || c.entity.key !== country) && c.byStart.some((m) => TROOPS_AFTER.test(doc.text.slice(m.end, m.end + 12)))) ||
        (described.includes("security") && c.entity.type === "ORG" && c.byStart.some((m) => /\bpolice\b/i.test(m.text)))),
  );
  return others ? undefined : force;
}

/** A document that says nobody is known to have carried out an attack: its assailants are nobody it names. */
const UNCLAIMED = /\b(?:no(?:body| one| group)|none)\s+(?:has\s+|had\s+|have\s+)?(?:yet\s+|immediately\s+)?claimed|\b(?:not|yet to)\s+(?:yet\s+)?(?:be(?:en)?\s+)?claimed|\b(?:unidentified|unknown)\s+(?:gunmen|assailants|attackers)/i;

/**
 * The armed group "the assailants" or "Maoist guerrillas" mean: the one armed group (by its subtype or a
 * description such as "the militants") named before it, or the one whose name has the description's belief
 * ("Communist Party (Maoist)"); a group through its branch when that is named too; nobody when the text
 * says the attack is unclaimed.
 */
function soleArmedGroup(doc: AnalysedDoc, anaphor: MentionSpan, belief: string, candidates: Antecedents[], branches: Map<Antecedents, Antecedents[]>, armed: Set<Antecedents>): Antecedents | undefined {
  const groups = candidates.filter((c) => c.entity.type === "ORG" && (c.entity.subtype === "armed_group" || armed.has(c)) && c.namedBefore(anaphor.start) > 0);
  // "Maoist guerrillas": the organisation named before whose name says "Maoist", armed or not, when one does.
  const believing = new RegExp(`\\b${belief}\\b`, "i");
  const so = belief === "" ? [] : candidates.filter((c) => c.entity.type === "ORG" && c.namedBefore(anaphor.start) > 0 && c.byStart.some((m) => believing.test(m.name ?? m.text)));
  const meant = so.length > 0 ? so : groups.filter((g) => !(branches.get(g) ?? []).some((b) => groups.includes(b)));
  return meant.length === 1 && !UNCLAIMED.test(doc.text) ? meant[0] : undefined;
}

/** Descriptions of a state's rulers, which mean the state. */
const RULERS = new Set(["the junta", "the military junta", "the regime"]);
/** After a country's name, its rulers: "Mali's military rulers", "the Niger junta", "Iran's regime". */
const RULED_AFTER = /^(?:['’]s)?\s+(?:military\s+)?(?:junta|regime|rulers|military\s+(?:rulers|government|leaders?|authorities))\b/i;

/**
 * The country "the junta" or "the regime" means: the one the text has named with its rulers before it ("Mali's
 * military rulers", "the Malian junta") or, for a junta, whose forces it has named ("Myanmar's military"), else
 * the one country named before it; none when two countries are so named.
 */
function soleRuledCountry(doc: AnalysedDoc, anaphor: MentionSpan, described: string, candidates: Antecedents[]): Antecedents | undefined {
  const countries = candidates.filter((c) => c.entity.type === "GPE" && c.entity.subtype === "country");
  const ruled = countries.filter((c) => c.byStart.some((m) => m.start < anaphor.start && (RULED_AFTER.test(doc.text.slice(m.end, m.end + 40)) || /\b(?:junta|regime)$/i.test(m.text))));
  const meant = new Set(ruled.map((c) => c.entity.key ?? c.entity.id));
  if (described.includes("junta")) {
    // A force whose name gives no country ("Western Command") is some country's part, no second country.
    for (const c of candidates) {
      const country = c.entity.type === "ORG" && c.entity.subtype === "military" && c.namedBefore(anaphor.start) > 0 ? countryOfForce(c) : undefined;
      if (country !== undefined) meant.add(country);
    }
  }
  // A junta rules a country: failing both, the one country named before it.
  if (meant.size === 0 && described.includes("junta")) for (const c of countries) if (c.namedBefore(anaphor.start) > 0) meant.add(c.entity.key ?? c.entity.id);
  const [key] = meant;
  return meant.size === 1 ? countries.find((c) => (c.entity.key ?? c.entity.id) === key) : undefined;
}

/** Descriptions of a group outside the state ("the outfit", "the jihadist group"), never of a governing body. */
const GROUP_DESCRIPTION = /^the\s+(?:[\w-]+\s+)?(?:group|outfit|militants|insurgents|jihadists|rebels|militia|faction|movement)$/i;
/** Heads of a governing body's name: a junta's council, a police department, a ministry. */
const GOVERNING_NAME = /\b(?:Council|Government|Ministry|Department|Court|Parliament|Assembly|Commission|Agency|Authority|Police|Bureau|Directorate|Junta|Cabinet|Presidency)\b/;

/**
 * A kind of organisation, by its noun: what its names and descriptions say ("X Front"; "X, an outfit
 * that analysts regard as a shadow front"; "X (a splinter party)"; "X is a splinter party", "X, which was
 * the ruling party"), not a possessive ("X, a rival of the party's leader"). A party or a cartel is often
 * named without its noun ("Labour", "OPEC"): a description by it may also mean the organisation the
 * text is about, if it may be one (`loose`).
 */
interface Kind {
  readonly noun: RegExp;
  readonly apposition: RegExp;
  readonly predicate: RegExp;
  readonly loose?: (c: Antecedents) => boolean;
}

function kindOf(noun: RegExp, loose?: (c: Antecedents) => boolean): Kind {
  return {
    noun,
    // An apposition that calls it one, however long: ", a little-known outfit that analysts regard as a shadow front".
    apposition: new RegExp(`^\\s*\\)?\\s*[,(—–-]\\s*(?:a|an)\\s[^;]*?${noun.source}(?!['’]s)`, "i"),
    predicate: new RegExp(`^\\s*\\)?\\s*(?:,\\s*(?:which|who)\\s+)?(?:is|was|has\\s+been|became|remains)\\s+(?:a|an|the)\\s+(?:[\\w-]+\\s+){0,3}?${noun.source}(?!['’]s)`, "i"),
    loose,
  };
}

/** Coalitions of groups: "the coalition" means the one last named or described so, else the one salience chose. */
const COALITION = kindOf(/\b(?:coalition|alliance|umbrella)\b/i);
const BRIGADE = kindOf(/\bbrigades?\b/i);
/** Kinds that a description by their noun means only an organisation of ("the front" only a front). */
const OWN_KINDS = new Map<string, Kind>(
  Object.entries({
    front: kindOf(/\bfront\b/i),
    party: kindOf(/\bpart(?:y|ies)\b/i, (c) => !c.governing && c.entity.subtype !== "armed_group" && c.entity.subtype !== "military"),
    cartel: kindOf(/\bcartels?\b/i, (c) => !c.governing && c.entity.subtype !== "military"),
    council: kindOf(/\bcouncils?\b/i),
    department: kindOf(/\bdepartments?\b/i),
    brigade: BRIGADE,
    brigades: BRIGADE,
    "task force": kindOf(/\btask\s+force\b/i),
    union: kindOf(/\bunion\b/i),
    court: kindOf(/\bcourt\b/i),
  }),
);
const KIND_NOUN = /\b(?:coalition|alliance|umbrella|front|party|cartel|council|department|brigades?|task\s+force|union|court)\b/i;
/** The kind noun a description names, as OWN_KINDS keys it ("task force" however spaced). */
function kindNoun(text: string): string | undefined {
  return KIND_NOUN.exec(text)?.[0].toLowerCase().replace(/\s+/g, " ");
}
/** Heads of the names of bodies that are no party or cartel, and no governing body (`GOVERNING_NAME`). */
const BODY_NAME = /\b(?:Committee|Board|Office|Bank|Company|Corporation|Institute|University|Association|Federation)\b/;
/** How many sentences back a coalition may be named. */
const DESCRIBED_LOOKBACK = 5;

/** Whether `m` names an organisation of the `kind` by its name or by a description up to `before` (see `Kind`). */
function describedAs(doc: AnalysedDoc, m: MentionSpan, kind: Kind, before: number): boolean {
  if (kind.noun.test(m.name ?? m.text)) return true;
  const after = doc.text.slice(m.end, Math.min(doc.sentences[doc.sentenceAt(m.start)]!.end, before, m.end + 150));
  return kind.apposition.test(after) || kind.predicate.test(after);
}

/** The last organisation named before `anaphor`, within `DESCRIBED_LOOKBACK` sentences, that is of the `kind`. */
function describedBefore(doc: AnalysedDoc, anaphor: MentionSpan, kind: Kind, named: MentionSpan[], owner: Map<MentionSpan, Antecedents>): Antecedents | undefined {
  const sentence = doc.sentenceAt(anaphor.start);
  const since = doc.sentences[Math.max(0, sentence - DESCRIBED_LOOKBACK)]!.start;
  for (let i = named.length - 1; i >= 0 && named[i]!.start >= since; i--) {
    const m = named[i]!;
    if (m.start >= anaphor.start || m.type !== "ORG") continue;
    if (describedAs(doc, m, kind, anaphor.start)) return owner.get(m);
  }
  return undefined;
}

/**
 * Which organisation a description of a kind ("the party", "the brigade") means, as a document's
 * anaphors are resolved in text order. Of the organisations named before it that are of the kind
 * (`describedAs`, or an earlier description of the kind resolved to one): the subject of its clause or
 * of the sentence before ("The X Brigade emerged ... It has since ... the brigade"); else the only one
 * named since the sentence before; else the one clearly named most, salience's choice first among near
 * equals; none when two are close.
 */
class KindsMet {
  /** Anaphors resolved so far, in text order, and what each means. */
  private readonly anaphors: MentionSpan[] = [];
  private readonly meanings = new Map<MentionSpan, Antecedents>();
  /** Per kind, the organisations of it found so far, and how many named mentions were read for it (up to the sentence of the last anaphor asked). */
  private readonly members = new Map<Kind, { found: Set<Antecedents>; read: number }>();

  constructor(
    private readonly doc: AnalysedDoc,
    private readonly named: MentionSpan[],
    private readonly owner: Map<MentionSpan, Antecedents>,
  ) {}

  resolved(anaphor: MentionSpan, c: Antecedents): void {
    this.anaphors.push(anaphor);
    this.meanings.set(anaphor, c);
    const kind = anaphor.source === "pronoun" ? undefined : OWN_KINDS.get(kindNoun(anaphor.text) ?? "");
    if (kind) this.membersOf(kind).found.add(c);
  }

  /** What `anaphor` means of `kind`, given the `target` salience chose (`apposed`: the name it is set off after, or the one it takes). */
  meant(anaphor: MentionSpan, kind: Kind, target: Antecedents | undefined, apposed: boolean): Antecedents | undefined {
    const ofKind = this.ofKind(anaphor, kind);
    if (apposed && target && (ofKind.includes(target) || this.mayBe(target, kind))) return target;
    const subject = this.subjects(anaphor).find((c) => ofKind.includes(c));
    if (subject) return subject;
    const previous = this.doc.sentences[Math.max(0, this.doc.sentenceAt(anaphor.start) - 1)]!.start;
    const recent = ofKind.filter((c) => c.namedBefore(anaphor.start) > c.namedBefore(previous));
    if (recent.length === 1) return recent[0];
    // Mentions so far, and one more for the one salience chose.
    const score = (c: Antecedents) => c.namedBefore(anaphor.start) + c.anaphorsBefore(anaphor.start) + (c === target ? 1 : 0);
    const [best, second] = ofKind.sort((a, b) => score(b) - score(a));
    // "Labour ... the party": the organisation the text is about, unless one of the kind is nearly as much in view.
    if (target && target !== best && this.mayBe(target, kind) && (!best || score(target) >= 2 * score(best))) return target;
    return best && !(second && score(best) - score(second) < 2) ? best : undefined;
  }

  private membersOf(kind: Kind): { found: Set<Antecedents>; read: number } {
    return this.members.get(kind) ?? this.members.set(kind, { found: new Set(), read: 0 }).get(kind)!;
  }

  /** The organisations of `kind` named before `anaphor`; names in its own sentence are read again for each anaphor, whose place bounds their descriptions. */
  private ofKind(anaphor: MentionSpan, kind: Kind): Antecedents[] {
    const { doc, named } = this;
    const members = this.membersOf(kind);
    const sentence = doc.sentences[doc.sentenceAt(anaphor.start)]!.start;
    const fits = (m: MentionSpan) => m.type === "ORG" && describedAs(doc, m, kind, anaphor.start);
    for (; members.read < named.length && named[members.read]!.start < sentence; members.read++) if (fits(named[members.read]!)) members.found.add(this.owner.get(named[members.read]!)!);
    const out = new Set([...members.found].filter((c) => c.entity.type === "ORG"));
    for (let i = members.read; i < named.length && named[i]!.start < anaphor.start; i++) if (fits(named[i]!)) out.add(this.owner.get(named[i]!)!);
    return [...out];
  }

  /**
   * Whether `c` may be of a `loose` kind though not named so: no organisation another kind's noun
   * names ("the party" is no "X Brigade"), nor a body's head ("National Executive Committee").
   */
  private mayBe(c: Antecedents, kind: Kind): boolean {
    if (c.entity.type !== "ORG" || !kind.loose?.(c)) return false;
    return !c.byStart.some((m) => BODY_NAME.test(m.name ?? m.text) || [...OWN_KINDS.values()].some((other) => other !== kind && other.noun.test(m.name ?? m.text)));
  }

  /** What opens the clause of `anaphor` before it, then what opens the sentence before: a name or a resolved anaphor. */
  private subjects(anaphor: MentionSpan): Antecedents[] {
    const s = this.doc.sentenceAt(anaphor.start);
    return [this.opener(s, anaphor.start), this.opener(s - 1, anaphor.start)].filter((c) => c !== undefined);
  }

  /** What opens sentence `s` before `before` as its subject: a name or a resolved anaphor. */
  opener(s: number, before: number): Antecedents | undefined {
    return this.openingMention(s, before)?.meaning;
  }

  /**
   * The mention that opens sentence `s` before `before` as its subject, and what it means; with `lastClause`, the
   * subject of its last clause after a semicolon ("X said ...; Y accused Z").
   */
  openingMention(s: number, before: number, lastClause = false, subordinate = false): { mention: MentionSpan; meaning: Antecedents } | undefined {
    const { doc, named } = this;
    const sentence = doc.sentences[s];
    if (!sentence) return undefined;
    const end = Math.min(sentence.end, before);
    const start = lastClause ? Math.max(sentence.start, doc.text.lastIndexOf(";", end - 1) + 1) : sentence.start;
    const name = named[firstStartingFrom(named, start)];
    const earlier = this.anaphors[firstStartingFrom(this.anaphors, start)];
    const first = name && (!earlier || name.start < earlier.start) ? name : earlier;
    if (!first || first.start >= end || !opensClause(doc.text.slice(start, first.start), subordinate)) return undefined;
    const meaning = first === name ? this.owner.get(first) : this.meanings.get(first);
    return meaning && { mention: first, meaning };
  }

  /** Whether a name or a resolved anaphor starts in [from, to), other than one meaning `except`. */
  mentionedBetween(from: number, to: number, except?: Antecedents): boolean {
    for (let i = firstStartingFrom(this.named, from); i < this.named.length && this.named[i]!.start < to; i++) if (this.owner.get(this.named[i]!) !== except) return true;
    for (let i = firstStartingFrom(this.anaphors, from); i < this.anaphors.length && this.anaphors[i]!.start < to; i++) if (this.meanings.get(this.anaphors[i]!) !== except) return true;
    return false;
  }
}

/**
 * "A breakaway faction of the X ... The faction, which calls itself Y": a description whose noun the
 * text used, since the sentence before, for an unnamed part of `target` ("a faction of", "a wing
 * within") means that part, not `target`; it stays unresolved.
 */
function partIntroduced(doc: AnalysedDoc, anaphor: MentionSpan, target: Antecedents): boolean {
  if (anaphor.source === "pronoun") return false;
  const noun = /(\w+)$/.exec(anaphor.text)![1]!.toLowerCase();
  const since = doc.sentences[Math.max(0, doc.sentenceAt(anaphor.start) - 1)]!.start;
  const partOf = new RegExp(`\\b(?:an?|one)\\s+(?:[\\w-]+\\s+){0,2}${noun}\\s+(?:of|within|from)\\s+(?:the\\s+)?$`, "i");
  return target.byStart.some((m) => m.start >= since && m.start < anaphor.start && partOf.test(doc.text.slice(Math.max(since, m.start - 60), m.start)));
}

/** The last word of a person's first name. */
/** A surname as written, and without an Arabic article ("al-Khazali", "Khazali"). */
function surnameForms(word: string): string[] {
  const bare = word.replace(ARABIC_ARTICLE, "");
  return bare !== word && /^\p{Lu}\p{Ll}{2,}/u.test(bare) ? [word, bare] : [word];
}

function lastWord(person: Entity): string {
  const words = cleanName(person.mentions[0]!.name ?? person.mentions[0]!.text).split(" ");
  return words[words.length - 1]!;
}

/** Descriptions of a whole movement, which an armed wing is not. */
const MOVEMENT_DESCRIPTIONS = /^the\s+(?:\w+\s+)?(?:movement|organi[sz]ation)$/i;
/** Between a wing's name and its parent's: "X, the armed wing of Y", "X is the armed wing of the banned Y". */
const WING_OF = /^\s*\)?\s*(?:,|\bis|\bwas|\bremains)\s+(?:the|its|a)\s+(?:[\w-]+\s+){0,2}wing\s+of\s+(?:the\s+)?(?:\p{Ll}+\s+)?$/u;

/** Each organisation the text calls another's wing, to that other. */
function wingsOf(doc: AnalysedDoc, named: MentionSpan[], owner: Map<MentionSpan, Antecedents>): Map<Antecedents, Antecedents> {
  const wings = new Map<Antecedents, Antecedents>();
  for (let i = 1; i < named.length; i++) {
    const [wing, parent] = [owner.get(named[i - 1]!), owner.get(named[i]!)];
    if (wing && parent && wing !== parent && wing.entity.type === "ORG" && parent.entity.type === "ORG" && WING_OF.test(doc.text.slice(named[i - 1]!.end, named[i]!.start))) {
      wings.set(wing, parent);
    }
  }
  return wings;
}

/** Between a description and the name it takes: "The group takes the name X", "the movement adopted the name of X". */
const TAKES_NAME = /^\s+(?:\w+\s+)?(?:takes|took|adopts|adopted|assumes|assumed|chose|chooses)\s+the\s+name\s+(?:of\s+)?(?:the\s+)?["“]?$/i;

/**
 * "The group takes the name X": a description that takes a name is the actor of that name, however
 * salient another is (a new group is named so, not an old one renamed; "renamed itself" joins the two instead).
 */
function namedNext(doc: AnalysedDoc, anaphor: MentionSpan, named: MentionSpan[], owner: Map<MentionSpan, Antecedents>): Antecedents | undefined {
  const next = nextNameOfType(doc, anaphor, named, owner);
  return next && TAKES_NAME.test(next.between) ? next.meaning : undefined;
}

/** Whether a description stands right before a name of its type ("the militant group White Aryan Resistance"). */
function premodifiesName(doc: AnalysedDoc, anaphor: MentionSpan, named: MentionSpan[], owner: Map<MentionSpan, Antecedents>): boolean {
  return nextNameOfType(doc, anaphor, named, owner)?.between === " ";
}

/** The first name after a description, if it is of the description's type, and the text between them. */
function nextNameOfType(doc: AnalysedDoc, anaphor: MentionSpan, named: MentionSpan[], owner: Map<MentionSpan, Antecedents>): { meaning: Antecedents; between: string } | undefined {
  if (anaphor.source === "pronoun") return undefined;
  const name = named[firstStartingFrom(named, anaphor.end)];
  const meaning = name && owner.get(name);
  return meaning && meaning.entity.type === anaphor.type ? { meaning, between: doc.text.slice(anaphor.end, name.start) } : undefined;
}

/**
 * "Amal, the movement founded by ...": a description set off by a comma right after a name of its type is that name's;
 * so is one after an acronym in brackets ("the Northern League (NL), the faction that ...").
 */
function apposedTo(doc: AnalysedDoc, anaphor: MentionSpan, named: MentionSpan[], owner: Map<MentionSpan, Antecedents>): Antecedents | undefined {
  if (anaphor.source === "pronoun") return undefined;
  const i = firstStartingFrom(named, anaphor.start) - 1;
  const name = named[i];
  const c = name && owner.get(name);
  // "Al Araby, the group's satellite channel": a possessive description is no apposition.
  const possessive = /^['’]s\b/.test(doc.text.slice(anaphor.end, anaphor.end + 2));
  if (!c) return undefined;
  const between = doc.text.slice(name.end, anaphor.start).trim();
  const bracketed = between === ")," && doc.text.slice(Math.max(0, name.start - 1), name.start) === "(";
  return !possessive && c.entity.type === anaphor.type && (between === "," || bracketed) ? c : undefined;
}

/** Between a speaker's name and what it says of itself: "X said", "X's spokesman told reporters on Monday that". */
const REPORTED_BY = new RegExp(
  `^(?:(?:\\s*['’]s?)?\\s+(?:[\\p{Ll}-]+\\s+){0,2}?(?:spokes(?:man|woman|person)|leader|chief|commander|statement))?\\s+(?:(?:has|have|had|also|later|then)\\s+)*` +
    `(?:said|says|added|claimed|announced|stated|insisted|warned|denied|acknowledged|admitted|confirmed|told\\s+(?:[\\p{Ll}-]+\\s+){0,2}?[\\p{Ll}-]+)(?:\\s+(?:on|in)\\s+[\\p{L}\\d]+)?(?:\\s*,)?\\s+(?:that\\s+)?$`,
  "u",
);

/**
 * "The X Forces said it had struck ...", "X's spokesman said they would ...": a subject pronoun right after what
 * an organisation or a country says is that speaker, however salient another group is.
 */
function reporter(doc: AnalysedDoc, anaphor: MentionSpan, named: MentionSpan[], owner: Map<MentionSpan, Antecedents>): Antecedents | undefined {
  const word = anaphor.text.toLowerCase();
  if (anaphor.source !== "pronoun" || (word !== "it" && word !== "they")) return undefined;
  const before = named[firstStartingFrom(named, anaphor.start) - 1];
  const c = before && owner.get(before);
  if (!c || !(c.entity.type === "ORG" || (c.entity.type === "GPE" && c.entity.subtype === "country"))) return undefined;
  // "Philips of the Netherlands said it", "A and B said they": the name before the verb is not the whole speaker.
  if (/(?:\b[Oo]f|\band|,)\s+(?:the\s+)?(?:\p{Lu}\p{L}*\s+)?$/u.test(doc.text.slice(Math.max(0, before.start - 20), before.start))) return undefined;
  return REPORTED_BY.test(doc.text.slice(before.end, anaphor.start)) ? c : undefined;
}

/** Pronouns that open a clause as its subject ("He also urged ...", "In a claim ..., it said ..."). */
const SUBJECT_PRONOUNS = new Set(["he", "she", "it", "they"]);

/**
 * "The group first struck in 2017, when its fighters attacked ...": "its" after its clause's subject, with nothing
 * else named between, is the subject's (an organisation's; "their" may as well be people's the text does not name).
 */
function subjectsOwn(doc: AnalysedDoc, anaphor: MentionSpan, kinds: KindsMet): Antecedents | undefined {
  if (anaphor.source !== "pronoun" || anaphor.type !== "ORG" || anaphor.text.toLowerCase() !== "its") return undefined;
  const opening = kinds.openingMention(doc.sentenceAt(anaphor.start), anaphor.start, false, true);
  if (!opening || opening.meaning.entity.type !== "ORG" || kinds.mentionedBetween(opening.mention.end, anaphor.start, opening.meaning)) return undefined;
  return opening.meaning;
}

/**
 * A subject pronoun that opens its sentence (or the clause after a fronted phrase) continues the
 * subject of the sentence before, when that sentence opens with a name of the pronoun's type:
 * "Spokesman X condemned ... without the knowledge of Y. He also urged ..." is X's; so does "its"
 * ("The X Front said ... . Its commander, Y, denied ...").
 */
function previousSubject(doc: AnalysedDoc, anaphor: MentionSpan, kinds: KindsMet): Antecedents | undefined {
  const word = anaphor.text.toLowerCase();
  if (anaphor.source !== "pronoun" || !(SUBJECT_PRONOUNS.has(word) || word === "its")) return undefined;
  const s = doc.sentenceAt(anaphor.start);
  const head = doc.text.slice(doc.sentences[s]!.start, anaphor.start).trim();
  // A possessive continues the last subject only where it opens the sentence.
  if (head !== "" && (word === "its" || !/[,;]$/.test(head))) return undefined;
  // "X's government did not respond; it has long denied ...": after a semicolon, the subject of the same sentence.
  // The subject: a name, or a description resolved before ("Locally the insurgents are known as X. They call ..."), within the first three words.
  const c = kinds.opener(head.endsWith(";") ? s : s - 1, anaphor.start);
  // "it" and "they" may stand for a country as well as an organisation; "its" only before a state's office.
  const country = word !== "its" || beforeStateOffice(doc, anaphor);
  const fits = (e: Entity) => e.type === anaphor.type || (country && anaphor.type === "ORG" && e.type === "GPE" && e.subtype === "country");
  return c && fits(c.entity) ? c : undefined;
}

/**
 * "The X Army has not claimed the attack. In its weekly, the group did claim an ambush": a description of a
 * group that is its clause's subject (opening its sentence, or before an auxiliary or a reporting verb)
 * continues the group the sentence before opens with, named or described, however salient another is: an armed
 * group, or one the text has called a group so far (an aid agency that opens a sentence may be followed by another's acts).
 */
function continuedGroup(doc: AnalysedDoc, anaphor: MentionSpan, kinds: KindsMet): Antecedents | undefined {
  if (anaphor.source === "pronoun" || !GROUP_DESCRIPTION.test(anaphor.text)) return undefined;
  const lead = doc.text.slice(doc.sentences[doc.sentenceAt(anaphor.start)]!.start, anaphor.start);
  if (!opensClause(lead) && !IT_FOLLOWERS.has(doc.tokens[anaphor.last]?.text.toLowerCase() ?? "")) return undefined;
  const subject = kinds.openingMention(doc.sentenceAt(anaphor.start) - 1, anaphor.start, true)?.meaning;
  return subject && subject.entity.type === "ORG" && (subject.entity.subtype === "armed_group" || subject.describedAsGroupBefore(anaphor.start)) ? subject : undefined;
}

/**
 * Whether a mention after `lead`, the words that open its sentence, is the sentence's subject: within the
 * first three words ("The X group offered ...", "Government spokesman X condemned ..."), and no verb
 * before it ("Police arrested X" makes it an object).
 */
function opensClause(lead: string, subordinate = false): boolean {
  const words = lead.split(/\s+/).filter(Boolean);
  // "Since it resumed its war, the X has ...": a mention after a subordinating conjunction is its clause's, not the sentence's
  // (unless the clause itself is asked for: "When X announced its ...").
  return !lead.includes(",") && words.length <= 3 && !words.some((w) => /\p{Ll}ed$/u.test(w)) && (subordinate || !SUBORDINATORS.has(words[words.length - 1]?.toLowerCase() ?? ""));
}

const SUBORDINATORS = new Set("since when after before as while although though because if once until unless whereas".split(" "));

/** Names of an organisation's branches: its name and a region's ("X Sinai Province", "X in the Arabian Peninsula"). */
const BRANCH_NAME = /^(?:\s+in\s+\S.*|(?:\s+\S+){1,3}\s+(?:province|branch|wing))$/i;

/** Each organisation's branches named in the document ("Islamic State" → "Islamic State Sinai Province"). */
function branchesOf(candidates: Antecedents[]): Map<Antecedents, Antecedents[]> {
  const orgs = candidates.filter((c) => c.entity.type === "ORG" && c.byStart.length > 0);
  const namesOf = (c: Antecedents) => new Set(c.byStart.map((m) => normalise(cleanName(m.name ?? m.text))));
  const names = new Map(orgs.map((c) => [c, namesOf(c)]));
  const out = new Map<Antecedents, Antecedents[]>();
  for (const parent of orgs) {
    const branches = orgs.filter(
      (b) => b !== parent && b.entity.subtype === "armed_group" && [...names.get(b)!].some((n) => [...names.get(parent)!].some((p) => n.startsWith(p) && BRANCH_NAME.test(n.slice(p.length)))),
    );
    if (branches.length > 0) out.set(parent, branches);
  }
  return out;
}

/** Entities one kind of anaphor may mean: by type and whether an army ("the army" means one, "the group" none). */
function groupOf(type: string, military: boolean): string {
  return `${type}${military ? " military" : ""}`;
}

/**
 * One entity as a candidate antecedent, its mentions indexed so that each question `salient`
 * asks of it is a binary search rather than a pass over every mention (a long document names
 * its main actors thousands of times, and asks for each of thousands of anaphors).
 */
class Antecedents {
  /** Its named (non-anaphoric) mentions by end, and by start. */
  readonly byEnd: MentionSpan[];
  readonly byStart: MentionSpan[];
  /** Ends of its anaphoric mentions, ascending. */
  private readonly anaphorEnds: number[] = [];
  /** Anaphors resolved to it, joining its mentions at the end (`commit`). */
  private readonly joined: MentionSpan[] = [];
  /** For each k, of the first k + 1 named mentions by end, the one latest in the entity's mention list. */
  private latest: MentionSpan[];
  /**
   * Its salience score as long as it was last named two sentences back or more: named and
   * anaphoric mentions so far, and 2 for an armed group; kept by `Salience` as the text is read.
   */
  weight: number;
  /** Named mentions so far. */
  named = 0;
  /** Whether it is a governing body by its name, once asked (see `governing`). */
  private governs?: boolean;

  /** A governing body by its name ("Counter Terrorism Department", "National Council for ..."), which no "the group" means. */
  get governing(): boolean {
    this.governs ??= this.entity.type === "ORG" && this.entity.subtype !== "armed_group" && this.byStart.some((m) => GOVERNING_NAME.test(m.name ?? m.text));
    return this.governs;
  }

  constructor(
    readonly entity: Entity,
    /** Its place among the document's entities: of equal scores, the first wins. */
    readonly order: number,
  ) {
    const named = entity.mentions.filter((m) => !m.anaphoric);
    for (const m of entity.mentions) if (m.anaphoric) insertSorted(this.anaphorEnds, m.end);
    this.byEnd = [...named].sort((a, b) => a.end - b.end);
    this.byStart = [...named].sort((a, b) => a.start - b.start);
    this.latest = this.latestBy(named);
    this.weight = entity.subtype === "armed_group" ? 2 : 0;
  }

  /** The group of anaphors it may be meant by; none for a person (scored by recency alone) or a place that is no country. */
  get group(): string | undefined {
    const { type, subtype } = this.entity;
    if (type === "PER" || (type === "GPE" && subtype !== "country")) return undefined;
    return groupOf(type, subtype === "military");
  }

  /** Ends of its anaphoric mentions now, ascending. */
  get anaphoricEnds(): readonly number[] {
    return this.anaphorEnds;
  }

  /** How many named mentions end at or before `offset`. */
  namedBefore(offset: number): number {
    return countAtMost(this.byEnd, (m) => m.end, offset);
  }

  /** The last, in the entity's mention list, of the `count` named mentions that end first. */
  lastNamedBefore(count: number): MentionSpan {
    return this.latest[count - 1]!;
  }

  anaphorsBefore(offset: number): number {
    return countAtMost(this.anaphorEnds, (end) => end, offset);
  }

  /** The end of its last anaphoric mention ending at or before `offset`, or -1. */
  anaphorEndBefore(offset: number): number {
    return this.anaphorEnds[this.anaphorsBefore(offset) - 1] ?? -1;
  }

  /**
   * "The outfit denied any link with LeT": a description does not mean an actor the same sentence
   * names after it (an apposition right after it aside: "the group, al-Shabaab, ...").
   */
  namedLaterInSentence(doc: AnalysedDoc, anaphor: MentionSpan, sentence: number): boolean {
    for (let i = countAtMost(this.byStart, (m) => m.start, anaphor.end + 3); i < this.byStart.length && this.byStart[i]!.start < anaphor.end + 80; i++) {
      if (doc.sentenceAt(this.byStart[i]!.start) === sentence) return true;
    }
    return false;
  }

  /** Whether a group description ("the jihadist group") resolved to it so far starts before `offset`. */
  describedAsGroupBefore(offset: number): boolean {
    return this.joined.some((m) => m.start < offset && m.source !== "pronoun" && GROUP_DESCRIPTION.test(m.text));
  }

  attach(anaphor: MentionSpan): void {
    // The entity's mentions are sorted by start when an anaphor joins, which puts its named ones in start order.
    if (this.joined.length === 0) this.latest = this.latestBy(this.byStart);
    this.joined.push(anaphor);
    insertSorted(this.anaphorEnds, anaphor.end);
  }

  /** The resolved anaphors join the entity's mentions, in text order (a stable sort keeps ties as they came). */
  commit(): void {
    if (this.joined.length === 0) return;
    this.entity.mentions.push(...this.joined);
    this.entity.mentions.sort((a, b) => a.start - b.start);
  }

  /** `latest` for named mentions listed in `order`. */
  private latestBy(order: MentionSpan[]): MentionSpan[] {
    const rank = new Map(order.map((m, i) => [m, i]));
    const latest: MentionSpan[] = [];
    for (const m of this.byEnd) {
      const previous = latest[latest.length - 1];
      latest.push(previous && rank.get(previous)! > rank.get(m)! ? previous : m);
    }
    return latest;
  }
}

/**
 * The candidates as the text is read up to an anaphor: each one's weight, counted from its
 * mentions that end before the anaphor, and per group the ones named so far ranked by weight (the
 * first entity first among equals), so the heaviest is found without scoring every entity.
 */
class Salience {
  /** Every named mention with its entity, by start (to find the entities named in a window) and by end (to count them as read). */
  private readonly starts: { at: number; candidate: Antecedents }[] = [];
  private readonly ends: { at: number; candidate: Antecedents }[];
  private readEnds = 0;
  /** Ends of resolved anaphors not yet read, ascending. */
  private readonly anaphorEnds: { at: number; candidate: Antecedents }[] = [];
  private readonly ranked = new Map<string, Antecedents[]>();
  /** Anaphors resolved so far, by start (they are resolved in text order). */
  private readonly referred: { at: number; candidate: Antecedents }[] = [];

  constructor(candidates: Antecedents[]) {
    for (const c of candidates) for (const m of c.byStart) this.starts.push({ at: m.start, candidate: c });
    this.ends = candidates.flatMap((c) => c.byEnd.map((m) => ({ at: m.end, candidate: c })));
    this.starts.sort((a, b) => a.at - b.at);
    this.ends.sort((a, b) => a.at - b.at);
    for (const c of candidates) for (const end of c.anaphoricEnds) this.anaphorEnds.push({ at: end, candidate: c });
    this.anaphorEnds.sort((a, b) => a.at - b.at);
  }

  /** Counts every mention that ends at or before `offset` (offsets never go back). */
  advanceTo(offset: number): void {
    for (; this.readEnds < this.ends.length && this.ends[this.readEnds]!.at <= offset; this.readEnds++) {
      const c = this.ends[this.readEnds]!.candidate;
      c.named += 1;
      this.reweigh(c, c.named === 1);
    }
    let read = 0;
    while (read < this.anaphorEnds.length && this.anaphorEnds[read]!.at <= offset) this.reweigh(this.anaphorEnds[read++]!.candidate, false);
    this.anaphorEnds.splice(0, read);
  }

  attach(c: Antecedents, anaphor: MentionSpan): void {
    c.attach(anaphor);
    this.referred.push({ at: anaphor.start, candidate: c });
    const at = countAtMost(this.anaphorEnds, (e) => e.at, anaphor.end);
    this.anaphorEnds.splice(at, 0, { at: anaphor.end, candidate: c });
  }

  /** `named` and the entities an anaphor resolved so far refers to from `from` to `to`, in entity order. */
  withReferred(named: Antecedents[], from: number, to: number): Antecedents[] {
    const found = new Set(named);
    for (let i = this.referred.length - 1; i >= 0 && this.referred[i]!.at >= from; i--) if (this.referred[i]!.at < to) found.add(this.referred[i]!.candidate);
    return found.size === named.length ? named : [...found].sort((a, b) => a.order - b.order);
  }

  /** The entities with a named mention starting in [from, to), in entity order. */
  namedIn(from: number, to: number): Antecedents[] {
    const found = new Set<Antecedents>();
    for (let i = countAtMost(this.starts, (s) => s.at, from - 1); i < this.starts.length && this.starts[i]!.at < to; i++) found.add(this.starts[i]!.candidate);
    return [...found].sort((a, b) => a.order - b.order);
  }

  /** The heaviest entity of `group` named so far, the first of equals, that is not in `skip` (nor a governing body, if `grouplike`). */
  heaviest(group: string, skip: readonly Antecedents[], grouplike: boolean): Antecedents | undefined {
    return this.ranked.get(group)?.find((c) => !skip.includes(c) && !(grouplike && c.governing));
  }

  /** One more mention of `c` is read: its weight grows by one, and it is ranked anew (ranked for the first time if `first`). */
  private reweigh(c: Antecedents, first: boolean): void {
    const group = c.group;
    const ranked = group === undefined ? undefined : this.ranked.get(group) ?? this.ranked.set(group, []).get(group)!;
    if (ranked && !first && c.named > 0) ranked.splice(rankOf(ranked, c.weight, c.order), 1);
    c.weight += 1;
    if (ranked && c.named > 0) ranked.splice(rankOf(ranked, c.weight, c.order), 0, c);
  }
}

/** Where a candidate of `weight` and `order` goes among `ranked` (heaviest first, then first in order). */
function rankOf(ranked: readonly Antecedents[], weight: number, order: number): number {
  return partitionPoint(ranked, (c) => c.weight > weight || (c.weight === weight && c.order < order));
}

/** How many of `items`, ascending by `key`, have a key at most `value`. */
function countAtMost<T>(items: readonly T[], key: (item: T) => number, value: number): number {
  return partitionPoint(items, (item) => key(item) <= value);
}

function insertSorted(values: number[], value: number): void {
  values.splice(countAtMost(values, (v) => v, value), 0, value);
}

/**
 * The person entities made so far by the names of their mentions, so that a name finds the first
 * person it fits without a pass over every mention of every entity.
 */
class PersonNames {
  /** Each ending of a mention's name after a space ("al ansari", "ansari") to the first person with it. */
  private readonly endings = new Map<string, Ranked>();
  /** Each name's last word to the distinct names ending in it, each with the first person with it. */
  private readonly byLastWord = new Map<string, Map<string, Ranked>>();
  /** Persons in the order they were made (each is added as its first mention joins it). */
  private readonly ranks = new Map<Entity, number>();

  /** `entity` has a mention named `name`. */
  add(entity: Entity, name: string): void {
    let rank = this.ranks.get(entity);
    if (rank === undefined) this.ranks.set(entity, (rank = this.ranks.size));
    for (let at = name.indexOf(" "); at >= 0; at = name.indexOf(" ", at + 1)) keepFirst(this.endings, name.slice(at + 1), { entity, rank });
    const last = name.slice(name.lastIndexOf(" ") + 1);
    const names = this.byLastWord.get(last) ?? new Map<string, Ranked>();
    this.byLastWord.set(last, names);
    keepFirst(names, name, { entity, rank });
  }

  /** The first person with a mention whose name ends in " `name`". */
  endingIn(name: string): Entity | undefined {
    return this.endings.get(name)?.entity;
  }

  /** The first person with a mention whose name holds all of `words`, the last of them last. */
  containing(words: string[]): Entity | undefined {
    let first: Ranked | undefined;
    for (const [name, person] of this.byLastWord.get(words[words.length - 1]!) ?? []) if ((!first || person.rank < first.rank) && containsWords(name, words)) first = person;
    return first?.entity;
  }
}

interface Ranked {
  entity: Entity;
  rank: number;
}

function keepFirst(map: Map<string, Ranked>, key: string, value: Ranked): void {
  const old = map.get(key);
  if (!old || value.rank < old.rank) map.set(key, value);
}

/** "X, a militant outfit active in ...", "the jihadist group X": descriptions that make an organisation an armed group. */
const ARMED_DESCRIPTION = /^(?:militant|terror|terrorist|jihadist|jihadi|insurgent|rebel|armed|separatist|extremist|islamist|guerrilla|proscribed|banned|loyalist|splinter|breakaway|hardline|hard-line)\s+(?:group|outfit|organi[sz]ation|movement|faction|network|wing|militia)\b/i;
/** "X, a (Pakistan-based) militant outfit", "X (a banned terror group)": the description right after a name. */
const APPOSITION = /^\s*\)?\s*[,(—–-]\s*(?:a|an|the)\s+((?:[\w-]+\s+){0,3})/;

/** "designated X a Foreign Terrorist Organization", "listed X as a terrorist organisation". */
const DESIGNATED = /^\s+(?:as\s+)?an?\s+(?:foreign\s+|global\s+)?terrorist\s+(?:organi[sz]ation|group|entity)\b/i;

function describedAsArmed(doc: AnalysedDoc, m: MentionSpan): boolean {
  const after = doc.text.slice(m.end, m.end + 80);
  if (DESIGNATED.test(after)) return true;
  const lead = APPOSITION.exec(after);
  if (lead) {
    // Up to two words may come before the description ("a Pakistan-based militant group").
    const rest = after.slice(lead[0].length - lead[1]!.length).split(/\s+/);
    for (let skip = 0; skip <= 2; skip++) if (ARMED_DESCRIPTION.test(rest.slice(skip).join(" "))) return true;
  }
  const words = /(\w+\s+\w+)\s+$/.exec(doc.text.slice(Math.max(0, m.start - 40), m.start));
  return words !== null && ARMED_DESCRIPTION.test(words[1]!);
}

function markArmedGroups(doc: AnalysedDoc, entities: Entity[]): void {
  for (const e of entities) if (e.type === "ORG" && e.subtype === undefined && e.mentions.some((m) => describedAsArmed(doc, m))) e.subtype = "armed_group";
}

/** "X is the last major city in ...", "X, a town near ...": a description that makes a city or town of a name. */
const SETTLEMENT_DESCRIPTION =
  /^\s*(?:,|\s(?:is|was|remains))\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:city|town|village|capital|township|port)(?=\s+(?:of|in|on|near|that|which|where|not|under|held|controlled)\b|\s*[,.;:])/i;

/** A name that only the recogniser or a place's head typed, which the text describes as a city or town, is that settlement. */
function markSettlements(doc: AnalysedDoc, entities: Entity[]): void {
  for (const e of entities) {
    if (e.key !== undefined || e.mentions.length === 0 || !e.mentions.every((m) => m.source === "ner" || m.source === "rule:place-head")) continue;
    if (!e.mentions.some((m) => SETTLEMENT_DESCRIPTION.test(doc.text.slice(m.end, m.end + 80)))) continue;
    e.type = "GPE";
    e.subtype = "city";
    for (const m of e.mentions) m.type = "GPE";
  }
}

const ALSO_KNOWN_AS = new RegExp(
  `^\\s*,?\\s*whose\\s+(?:real|birth|given|full|original)\\s+name\\s+is\\s*$|^\\s*,?\\s*(?:(?:${[...ALSO_WORDS].join("|")})\\s+)?(?:(?:known|called)\\s+as(?:\\s+the)?|known\\s+by\\s+(?:his|her|its|their|the)\\s+(?:[\\w-]+\\s+){0,3}?(?:name|guerre|alias|kunya|acronym|initials|abbreviation))\\s*$|^\\s*,?\\s*(?:alias|aka|a\\.k\\.a\\.)\\s*$|^\\s*,?\\s*(?:who\\s+)?(?:styled|styles|dubbed|dubs|called|calls)\\s+(?:himself|herself)\\s*$`,
  "i",
);

/** A person's other names given in a list after the person: "X, who ran it under the aliases Y and Z", "X, writing under the pseudonym Y". */
const UNDER_ALIASES = /^\s*,[^.;:()“”"]{0,60}?\b(?:under|using|uses|used|adopted|took)\s+the\s+(?:aliases|alias|pseudonyms?|noms?\s+de\s+guerre|code\s*names?)\s*$/i;
/** The list going on: the second name after "the aliases Y and" ("the aliases Y, Z and W"). */
const ALIAS_LIST_GOES_ON = /^\s*(?:,|,?\s*and|,?\s*or)\s*$/i;
const ALIAS_LIST_BEFORE = /\b(?:aliases|pseudonyms|noms\s+de\s+guerre|code\s*names)\s+[^.;:()“”"]{0,40}$/i;

const MILITARY_DESCRIPTIONS = new Set(["the army", "the military", "the armed forces"]);

/**
 * Walks each pair of named mentions in text order; when `joins` says the second's entity is the
 * first's, every mention of the second's entity moves to the first's.
 */
function joinAdjacent(doc: AnalysedDoc, entities: Entity[], joins: (first: MentionSpan, second: MentionSpan, secondEntity: Entity, firstEntity: Entity) => boolean): void {
  const owner = new Map<MentionSpan, Entity>();
  for (const e of entities) for (const m of e.mentions) owner.set(m, e);
  // "the Congolese army, known by its French acronym FARDC": a demonym between two names joins neither.
  // Surnames found late join the document's mentions at their end: the pairs are read in text order.
  const mentions = doc.mentions.filter((m) => !m.anaphoric && !m.demonym && owner.has(m)).sort((a, b) => a.start - b.start);
  for (let i = 1; i < mentions.length; i++) {
    const [first, second] = [mentions[i - 1]!, mentions[i]!];
    const [a, b] = [owner.get(first)!, owner.get(second)!];
    if (a !== b && joins(first, second, b, a)) moveMentions(b, a, owner);
  }
}

/** The words that make a group's later name: "renamed (as)", "call themselves", "are also referred to as", "under the name". */
const RENAMING_CUE = /\brenamed\b|\brebranded\b|\bname\s+(?:adopted|taken|chosen)\b|\bunder\s+the\s+name\b|\bcalls?\s+(?:itself|themselves)\b|\breferred\s+to\s+as\b|\b(?:is|are|was|were)\s+(?:\w+\s+)?known\s+(?:\w+\s+)?as\b/i;
/**
 * Between a name (or a description resolved to a group) and its new or other name: "X was renamed Y",
 * "X, which the Islamic State renamed its Sahel Province", "they call themselves Y and are also
 * referred to as Z", "the insurgents are known locally as Y", "designated the group, under the name Y,".
 */
const RENAMED_AS = new RegExp(
  "^\\s*,?\\s*(?:and\\s+)?(?:(?:which|that)\\s+(?:[^,.;()]{0,50}?\\s)?)?(?:(?:was|were|has\\s+been|had\\s+been|is|are|later|since|then|subsequently|formally|officially|now|also|locally|widely|often|sometimes)\\s+)*" +
    "(?:(?:renamed|rebranded)\\s+(?:(?:it|itself|themselves|them)\\s+)?(?:(?:as|to|into)\\s+)?(?:the\\s+|its\\s+|their\\s+)?|calls?\\s+(?:itself|themselves)\\s+(?:the\\s+)?|(?:referred\\s+to|known)\\s+(?:locally\\s+)?as\\s+(?:the\\s+)?|(?:\\w+\\s+)?under\\s+the\\s+name\\s+(?:of\\s+)?(?:the\\s+)?)$",
  "i",
);
/** Between a group's new name and its old one: "Y, the name adopted in 2020 by X". */
const NAME_ADOPTED_BY = /^\s*,\s*the\s+(?:new\s+)?name\s+(?:adopted|taken|chosen)\s+(?:in\s+\d{4}\s+)?by\s+(?:the\s+)?$/i;
/** Before a name and after it, when a clause renames it: "He renamed the X as Y". */
const RENAMING_BEFORE = /\b(?:renamed|rebranded)\s+(?:the\s+|its\s+)?$/i;
const RENAMED_TO = /^\s+(?:as|to|into)\s+(?:the\s+)?$/i;

/**
 * One group under its old and new names, or under two names the text gives it, joins into one actor.
 * A description counts once resolved (after anaphora); two names the lists keep apart stay apart.
 */
function mergeRenamed(doc: AnalysedDoc, entities: Entity[]): void {
  if (!RENAMING_CUE.test(doc.text)) return;
  const owner = new Map<MentionSpan, Entity>();
  for (const e of entities) for (const m of e.mentions) if (!m.demonym && m.source !== "pronoun" || /^(?:they|it)$/i.test(m.text)) owner.set(m, e);
  const mentions = [...owner.keys()].sort((a, b) => a.start - b.start);
  for (let i = 0; i < mentions.length; i++) {
    const first = mentions[i]!;
    for (let j = i + 1; j < mentions.length && mentions[j]!.start < first.end + 120; j++) {
      const second = mentions[j]!;
      if (second.anaphoric) continue;
      const between = doc.text.slice(first.end, second.start);
      // "X renamed Y", "X, which renamed Y": X is who renamed, not what was renamed.
      const agent = /^\s*(?:,\s*which\s+)?(?:renamed|rebranded)\s+(?!itself|themselves)/i.test(between);
      const renamed = (!agent && (RENAMED_AS.test(between) || NAME_ADOPTED_BY.test(between))) || (j === i + 1 && !first.anaphoric && RENAMED_TO.test(between) && RENAMING_BEFORE.test(doc.text.slice(Math.max(0, first.start - 20), first.start)));
      if (!renamed) continue;
      const [a, b] = [owner.get(first)!, owner.get(second)!];
      const fits = a.type === b.type || (a.type === "ORG" && b.key === undefined && b.mentions.every((m) => m.source === "ner" || m.source === "rule:place-head" || m.source === "rule:acronym"));
      if (a !== b && fits && (a.key === undefined || b.key === undefined || a.key === b.key) && a.type !== "PER") {
        for (const m of b.mentions) {
          a.mentions.push(m);
          owner.set(m, a);
          if (a.type === "ORG") m.type = "ORG";
        }
        b.mentions = [];
        a.key ??= b.key;
        a.mentions.sort((x, y) => x.start - y.start);
      }
      break;
    }
  }
}

/** Every mention of `from` joins `to`. */
function moveMentions(from: Entity, to: Entity, owner: Map<MentionSpan, Entity>): void {
  for (const m of from.mentions) {
    to.mentions.push(m);
    owner.set(m, to);
  }
  from.mentions = [];
  to.key ??= from.key;
}

function containsWords(name: string, words: string[]): boolean {
  const have = name.split(" ");
  return words.length > 0 && words.every((w) => have.includes(w)) && words[words.length - 1] === have[have.length - 1];
}

/** The acronym ends in the initials of the long form's two or more capitalised words, after one or more letters of its owner's. */
function ownedInitialsFit(acronym: string, long: string): boolean {
  const initials = long
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0]!.toLowerCase())
    .join("");
  const letters = acronym.toLowerCase().replace(/[^a-z]/g, "");
  return initials.length >= 2 && letters.length > initials.length && letters.endsWith(initials);
}

/** Initials of the long form's words (and hyphen parts) spell the acronym's first letters. */
function initialsFit(acronym: string, long: string): boolean {
  const initials = long
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0]!.toLowerCase())
    .join("");
  const letters = acronym.toLowerCase().replace(/[^a-z]/g, "");
  // An acronym of the name in another language spells the same initials in another order ("Malian Armed Forces (FAMa)").
  const sameSet = (a: string, b: string) => [...new Set(a)].sort().join("") === [...new Set(b)].sort().join("");
  if (letters.length >= 3 && sameSet(letters, initials)) return true;
  return letters[0] === initials[0] && (initials.startsWith(letters) || letters.startsWith(initials) || initials.includes(letters.slice(0, 2)));
}

/**
 * "The AFP rejected ..." after "Armed Forces of the Philippines": an unlisted acronym that spells
 * the initials of exactly one organisation named before it is that organisation.
 */
function mergeInitials(entities: Entity[]): void {
  const orgs = entities.filter((e) => e.type === "ORG" && e.mentions.length > 0);
  const initials = (name: string) =>
    cleanName(name)
      .split(/[\s-]+/)
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0]!.toLowerCase())
      .join("");
  // "CPN (Maoist)" after "Communist Party of Nepal (Maoist)": a bracketed qualifier must be the same.
  const parts = (name: string) => /^(.*?)\s*(\(\p{Lu}[^)]*\))?$/u.exec(cleanName(name))!;
  for (const short of orgs) {
    const first = short.mentions[0]!;
    if (short.key !== undefined || !short.mentions.every((m) => m.text === first.text && /^\p{Lu}{2,}(?:\s*\(\p{Lu}[^)]*\))?$/u.test(m.text))) continue;
    const [, acronym, qualifier] = parts(first.text);
    const letters = acronym!.toLowerCase();
    // Two letters spell a name of two words ("TA" after "Transitional Authority"); three or more, one of three words or more.
    const words = (m: MentionSpan) => (letters.length === 2 ? m.last - m.first >= 2 : m.last - m.first > 2);
    const longs = orgs.filter(
      (e) =>
        e !== short &&
        e.mentions.some((m) => {
          if (m.start >= first.start || !words(m)) return false;
          const [, name, qualified] = parts(m.name ?? m.text);
          return initials(name!) === letters && qualified === qualifier;
        }),
    );
    if (longs.length !== 1) continue;
    longs[0]!.mentions.push(...short.mentions);
    short.mentions = [];
  }
}

/**
 * One name the recogniser typed two ways ("Jisr al-Shughur" a place here, a person there) is one
 * actor, of the type it was read as first; so is an organisation's name and the same name after
 * one more word named before it ("the Security Council" after "the UN Security Council"), or after
 * more words when the short name is no listed one ("Qassam Brigades" after "Izz ad-Din al-Qassam Brigades"), or
 * without what it is "of" ("the Joint Command" after "the Joint Command of the Armed Forces").
 */
function mergeSameNames(entities: Entity[]): void {
  const nameOf = (m: MentionSpan) => normalise(cleanName(m.name ?? m.text));
  const first = new Map<string, Entity>();
  for (const e of entities) {
    if (e.mentions.length === 0) continue;
    const name = nameOf(e.mentions[0]!);
    const earlier = first.get(name);
    if (!earlier) {
      first.set(name, e);
    } else if (e.key === undefined && earlier.key === undefined && earlier.type !== e.type) {
      earlier.mentions.push(...e.mentions);
      e.mentions = [];
    }
  }
  const orgs = entities.filter((e) => e.type === "ORG" && e.mentions.length > 0);
  // A listed short name joins only a longer one whose extra word is an acronym ("UN Security Council").
  const extraWord = (m: MentionSpan, listed: boolean) => (listed ? /^\p{Lu}{2,}\s/u : /^\S+\s/u).exec(cleanName(m.name ?? m.text));
  // "Bad Company" is no part of "Free and Bad Company": a name ending a coordination is one of its own.
  for (const short of orgs) {
    const name = nameOf(short.mentions[0]!);
    if (!name.includes(" ")) continue;
    const listed = short.key !== undefined;
    const longs = orgs.filter(
      (e) =>
        e !== short &&
        e.mentions.length > 0 &&
        e.mentions.some((m) => m.start < short.mentions[0]!.start && extraWord(m, listed) !== null && (nameOf(m).slice(nameOf(m).indexOf(" ") + 1) === name || (!listed && nameOf(m).endsWith(` ${name}`) && !/\b(?:and|or)$/.test(nameOf(m).slice(0, -name.length - 1))) || (!listed && nameOf(m).startsWith(`${name} of `)))),
    );
    if (longs.length !== 1) continue;
    longs[0]!.mentions.push(...short.mentions);
    short.mentions = [];
  }
}

/** Heads of an administrative area's name that the area's name alone may drop ("Sokoto State", "Sokoto"). */
const AREA_HEADS = /^(.+?)\s+(?:state|province|region|district|county|governorate|territory)$/i;

/**
 * "Kebbi State ... Sokoto and Kebbi states ... in Kebbi": a place named by its area's name alone, which no
 * list knows as another place, is the one area the document names with a head after that name.
 */
function mergeAreaNames(entities: Entity[]): void {
  const places = entities.filter((e) => (e.type === "GPE" || e.type === "LOC") && e.mentions.length > 0);
  const areas = new Map<string, Entity[]>();
  for (const e of places) {
    for (const m of e.mentions) {
      const bare = AREA_HEADS.exec(cleanName(m.name ?? m.text))?.[1];
      if (bare === undefined) continue;
      const key = normalise(bare);
      const list = areas.get(key) ?? [];
      if (!list.includes(e)) list.push(e);
      areas.set(key, list);
    }
  }
  if (areas.size === 0) return;
  for (const e of places) {
    if (e.key !== undefined || e.mentions.length === 0 || !e.mentions.every((m) => !m.anaphoric && m.source !== "gazetteer")) continue;
    const area = areas.get(normalise(cleanName(e.mentions[0]!.name ?? e.mentions[0]!.text)));
    if (!area || area.length !== 1 || area[0] === e) continue;
    area[0]!.mentions.push(...e.mentions);
    for (const m of e.mentions) m.type = area[0]!.type;
    area[0]!.mentions.sort((a, b) => a.start - b.start);
    e.mentions = [];
  }
}

/** Mention sources that describe a country's forces by the country alone ("Turkish forces", "Turkey's army"). */
const FORCE_DESCRIPTIONS = new Set(["rule:demonym-institution", "rule:country-force"]);

const FORCE_HEADS = /\b(?:forces|army|military)$/i;

/** The country a military's name opens with, by name or demonym ("Turkish Armed Forces", "Turkish forces"). */
function forceCountry(name: string): string | undefined {
  const gaz = gazetteer();
  const word = cleanName(name).split(/['’]s\b|\s+/)[0]!;
  const country = gaz.demonymNormalised(normalise(word)) ?? gaz.lookup(word);
  return country?.subtype === "country" ? country.key : undefined;
}

/**
 * "Turkish forces" after "Turkish Armed Forces": a country's forces described by the country alone
 * are its one military the document names, when it names exactly one. When it names none, its
 * forces described in several ways ("the Turkish army", later "Turkish forces") are one military.
 */
function mergeNationalForces(entities: Entity[]): void {
  const nameOf = (e: Entity) => cleanName(e.mentions[0]!.name ?? e.mentions[0]!.text);
  // A military by its subtype or by a force's head ending its name ("Chadian Armed Forces").
  const military = entities.filter((e) => e.type === "ORG" && e.mentions.length > 0 && (e.subtype === "military" || FORCE_HEADS.test(nameOf(e))));
  const described = (e: Entity) => e.mentions.every((m) => FORCE_DESCRIPTIONS.has(m.source));
  // "Indian Army" is no part of the "Indian Air Force": an air force or a navy is joined only by itself described.
  const branch = (name: string) => /\b(?:air force|navy)$/i.exec(name)?.[0].toLowerCase();
  for (const e of military.filter(described)) {
    const country = forceCountry(e.mentions[0]!.text);
    const service = branch(nameOf(e));
    const named = military.filter((other) => other !== e && other.mentions.length > 0 && !described(other) && forceCountry(nameOf(other)) === country && [undefined, service].includes(branch(nameOf(other))));
    if (country === undefined || named.length !== 1) continue;
    named[0]!.mentions.push(...e.mentions);
    e.mentions = [];
  }
  const first = new Map<string, Entity>();
  for (const e of military.filter((m) => m.mentions.length > 0 && described(m))) {
    const country = forceCountry(e.mentions[0]!.text);
    const service = branch(nameOf(e));
    if (country === undefined || military.some((other) => other.mentions.length > 0 && !described(other) && forceCountry(nameOf(other)) === country && [undefined, service].includes(branch(nameOf(other))))) continue;
    const key = `${country} ${service ?? ""}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, e);
      continue;
    }
    earlier.mentions.push(...e.mentions);
    earlier.mentions.sort((a, b) => a.start - b.start);
    e.mentions = [];
  }
}

/** A name with dashes and dots read as spaces, past its first letter (which a sentence's start may capitalise). */
const spelledAs = (name: string) => name.replace(/[-‐‑.]/g, " ").replace(/\s+/g, " ").trim().slice(1);

/**
 * The document's own spelling of a listed name that differs from the list's only in dashes or dots
 * ("al-Qaeda" for "al Qaeda"), the one written most often (the first of equals), with the list's first
 * letter. A difference in case is no spelling of its own: a dateline's capitals or a lower-case "network"
 * leave the list's name.
 */
function spelling(mentions: MentionSpan[], listed: string): string | undefined {
  const shape = spelledAs(listed);
  const counts = new Map<string, number>();
  for (const m of mentions) {
    const text = cleanName(m.text);
    if (spelledAs(text) === shape) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [text, count] of counts) if (best === undefined || count > counts.get(best)!) best = text;
  // A sentence's first letter is capitalised by position: the list's first letter stands ("Al-Qaeda's leader" spells "al-Qaeda").
  return best === undefined ? undefined : listed[0]! + best.slice(1);
}

/**
 * A description narrowed by a clause right after it ("the group Azhar had served", "the group that claimed
 * the attack") says which group it is, once; only a bare one ("the group said") is what the text calls it.
 */
const NARROWED = /^\s+(?:(?:that|which|whom|whose)\b|(?:\p{Lu}[\p{L}'’-]*\s+){1,3}(?:had|has|have|was|is|once|later|then|\p{Ll}+ed)\b)/u;

/** Before a capital's name, words that make it a place: "outside Ankara", "in Niamey", "the Kabul attack". */
const PLACE_BEFORE = /\b(?:in|at|near|outside|inside|from|to|into|towards?|around|across|via|within|between|of|the|a|an|its|their|his|her)\s+$/i;
/** After a capital's name, words that make it its government: "Washington, which has backed ...", "Baghdad's planners" (not "Ottawa's largest firm"). */
const GOVERNMENT_AFTER = /^(?:\s*,\s*(?:which|who)\b|['’]s\s+(?!\w+est\b))/;

/**
 * A capital stands for its country's government ("Kigali said") or is a place ("in Kigali"). A capital
 * the document never names as a place is its country throughout, also where the mention finder left it
 * a city ("Washington, which backs the SDF, ..."). One it names as a place as well is a city of its own,
 * and its name is no alias of the country its government-like uses still stand for. Returns those uses.
 */
function readCapitals(doc: AnalysedDoc, named: MentionSpan[]): Set<MentionSpan> {
  const gaz = gazetteer();
  const capitals = new Map<string, { country?: { key: string; name: string }; cities: MentionSpan[]; voices: MentionSpan[] }>();
  const capital = (m: MentionSpan) => {
    const norm = normalise(cleanName(m.text));
    return capitals.get(norm) ?? capitals.set(norm, { cities: [], voices: [] }).get(norm)!;
  };
  for (const m of named) {
    if (m.type !== "GPE") continue;
    if (m.source === "rule:capital-metonymy") {
      capital(m).voices.push(m);
    } else if (m.subtype === "city" && m.key !== undefined) {
      const entry = gaz.lookup(m.text);
      const country = entry && gaz.countryOfCapital(entry);
      if (!country) continue;
      const c = capital(m);
      c.country = country;
      c.cities.push(m);
    }
  }
  const unaliased = new Set<MentionSpan>();
  for (const { country, cities, voices } of capitals.values()) {
    if (!country || cities.length === 0) continue;
    const governs = (m: MentionSpan) => {
      // "Real Madrid": a capitalised word before it on its line makes it part of another name.
      if (PLACE_BEFORE.test(doc.text.slice(Math.max(0, m.start - 12), m.start)) || /\p{Lu}[\p{L}'’-]*[ \t]+$/u.test(doc.text.slice(Math.max(0, m.start - 30), m.start))) return false;
      const next = doc.tokens[m.last]?.text.toLowerCase() ?? "";
      // "demanded that Islamabad prosecute": the subject of a that-clause acts.
      const clause = /\bthat\s+$/.test(doc.text.slice(Math.max(0, m.start - 6), m.start)) && /^\p{Ll}/u.test(doc.tokens[m.last]?.text ?? "");
      return clause || GOVERNMENT_AFTER.test(doc.text.slice(m.end, m.end + 10)) || (next !== "is" && next !== "was" && SUBJECT_FOLLOWERS.has(next));
    };
    if (cities.every(governs)) {
      for (const m of cities) Object.assign(m, { key: country.key, name: country.name, subtype: "country", source: "rule:capital-metonymy" });
    } else {
      for (const m of voices) unaliased.add(m);
    }
  }
  return unaliased;
}

/**
 * A shortened name two of the document's entities go by ("Rizvi" for a father and his son, "Sinaloa"
 * for a cartel and its state) says which actor it is only in context: it is an alias of neither.
 * Acronyms and other full names ("US"), and descriptions ("the group"), are left as they are.
 */
function dropSharedNames(entities: Entity[]): void {
  const holders = new Map<string, Set<Entity>>();
  for (const e of entities) {
    for (const name of [e.name, ...e.aliases]) {
      if (!/^\p{Lu}/u.test(name)) continue;
      const key = normalise(name);
      holders.set(key, (holders.get(key) ?? new Set()).add(e));
    }
  }
  // A shortened name: some of the words of the entity's name ("Rizvi" of "Saad Hussain Rizvi").
  const shortened = (alias: string, name: string) => ` ${normalise(name)} `.includes(` ${normalise(alias)} `);
  for (const e of entities) for (const alias of e.aliases) if ((holders.get(normalise(alias))?.size ?? 0) > 1 && shortened(alias, e.name)) e.aliases.delete(alias);
}

/** The entity's name: its list name, else its fullest proper mention; every other form is an alias (but those of `unaliased`). */
function nameEntity(e: Entity, text: string, unaliased: Set<MentionSpan>): void {
  const proper = e.mentions.filter((m) => !m.anaphoric && !m.demonym && m.source !== "surname");
  const listed = e.mentions.find((m) => m.name && m.key && !m.anaphoric);
  const length = new Map(proper.map((m) => [m, cleanName(m.name ?? m.text).length]));
  const longest = [...proper].sort((a, b) => length.get(b)! - length.get(a)!)[0];
  // An article an acronym spells ("The Resistance Front (TRF)") stays in the name.
  const articled = proper.find((m) => m.name?.startsWith("The "))?.name;
  e.name = (listed && spelling(proper, listed.name!)) ?? listed?.name ?? articled ?? cleanName(longest?.name ?? longest?.text ?? e.mentions[0]!.text);
  for (const m of e.mentions) {
    if (m.demonym || m.source === "pronoun" || unaliased.has(m) || (m.anaphoric && NARROWED.test(text.slice(m.end, m.end + 60)))) continue;
    // A nickname inside a person's name ('Joaquín "El Chapo" Guzmán') is an alias by itself.
    const nickname = m.source === "rule:nickname" ? /["“]([^"”]+)["”]/.exec(m.text)?.[1] : undefined;
    const alias = nickname ?? (m.anaphoric ? m.text.toLowerCase().replace(/\s+/g, " ") : cleanName(m.text));
    if (alias && alias !== e.name) e.aliases.add(alias);
    if (m.name && m.name !== e.name && !m.key) e.aliases.add(m.name);
  }
}
