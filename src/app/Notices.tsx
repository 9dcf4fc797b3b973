/** Messages to the user (import results, failures), each dismissible, details as a list. */
import { dismiss, type Notice } from './store.ts';

/** The message list. */
export function Notices({ notices }: { notices: Notice[] }) {
  if (notices.length === 0) return null;
  return (
    <section class="notices" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} class={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <div class="notice-head">
            <span>{n.text}</span>
            <button type="button" class="link" onClick={() => dismiss(n.id)} aria-label="关闭此消息">
              关闭
            </button>
          </div>
          {n.details && (
            <ul>
              {n.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
