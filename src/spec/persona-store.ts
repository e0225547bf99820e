/**
 * User personas: who the user is in a chat. `{{user}}` expands to the persona's name and its
 * description goes into the prompt's persona section. Each owner has at most one default persona,
 * used when a turn names none.
 */

/** A stored persona. */
export interface PersonaRecord {
  id: string;
  ownerId: string;
  name: string;
  description: string;
  /** At most one persona per owner is the default. */
  isDefault: boolean;
  createdAt: number;
  updatedAt: number;
}

/** What a new persona needs; with `isDefault` it replaces the owner's current default. */
export interface PersonaDraft {
  name: string;
  description?: string;
  isDefault?: boolean;
}

/** The owner's personas. */
export interface PersonaStore {
  /** Creates a persona in one transaction (clearing the old default when `isDefault`). */
  create(ownerId: string, draft: PersonaDraft): Promise<PersonaRecord>;
  /** The owner's personas, default first, then by name. */
  list(ownerId: string): Promise<PersonaRecord[]>;
  get(id: string): Promise<PersonaRecord | null>;
  /** Changes name and/or description; throws `persona_not_found` for an unknown id. */
  update(id: string, patch: { name?: string; description?: string }): Promise<PersonaRecord>;
  delete(id: string): Promise<boolean>;
  /** Makes `personaId` the owner's only default; null clears it. Throws `persona_not_found` for another owner's or a missing persona. */
  setDefault(ownerId: string, personaId: string | null): Promise<void>;
}
