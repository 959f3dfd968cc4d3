export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function number(n: number): string {
  return n.toLocaleString("en-US");
}
