/**
 * A comma-separated list of keys in one text input. The typed text is kept as typed while the field
 * has focus: re-deriving it from the parsed list on every keystroke would swallow a trailing comma
 * or space, so "red fox" or a second key could never be typed. On blur it is tidied to the list.
 */
import { useState } from 'react';

const splitKeys = (text: string) =>
  text
    .split(/[,，]/)
    .map((key) => key.trim())
    .filter(Boolean);

interface KeyListInputProps {
  keys: string[];
  onChange: (keys: string[]) => void;
  describedBy?: string;
  id?: string;
}

/** The input; `keys` is the parsed list, `onChange` gets every change. */
export function KeyListInput({ keys, onChange, describedBy, id }: KeyListInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      id={id}
      aria-describedby={describedBy}
      value={draft ?? keys.join(', ')}
      onFocus={() => setDraft(keys.join(', '))}
      onBlur={() => setDraft(null)}
      onChange={(event) => {
        setDraft(event.target.value);
        onChange(splitKeys(event.target.value));
      }}
    />
  );
}
