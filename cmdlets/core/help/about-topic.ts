// An about_ topic: conceptual help written for emsh, shown by `Get-Help about_<name>`.

export interface AboutTopic {
  name: string;
  synopsis: string;
  /** The long description; lines are indented by four spaces when shown. */
  body: string;
}

/** The topic as Get-Help prints it (TOPIC / SHORT DESCRIPTION / LONG DESCRIPTION). */
export function aboutText(topic: AboutTopic): string[] {
  const body = topic.body.replace(/^\n/, '').replace(/\n+$/, '').split('\n');
  const lines = ['TOPIC', `    ${topic.name}`, '', 'SHORT DESCRIPTION', `    ${topic.synopsis}`, '', 'LONG DESCRIPTION'];
  for (const l of body) lines.push(l === '' ? '' : /^[A-Z][A-Z ]+$/.test(l) ? l : `    ${l}`);
  return lines;
}
