/**
 * Characters no export may carry: the C0 controls other than tab, line feed
 * and carriage return, lone UTF-16 surrogates (UTF-8 has no encoding for them)
 * and the non-characters U+FFFE and U+FFFF, all of which XML 1.0 forbids (a
 * single one makes a workbook part malformed, and LibreOffice then drops every
 * row after the header); and DEL, which iCalendar TEXT forbids.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching those control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ud800-\udfff\ufffe\uffff]/gu;

/** The text with each character no export may carry replaced by U+FFFD, so the reader sees that something was there. */
export const portableText = (text: string): string => text.replace(FORBIDDEN, '\ufffd');
