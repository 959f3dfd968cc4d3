/** A span of text, either plain or covered by one statement. */
export interface Segment {
  start: number;
  end: number;
  statementId: string | null;
  /** Statements that start inside this segment but are not drawn from here (overlapped): they still need an anchor. */
  anchors: string[];
}

interface Span {
  statement_id: string;
  start: number;
  end: number;
}

/**
 * Cuts [from, to) into plain and highlighted segments. Spans are sorted by start;
 * where two overlap, the earlier one wins and the later one is clipped, so no text is shown twice.
 * Every span starting in the range gets an anchor, so links to it land even when it is hidden by another.
 */
export function segmentRange(from: number, to: number, spans: readonly Span[]): Segment[] {
  const out: Segment[] = [];
  let pos = from;
  for (const span of spans) {
    const start = Math.max(span.start, pos);
    const end = Math.min(span.end, to);
    if (end <= start) continue;
    if (start > pos) out.push({ start: pos, end: start, statementId: null, anchors: [] });
    out.push({ start, end, statementId: span.statement_id, anchors: [] });
    pos = end;
  }
  if (pos < to) out.push({ start: pos, end: to, statementId: null, anchors: [] });
  for (const span of spans) {
    if (span.start < from || span.start >= to) continue;
    const own = out.find((seg) => seg.statementId === span.statement_id && seg.start === span.start);
    if (own) continue;
    out.find((seg) => seg.start <= span.start && span.start < seg.end)?.anchors.push(span.statement_id);
  }
  return out;
}
