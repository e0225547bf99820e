/** A character's avatar from the server (stored image or generated placeholder). */
import { useApp } from '../lib/app-context.js';

/** Round avatar; decorative unless `label` is given. */
export function Avatar({
  characterId,
  label,
  size = 'medium',
}: {
  characterId: string;
  label?: string;
  size?: 'small' | 'medium' | 'large';
}) {
  const { api } = useApp();
  return (
    <img
      className={`avatar ${size}`}
      src={api.characters.avatarPath(characterId)}
      alt={label ?? ''}
      loading="lazy"
      decoding="async"
    />
  );
}
