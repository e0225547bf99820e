/**
 * A conversation with one character: the sessions list, the message tree's shown branch with swipes,
 * the composer with streaming replies, and the prompt inspector. With no session in the address,
 * the newest session opens (or a new one is started).
 */
import { useCallback, useEffect, useState } from 'react';
import type {
  Character,
  SessionRecord,
  SessionWithMessages,
  TurnStreamEvent,
} from '../../../src/client/index.js';
import { useI18n } from '../i18n/i18n-context.js';
import { StarlingApiError } from '../lib/api.js';
import { useApp } from '../lib/app-context.js';
import { savePersona, savedPersona } from '../lib/persona-choice.js';
import { conversationPath } from '../lib/tree.js';
import { ChatToolbar } from './chat-toolbar.js';
import { Composer } from './composer.js';
import { MemoryPanel } from './memory-panel.js';
import { MessageList, type StreamingTurn } from './message-list.js';
import { PromptInspector } from './prompt-inspector.js';
import { SessionList } from './session-list.js';

/** The chat page of `characterId`, showing `sessionId` (or the newest). */
export function ChatPage({ characterId, sessionId }: { characterId: string; sessionId: string | null }) {
  const { t } = useI18n();
  const { api, navigate, reportError } = useApp();
  const [character, setCharacter] = useState<Character | null>(null);
  const [sessions, setSessions] = useState<SessionRecord[]>([]);
  const [tree, setTree] = useState<SessionWithMessages | null>(null);
  const [streaming, setStreaming] = useState<StreamingTurn | null>(null);
  const [draft, setDraft] = useState('');
  const [model, setModel] = useState('');
  const [persona, setPersona] = useState(() => (sessionId ? savedPersona(sessionId) : ''));
  const [inspecting, setInspecting] = useState(false);
  const [remembering, setRemembering] = useState(false);
  const [showSessions, setShowSessions] = useState(false);

  const loadSessions = useCallback(
    () => api.sessions.list({ characterId, limit: 100 }).then(setSessions),
    [api, characterId],
  );

  useEffect(() => {
    api.characters.get(characterId).then(setCharacter).catch(reportError);
  }, [api, characterId, reportError]);

  useEffect(() => {
    let active = true;
    async function open() {
      const list = await api.sessions.list({ characterId, limit: 100 });
      if (!active) return;
      setSessions(list);
      if (sessionId) {
        const loaded = await api.sessions.get(sessionId);
        if (active) setTree(loaded);
        return;
      }
      const newest = list[0];
      const target = newest ? newest.id : (await api.sessions.create(characterId)).session.id;
      if (active) navigate({ name: 'chat', characterId, sessionId: target }, { replace: true });
    }
    open().catch(reportError);
    return () => {
      active = false;
    };
  }, [api, characterId, sessionId, navigate, reportError]);

  useEffect(() => setPersona(sessionId ? savedPersona(sessionId) : ''), [sessionId]);

  function choosePersona(personaId: string) {
    setPersona(personaId);
    if (sessionId) savePersona(sessionId, personaId);
  }

  const reload = useCallback(async () => {
    if (!sessionId) return;
    setTree(await api.sessions.get(sessionId));
  }, [api, sessionId]);

  async function runTurn(events: AsyncGenerator<TurnStreamEvent>, userText: string | null) {
    setStreaming({ userText, text: '' });
    try {
      for await (const event of events) {
        if (event.type === 'text-delta') {
          setStreaming((current) => (current ? { ...current, text: current.text + event.delta } : current));
        } else if (event.type === 'error') {
          reportError(new StarlingApiError(200, event.code, event.message));
        }
      }
    } catch (error) {
      reportError(error);
    } finally {
      setStreaming(null);
      await reload().catch(reportError);
      void loadSessions().catch(() => undefined);
    }
  }

  const turnOptions = { ...(model ? { model } : {}), ...(persona ? { personaId: persona } : {}) };

  function send(text: string) {
    if (!sessionId) return;
    setDraft('');
    void runTurn(api.messages.send(sessionId, text, turnOptions), text);
  }

  function regenerate(messageId?: string) {
    if (!sessionId) return;
    void runTurn(api.messages.regenerate(sessionId, { ...turnOptions, messageId }), null);
  }

  async function act(action: () => Promise<unknown>) {
    try {
      await action();
      await reload();
    } catch (error) {
      reportError(error);
    }
  }

  async function newSession() {
    try {
      const created = await api.sessions.create(characterId);
      await loadSessions();
      navigate({ name: 'chat', characterId, sessionId: created.session.id });
    } catch (error) {
      reportError(error);
    }
  }

  async function deleteSession(id: string) {
    try {
      await api.sessions.remove(id);
      const list = await api.sessions.list({ characterId, limit: 100 });
      setSessions(list);
      if (id === sessionId) {
        const next = list[0];
        if (next) navigate({ name: 'chat', characterId, sessionId: next.id }, { replace: true });
        else navigate({ name: 'gallery' });
      }
    } catch (error) {
      reportError(error);
    }
  }

  const name = character?.card.name ?? '';
  const path = tree ? conversationPath(tree.messages, tree.headId) : [];
  return (
    <div className={inspecting || remembering ? 'chat-layout inspecting' : 'chat-layout'}>
      <SessionList
        sessions={sessions}
        currentId={sessionId}
        open={showSessions}
        onClose={() => setShowSessions(false)}
        onOpen={(id) => {
          setShowSessions(false);
          navigate({ name: 'chat', characterId, sessionId: id });
        }}
        onNew={() => void newSession()}
        onDelete={(id) => void deleteSession(id)}
      />
      <section className="chat-main" aria-label={t('chat.messages')}>
        <ChatToolbar
          characterId={characterId}
          name={name}
          model={model}
          onModel={setModel}
          persona={persona}
          onPersona={choosePersona}
          inspecting={inspecting}
          onInspect={() => {
            setInspecting(!inspecting);
            setRemembering(false);
          }}
          remembering={remembering}
          onMemory={() => {
            setRemembering(!remembering);
            setInspecting(false);
          }}
          onShowSessions={() => setShowSessions(true)}
        />
        {tree === null ? (
          <p className="muted center" role="status">
            {t('chat.loading')}
          </p>
        ) : (
          <MessageList
            characterId={characterId}
            characterName={name}
            path={path}
            streaming={streaming}
            onSwipe={(messageId) => void act(() => api.sessions.setHead(tree.session.id, messageId))}
            onRegenerate={regenerate}
            onEdit={(messageId, content) => void act(() => api.messages.edit(messageId, content))}
            onBranch={(messageId) => void act(() => api.sessions.branch(tree.session.id, messageId))}
            onDelete={(messageId) => void act(() => api.messages.remove(messageId))}
          />
        )}
        <Composer
          name={name}
          draft={draft}
          onDraft={setDraft}
          busy={streaming !== null}
          onSend={send}
          onStop={() => sessionId && void api.messages.abort(sessionId).catch(reportError)}
        />
      </section>
      {inspecting && sessionId && (
        <PromptInspector
          sessionId={sessionId}
          draft={draft}
          personaId={persona}
          version={tree?.messages.length ?? 0}
          onClose={() => setInspecting(false)}
        />
      )}
      {remembering && (
        <MemoryPanel
          characterId={characterId}
          version={tree?.messages.length ?? 0}
          onClose={() => setRemembering(false)}
        />
      )}
    </div>
  );
}
