import { type ReactNode, useEffect, useId, useRef } from "react";

interface ModalDialogProps {
  title: string;
  children: ReactNode;
  /** Called when the person presses Escape; leave out to keep the dialog open until it is answered. */
  onCancel?: () => void;
}

/**
 * A modal built on the native <dialog>: showModal() makes the rest of the page inert, keeps
 * focus inside and restores it afterwards, which hand-made focus traps often get wrong.
 */
export function ModalDialog({ title, children, onCancel }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.close();
      previouslyFocused?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel?.();
      }}
      onClose={() => {
        // Browsers may close a modal on a repeated Escape despite preventDefault; one that must
        // be answered opens again. After unmounting, the ref is empty and nothing reopens.
        const dialog = ref.current;
        if (!onCancel && dialog?.isConnected && !dialog.open) dialog.showModal();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
