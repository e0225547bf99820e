/**
 * A turn whose conversation comes from the caller (the OpenAI-compatible API) instead of the stored
 * message tree. The character's definition, the persona, the lorebooks and the context budget apply
 * exactly as in a normal turn; the caller's messages only supply the history. When the call is tied
 * to a session, the new user message and the reply are stored there in one `messages.append`.
 *
 * Caller system messages: the leading ones (before the first user or assistant message) are added
 * to the post-history instructions, so they are never trimmed and never replace the character's
 * definition; later ones stay where they are, as system messages in the history.
 */
import { createHash } from 'node:crypto';
import { createIdGenerator } from '../spec/ids.js';
import { StarlingError } from '../spec/errors.js';
import type { CharacterRecord, MessageDraft, SessionRecord, Store } from '../spec/store.js';
import { createPromptAssembler, type HistoryMessage, type PromptAssembler } from '../prompt/index.js';
import type { ChatModelHandle } from '../spec/model.js';
import { lorebooksFor } from './context.js';
import { generateReply } from './generate.js';
import type { TurnMemory } from './memory-turn.js';
import { turnDrafts } from './turn-drafts.js';
import type { TurnResult } from './events.js';
import { cardWithNote, refusalDrafts, safetyMeta } from './safety-refusal.js';
import { recordAudits, turnSubject } from './safety-policy.js';
import { guardOutput, previousUserText, screenTurnInput, type TurnSafety } from './safety-turn.js';
import type { StarlingConfig } from './home.js';
import { resolvePromptUser } from './personas.js';
import type { ToolRegistry } from './tools/tool-registry.js';
import { toolMeta, turnTools } from './tools/turn-tools.js';
import { toolOutputAudit } from './untrusted-scan.js';
import type { AuditDraft } from '../spec/audit-store.js';

export interface ExternalTurnDependencies {
  store: Store;
  config: StarlingConfig;
  getModel: (spec?: string) => Promise<ChatModelHandle>;
  /** Keeps token counts and history cuts across calls; a fresh one per call when absent. */
  assembler?: PromptAssembler;
  /** Recall before and memory jobs after a stored turn; absent when memory is off. */
  memory?: TurnMemory;
  now?: () => Date;
  /** Input and output screening with audit rows, as in stored-tree turns. */
  safety?: TurnSafety;
  /** The memory tools; offered in stored turns (a session) when enabled, as in stored-tree turns. */
  tools?: ToolRegistry;
}

export interface ExternalMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ExternalTurnInput {
  ownerId: string;
  character: CharacterRecord;
  /** The conversation as the caller sends it, oldest first. */
  messages: ExternalMessage[];
  /** Store the turn in this session (it must belong to the owner and the character). */
  sessionId?: string | null;
  /** Store the turn in the owner's session for this key and character, created on first use. */
  sessionKey?: string | null;
  model?: string;
  maxOutputTokens?: number;
  temperature?: number;
  signal?: AbortSignal;
  onDelta?: (delta: string) => void;
  /** Offer the memory tools (default: `config.memoryTools`); only in stored turns, to models that call tools. */
  memoryTools?: boolean;
}

export interface ExternalTurnResult extends Omit<TurnResult, 'sessionId'> {
  /** The session the turn was stored in; null for a stateless call. */
  sessionId: string | null;
  /** Prompt tokens as the model reported them, else as counted during assembly. */
  promptTokens: number;
  /** Reply tokens as the model reported them, else as counted with the model's counter. */
  completionTokens: number;
}

/** The session title that maps an external key to a session (see docs/decisions/0008). */
export function externalSessionTitle(key: string): string {
  return `openai:${key}`;
}

/** Runs one turn over a caller-supplied conversation; stores it when a session is given or keyed. */
export async function runExternalTurn(
  dependencies: ExternalTurnDependencies,
  input: ExternalTurnInput,
): Promise<ExternalTurnResult> {
  const { store, config } = dependencies;
  const now = dependencies.now ?? (() => new Date());
  const newId = createIdGenerator(() => now().getTime());
  if (!input.messages.some((message) => message.role !== 'system')) {
    throw new StarlingError(
      'messages_invalid',
      'messages must contain at least one user or assistant message',
    );
  }
  const session = await resolveExternalSession(store, input);
  const character = session ? await versionOf(store, session) : input.character;
  const { card, history } = splitConversation(character, input.messages, now().getTime());
  const chatSeed = session?.seed ?? conversationSeed(input.ownerId, character.id, input.messages);
  const last = input.messages.at(-1);
  const userText = last?.role === 'user' ? last.content : null;
  const subject = await turnSubject(store, input.ownerId, session?.id ?? null, character);
  const turnModel = async () => (await dependencies.getModel(input.model)).model;
  const previous = previousUserText(input.messages);
  const gate = await screenTurnInput(dependencies.safety, subject, userText, turnModel, previous);
  if (gate?.refusal != null) {
    input.onDelta?.(gate.refusal);
    return refuseExternal(dependencies, gate, session, userText, newId, now);
  }
  const handle = await dependencies.getModel(input.model);
  const contextSize = Math.min(config.contextSize, handle.contextSize);
  const userTurns = history.filter((message) => message.role === 'user').length;
  const newest = history.at(-1);
  const recall =
    session && dependencies.memory && newest?.role === 'user'
      ? await dependencies.memory.beforeTurn({
          ownerId: input.ownerId,
          characterId: character.id,
          text: newest.content,
          sessionId: session.id,
        })
      : undefined;
  const prompt = (dependencies.assembler ?? createPromptAssembler()).assemble({
    character: cardWithNote(card, gate),
    lorebooks: await lorebooksFor(store, character),
    history,
    ...(await resolvePromptUser(store, config, input.ownerId)),
    contextSize,
    replyReserve: Math.min(config.replyReserve, Math.floor(contextSize / 2)),
    tokenCounter: handle.tokenCounter,
    now: now(),
    chatSeed,
    turnIndex: userTurns,
    ...(recall === undefined ? {} : { memories: recall.memories, variables: recall.variables }),
    ...(recall?.summaries === undefined ? {} : { summaries: recall.summaries }),
  });
  // Chosen before the reply, so facts the model remembers can cite the message stored with it.
  const userMessageId = session && last?.role === 'user' ? newId() : null;
  /** Audit rows for tool outputs withheld during the reply. */
  const toolAudits: AuditDraft[] = [];
  const guarded = await guardOutput(dependencies.safety, subject, gate, {
    userText: userText ?? '',
    model: handle.model,
    signal: input.signal,
    onDelta: input.onDelta,
    generate: (onDelta, signal) =>
      generateReply({
        handle,
        messages: prompt.messages,
        maxOutputTokens: input.maxOutputTokens ?? config.maxReplyTokens,
        temperature: input.temperature,
        sessionKey: session?.id ?? `external:${chatSeed}`,
        signal,
        stallTimeoutMs: config.modelStallSeconds * 1000,
        onDelta,
        tools:
          session === null
            ? undefined
            : turnTools({
                registry: dependencies.tools,
                handle,
                enabled: input.memoryTools ?? config.memoryTools,
                context: {
                  ownerId: input.ownerId,
                  characterId: character.id,
                  sessionId: session.id,
                  messageId: userMessageId,
                  now: now().getTime(),
                  signal,
                  onWithheld: (name, withheld) =>
                    toolAudits.push(
                      toolOutputAudit(
                        { ownerId: input.ownerId, sessionId: session.id, characterId: character.id },
                        name,
                        { text: '', quarantined: true, ...withheld },
                      ),
                    ),
                },
              }),
      }),
  });
  const outcome = guarded.outcome;
  const messageId = newId();
  const userDraft: MessageDraft | null =
    session && last?.role === 'user' && userMessageId !== null
      ? {
          id: userMessageId,
          parentId: session.headId,
          role: 'user',
          content: last.content,
          createdAt: now().getTime(),
        }
      : null;
  if (session) {
    const drafts = turnDrafts({
      user: userDraft,
      parentId: session.headId,
      replyId: messageId,
      outcome,
      modelName: handle.name,
      prompt,
      meta: { source: 'openai', ...safetyMeta(gate, guarded.safety), ...toolMeta(outcome) },
    });
    // One call, one transaction, as in a normal turn: a failure before any text keeps the user message.
    if (drafts.length > 0) await store.messages.append(session.id, drafts, { head: 'last' });
    await recordAudits(store, [...(gate?.audits ?? []), ...guarded.audits, ...toolAudits], {
      userMessageId: userDraft?.id ?? null,
      replyId: drafts.some((draft) => draft.id === messageId) ? messageId : null,
    });
    await dependencies.memory?.afterTurn({
      ownerId: input.ownerId,
      characterId: character.id,
      sessionId: session.id,
      messageIds: drafts.map((draft) => draft.id ?? ''),
    });
  }
  if (outcome.error) throw outcome.error;
  return {
    sessionId: session?.id ?? null,
    userMessageId: userDraft?.id ?? null,
    messageId,
    text: outcome.text,
    finishReason: outcome.finishReason,
    usage: outcome.usage,
    promptTokens: outcome.usage.inputTokens ?? prompt.tokens.total,
    completionTokens: outcome.usage.outputTokens ?? handle.tokenCounter.count(outcome.text),
  };
}

/** A blocked external turn: the in-character refusal is the reply (stored when the call has a session). */
async function refuseExternal(
  dependencies: ExternalTurnDependencies,
  gate: NonNullable<Awaited<ReturnType<typeof screenTurnInput>>>,
  session: SessionRecord | null,
  userText: string | null,
  newId: () => string,
  now: () => Date,
): Promise<ExternalTurnResult> {
  const text = gate.refusal ?? '';
  const messageId = newId();
  const user: MessageDraft | null =
    session && userText !== null
      ? { id: newId(), parentId: session.headId, role: 'user', content: userText, createdAt: now().getTime() }
      : null;
  if (session) {
    const drafts = refusalDrafts(gate, {
      user,
      parentId: session.headId,
      replyId: messageId,
      meta: { source: 'openai' },
    });
    await dependencies.store.messages.append(session.id, drafts, { head: 'last' });
  }
  // Stateless calls still leave an audit row; it names no message.
  await recordAudits(dependencies.store, gate.audits, {
    userMessageId: user?.id ?? null,
    replyId: session ? messageId : null,
  });
  return {
    sessionId: session?.id ?? null,
    userMessageId: user?.id ?? null,
    messageId,
    text,
    finishReason: 'content-filter',
    usage: { inputTokens: null, outputTokens: null },
    promptTokens: 0,
    completionTokens: 0,
  };
}

/**
 * The session a call is tied to: `sessionId` (the owner's, for this character), else the owner's
 * session for `sessionKey` and this character, created on first use; null for a stateless call.
 */
export async function resolveExternalSession(
  store: Store,
  input: Pick<ExternalTurnInput, 'ownerId' | 'character' | 'sessionId' | 'sessionKey'>,
): Promise<SessionRecord | null> {
  const { ownerId, character } = input;
  if (input.sessionId) {
    const session = await store.sessions.get(input.sessionId);
    if (!session || session.ownerId !== ownerId) {
      throw new StarlingError('session_not_found', `no session with id ${input.sessionId}`);
    }
    if (session.characterId !== character.id) {
      throw new StarlingError(
        'session_character_mismatch',
        `session ${session.id} belongs to another character than ${character.id}`,
      );
    }
    return session;
  }
  if (!input.sessionKey) return null;
  const title = externalSessionTitle(input.sessionKey);
  const sessions = await store.sessions.list({ ownerId, characterId: character.id });
  // The oldest match wins, so two first calls racing on one key converge on one session afterwards.
  const existing = sessions
    .filter((session) => session.title === title)
    .sort((a, b) => a.createdAt - b.createdAt)[0];
  if (existing) return existing;
  const created = await store.sessions.create({
    ownerId,
    characterId: character.id,
    characterVersion: character.version,
    title,
    seed: Math.floor(Math.random() * 2 ** 31),
    roots: [],
  });
  return created.session;
}

async function versionOf(store: Store, session: SessionRecord): Promise<CharacterRecord> {
  const character = await store.characters.getVersion(session.characterId, session.characterVersion);
  if (!character) {
    throw new StarlingError(
      'character_not_found',
      `session ${session.id} refers to character ${session.characterId} v${session.characterVersion}, which no longer exists`,
    );
  }
  return character;
}

/** Leading system messages join the post-history instructions; the rest become history. */
function splitConversation(
  character: CharacterRecord,
  messages: ExternalMessage[],
  time: number,
): { card: CharacterRecord['card']; history: HistoryMessage[] } {
  const firstTurn = messages.findIndex((message) => message.role !== 'system');
  const leading = messages.slice(0, Math.max(firstTurn, 0)).map((message) => message.content.trim());
  const instructions = [character.card.postHistoryInstructions.trim(), ...leading].filter(
    (text) => text !== '',
  );
  const card =
    leading.length === 0
      ? character.card
      : { ...character.card, postHistoryInstructions: instructions.join('\n\n') };
  const history = messages.slice(Math.max(firstTurn, 0)).map((message, index) => ({
    // Content-derived ids stay the same when the caller resends the conversation, so the
    // assembler's history cut and lore anchors stay put between calls.
    id: `external-${index}-${digest(`${message.role}\u0000${message.content}`).slice(0, 12)}`,
    role: message.role,
    content: message.content,
    createdAt: time,
  }));
  return { card, history };
}

/** Stable per conversation: {{pick}} and lore probability do not change when the history is resent. */
function conversationSeed(ownerId: string, characterId: string, messages: ExternalMessage[]): number {
  const first = messages.find((message) => message.role !== 'system');
  return Number.parseInt(
    digest(`${ownerId}\u0000${characterId}\u0000${first?.content ?? ''}`).slice(0, 7),
    16,
  );
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
