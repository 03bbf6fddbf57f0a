import type { ComponentChildren } from 'preact';

/** A labelled control with its message beside it (the message names what is allowed). */
export function Field({
  id,
  label,
  message,
  children,
}: {
  id: string;
  label: string;
  message?: string | null;
  children: ComponentChildren;
}) {
  return (
    <div class="field wide">
      <label for={id}>{label}</label>
      {children}
      {message && (
        <span class="error" id={`${id}-error`} role="alert">
          {message}
        </span>
      )}
    </div>
  );
}

/** The text of the file chosen in a file input, then the input is cleared so the same file can be chosen again. */
export const chosenFile = (e: Event): File | null => {
  const input = e.currentTarget as HTMLInputElement;
  const file = input.files?.[0] ?? null;
  input.value = '';
  return file;
};
