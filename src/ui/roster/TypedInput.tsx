import { useRef } from 'preact/hooks';

interface TypedInputProps {
  id: string;
  label: string;
  /** the value as the week holds it */
  value: string;
  /** what a typed text is held as ("8.50" is held as "8.5") */
  heldAs?: (text: string) => string;
  onText: (text: string) => void;
  onBlur?: () => void;
  invalid?: string;
  placeholder?: string;
  title?: string;
}

/** A text cell that keeps what was typed ("8.50") while the week holds it as read ("8.5"), so the caret never jumps. */
export function TypedInput({
  id,
  label,
  value,
  heldAs = (t) => t,
  onText,
  onBlur,
  invalid,
  placeholder,
  title,
}: TypedInputProps) {
  const typed = useRef<string | null>(null);
  const shown = typed.current !== null && heldAs(typed.current) === value ? typed.current : value;
  return (
    <input
      type="text"
      id={id}
      aria-label={label}
      aria-invalid={invalid ? 'true' : 'false'}
      title={invalid ?? title}
      placeholder={placeholder}
      autocomplete="off"
      value={shown}
      onInput={(e) => {
        typed.current = (e.currentTarget as HTMLInputElement).value;
        onText(typed.current);
      }}
      onBlur={() => {
        typed.current = null;
        onBlur?.();
      }}
    />
  );
}
