// An RFC 4180 CSV reader for checking protocol logs the way a spreadsheet would read them.

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') {
        quoted = false;
      } else {
        field += character;
      }
    } else if (character === '"' && field === '') {
      quoted = true;
    } else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      // handled at \n
    } else if (character === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += character;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface LogRow {
  dateTime: string;
  connectorId: string;
  sessionId: string;
  sequenceNumber: number;
  localEndpoint: string;
  remoteEndpoint: string;
  event: string;
  data: string;
  context: string;
}

/** Rows of a protocol log file (header lines skipped); throws if a row does not have 9 fields. */
export function parseProtocolLog(text: string): LogRow[] {
  const body = text.replace(/^\uFEFF/, '');
  return parseCsv(body)
    .filter((fields) => !fields[0]!.startsWith('#'))
    .map((fields) => {
      if (fields.length !== 9) throw new Error(`Protocol log row has ${fields.length} fields: ${JSON.stringify(fields)}`);
      const [dateTime, connectorId, sessionId, sequence, localEndpoint, remoteEndpoint, event, data, context] = fields as [string, string, string, string, string, string, string, string, string];
      return { dateTime, connectorId, sessionId, sequenceNumber: Number(sequence), localEndpoint, remoteEndpoint, event, data, context };
    });
}
