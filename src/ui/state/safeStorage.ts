/**
 * localStorage for small settings (the last scenario open, calculator inputs),
 * never scenario data. Where the browser blocks or fills it, values live in
 * memory for the tab instead of throwing.
 */
export function safeStorage(): Storage {
  const memory = new Map<string, string>();
  let local: Storage | null = null;
  try {
    local = window.localStorage;
    local.getItem('wfm.probe');
  } catch {
    local = null;
  }
  const attempt = <T>(use: (s: Storage) => T, otherwise: () => T): T => {
    try {
      return local ? use(local) : otherwise();
    } catch {
      return otherwise();
    }
  };
  return {
    get length() {
      return attempt(
        (s) => s.length,
        () => memory.size,
      );
    },
    key: (i) =>
      attempt(
        (s) => s.key(i),
        () => [...memory.keys()][i] ?? null,
      ),
    getItem: (k) =>
      memory.get(k) ??
      attempt(
        (s) => s.getItem(k),
        () => null,
      ),
    setItem: (k, v) =>
      attempt(
        (s) => {
          s.setItem(k, v);
          memory.delete(k);
        },
        () => void memory.set(k, v),
      ),
    removeItem: (k) => {
      memory.delete(k);
      attempt(
        (s) => s.removeItem(k),
        () => undefined,
      );
    },
    clear: () => {
      memory.clear();
      attempt(
        (s) => s.clear(),
        () => undefined,
      );
    },
  };
}
