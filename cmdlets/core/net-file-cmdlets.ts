// The everyday network, file and XML cmdlets an Exchange admin uses to check a mail setup
// (Test-NetConnection, Resolve-DnsName, Get-FileHash, Export-/Import-Clixml, Get-/Set-ItemProperty),
// a group of their own so a session loads the DNS, socket and XML code only when one is used.
import type { Cmdlet } from '../../src/pipeline/cmdlet.ts';
import { exportClixml, importClixml } from './clixml/clixml-cmdlets.ts';
import { getFileHash } from './file-hash.ts';
import { getItemProperty, setItemProperty } from './item-properties.ts';
import { resolveDnsName } from './network/resolve-dns-name.ts';
import { testNetConnection } from './network/test-net-connection.ts';

export const netFileCmdlets: Cmdlet[] = [getFileHash, testNetConnection, resolveDnsName, exportClixml, importClixml, getItemProperty, setItemProperty];
