// -WhatIf / -Confirm with Exchange's texts. Exchange tasks call ShouldProcess with one message, so
// PowerShell prints `What if: Setting Send connector "Internet".` and asks
// "Are you sure you want to perform this action?\nSetting Send connector "Internet"." — not the
// `Performing the operation "X" on target "Y".` of ShouldProcess(target, action).
//
// The pipeline's CmdletContext offers only the (target, action) form, so this helper lets it decide
// (-WhatIf, -Confirm, $WhatIfPreference, $ConfirmPreference, Yes/No to All all keep working) and
// rewrites that one sentence in what the host prints or asks while the call lasts.
// TODO(pipeline): replace with a message form of ctx.shouldProcess when the pipeline offers one.
import type { CmdletContext } from '../../src/pipeline/context.ts';
import type { HostUI } from '../../src/runtime/host-ui.ts';

/** ShouldProcess(message): false under -WhatIf (after `What if: <message>`) or when the user declines. */
export async function shouldProcessMessage(ctx: CmdletContext, message: string): Promise<boolean> {
  const host = ctx.session.host;
  const generic = `Performing the operation "${ctx.cmdlet.name}" on target "${message}".`;
  const rewrite = (text: string) => text.split(generic).join(message);
  const restoreOutput = intercept(host, 'writeOutput', (original) => (text: string) => original(rewrite(text)));
  const restorePrompt = intercept(host, 'promptForChoice', (original) => (caption, text, choices, index) => original(caption, rewrite(text), choices, index));
  try {
    return await ctx.shouldProcess(message);
  } finally {
    restorePrompt();
    restoreOutput();
  }
}

type HostMethod = 'writeOutput' | 'promptForChoice';

/** Wraps one host method until the returned function is called. */
function intercept<K extends HostMethod>(host: HostUI, name: K, wrap: (original: HostUI[K]) => HostUI[K]): () => void {
  const own = Object.hasOwn(host, name);
  const previous = host[name];
  host[name] = wrap(previous.bind(host) as HostUI[K]);
  return () => {
    if (own) host[name] = previous;
    else delete (host as Partial<HostUI>)[name];
  };
}
