// Extension point for value kinds these modules do not know (the evaluator's ScriptBlock, CommandInfo...):
// an adapter answers member access for the values it matches, after the built-in kinds.
import type { MethodContext } from './dotnet-type.ts';

export interface MemberAdapter {
  matches(value: unknown): boolean;
  /** `found: false` when the value has no such property. */
  getMember?(value: unknown, name: string): { found: boolean; value?: unknown };
  /** Returns false when the value has no such settable property. */
  setMember?(value: unknown, name: string, newValue: unknown): boolean;
  invokeMethod?(value: unknown, name: string, args: unknown[], ctx: MethodContext | undefined): { found: boolean; value?: unknown };
  /** Property names and values, for `.psobject.Properties`, Get-Member and formatting. */
  properties?(value: unknown): { name: string; value: unknown; typeName?: string }[];
}

const adapters: MemberAdapter[] = [];

/** Registers an adapter; later registrations are consulted first. */
export function registerMemberAdapter(adapter: MemberAdapter): void {
  adapters.unshift(adapter);
}

export function adapterFor(value: unknown): MemberAdapter | undefined {
  return adapters.find((a) => a.matches(value));
}
