// Windows PowerShell 5.1's FileSystem views (FileSystem.format.ps1xml): the table grouped under
// `    Directory: C:\certificates` with Mode (7), LastWriteTime (25, right), Length (14, right) and Name;
// the list of Name, Length, times and Mode; and the wide view with `[folder]` names.
import { formatDate } from '../../src/runtime/date-format.ts';
import { registerView, type FormatView } from '../../src/format/views.ts';
import { DIRECTORY_INFO_TYPES, FILE_INFO_TYPES } from '../../src/providers/file-items.ts';
import { PSObject } from '../../src/runtime/values.ts';

function prop(obj: unknown, name: string): unknown {
  return obj instanceof PSObject ? obj.getProperty(name) : undefined;
}

function parentText(obj: unknown): string {
  const parent = String(prop(obj, 'PSParentPath') ?? '');
  return parent.replace(/^Microsoft\.PowerShell\.Core\\FileSystem::/, '');
}

/** `{0,10}  {1,8}` of the date's short date and short time (en-US). */
export function lastWriteTimeText(obj: unknown): string {
  const d = prop(obj, 'LastWriteTime');
  if (!(d instanceof Date)) return '';
  return `${formatDate(d, 'd').padStart(10)}  ${formatDate(d, 't').padStart(8)}`;
}

const table: FormatView = {
  kind: 'table',
  groupBy: { label: ' Directory', expression: (obj: unknown) => `${parentText(obj)}\n` },
  columns: [
    { label: 'Mode', expression: 'Mode', width: 7, alignment: 'left' },
    { label: 'LastWriteTime', expression: lastWriteTimeText, width: 25, alignment: 'right' },
    { label: 'Length', expression: (obj: unknown) => (prop(obj, 'PSIsContainer') ? '' : prop(obj, 'Length')), width: 14, alignment: 'right' },
    { label: 'Name', expression: 'Name' },
  ],
};

const fileList: FormatView = { kind: 'list', properties: ['Name', 'Length', 'CreationTime', 'LastWriteTime', 'LastAccessTime', 'Mode'] };
const dirList: FormatView = { kind: 'list', properties: ['Name', 'CreationTime', 'LastWriteTime', 'LastAccessTime', 'Mode'] };
const wide: FormatView = {
  kind: 'wide',
  property: { label: 'Name', expression: (obj: unknown) => (prop(obj, 'PSIsContainer') ? `[${prop(obj, 'Name')}]` : prop(obj, 'Name')) },
};

let registered = false;

/** Registers the views (idempotent). */
export function registerFileSystemViews(): void {
  if (registered) return;
  registered = true;
  for (const t of [FILE_INFO_TYPES[0], DIRECTORY_INFO_TYPES[0]]) {
    registerView(t, table);
    registerView(t, wide);
  }
  registerView(FILE_INFO_TYPES[0], fileList);
  registerView(DIRECTORY_INFO_TYPES[0], dirList);
}

registerFileSystemViews();
