/** Entries a per-word memo keeps before it starts over, so a long run's vocabulary cannot grow it without bound. */
const MAX_ENTRIES = 100_000;

/** Memoizes a pure function of one word; the same words recur in every document. */
export function memoizeWord<T>(compute: (word: string) => T): (word: string) => T {
  const memo = new Map<string, T>();
  return (word) => {
    const hit = memo.get(word);
    if (hit !== undefined || memo.has(word)) return hit as T;
    if (memo.size >= MAX_ENTRIES) memo.clear();
    const value = compute(word);
    memo.set(word, value);
    return value;
  };
}
