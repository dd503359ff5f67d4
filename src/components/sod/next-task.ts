/**
 * Lets a worker's waiting messages (a cancel) run. File reads resolve as microtasks and would hold
 * them back. A message on a channel, not `setTimeout(0)`: repeated timeouts are clamped to 4 ms
 * each, which over a large file adds up to a noticeable delay.
 */
const channel = new MessageChannel();

export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}
