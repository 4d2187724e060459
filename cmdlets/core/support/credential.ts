// PSCredential: a user name and a SecureString password (Get-Credential, New-Object PSCredential,
// `[pscredential]::new(...)`), with GetNetworkCredential() for code that needs the plain text.
import { DotNetType } from '../../../src/runtime/dotnet-type.ts';
import { PSException } from '../../../src/runtime/errors.ts';
import { registerType } from '../../../src/runtime/types.ts';
import { toPSString } from '../../../src/runtime/to-string.ts';
import { PSObject, SecureString, baseValue } from '../../../src/runtime/values.ts';

export const PS_CREDENTIAL = 'System.Management.Automation.PSCredential';

export function isCredential(value: unknown): value is PSObject {
  return value instanceof PSObject && value.typeName === PS_CREDENTIAL;
}

export function makeCredential(userName: string, password: SecureString): PSObject {
  const cred = new PSObject([PS_CREDENTIAL, 'System.Object']);
  cred.setProperty('UserName', userName, 'System.String');
  cred.setProperty('Password', password, 'System.Security.SecureString');
  cred.defineMethod({
    name: 'GetNetworkCredential',
    definition: 'System.Net.NetworkCredential GetNetworkCredential()',
    invoke: () => {
      const [domain, user] = userName.includes('\\') ? userName.split('\\', 2) : ['', userName];
      return PSObject.from({ UserName: user, Password: password.reveal(), SecurePassword: password, Domain: domain }, ['System.Net.NetworkCredential', 'System.Object']);
    },
  });
  return cred;
}

function construct(args: unknown[]): PSObject {
  if (args.length !== 2) {
    throw new PSException(`Cannot find an overload for "PSCredential" and the argument count: "${args.length}".`, 'System.Management.Automation.MethodException');
  }
  const user = toPSString(baseValue(args[0]));
  const password = baseValue(args[1]);
  if (!(password instanceof SecureString)) {
    throw new PSException(
      `Cannot convert argument "password", with value: "${toPSString(password)}", for "PSCredential" to type "System.Security.SecureString": "Cannot convert the "${toPSString(password)}" value of type "${typeof password === 'string' ? 'System.String' : 'System.Object'}" to type "System.Security.SecureString"."`,
      'System.Management.Automation.MethodException',
    );
  }
  return makeCredential(user, password);
}

let registered = false;

/** Registers `[pscredential]` / `[System.Management.Automation.PSCredential]` (idempotent). */
export function registerCredentialType(): void {
  if (registered) return;
  registered = true;
  registerType(
    new DotNetType({
      fullName: PS_CREDENTIAL,
      name: 'PSCredential',
      isInstance: isCredential,
      keepPSObject: true,
      staticMethods: { new: (args) => construct(args) },
      staticMembers: { Empty: () => makeCredential('', new SecureString('')) },
    }),
    'pscredential',
  );
}
