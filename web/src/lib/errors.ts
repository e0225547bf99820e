/** Turns any failure into a sentence for people: the server's message, never a stack trace. */
import { StarlingApiError } from './api.js';
import type { Translate } from '../i18n/i18n.js';

/** A readable message for an error thrown by the API client or the browser. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof StarlingApiError) {
    if (error.code === 'network_error') return t('error.network');
    if (error.code === 'csrf_failed' || error.code === 'unauthorized') return t('error.signedOut');
    return error.message;
  }
  if (error instanceof Error && error.name === 'AbortError') return t('error.aborted');
  return t('error.unknown');
}
