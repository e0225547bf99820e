/** What every page needs: the API client, the signed-in user, navigation and the error banner. */
import { createContext, useContext } from 'react';
import type { UserAccount } from '../../../src/client/index.js';
import type { Api } from './api.js';
import type { Route } from './routes.js';
import type { ThemeChoice } from './theme.js';

export interface AppServices {
  api: Api;
  user: UserAccount;
  /** Goes to a route; `replace` swaps the history entry (redirects). */
  navigate: (route: Route, options?: { replace?: boolean }) => void;
  /** Shows a failure as a readable message in the page's alert area. */
  reportError: (error: unknown) => void;
  signOut: () => void;
  theme: ThemeChoice;
  setTheme: (theme: ThemeChoice) => void;
}

export const AppContext = createContext<AppServices | null>(null);

/** The app services; only inside the signed-in shell. */
export function useApp(): AppServices {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppContext');
  return value;
}
