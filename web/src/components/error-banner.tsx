/** A readable failure message with a dismiss button; announced to screen readers. */
import { useI18n } from '../i18n/i18n-context.js';

/** Shows `message` in an alert. */
export function ErrorBanner({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  const { t } = useI18n();
  return (
    <div className="error-banner" role="alert">
      <span>{message}</span>
      <button type="button" className="button ghost small" onClick={onDismiss}>
        {t('error.dismiss')}
      </button>
    </div>
  );
}
