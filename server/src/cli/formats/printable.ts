/**
 * Text from documents (headings quoted in messages, file names) reaches terminals and CI logs. A
 * control character there can move the cursor, clear the screen, retitle the window or forge a
 * line; each one (C0, DEL, C1, and so the ESC that starts every terminal sequence) is shown as a
 * visible escape instead.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** `keepLineBreaks` for formats that encode line breaks themselves, such as GitHub annotations. */
export function printable(text: string, keepLineBreaks = false): string {
  return text.replace(keepLineBreaks ? CONTROL_BUT_LINE_BREAKS : CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
