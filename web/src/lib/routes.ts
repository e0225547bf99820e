/** Client-side routes: paths the server answers with index.html, parsed into a typed route. */
export type Route =
  | { name: 'gallery' }
  | { name: 'chat'; characterId: string; sessionId: string | null }
  | { name: 'editor'; characterId: string }
  | { name: 'settings' }
  | { name: 'audit' }
  | { name: 'users' };

/** Parses a location pathname. Unknown paths show the gallery. */
export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'audit') return { name: 'audit' };
  if (parts[0] === 'users') return { name: 'users' };
  if (parts[0] === 'characters' && parts[1]) {
    if (parts[2] === 'edit') return { name: 'editor', characterId: parts[1] };
    if (parts[2] === 'chat') return { name: 'chat', characterId: parts[1], sessionId: parts[3] ?? null };
  }
  return { name: 'gallery' };
}

/** The pathname of a route. */
export function routePath(route: Route): string {
  const id = (value: string) => encodeURIComponent(value);
  switch (route.name) {
    case 'gallery':
      return '/';
    case 'settings':
      return '/settings';
    case 'audit':
      return '/audit';
    case 'users':
      return '/users';
    case 'editor':
      return `/characters/${id(route.characterId)}/edit`;
    case 'chat':
      return `/characters/${id(route.characterId)}/chat${route.sessionId ? `/${id(route.sessionId)}` : ''}`;
  }
}
