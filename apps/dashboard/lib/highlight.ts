/** A span of text, either plain or covered by one statement. */
export interface Segment {
  start: number;
  end: number;
  statementId: string | null;
}

interface Span {
  statement_id: string;
  start: number;
  end: number;
}

/**
 * Cuts [from, to) into plain and highlighted segments. Spans are sorted by start;
 * where two overlap, the earlier one wins and the later one is clipped, so no text is shown twice.
 */
export function segmentRange(from: number, to: number, spans: readonly Span[]): Segment[] {
  const out: Segment[] = [];
  let pos = from;
  for (const span of spans) {
    const start = Math.max(span.start, pos);
    const end = Math.min(span.end, to);
    if (end <= start) continue;
    if (start > pos) out.push({ start: pos, end: start, statementId: null });
    out.push({ start, end, statementId: span.statement_id });
    pos = end;
  }
  if (pos < to) out.push({ start: pos, end: to, statementId: null });
  return out;
}
