// The names every Exchange cmdlet declares: its module (Exchange 2007's snap-in) and the task class
// its FullyQualifiedErrorId names (`<ErrorId>,Microsoft.Exchange.Management.SystemConfigurationTasks.SetReceiveConnector`).

export const EXCHANGE_MODULE = 'Microsoft.Exchange.Management.PowerShell.Admin';

/** The commandId of an Exchange task: `Set-ReceiveConnector` → `...SystemConfigurationTasks.SetReceiveConnector`. */
export function exchangeTaskId(cmdletName: string, namespace = 'Microsoft.Exchange.Management.SystemConfigurationTasks'): string {
  return `${namespace}.${cmdletName.replace('-', '')}`;
}
