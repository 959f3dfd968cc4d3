/** A filter choice; `weight` is the number of statements behind it, when known. */
export interface FilterOption {
  value: string;
  label: string;
  weight?: number;
}

/** Most choices a filter select ships; a corpus of thousands of sources would otherwise weigh megabytes. */
export const MAX_SELECT_OPTIONS = 200;

/**
 * Keeps the `max` options with the most statements (and every selected one) in their original order;
 * the rest stay reachable through links and the URL, so the page stays small at any corpus size.
 */
export function limitOptions(options: readonly FilterOption[], selected: readonly string[], max = MAX_SELECT_OPTIONS) {
  if (options.length <= max) return { shown: [...options], hidden: 0 };
  const keep = new Set(
    [...options]
      .sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0) || a.label.localeCompare(b.label))
      .slice(0, max)
      .map((o) => o.value),
  );
  for (const value of selected) keep.add(value);
  const shown = options.filter((o) => keep.has(o.value));
  return { shown, hidden: options.length - shown.length };
}
