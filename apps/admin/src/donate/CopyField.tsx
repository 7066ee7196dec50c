import { useState } from 'react';
import type { Strings } from './strings';

/** Clipboard API where the page is a secure context; the old selection copy elsewhere (plain http on a LAN). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const done = document.execCommand('copy');
  area.remove();
  return done;
}

/** One bank detail with its own copy button; the value stays selectable text. */
export function CopyField({ label, value, s, testId }: { label: string; value: string; s: Strings; testId: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div className="donate__field" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className="donate__value">{value}</span>
        <button
          type="button"
          onClick={async () => {
            setState((await copyText(value)) ? 'copied' : 'failed');
            setTimeout(() => setState('idle'), 2500);
          }}
        >
          {state === 'copied' ? s.copied : s.copy}
          <span className="donate__sr-only">: {label}</span>
        </button>
        <span role="status" className="donate__copied">
          {state === 'copied' ? `${label}: ${s.copied}` : state === 'failed' ? s.copyFailed : ''}
        </span>
      </dd>
    </div>
  );
}
