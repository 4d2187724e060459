// The lab's computers: which state root each lab server lives in, so that `New-PSSession
// -ComputerName mail.woodgrovebank.com` (and Invoke-Command, Enter-PSSession) can reach the partner
// organisation from another shell. Initialize-LabOrganization records every server it creates
// (name and FQDN); the first Edge is the organisation's local server, the one its shell runs as.
//
// It sits beside the lab DNS registry (lab-dns.ts), sharing its location ($EMSH_LAB_REGISTRY, else
// emsh-lab-registry.json beside the state root): `<registry>-machines.json`, with its own lock.
// A separate document because the transport service rewrites the DNS entries when it starts and
// removes them when it stops, while a computer stays known until its organisation is set up again.
import path from 'node:path';
import type { DocumentSpec, DocumentStore } from './documents.ts';
import { resolveLabRegistryPath, sharedLabDocument } from './lab-dns.ts';

export interface LabMachine {
  /** The NetBIOS-style name (mail1). */
  name: string;
  /** The FQDN (mail1.contoso.com). */
  fqdn: string;
  role: 'Edge' | 'HubTransport';
  /** An Edge's lab Inet port (127.0.0.1), so that another organisation picks other ports. */
  port?: number;
  /** The organisation's local server: the one a shell on its state root runs as. */
  local: boolean;
  organization: string;
  domain: string;
  stateRoot: string;
  registeredAt: string;
}

interface LabMachinesDocument {
  schemaVersion: number;
  machines: LabMachine[];
}

export class LabMachineRegistry {
  readonly file: string;
  readonly #documents: DocumentStore;
  readonly #spec: DocumentSpec<LabMachinesDocument>;

  constructor(dnsRegistryFile: string) {
    const dns = path.resolve(dnsRegistryFile);
    this.file = path.join(path.dirname(dns), `${path.basename(dns, '.json')}-machines.json`);
    const shared = sharedLabDocument<LabMachinesDocument>(this.file, 'emsh lab machines', (raw) => ({
      schemaVersion: 1,
      machines: (raw.machines as LabMachine[] | undefined) ?? [],
    }));
    this.#documents = shared.documents;
    this.#spec = shared.spec;
  }

  /** The registry shared by the lab organisations of a state root (honouring $EMSH_LAB_REGISTRY). */
  static forStateRoot(stateRoot: string, env: NodeJS.ProcessEnv = process.env): LabMachineRegistry {
    return new LabMachineRegistry(resolveLabRegistryPath(stateRoot, env));
  }

  /** Records an organisation's servers, replacing what its state root recorded before and any server of the same name. */
  registerOrganization(stateRoot: string, machines: Omit<LabMachine, 'stateRoot' | 'registeredAt'>[]): LabMachine[] {
    const root = path.resolve(stateRoot);
    const registeredAt = new Date().toISOString();
    const added = machines.map((m) => ({ ...m, stateRoot: root, registeredAt }));
    const names = new Set(added.flatMap((m) => [m.name.toLowerCase(), m.fqdn.toLowerCase()]));
    this.#documents.update(this.#spec, (doc) => ({
      ...doc,
      machines: [...doc.machines.filter((m) => path.resolve(m.stateRoot) !== root && !names.has(m.fqdn.toLowerCase())), ...added],
    }));
    return added;
  }

  /** The computer named `name` (FQDN, or the short name when only one server has it), case-insensitive. */
  resolve(name: string): LabMachine | undefined {
    const wanted = name.trim().toLowerCase();
    const machines = this.list();
    const byFqdn = machines.find((m) => m.fqdn.toLowerCase() === wanted);
    if (byFqdn) return byFqdn;
    const byName = machines.filter((m) => m.name.toLowerCase() === wanted);
    return byName.length === 1 ? byName[0] : undefined;
  }

  /** The local server of the organisation at a state root. */
  localMachineOf(stateRoot: string): LabMachine | undefined {
    const root = path.resolve(stateRoot);
    return this.list().find((m) => m.local && path.resolve(m.stateRoot) === root);
  }

  list(): LabMachine[] {
    return this.#documents.read(this.#spec).machines;
  }
}
