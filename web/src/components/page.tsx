/** Picks the page for the current route. */
import type { Route } from '../lib/routes.js';
import { AuditPage } from './audit-page.js';
import { ChatPage } from './chat-page.js';
import { EditorPage } from './editor-page.js';
import { GalleryPage } from './gallery-page.js';
import { SettingsPage } from './settings-page.js';
import { UsersPage } from './users-page.js';

/** The page of `route`; keyed so that moving between characters starts fresh. */
export function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'gallery':
      return <GalleryPage />;
    case 'settings':
      return <SettingsPage />;
    case 'audit':
      return <AuditPage />;
    case 'users':
      return <UsersPage />;
    case 'editor':
      return <EditorPage key={route.characterId} characterId={route.characterId} />;
    case 'chat':
      return <ChatPage key={route.characterId} characterId={route.characterId} sessionId={route.sessionId} />;
  }
}
