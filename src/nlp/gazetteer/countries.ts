import worldCountries, { type Country } from "world-countries";

export type { Country };

// world-countries is CommonJS: at run time its default import is the array its types call `default`.
/** Every country with its names, ISO codes and demonyms (one loaded copy for all stages). */
export const countries = worldCountries as unknown as Country[];
