/** Saves text or bytes as a file through the browser's download (nothing leaves the machine). */
export function download(fileName: string, content: string | Blob | Uint8Array, type: string): void {
  const blob = content instanceof Blob ? content : new Blob([content as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from a scenario name: "Christmas Eve — retail" → "christmas-eve-retail". */
export function fileSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'scenario'
  );
}

/** A JSON value saved as a file named after `name` (a scenario, a record set aside). */
export const saveJson = (name: string, value: unknown) =>
  download(`${fileSlug(name)}.json`, `${JSON.stringify(value, null, 2)}\n`, 'application/json');
