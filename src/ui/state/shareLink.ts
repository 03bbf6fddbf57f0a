import type { Json } from '../../scenario';

/**
 * A scenario in a URL: base64url of its JSON after "#plan&s=", so a link
 * reopens exactly it. Links longer than MAX_LINK_LENGTH are not offered: mail
 * and chat programs cut them, and the file download serves instead.
 */
export const MAX_LINK_LENGTH = 8_000;

export function scenarioToUrlParam(raw: Json): string {
  const bytes = new TextEncoder().encode(JSON.stringify(raw));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The JSON value in a link's parameter, or why it cannot be read (it is validated as a scenario after). */
export function scenarioFromUrlParam(param: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    const binary = atob(param.replaceAll('-', '+').replaceAll('_', '/'));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `the link is damaged (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** The scenario a link in the address carries, or a message why it cannot be read; the link is then taken off the address. */
export type LinkRead = { value: unknown } | { error: string } | null;

export function linkInLocation(): LinkRead {
  const param = new URLSearchParams(location.hash.replace(/^#[^&]*&?/, '')).get('s');
  if (param === null) return null;
  history.replaceState(null, '', '#plan');
  const read = scenarioFromUrlParam(param);
  return read.ok ? { value: read.value } : { error: `The link's scenario was not opened: ${read.error}.` };
}
