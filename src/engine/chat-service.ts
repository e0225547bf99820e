/**
 * The turn pipeline: send, regenerate (a new swipe), OpenAI-style turns and the dry-run prompt,
 * plus the message-tree operations from message-tree.ts. Everything it needs is passed in; it holds no state
 * of its own beyond the prompt assembler's caches.
 */
import { createIdGenerator } from '../spec/ids.js';
import { StarlingError } from '../spec/errors.js';
import type { ChatModelHandle } from '../spec/model.js';
import type { AssembledPrompt } from '../spec/prompt.js';
import type { TokenCounter } from '../spec/tokens.js';
import type { CharacterRecord, MessageDraft, MessageRecord, SessionRecord, Store } from '../spec/store.js';
import { createPromptAssembler, expandMacros, type HistoryMessage } from '../prompt/index.js';
import { generateReply } from './generate.js';
import { createMessageTree } from './message-tree.js';
import { turnDrafts } from './turn-drafts.js';
import { runExternalTurn, type ExternalTurnInput } from './external-turn.js';
import type { TurnEvent, TurnResult } from './events.js';
import type { StarlingConfig } from './home.js';
import { loadTurnContext, lorebooksFor, messageInSession, type TurnContext } from './context.js';
import type { TurnMemory } from './memory-turn.js';
import { resolvePromptUser, type PromptUser } from './personas.js';
import { cardWithNote, refuseTurn, safetyMeta } from './safety-refusal.js';
import { recordAudits, turnSubject } from './safety-policy.js';
import { guardOutput, previousUserText, screenTurnInput, type TurnSafety } from './safety-turn.js';
import { startSession } from './session-start.js';
import type { ToolRegistry } from './tools/tool-registry.js';
import { toolMeta, turnTools } from './tools/turn-tools.js';
import { toolOutputAudit } from './untrusted-scan.js';
import type { AuditDraft } from '../spec/audit-store.js';

export interface ChatServiceDependencies {
  store: Store;
  config: StarlingConfig;
  /** Opens (or reuses) the chat model for a spec; undefined means the configured default. */
  getModel: (spec?: string) => Promise<ChatModelHandle>;
  now?: () => Date;
  /** Recall before the prompt, memory jobs after the turn; absent: no memory. */
  memory?: TurnMemory;
  /** Input and output screening with audit rows; absent: no screening (library tests only). */
  safety?: TurnSafety;
  /** The memory tools (remember, recall, forget); offered when `config.memoryTools` or the turn says so. */
  tools?: ToolRegistry;
}

export interface TurnOptions {
  ownerId: string;
  sessionId: string;
  model?: string;
  signal?: AbortSignal;
  onEvent?: (event: TurnEvent) => void;
  maxOutputTokens?: number;
  /** The user's persona for this turn (must be the owner's); default: the owner's default persona. */
  personaId?: string;
  /** Offer the memory tools this turn (default: `config.memoryTools`); only to models that call tools. */
  memoryTools?: boolean;
}

/** Creates the chat service over a store and a model source. */
export function createChatService(dependencies: ChatServiceDependencies) {
  const { store, config } = dependencies;
  const now = dependencies.now ?? (() => new Date());
  const newId = createIdGenerator(() => now().getTime());
  // Replaced (not cleared) by `resetPromptCaches`: its caches hold message texts and history cuts.
  let assembler = createPromptAssembler();

  function buildPrompt(
    context: Pick<TurnContext, 'session' | 'character' | 'lorebooks'> & { user: PromptUser },
    history: HistoryMessage[],
    counter: TokenCounter,
    contextSize: number,
    preview = false,
    recall: Awaited<ReturnType<TurnMemory['beforeTurn']>> | undefined = undefined,
  ): AssembledPrompt {
    const userTurns = history.filter((message) => message.role === 'user');
    const assembled = assembler.assemble(
      {
        character: context.character.card,
        lorebooks: context.lorebooks,
        history,
        userName: context.user.userName,
        persona: context.user.persona,
        contextSize,
        replyReserve: Math.min(config.replyReserve, Math.floor(contextSize / 2)),
        tokenCounter: counter,
        now: now(),
        chatSeed: context.session.seed,
        turnIndex: userTurns.length,
        lastUserMessageAt: userTurns.at(-2)?.createdAt,
        ...(recall === undefined ? {} : { memories: recall.memories, variables: recall.variables }),
        ...(recall?.summaries === undefined ? {} : { summaries: recall.summaries }),
      },
      { preview },
    );
    // Quarantined memories never reach the assembler; the inspector lists them with a warning.
    const quarantined = recall?.quarantined;
    return quarantined === undefined ? assembled : { ...assembled, quarantinedMemories: quarantined };
  }

  async function generateAndStore(
    context: TurnContext,
    history: HistoryMessage[],
    drafts: { user: MessageDraft | null; parentId: string | null },
    options: TurnOptions,
  ): Promise<TurnResult> {
    const { safety } = dependencies;
    const userText = history.at(-1)?.role === 'user' ? (history.at(-1)?.content ?? null) : null;
    const subject = await turnSubject(store, context.session.ownerId, context.session.id, context.character);
    // The guard judges with the model this turn answers with (getModel caches the handle).
    const turnModel = async () => (await dependencies.getModel(options.model)).model;
    const gate = await screenTurnInput(safety, subject, userText, turnModel, previousUserText(history));
    if (gate?.refusal != null) {
      const base = { store, gate, sessionId: context.session.id, drafts, onEvent: options.onEvent };
      return refuseTurn({ ...base, replyId: newId() });
    }
    const handle = await dependencies.getModel(options.model);
    const contextSize = Math.min(config.contextSize, handle.contextSize);
    const recall = await recallFor(context, history);
    const card = cardWithNote(context.character.card, gate);
    const user = await resolvePromptUser(store, config, context.session.ownerId, options.personaId);
    const steered = { ...context, character: { ...context.character, card }, user };
    const prompt = buildPrompt(steered, history, handle.tokenCounter, contextSize, false, recall);
    options.onEvent?.({ type: 'turn-start', sessionId: context.session.id, parentId: drafts.parentId });
    /** Audit rows for tool outputs withheld during the reply. */
    const toolAudits: AuditDraft[] = [];
    const guarded = await guardOutput(safety, subject, gate, {
      userText: userText ?? '',
      model: handle.model,
      signal: options.signal,
      onDelta: (delta) => options.onEvent?.({ type: 'text-delta', delta }),
      generate: (onDelta, signal) =>
        generateReply({
          handle,
          messages: prompt.messages,
          maxOutputTokens: options.maxOutputTokens ?? config.maxReplyTokens,
          sessionKey: context.session.id,
          signal,
          stallTimeoutMs: config.modelStallSeconds * 1000,
          onDelta,
          tools: turnTools({
            registry: dependencies.tools,
            handle,
            enabled: options.memoryTools ?? config.memoryTools,
            context: {
              ownerId: context.session.ownerId,
              characterId: context.session.characterId,
              sessionId: context.session.id,
              messageId: drafts.user?.id ?? drafts.parentId,
              now: now().getTime(),
              signal,
              onWithheld: (name, withheld) =>
                toolAudits.push(
                  toolOutputAudit(
                    {
                      ownerId: context.session.ownerId,
                      sessionId: context.session.id,
                      characterId: context.session.characterId,
                    },
                    name,
                    { text: '', quarantined: true, ...withheld },
                  ),
                ),
            },
          }),
        }),
    });
    const outcome = guarded.outcome;
    const assistantId = newId();
    const toStore = turnDrafts({
      user: drafts.user,
      parentId: drafts.parentId,
      replyId: assistantId,
      outcome,
      modelName: handle.name,
      prompt,
      meta: { ...safetyMeta(gate, guarded.safety), ...toolMeta(outcome) },
    });
    // One call, one transaction: the user message and the reply land together or not at all.
    if (toStore.length > 0) await store.messages.append(context.session.id, toStore, { head: 'last' });
    await recordAudits(store, [...(gate?.audits ?? []), ...guarded.audits, ...toolAudits], {
      userMessageId: drafts.user?.id ?? drafts.parentId,
      replyId: toStore.some((draft) => draft.id === assistantId) ? assistantId : null,
    });
    await dependencies.memory?.afterTurn({
      ownerId: context.session.ownerId,
      characterId: context.session.characterId,
      sessionId: context.session.id,
      messageIds: toStore.map((draft) => draft.id ?? ''),
      ...(prompt.droppedMessageIds.length > 0 ? { summarizeThrough: prompt.droppedMessageIds.at(-1) } : {}),
    });
    if (outcome.error) throw outcome.error;
    const result: TurnResult = {
      sessionId: context.session.id,
      userMessageId: drafts.user?.id ?? null,
      messageId: assistantId,
      text: outcome.text,
      finishReason: outcome.finishReason,
      usage: outcome.usage,
    };
    options.onEvent?.({ type: 'turn-end', ...result });
    return result;
  }

  /** Memory for the newest user message of `history` (undefined without memory). */
  async function recallFor(
    context: Pick<TurnContext, 'session' | 'character'>,
    history: HistoryMessage[],
  ): Promise<Awaited<ReturnType<TurnMemory['beforeTurn']>> | undefined> {
    const last = history.at(-1);
    if (dependencies.memory === undefined) return undefined;
    return dependencies.memory.beforeTurn({
      ownerId: context.session.ownerId,
      characterId: context.character.id,
      text: last?.role === 'user' ? last.content : '',
      sessionId: context.session.id,
    });
  }

  /**
   * The user message a regenerate would answer: the parent of an assistant reply, or a user message
   * left without a reply by a failed turn. Throws `nothing_to_regenerate` otherwise.
   */
  async function regenerationParent(input: {
    ownerId: string;
    sessionId: string;
    messageId?: string;
  }): Promise<string> {
    return (await regenerationTarget(input)).parentId;
  }

  async function regenerationTarget(input: {
    ownerId: string;
    sessionId: string;
    messageId?: string;
  }): Promise<{ context: TurnContext; parentId: string }> {
    const context = await loadTurnContext(store, input.sessionId, input.ownerId);
    const targetId = input.messageId ?? context.session.headId;
    if (!targetId) throw new StarlingError('nothing_to_regenerate', 'the session has no messages');
    const target = await messageInSession(store, input.sessionId, targetId);
    if (target.role === 'user') return { context, parentId: target.id };
    if (target.role !== 'assistant' || target.parentId === null) {
      throw new StarlingError(
        'nothing_to_regenerate',
        `message ${targetId} is not a reply to a user message; choose an alternate greeting instead`,
      );
    }
    return { context, parentId: target.parentId };
  }

  return {
    /**
     * A turn over a caller-supplied conversation (the OpenAI-compatible API), with the same
     * assembler, model access and memory as stored-tree turns.
     */
    external: (input: ExternalTurnInput) =>
      runExternalTurn(
        {
          store,
          config,
          getModel: dependencies.getModel,
          assembler,
          now,
          memory: dependencies.memory,
          safety: dependencies.safety,
          tools: dependencies.tools,
        },
        input,
      ),

    /**
     * Drops the prompt caches (token counts keyed by text, remembered history cuts) of every chat,
     * so nothing of a deleted user's chats stays in memory; the next turns count afresh.
     */
    resetPromptCaches(): void {
      assembler = createPromptAssembler();
    },

    /** Starts a chat with a character: its greeting and alternate greetings become sibling roots (swipes). */
    startSession(ownerId: string, character: CharacterRecord, title?: string) {
      return startSession(
        { store, config, safety: dependencies.safety, now, newId },
        ownerId,
        character,
        title,
      );
    },

    /** Sends a user message and streams the character's reply. */
    async send(text: string, options: TurnOptions): Promise<TurnResult> {
      if (text.trim() === '') throw new StarlingError('message_empty', 'the message is empty');
      const context = await loadTurnContext(store, options.sessionId, options.ownerId);
      const user: MessageDraft = {
        id: newId(),
        parentId: context.session.headId,
        role: 'user',
        content: text,
        createdAt: now().getTime(),
      };
      const history = [
        ...toHistory(context.path),
        { id: user.id ?? '', role: 'user' as const, content: text, createdAt: user.createdAt ?? 0 },
      ];
      return generateAndStore(context, history, { user, parentId: context.session.headId }, options);
    },

    regenerationParent,

    /** Generates another reply to the same user message: a new swipe beside `messageId` (default: the head). */
    async regenerate(options: TurnOptions & { messageId?: string }): Promise<TurnResult> {
      const { context, parentId } = await regenerationTarget(options);
      const path = await store.messages.path(parentId);
      return generateAndStore({ ...context, path }, toHistory(path), { user: null, parentId }, options);
    },

    ...createMessageTree(store),

    /** What would be sent for `text` right now, without calling the model or storing anything. */
    async dryRun(input: {
      ownerId: string;
      character: CharacterRecord;
      sessionId?: string;
      text: string;
      counter: TokenCounter;
      contextSize: number;
      personaId?: string;
    }): Promise<AssembledPrompt> {
      const user = await resolvePromptUser(store, config, input.ownerId, input.personaId);
      let context: Pick<TurnContext, 'session' | 'character' | 'lorebooks'>;
      let path: MessageRecord[] = [];
      if (input.sessionId) {
        const loaded = await loadTurnContext(store, input.sessionId, input.ownerId);
        context = loaded;
        path = loaded.path;
      } else {
        context = {
          session: draftSession(input),
          character: input.character,
          lorebooks: await lorebooksFor(store, input.character),
        };
        const greeting = input.character.card.firstMessage;
        if (greeting.trim()) {
          const content = expandMacros(greeting, {
            char: input.character.card.name,
            user: user.userName,
            now: now(),
            chatSeed: 0,
          });
          path = [
            {
              id: 'greeting',
              sessionId: '',
              parentId: null,
              role: 'assistant',
              content,
              status: 'complete',
              createdAt: 0,
              meta: {},
            },
          ];
        }
      }
      const history = [
        ...toHistory(path),
        { id: 'new', role: 'user' as const, content: input.text, createdAt: now().getTime() },
      ];
      const recall = await recallFor(
        { ...context, session: { ...context.session, ownerId: input.ownerId } },
        history,
      );
      return buildPrompt({ ...context, user }, history, input.counter, input.contextSize, true, recall);
    },
  };

  function draftSession(input: { ownerId: string; character: CharacterRecord }): SessionRecord {
    const time = now().getTime();
    return {
      id: 'dry-run',
      ownerId: input.ownerId,
      characterId: input.character.id,
      characterVersion: input.character.version,
      title: '',
      headId: null,
      seed: 0,
      createdAt: time,
      updatedAt: time,
    };
  }
}

export type ChatService = ReturnType<typeof createChatService>;

function toHistory(path: MessageRecord[]): HistoryMessage[] {
  return path.map((message) => ({
    id: message.id,
    role: message.role,
    content: message.content,
    createdAt: message.createdAt,
  }));
}
