// The ink view of the shell: finished lines in <Static> (written once, never redrawn), the live rows
// (prompt, completion list, search status, progress) below, and the terminal cursor placed in the
// input. Input bypasses useInput: raw events go to the controller, which decodes keys and pastes.
import { Box, Static, Text, useApp, useCursor, useStdin, useStdout } from 'ink';
import { useEffect, useSyncExternalStore } from 'react';
import type { Echo, ShellController } from './shell-controller.ts';

export function ShellView({ controller }: { controller: ShellController }) {
  const snap = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const { internal_eventEmitter: events, setRawMode, isRawModeSupported } = useStdin();
  const { write, stdout } = useStdout();
  const { exit } = useApp();
  const { setCursorPosition } = useCursor();

  useEffect(() => controller.attach(write), [controller, write]);

  useEffect(() => {
    if (isRawModeSupported) setRawMode(true);
    const onInput = (data: string) => controller.handleInput(data);
    events.on('input', onInput);
    return () => {
      events.off('input', onInput);
      if (isRawModeSupported) setRawMode(false);
    };
  }, [controller, events, setRawMode, isRawModeSupported]);

  useEffect(() => {
    const onResize = () => controller.resized();
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [controller, stdout]);

  useEffect(() => {
    if (snap.done) exit();
  }, [snap.done, exit]);

  setCursorPosition(snap.cursor);
  return (
    <>
      <Static items={snap.echoes as Echo[]}>{(e) => <Text key={e.id}>{e.text}</Text>}</Static>
      <Box flexDirection="column">
        {snap.rows.map((row, i) => (
          <Text key={i} wrap="truncate-end">
            {row === '' ? ' ' : row}
          </Text>
        ))}
      </Box>
    </>
  );
}
