// Prompting for missing mandatory parameters, as the console host does:
//   cmdlet Get-Item at command pipeline position 1
//   Supply values for the following parameters:
//   Path[0]:
import type { Session } from '../runtime/session.ts';
import { SecureString } from '../runtime/values.ts';
import type { ParameterBinder } from './binder.ts';
import { BindingError } from './binding-error.ts';
import type { Cmdlet } from './cmdlet.ts';
import type { ParameterInfo } from './parameter-metadata.ts';

function isArrayType(p: ParameterInfo): boolean {
  const t = p.decl.type;
  return typeof t === 'string' ? t.endsWith('[]') : 'enum' in t;
}

export async function promptForMandatory(
  session: Session,
  cmdlet: Cmdlet,
  position: number,
  missing: ParameterInfo[],
  binder: ParameterBinder,
): Promise<void> {
  if (!session.interactive) {
    throw new BindingError(
      'MissingMandatoryParameter',
      `Cannot process command because of one or more missing mandatory parameters:${missing.map((m) => ` ${m.name}`).join('')}.`,
    );
  }
  const host = session.host;
  host.writeOutput(`\ncmdlet ${cmdlet.name} at command pipeline position ${position}\nSupply values for the following parameters:\n`);
  if (missing.some((m) => m.decl.helpMessage)) host.writeOutput('(Type !? for Help.)\n');
  for (const p of missing) {
    if (isArrayType(p)) {
      const values: string[] = [];
      for (let i = 0; ; i++) {
        const line = await host.readLine(`${p.name}[${i}]: `);
        if (line === null || line === '') break;
        values.push(line);
      }
      binder.bindPrompted(p, values);
    } else if (p.decl.type === 'securestring') {
      const line = await host.readSecret(`${p.name}: `);
      binder.bindPrompted(p, new SecureString(line ?? ''));
    } else {
      let line = await host.readLine(`${p.name}: `);
      while (line === '!?' && p.decl.helpMessage) {
        host.writeOutput(`${p.decl.helpMessage}\n`);
        line = await host.readLine(`${p.name}: `);
      }
      if (line === null) {
        throw new BindingError('MissingMandatoryParameter', `Cannot process command because of one or more missing mandatory parameters: ${p.name}.`);
      }
      binder.bindPrompted(p, line);
    }
  }
}
