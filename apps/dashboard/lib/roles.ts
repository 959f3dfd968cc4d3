/**
 * The role line shown for a speaker. The pipeline writes "role, affiliation" when the text names an
 * affiliation ("head, Russian International Affairs Council (RIAC)"); the registry's affiliation is
 * added only when the text gave none, so an affiliation is never shown twice in two spellings.
 */
export function roleLine(role: string, registryAffiliation: string | undefined): string {
  const text = role.trim();
  const affiliation = registryAffiliation?.trim();
  if (!affiliation || text.includes(", ") || text.toLowerCase().includes(affiliation.toLowerCase())) return text;
  return text ? `${text}, ${affiliation}` : affiliation;
}
