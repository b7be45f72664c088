/** ForceAtlas2 off the main thread for big graphs: the same chunked run as layout.ts does in place. */
import { runLayout, type LayoutProgress, type LayoutRequest } from './fa2-run.ts';

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  runLayout(event.data, (progress: LayoutProgress) => (self as unknown as Worker).postMessage(progress, [progress.xy.buffer]));
};
