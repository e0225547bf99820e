/** A modal confirmation on the native <dialog> (focus is trapped and Escape cancels). */
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context.js';

interface ConfirmDialogProps {
  open: boolean;
  message: string;
  confirmLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before something that cannot be undone. */
export function ConfirmDialog({ open, message, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="confirm-dialog" aria-label={message} onCancel={onCancel}>
      <p>{message}</p>
      <div className="row end">
        <button type="button" className="button ghost" onClick={onCancel}>
          {t('dialog.cancel')}
        </button>
        <button type="button" className="button danger" onClick={onConfirm}>
          {confirmLabel ?? t('dialog.confirm')}
        </button>
      </div>
    </dialog>
  );
}
