import type { EntityType } from "../../model/index.js";

export interface KnownActor {
  key: string;
  name: string;
  type: EntityType;
  subtype: string;
  names: string[];
}

/**
 * Armed groups and movements of the last decade that the 2014 PETRARCH dictionaries predate,
 * with the spellings analysts meet. Short all-caps names match only in capitals.
 */
export const CURATED_ACTORS: KnownActor[] = [
  { key: "org:islamic-state", name: "Islamic State", type: "ORG", subtype: "armed_group", names: ["Islamic State", "ISIS", "ISIL", "Daesh", "Da'esh", "Islamic State of Iraq and Syria", "Islamic State of Iraq and the Levant", "Islamic State of Iraq and al-Sham", "IS"] },
  { key: "org:iskp", name: "Islamic State - Khorasan Province", type: "ORG", subtype: "armed_group", names: ["Islamic State - Khorasan Province", "Islamic State Khorasan Province", "Islamic State Khorasan", "Islamic State in Khorasan", "ISKP", "IS-KP", "ISIS-K", "IS-K", "ISK", "Daesh-Khorasan", "Islamic State Khorasan Province (ISKP)"] },
  { key: "org:iswap", name: "Islamic State West Africa Province", type: "ORG", subtype: "armed_group", names: ["Islamic State West Africa Province", "ISWAP"] },
  // The Sinai branch took its name on pledging allegiance in 2014; before, it was Ansar Bait al-Maqdis.
  { key: "org:is-sinai", name: "Islamic State Sinai Province", type: "ORG", subtype: "armed_group", names: ["Islamic State Sinai Province", "Islamic State - Sinai Province", "Sinai Province", "Wilayat Sinai", "Ansar Bait al-Maqdis", "Ansar Beit al-Maqdis"] },
  { key: "org:iseap", name: "Islamic State East Asia Province", type: "ORG", subtype: "armed_group", names: ["Islamic State East Asia Province", "Islamic State - East Asia Province", "East Asia Province", "ISEAP"] },
  { key: "org:abu-sayyaf", name: "Abu Sayyaf", type: "ORG", subtype: "armed_group", names: ["Abu Sayyaf", "Abu Sayyaf Group", "ASG"] },
  { key: "org:maute", name: "Maute group", type: "ORG", subtype: "armed_group", names: ["Maute group", "Maute Group", "Dawlah Islamiyah"] },
  { key: "org:kataib-hezbollah", name: "Kata'ib Hezbollah", type: "ORG", subtype: "armed_group", names: ["Kata'ib Hezbollah", "Kataib Hezbollah", "Kata'ib Hizballah", "Kataib Hizballah", "Hezbollah Brigades"] },
  { key: "org:islamic-resistance-iraq", name: "Islamic Resistance in Iraq", type: "ORG", subtype: "armed_group", names: ["Islamic Resistance in Iraq"] },
  { key: "org:pmf", name: "Popular Mobilization Forces", type: "ORG", subtype: "military", names: ["Popular Mobilization Forces", "Popular Mobilisation Forces", "Popular Mobilization Units", "Popular Mobilisation Units", "PMF", "PMU", "Hashd al-Shaabi", "al-Hashd al-Shaabi"] },
  { key: "org:etim", name: "East Turkestan Islamic Movement", type: "ORG", subtype: "armed_group", names: ["East Turkestan Islamic Movement", "East Turkistan Islamic Movement", "ETIM"] },
  { key: "org:tip", name: "Turkistan Islamic Party", type: "ORG", subtype: "armed_group", names: ["Turkistan Islamic Party", "Turkestan Islamic Party"] },
  { key: "org:m23", name: "M23", type: "ORG", subtype: "armed_group", names: ["M23", "March 23 Movement", "Mouvement du 23 mars", "M23 rebel movement"] },
  { key: "org:afc", name: "Alliance Fleuve Congo", type: "ORG", subtype: "armed_group", names: ["Alliance Fleuve Congo", "Congo River Alliance"] },
  { key: "org:stc", name: "Southern Transitional Council", type: "ORG", subtype: "political_party", names: ["Southern Transitional Council", "STC"] },
  { key: "org:pentagon", name: "Pentagon", type: "ORG", subtype: "government", names: ["Pentagon", "Department of Defense", "Defense Department", "US Department of Defense"] },
  { key: "org:ttp", name: "Tehrik-e-Taliban Pakistan", type: "ORG", subtype: "armed_group", names: ["Tehrik-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan", "Tehrik-e-Taliban", "Tehreek-e-Taliban", "TTP", "Pakistani Taliban"] },
  { key: "org:taliban", name: "Taliban", type: "ORG", subtype: "armed_group", names: ["Taliban", "Taleban", "Afghan Taliban", "Islamic Emirate of Afghanistan", "Islamic Emirate"] },
  { key: "org:al-qaeda", name: "al Qaeda", type: "ORG", subtype: "armed_group", names: ["al Qaeda", "al-Qaeda", "al-Qaida", "al Qaida", "Al Qaeda", "AQ"] },
  { key: "org:aqap", name: "al Qaeda in the Arabian Peninsula", type: "ORG", subtype: "armed_group", names: ["al Qaeda in the Arabian Peninsula", "al-Qaeda in the Arabian Peninsula", "AQAP"] },
  { key: "org:aqim", name: "al Qaeda in the Islamic Maghreb", type: "ORG", subtype: "armed_group", names: ["al Qaeda in the Islamic Maghreb", "al-Qaeda in the Islamic Maghreb", "AQIM"] },
  { key: "org:aqis", name: "al Qaeda in the Indian Subcontinent", type: "ORG", subtype: "armed_group", names: ["al Qaeda in the Indian Subcontinent", "al-Qaeda in the Indian Subcontinent", "AQIS"] },
  { key: "org:al-shabaab", name: "al-Shabaab", type: "ORG", subtype: "armed_group", names: ["al-Shabaab", "al Shabaab", "Al-Shabab", "al-Shabab", "Harakat al-Shabaab al-Mujahideen"] },
  // Dissident republican groups, named after the PETRARCH dictionaries; the New IRA formed in 2012 from the Real IRA and others.
  { key: "org:new-ira", name: "New IRA", type: "ORG", subtype: "armed_group", names: ["New IRA"] },
  { key: "org:real-ira", name: "Real IRA", type: "ORG", subtype: "armed_group", names: ["Real IRA", "RIRA"] },
  { key: "org:continuity-ira", name: "Continuity IRA", type: "ORG", subtype: "armed_group", names: ["Continuity IRA", "CIRA"] },
  { key: "org:boko-haram", name: "Boko Haram", type: "ORG", subtype: "armed_group", names: ["Boko Haram", "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad", "JAS"] },
  { key: "org:jnim", name: "Jama'at Nasr al-Islam wal Muslimin", type: "ORG", subtype: "armed_group", names: ["Jama'at Nasr al-Islam wal Muslimin", "Jama'at Nusrat al-Islam wal-Muslimin", "Jamaat Nusrat al-Islam wal-Muslimin", "Jama'at Nusrat al-Islam wal Muslimin", "Group for the Support of Islam and Muslims", "JNIM"] },
  { key: "org:hts", name: "Hayat Tahrir al-Sham", type: "ORG", subtype: "armed_group", names: ["Hayat Tahrir al-Sham", "Hay'at Tahrir al-Sham", "HTS"] },
  // HTS's predecessor under its two names, a separate actor: al Qaeda's Syrian branch until 2016.
  { key: "org:nusra", name: "Jabhat al-Nusra", type: "ORG", subtype: "armed_group", names: ["Jabhat al-Nusra", "Nusra Front", "al-Nusra Front", "Jabhat Fateh al-Sham", "Jabhat Fatah al-Sham"] },
  { key: "org:fatah", name: "Fatah", type: "ORG", subtype: "political_party", names: ["Fatah"] },
  { key: "org:mossad", name: "Mossad", type: "ORG", subtype: "government", names: ["Mossad"] },
  { key: "org:shin-bet", name: "Shin Bet", type: "ORG", subtype: "government", names: ["Shin Bet", "Shabak", "Israel Security Agency"] },
  { key: "org:tatmadaw", name: "Tatmadaw", type: "ORG", subtype: "military", names: ["Tatmadaw", "Myanmar Armed Forces", "Myanmar military"] },
  { key: "org:janjaweed", name: "Janjaweed", type: "ORG", subtype: "armed_group", names: ["Janjaweed", "Janjawid"] },
  { key: "org:hamas", name: "Hamas", type: "ORG", subtype: "armed_group", names: ["Hamas", "Harakat al-Muqawama al-Islamiya"] },
  { key: "org:hezbollah", name: "Hezbollah", type: "ORG", subtype: "armed_group", names: ["Hezbollah", "Hizbollah", "Hizballah", "Hizbullah"] },
  { key: "org:houthis", name: "Houthis", type: "ORG", subtype: "armed_group", names: ["Houthis", "Houthi movement", "Ansar Allah", "Ansarallah"] },
  { key: "org:haqqani", name: "Haqqani Network", type: "ORG", subtype: "armed_group", names: ["Haqqani Network", "Haqqani network"] },
  { key: "org:let", name: "Lashkar-e-Taiba", type: "ORG", subtype: "armed_group", names: ["Lashkar-e-Taiba", "Lashkar-e-Toiba", "LeT"] },
  { key: "org:jem", name: "Jaish-e-Mohammed", type: "ORG", subtype: "armed_group", names: ["Jaish-e-Mohammed", "Jaish-e-Muhammad", "JeM"] },
  { key: "org:bla", name: "Balochistan Liberation Army", type: "ORG", subtype: "armed_group", names: ["Balochistan Liberation Army", "BLA"] },
  { key: "org:pkk", name: "Kurdistan Workers' Party", type: "ORG", subtype: "armed_group", names: ["Kurdistan Workers' Party", "Kurdistan Workers Party", "PKK"] },
  { key: "org:wagner", name: "Wagner Group", type: "ORG", subtype: "armed_group", names: ["Wagner Group", "Wagner"] },
  { key: "org:peshmerga", name: "Peshmerga", type: "ORG", subtype: "military", names: ["Peshmerga", "Kurdish Peshmerga"] },
  { key: "org:nato", name: "NATO", type: "ORG", subtype: "international_org", names: ["NATO", "North Atlantic Treaty Organization"] },
  { key: "org:un", name: "United Nations", type: "ORG", subtype: "international_org", names: ["United Nations", "UN", "U.N."] },
  { key: "org:au", name: "African Union", type: "ORG", subtype: "international_org", names: ["African Union", "AU"] },
  { key: "org:eu", name: "European Union", type: "ORG", subtype: "international_org", names: ["European Union", "EU"] },
];

/** Regions that are no state: LOC, subtype region. */
export const REGIONS = [
  "South Asia", "Central Asia", "East Asia", "Southeast Asia", "South-East Asia", "West Asia", "Asia", "Middle East", "Near East",
  "North Africa", "West Africa", "East Africa", "Central Africa", "Southern Africa", "Sub-Saharan Africa", "Horn of Africa", "Africa",
  "Sahel", "Maghreb", "Levant", "Caucasus", "North Caucasus", "Balkans", "Europe", "Western Europe", "Eastern Europe", "Central Europe",
  "Latin America", "South America", "North America", "Central America", "Caribbean", "Persian Gulf", "Gulf", "Arabian Peninsula",
  "Indian Subcontinent", "Subcontinent", "Kashmir", "Kurdistan", "Khorasan", "Scandinavia", "Oceania", "Arctic", "Pacific", "Atlantic",
];

/** Forms that name a country although no list spells them so. */
export const EXTRA_COUNTRY_NAMES: Record<string, string[]> = {
  USA: ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the States"],
  GBR: ["UK", "U.K.", "Britain", "Great Britain"],
  ARE: ["UAE", "U.A.E.", "Emirates"],
  RUS: ["Russian Federation"],
  COD: ["DRC", "DR Congo"],
  PRK: ["North Korea"],
  KOR: ["South Korea"],
  TUR: ["Turkey", "Turkiye", "Türkiye"],
  PSE: ["Palestinian territories", "Palestinian Territories"],
  CZE: ["Czech Republic"],
  MMR: ["Burma"],
  IRN: ["Islamic Republic"],
  CIV: ["Ivory Coast"],
};

/**
 * Names and demonyms two countries share, read as the news agencies' style books do: "Congo" and
 * "Congolese" are DR Congo; its neighbour is written "Republic of the Congo" or "Congo-Brazzaville".
 */
export const SHARED_NAMES: Record<string, string[]> = {
  COD: ["Congo", "Congolese"],
};

/** Regions of a country that are no province or city, each with the other names it goes by. */
export const COUNTRY_REGIONS: Record<string, string[][]> = {
  PSE: [["Gaza Strip", "Gaza"], ["West Bank"]],
};

/** Provinces and cities named often in conflict reporting that no country list carries, by country. */
export const EXTRA_PLACES: Record<string, string[]> = {
  PAK: ["Khyber Pakhtunkhwa", "Balochistan", "Baluchistan", "Waziristan", "North Waziristan", "South Waziristan", "Bajaur", "Punjab", "Sindh", "Peshawar", "Quetta", "Karachi", "Lahore", "Rawalpindi"],
  AFG: ["Nangarhar", "Kunar", "Helmand", "Kandahar", "Jalalabad", "Herat", "Kunduz", "Mazar-i-Sharif", "Badakhshan"],
  PSE: ["Rafah", "Khan Younis", "Jenin"],
  IRQ: ["Mosul", "Fallujah", "Ramadi", "Kirkuk", "Erbil", "Basra", "Anbar", "Nineveh"],
  SYR: ["Aleppo", "Idlib", "Raqqa", "Deir ez-Zor", "Homs", "Hama", "Daraa"],
  NGA: ["Borno", "Maiduguri", "Yobe", "Adamawa"],
  SOM: ["Puntland", "Somaliland", "Kismayo", "Baidoa"],
  MLI: ["Timbuktu", "Gao", "Kidal", "Mopti"],
  YEM: ["Aden", "Hodeidah", "Marib", "Taiz"],
};
