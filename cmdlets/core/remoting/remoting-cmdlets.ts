// PowerShell remoting, in the lab: PSSessions to lab computers (other organisations' state roots).
import { enterPSSessionCmdlet, exitPSSessionCmdlet } from './interactive-session.ts';
import { invokeCommandCmdlet } from './invoke-command.ts';
import { getPSSessionCmdlet, newPSSessionCmdlet, removePSSessionCmdlet } from './session-cmdlets.ts';

export const remotingCmdlets = [newPSSessionCmdlet, getPSSessionCmdlet, removePSSessionCmdlet, invokeCommandCmdlet, enterPSSessionCmdlet, exitPSSessionCmdlet];
