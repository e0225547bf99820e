/**
 * The turns running on this server, one per session at most, so `POST /abort` and shutdown can stop
 * them and shutdown can wait until their partial replies are stored.
 */
import { StarlingError } from '../spec/errors.js';

export interface RunningTurn {
  sessionId: string;
  ownerId: string;
  signal: AbortSignal;
  /** Call once the turn's writes are done (in a finally). */
  finish(): void;
}

export interface TurnRegistry {
  /** Registers a turn; throws `turn_running` when the session already has one. */
  start(sessionId: string, ownerId: string): RunningTurn;
  /** Aborts the session's running turn when the owner matches; returns whether one was running. */
  abort(sessionId: string, ownerId: string): boolean;
  /** Whether the session has a turn running. */
  has(sessionId: string): boolean;
  /** Aborts every running turn of one owner (their account was deleted); returns how many. */
  abortOwner(ownerId: string): number;
  /** Aborts every running turn (shutdown). */
  abortAll(): void;
  /** Resolves when no turn is running. */
  idle(): Promise<void>;
  readonly size: number;
}

interface Entry {
  ownerId: string;
  controller: AbortController;
  done: Promise<void>;
}

/** Creates an empty registry. */
export function createTurnRegistry(): TurnRegistry {
  const running = new Map<string, Entry>();
  return {
    start(sessionId, ownerId) {
      if (running.has(sessionId)) {
        throw new StarlingError(
          'turn_running',
          `session ${sessionId} already has a turn running; abort it first`,
        );
      }
      const controller = new AbortController();
      let resolveDone = (): void => undefined;
      const done = new Promise<void>((resolve) => (resolveDone = resolve));
      const entry: Entry = { ownerId, controller, done };
      running.set(sessionId, entry);
      return {
        sessionId,
        ownerId,
        signal: controller.signal,
        finish() {
          if (running.get(sessionId) === entry) running.delete(sessionId);
          resolveDone();
        },
      };
    },
    abort(sessionId, ownerId) {
      const entry = running.get(sessionId);
      if (!entry || entry.ownerId !== ownerId) return false;
      entry.controller.abort();
      return true;
    },
    has(sessionId) {
      return running.has(sessionId);
    },
    abortOwner(ownerId) {
      let aborted = 0;
      for (const entry of running.values()) {
        if (entry.ownerId !== ownerId) continue;
        entry.controller.abort();
        aborted += 1;
      }
      return aborted;
    },
    abortAll() {
      for (const entry of running.values()) entry.controller.abort();
    },
    async idle() {
      await Promise.all([...running.values()].map((entry) => entry.done));
    },
    get size() {
      return running.size;
    },
  };
}
