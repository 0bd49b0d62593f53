/**
 * Mixed-direction text. An invoice number, an amount or a Latin name set inside Urdu
 * (right-to-left) text takes its neighbours' direction at its edges: "Demo Manager (Jr.)"
 * shows as "(Demo Manager (Jr." and a date's leading day jumps to the far end. Wrapping a
 * value in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE lays it out on its own, in the
 * direction of its own first letter, like `<bdi>`, but inside a translated string.
 * The marks are invisible and take no space.
 */
const FSI = '\u2068';
const PDI = '\u2069';

export function isolate(text: string): string {
  return `${FSI}${text}${PDI}`;
}

/** The text without isolation marks, to compare what is on screen with what was meant. */
export function withoutIsolates(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, '');
}
