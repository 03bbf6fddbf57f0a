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

/** A file input in its field; the input is cleared after each choice, so choosing the same file again reads it again. */
export function FileField(props: { id: string; label: string; accept: string; onFile: (file: File) => Promise<void> }) {
  const chosen = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void props.onFile(file);
  };
  return (
    <Field id={props.id} label={props.label}>
      <input type="file" id={props.id} accept={props.accept} onChange={chosen} />
    </Field>
  );
}
