// Write-Progress as live rows under the output, in the console host's shape:
//   Activity
//       Status
//       [ooooooooooooo                                      ]
import type { ProgressRecord } from '../../runtime/host-ui.ts';
import type { Row } from './layout.ts';

export function progressRows(records: readonly ProgressRecord[], width: number): Row[] {
  const rows: Row[] = [];
  const clip = (s: string) => (s.length > width ? `${s.slice(0, Math.max(0, width - 3))}...` : s);
  for (const r of records) {
    rows.push([{ text: clip(r.activity), style: 'command' }]);
    rows.push([{ text: clip(`    ${r.status}`), style: 'command' }]);
    if (r.percentComplete >= 0) {
      const inner = Math.max(10, Math.min(width, 80) - 6);
      const filled = Math.round((Math.min(100, r.percentComplete) / 100) * inner);
      rows.push([{ text: `    [${'o'.repeat(filled)}${' '.repeat(inner - filled)}]`, style: 'command' }]);
    }
    if (r.currentOperation) rows.push([{ text: clip(`    ${r.currentOperation}`), style: 'command' }]);
  }
  return rows;
}
