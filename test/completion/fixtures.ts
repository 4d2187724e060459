// A session with a few declared cmdlets shaped like the Exchange ones, for completion tests.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineCmdlet } from '../../src/pipeline/cmdlet.ts';
import { BufferHost } from '../../src/runtime/host-ui.ts';
import { Session } from '../../src/runtime/session.ts';
import { EnumType, PSObject } from '../../src/runtime/values.ts';

export const Services = new EnumType('Microsoft.Exchange.Management.Tasks.AllowedServices', { None: 0, IMAP: 1, POP: 2, UM: 4, IIS: 8, SMTP: 16 }, true);
export const AuthMechanisms = new EnumType('Microsoft.Exchange.Data.AuthMechanisms', { None: 0, Tls: 1, Integrated: 2, BasicAuth: 4, BasicAuthRequireTLS: 8, ExchangeServer: 16, ExternalAuthoritative: 32 }, true);

export function completionSession(): { session: Session; root: string } {
  const session = new Session({ host: new BufferHost() });
  session.registerCmdlet(
    defineCmdlet({
      name: 'Get-ExchangeCertificate',
      synopsis: '',
      description: '',
      module: 'ExchangeManagement',
      parameters: {
        Thumbprint: {
          type: 'string',
          position: 0,
          description: '',
          complete: (_s, word) => ['A1B2C3D4', 'A1FF0000', 'B7E6'].filter((t) => t.startsWith(word.toUpperCase())),
        },
        Server: { type: 'string', description: '' },
      },
      examples: [],
    }),
  );
  session.registerCmdlet(
    defineCmdlet({
      name: 'Enable-ExchangeCertificate',
      synopsis: '',
      description: '',
      module: 'ExchangeManagement',
      supportsShouldProcess: true,
      parameters: {
        Thumbprint: { type: 'string', position: 0, description: '' },
        Services: { type: { enum: Services, array: true }, description: '' },
        Force: { type: 'switch', description: '' },
      },
      examples: [],
    }),
  );
  session.registerCmdlet(
    defineCmdlet({
      name: 'Set-ReceiveConnector',
      synopsis: '',
      description: '',
      module: 'ExchangeManagement',
      parameters: {
        Identity: { type: 'string', position: 0, description: '', complete: () => ['EDGE01\\Default internal receive connector EDGE01', 'EDGE01\\Inbound'] },
        AuthMechanism: { type: AuthMechanisms, description: '' },
        DomainSecureEnabled: { type: 'bool', description: '' },
        DomainController: { type: 'string', description: '' },
        ProtocolLoggingLevel: { type: 'string', validateSet: ['None', 'Verbose'], description: '' },
      },
      examples: [],
    }),
  );
  session.registerCmdlet(
    defineCmdlet({ name: 'Get-Item', synopsis: '', description: '', module: 'Microsoft.PowerShell.Management', aliases: ['gi'], parameters: { Path: { type: 'string[]', position: 0, description: '' } }, examples: [] }),
  );
  const cert = new PSObject(['Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate']);
  cert.setProperty('Thumbprint', 'A1B2C3D4');
  cert.setProperty('Services', 'SMTP');
  cert.setProperty('Subject', 'CN=mail.contoso.com');
  cert.defineMethod({ name: 'Export', invoke: () => null });
  session.globalScope.setLocal('cert', cert);
  session.globalScope.setLocal('ErrorCount', 0);
  const root = mkdtempSync(join(tmpdir(), 'emsh-complete-'));
  mkdirSync(join(root, 'certificates'));
  mkdirSync(join(root, 'certs old'));
  writeFileSync(join(root, 'certificates', 'request.p7c'), '');
  writeFileSync(join(root, 'certificates', 'contoso.pfx'), '');
  writeFileSync(join(root, 'readme.txt'), '');
  // A drive C: mapped to the temporary folder, as the file-system provider does under the state root.
  session.resolveNativePath = (p) => {
    const m = /^c:[\\/]?(.*)$/i.exec(p);
    const rest = (m ? m[1] : p).replace(/\\/g, '/');
    return join(root, rest === '.' ? '' : rest);
  };
  return { session, root };
}
