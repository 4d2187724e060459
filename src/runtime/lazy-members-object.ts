// A PSObject whose members are made the first time any member is asked for: for objects every call
// creates and few scripts read ($MyInvocation, $PSCmdlet).
import { PSObject, type PSMethodDefinition, type PSPropertyDefinition } from './values.ts';

export abstract class LazyMembersObject extends PSObject {
  private filled = false;

  /** Defines the object's properties and methods (called once, before the first member access). */
  protected abstract defineMembers(): void;

  private fill(): void {
    if (this.filled) return;
    this.filled = true;
    this.defineMembers();
  }

  override setProperty(name: string, value: unknown, typeName?: string): void {
    this.fill();
    super.setProperty(name, value, typeName);
  }
  override defineProperty(def: PSPropertyDefinition): void {
    this.fill();
    super.defineProperty(def);
  }
  override defineMethod(def: PSMethodDefinition): void {
    this.fill();
    super.defineMethod(def);
  }
  override hasProperty(name: string): boolean {
    this.fill();
    return super.hasProperty(name);
  }
  override getPropertyDefinition(name: string): PSPropertyDefinition | undefined {
    this.fill();
    return super.getPropertyDefinition(name);
  }
  override getProperty(name: string): unknown {
    this.fill();
    return super.getProperty(name);
  }
  override removeProperty(name: string): boolean {
    this.fill();
    return super.removeProperty(name);
  }
  override propertyNames(): string[] {
    this.fill();
    return super.propertyNames();
  }
  override properties(): PSPropertyDefinition[] {
    this.fill();
    return super.properties();
  }
  override getMethod(name: string): PSMethodDefinition | undefined {
    this.fill();
    return super.getMethod(name);
  }
  override methodDefinitions(): PSMethodDefinition[] {
    this.fill();
    return super.methodDefinitions();
  }
  override copy(): PSObject {
    this.fill();
    return super.copy();
  }
}
